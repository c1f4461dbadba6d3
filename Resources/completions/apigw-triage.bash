#!/bin/bash

__apigw-triage_cursor_index_in_current_word() {
    local remaining="${COMP_LINE}"

    local word
    for word in "${COMP_WORDS[@]::COMP_CWORD}"; do
        remaining="${remaining##*([[:space:]])"${word}"*([[:space:]])}"
    done

    local -ir index="$((COMP_POINT - ${#COMP_LINE} + ${#remaining}))"
    if [[ "${index}" -le 0 ]]; then
        printf 0
    else
        printf %s "${index}"
    fi
}

# positional arguments:
#
# - 1: the current (sub)command's count of positional arguments
#
# required variables:
#
# - repeating_flags: the repeating flags that the current (sub)command can accept
# - non_repeating_flags: the non-repeating flags that the current (sub)command can accept
# - repeating_options: the repeating options that the current (sub)command can accept
# - non_repeating_options: the non-repeating options that the current (sub)command can accept
# - positional_number: value ignored
# - unparsed_words: unparsed words from the current command line
#
# modified variables:
#
# - non_repeating_flags: remove flags for this (sub)command that are already on the command line
# - non_repeating_options: remove options for this (sub)command that are already on the command line
# - positional_number: set to the current positional number
# - unparsed_words: remove all flags, options, and option values for this (sub)command
__apigw-triage_offer_flags_options() {
    local -ir positional_count="${1}"
    positional_number=0

    local was_flag_option_terminator_seen=false
    local is_parsing_option_value=false

    local -ar unparsed_word_indices=("${!unparsed_words[@]}")
    local -i word_index
    for word_index in "${unparsed_word_indices[@]}"; do
        if "${is_parsing_option_value}"; then
            # This word is an option value:
            # Reset marker for next word iff not currently the last word
            [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]] && is_parsing_option_value=false
            unset "unparsed_words[${word_index}]"
            # Do not process this word as a flag or an option
            continue
        fi

        local word="${unparsed_words["${word_index}"]}"
        if ! "${was_flag_option_terminator_seen}"; then
            case "${word}" in
            --)
                unset "unparsed_words[${word_index}]"
                # by itself -- is a flag/option terminator, but if it is the last word, it is the start of a completion
                if [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]]; then
                    was_flag_option_terminator_seen=true
                fi
                continue
                ;;
            -*)
                # ${word} is a flag or an option
                # If ${word} is an option, mark that the next word to be parsed is an option value
                local option
                for option in "${repeating_options[@]}" "${non_repeating_options[@]}"; do
                    [[ "${word}" = "${option}" ]] && is_parsing_option_value=true && break
                done

                # Remove ${word} from ${non_repeating_flags} or ${non_repeating_options} so it isn't offered again
                local not_found=true
                local -i index
                for index in "${!non_repeating_flags[@]}"; do
                    if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                        unset "non_repeating_flags[${index}]"
                        non_repeating_flags=("${non_repeating_flags[@]}")
                        not_found=false
                        break
                    fi
                done
                if "${not_found}"; then
                    for index in "${!non_repeating_flags[@]}"; do
                        if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                            unset "non_repeating_flags[${index}]"
                            non_repeating_flags=("${non_repeating_flags[@]}")
                            break
                        fi
                    done
                fi
                unset "unparsed_words[${word_index}]"
                continue
                ;;
            esac
        fi

        # ${word} is neither a flag, nor an option, nor an option value
        if [[ "${positional_number}" -lt "${positional_count}" || "${positional_count}" -lt 0 ]]; then
            # ${word} is a positional
            ((positional_number++))
            unset "unparsed_words[${word_index}]"
        else
            if [[ -z "${word}" ]]; then
                # Could be completing a flag, option, or subcommand
                positional_number=-1
            else
                # ${word} is a subcommand or invalid, so stop processing this (sub)command
                positional_number=-2
            fi
            break
        fi
    done

    unparsed_words=("${unparsed_words[@]}")

    if\
        ! "${was_flag_option_terminator_seen}"\
        && ! "${is_parsing_option_value}"\
        && [[ ("${cur}" = -* && "${positional_number}" -ge 0) || "${positional_number}" -eq -1 ]]
    then
        COMPREPLY+=($(compgen -W "${repeating_flags[*]} ${non_repeating_flags[*]} ${repeating_options[*]} ${non_repeating_options[*]}" -- "${cur}"))
    fi
}

__apigw-triage_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

__apigw-triage_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

_apigw-triage() {
    local state
    state="$(shopt -p;shopt -po)"
    trap "${state//$'\n'/;}" RETURN
    shopt -s extglob
    set +o history +o posix

    local -xr SAP_SHELL=bash
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(IFS='.';printf %s "${BASH_VERSINFO[*]}")"
    local -r SAP_SHELL_VERSION

    local -r cur="${2}"
    local -r prev="${3}"

    local -i positional_number
    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")

    local -a repeating_flags=()
    local -a non_repeating_flags=(--version -h --help)
    local -a repeating_options=()
    local -a non_repeating_options=()
    __apigw-triage_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    wizard|scan|train|fix|causes|lint|graph|sessions|collect|help)
        # Offer subcommand argument completions
        "_apigw-triage_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'wizard scan train fix causes lint graph sessions collect help' -- "${cur}"))
        ;;
    esac
}

_apigw-triage_wizard() {
    repeating_flags=()
    non_repeating_flags=(--plain --no-color --ascii --explain --resume --force --no-mask --version -h --help)
    repeating_options=(--fact --evidence)
    non_repeating_options=(--content --start --report --report-format)
    __apigw-triage_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--content')
        __apigw-triage_add_completions -d
        return
        ;;
    '--fact')
        return
        ;;
    '--start')
        __apigw-triage_add_completions -W '500'$'\n''502'$'\n''503'$'\n''504'$'\n''unsure'
        return
        ;;
    '--report')
        return
        ;;
    '--report-format')
        __apigw-triage_add_completions -W 'markdown'$'\n''json'
        return
        ;;
    '--evidence')
        __apigw-triage_add_completions -f
        return
        ;;
    esac
}

_apigw-triage_scan() {
    repeating_flags=()
    non_repeating_flags=(--no-mask --version -h --help)
    repeating_options=()
    non_repeating_options=(--format --content)
    __apigw-triage_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--format')
        __apigw-triage_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--content')
        __apigw-triage_add_completions -d
        return
        ;;
    esac
}

_apigw-triage_train() {
    repeating_flags=()
    non_repeating_flags=(--list --explain --plain --no-color --ascii --version -h --help)
    repeating_options=()
    non_repeating_options=(--scenarios --content)
    __apigw-triage_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--scenarios')
        __apigw-triage_add_completions -d
        return
        ;;
    '--content')
        __apigw-triage_add_completions -d
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __apigw-triage_add_completions -W 'annual-report-504'$'\n''authorizer-new-function'$'\n''beta-alias-permission'$'\n''billing-cert-expired'$'\n''cfn-integration-get'$'\n''checkout-new-route'$'\n''export-too-large'$'\n''flash-sale-throttle'$'\n''health-mock-template'$'\n''http-api-missing-permission'$'\n''inventory-connection-closed'$'\n''invoice-mapping-404'$'\n''kms-env-decrypt'$'\n''orders-body-object'$'\n''partner-maintenance-503'$'\n''private-orders-unhealthy'$'\n''profile-keyerror'$'\n''queue-role-trust'$'\n''reports-function-timeout'$'\n''search-http-api-503'$'\n''staging-stage-variable-url'$'\n''waf-intermittent'
        return
        ;;
    esac
}

_apigw-triage_fix() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=(--fact)
    non_repeating_options=(--format --content)
    __apigw-triage_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--fact')
        return
        ;;
    '--format')
        __apigw-triage_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--content')
        __apigw-triage_add_completions -d
        return
        ;;
    esac
}

_apigw-triage_causes() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--format --content)
    __apigw-triage_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--format')
        __apigw-triage_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--content')
        __apigw-triage_add_completions -d
        return
        ;;
    esac
}

_apigw-triage_lint() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--content)
    __apigw-triage_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--content')
        __apigw-triage_add_completions -d
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __apigw-triage_add_completions -d
        return
        ;;
    esac
}

_apigw-triage_graph() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--format --content)
    __apigw-triage_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--format')
        __apigw-triage_add_completions -W 'dot'$'\n''mermaid'$'\n''json'$'\n''outline'
        return
        ;;
    '--content')
        __apigw-triage_add_completions -d
        return
        ;;
    esac
}

_apigw-triage_sessions() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __apigw-triage_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|rm)
        # Offer subcommand argument completions
        "_apigw-triage_sessions_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list rm' -- "${cur}"))
        ;;
    esac
}

_apigw-triage_sessions_list() {
    repeating_flags=()
    non_repeating_flags=(--prune --version -h --help)
    repeating_options=()
    non_repeating_options=(--format --older-than)
    __apigw-triage_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--format')
        __apigw-triage_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--older-than')
        return
        ;;
    esac
}

_apigw-triage_sessions_rm() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __apigw-triage_offer_flags_options -1
}

_apigw-triage_collect() {
    repeating_flags=()
    non_repeating_flags=(--allow-invoke --version -h --help)
    repeating_options=(--function)
    non_repeating_options=(--api-id --stage --region --api-type --since --until --request-id --out --profile --max-items --resource-id --http-method --path --script)
    __apigw-triage_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--api-id')
        return
        ;;
    '--stage')
        return
        ;;
    '--region')
        return
        ;;
    '--api-type')
        __apigw-triage_add_completions -W 'rest'$'\n''http'$'\n''websocket'
        return
        ;;
    '--since')
        return
        ;;
    '--until')
        return
        ;;
    '--request-id')
        return
        ;;
    '--function')
        return
        ;;
    '--out')
        return
        ;;
    '--profile')
        return
        ;;
    '--max-items')
        return
        ;;
    '--resource-id')
        return
        ;;
    '--http-method')
        return
        ;;
    '--path')
        return
        ;;
    '--script')
        return
        ;;
    esac
}

_apigw-triage_help() {
    repeating_flags=()
    non_repeating_flags=(--version)
    repeating_options=()
    non_repeating_options=()
    __apigw-triage_offer_flags_options -1
}

complete -o filenames -F _apigw-triage apigw-triage
