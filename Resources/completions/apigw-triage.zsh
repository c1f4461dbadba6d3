#compdef apigw-triage

__apigw-triage_complete() {
    local -ar non_empty_completions=("${@:#(|:*)}")
    local -ar empty_completions=("${(M)@:#(|:*)}")
    _describe -V '' non_empty_completions -- empty_completions -P $'\'\''
}

__apigw-triage_custom_complete() {
    local -a completions
    completions=("${(@f)"$("${command_name}" "${@}" "${command_line[@]}")"}")
    if [[ "${#completions[@]}" -gt 1 ]]; then
        __apigw-triage_complete "${completions[@]:0:-1}"
    fi
}

__apigw-triage_cursor_index_in_current_word() {
    if [[ -z "${QIPREFIX}${IPREFIX}${PREFIX}" ]]; then
        printf 0
    else
        printf %s "${#${(z)LBUFFER}[-1]}"
    fi
}

_apigw-triage() {
    emulate -RL zsh -G
    setopt extendedglob nullglob numericglobsort
    unsetopt aliases banghist

    local -xr SAP_SHELL=zsh
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(builtin emulate zsh -c 'printf %s "${ZSH_VERSION}"')"
    local -r SAP_SHELL_VERSION

    local context state state_descr line
    local -A opt_args

    local -r command_name="${words[1]}"
    local -ar command_line=("${words[@]}")
    local -ir current_word_index="$((CURRENT - 1))"

    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'wizard:Ask questions until the cause is found, then show the fix (the default command).'
            'scan:Classify evidence files: every 5xx found, grouped by cause, with the lines that show it.'
            'train:Practise on a training scenario: a ticket, its evidence files, the wizard, and a verdict.'
            'fix:Print the fix for a cause id (see '\''apigw-triage causes'\'').'
            'causes:List the cause catalogue.'
            'lint:Check a content folder (the built-in content when no folder is given).'
            'graph:Export the decision tree.'
            'sessions:List saved sessions ('\''apigw-triage --resume ID'\'' continues one); prune or remove them.'
            'collect:Print a read-only script that gathers an API'\''s evidence into a folder for '\''scan'\''.'
            'help:Show subcommand help information.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        wizard|scan|train|fix|causes|lint|graph|sessions|collect|help)
            "_apigw-triage_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_apigw-triage_wizard() {
    local -i ret=1
    local -ar ___start=('500' '502' '503' '504' 'unsure')
    local -ar ___report_format=('markdown' 'json')
    local -ar arg_specs=(
        '--content[Use the decision tree in this folder instead of the built-in one.]:dir:_files -/'
        '*--fact[A fact for the commands, e.g. --fact api_id=a1b2c3d4e5 (repeatable).]:key=value:'
        '--plain[Plain line mode\: one question per line, answers read one per line from standard input.]'
        '--start[Start at a branch\: 500, 502, 503, 504 or unsure.]:branch:{__apigw-triage_complete "${___start[@]}"}'
        '--no-color[No colour (also when NO_COLOR is set).]'
        '--ascii[Draw no box characters.]'
        '--explain[Learn mode\: explain every question and the rule behind each step.]'
        '--report[Write a report of the session to this file when the wizard ends (Markdown, or JSON for a .json file).]:file:'
        '--report-format[markdown or json, for --report and for '\''save'\'' (default\: from the file name).]:format:{__apigw-triage_complete "${___report_format[@]}"}'
        '--resume[Continue the last unfinished session, or the one whose id follows (--resume ID; '\''apigw-triage sessions'\'' lists them).]'
        ':session-id:'
        '--force[Let --report and '\''save'\'' replace an existing file without asking.]'
        '--no-mask[Do not mask secrets found in evidence (keys, tokens, cookies, passwords).]'
        '--evidence[Read these files first (logs, AWS CLI output, templates, curl output) and start where they point.]:file:_files'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_apigw-triage_scan() {
    local -i ret=1
    local -ar ___format=('text' 'json')
    local -ar arg_specs=(
        '*:file:'
        '--format[text or json.]:format:{__apigw-triage_complete "${___format[@]}"}'
        '--content[Use the decision tree in this folder instead of the built-in one.]:dir:_files -/'
        '--no-mask[Do not mask secrets found in evidence (keys, tokens, cookies, passwords).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_apigw-triage_train() {
    local -i ret=1
    local -ar _scenario=('annual-report-504' 'authorizer-new-function' 'beta-alias-permission' 'billing-cert-expired' 'cfn-integration-get' 'checkout-new-route' 'export-too-large' 'flash-sale-throttle' 'health-mock-template' 'http-api-missing-permission' 'inventory-connection-closed' 'invoice-mapping-404' 'kms-env-decrypt' 'orders-body-object' 'partner-maintenance-503' 'private-orders-unhealthy' 'profile-keyerror' 'queue-role-trust' 'reports-function-timeout' 'search-http-api-503' 'staging-stage-variable-url' 'waf-intermittent')
    local -ar arg_specs=(
        ':scenario:{__apigw-triage_complete "${_scenario[@]}"}'
        '--list[List the scenarios (number, level, status, title) and exit.]'
        '--scenarios[Use the scenarios in this folder (one subfolder each) instead of the built-in ones.]:dir:_files -/'
        '--explain[Learn mode\: explain every question and the rule behind each step.]'
        '--plain[Plain line mode (also chosen when standard input or output is not a terminal).]'
        '--no-color[No colour (also when NO_COLOR is set).]'
        '--ascii[Draw no box characters.]'
        '--content[Use the decision tree in this folder instead of the built-in one.]:dir:_files -/'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_apigw-triage_fix() {
    local -i ret=1
    local -ar ___format=('text' 'json')
    local -ar arg_specs=(
        ':cause:'
        '*--fact[A fact for the commands, e.g. --fact api_id=a1b2c3d4e5 (repeatable).]:key=value:'
        '--format[text or json.]:format:{__apigw-triage_complete "${___format[@]}"}'
        '--content[Use the decision tree in this folder instead of the built-in one.]:dir:_files -/'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_apigw-triage_causes() {
    local -i ret=1
    local -ar ___format=('text' 'json')
    local -ar arg_specs=(
        '--format[text or json.]:format:{__apigw-triage_complete "${___format[@]}"}'
        '--content[Use the decision tree in this folder instead of the built-in one.]:dir:_files -/'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_apigw-triage_lint() {
    local -i ret=1
    local -ar arg_specs=(
        ':directory:_files -/'
        '--content[Same as the DIR argument.]:dir:_files -/'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_apigw-triage_graph() {
    local -i ret=1
    local -ar ___format=('dot' 'mermaid' 'json' 'outline')
    local -ar arg_specs=(
        '--format[dot, mermaid, json, or outline (the indented text map that '\''map'\'' shows in the wizard).]:format:{__apigw-triage_complete "${___format[@]}"}'
        '--content[Use the decision tree in this folder instead of the built-in one.]:dir:_files -/'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_apigw-triage_sessions() {
    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'list:List saved sessions, newest first.'
            'rm:Remove saved sessions by id.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        list|rm)
            "_apigw-triage_sessions_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_apigw-triage_sessions_list() {
    local -i ret=1
    local -ar ___format=('text' 'json')
    local -ar arg_specs=(
        '--format[text or json.]:format:{__apigw-triage_complete "${___format[@]}"}'
        '--prune[Remove finished sessions and sessions without an answer (and, with --older-than, old ones).]'
        '--older-than[With --prune\: also remove sessions not updated for this many days.]:older-than:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_apigw-triage_sessions_rm() {
    local -i ret=1
    local -ar arg_specs=(
        '*:ids:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_apigw-triage_collect() {
    local -i ret=1
    local -ar ___api_type=('rest' 'http' 'websocket')
    local -ar arg_specs=(
        '--api-id[The API'\''s id (REST, HTTP or WebSocket).]:api-id:'
        '--stage[The stage ($default for an HTTP API'\''s default stage).]:stage:'
        '--region[The Region; the script uses the AWS CLI'\''s configured Region when omitted.]:region:'
        '--api-type[rest, http or websocket; looked up by the script when omitted.]:api-type:{__apigw-triage_complete "${___api_type[@]}"}'
        '--since[Start of the window\: a duration back from now (30m, 2h, 1d) or an ISO 8601 time. Default\: 1h (1d with --request-id).]:since:'
        '--until[End of the window (default\: now).]:until:'
        '--request-id[A failing request'\''s id\: the log calls fetch only its lines.]:request-id:'
        '*--function[A Lambda function to read (repeatable); default\: every function the integrations name.]:function:'
        '--out[The folder the script writes (default\: apigw-evidence-<api>-<time>).]:out:'
        '--profile[The AWS CLI profile the script uses.]:profile:'
        '--max-items[At most this many log events or CloudTrail events per call.]:max-items:'
        '--allow-invoke[Also run test-invoke-method once for --resource-id and --http-method (runs the backend).]'
        '--resource-id[With --allow-invoke\: the REST resource to test.]:resource-id:'
        '--http-method[With --allow-invoke\: the method to test.]:http-method:'
        '--path[With --allow-invoke\: the path and query string to test (default\: /).]:path:'
        '--script[Write the script to this file (made executable) instead of printing it.]:script:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_apigw-triage_help() {
    local -i ret=1
    local -ar arg_specs=(
        '*:subcommands:'
        '--version[Show the version.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

if [[ "${funcstack[1]}" = _apigw-triage ]]; then
    _apigw-triage "${@}"
else
    compdef _apigw-triage apigw-triage
fi
