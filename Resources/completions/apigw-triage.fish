function __apigw-triage_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __apigw-triage_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __apigw-triage_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __apigw-triage_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __apigw-triage_parse_tokens -S
    set -l unparsed_tokens (__apigw-triage_tokens -pc)
    switch $unparsed_tokens[1]
    case 'apigw-triage'
        __apigw-triage_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'wizard'
            __apigw-triage_parse_subcommand 1 'content=' 'fact=+' 'plain' 'start=' 'no-color' 'ascii' 'explain' 'report=' 'report-format=' 'resume' 'force' 'no-mask' 'evidence=+' 'version' 'h/help'
        case 'scan'
            __apigw-triage_parse_subcommand -r 1 'format=' 'content=' 'no-mask' 'version' 'h/help'
        case 'train'
            __apigw-triage_parse_subcommand 1 'list' 'scenarios=' 'explain' 'plain' 'no-color' 'ascii' 'content=' 'version' 'h/help'
        case 'fix'
            __apigw-triage_parse_subcommand 1 'fact=+' 'format=' 'content=' 'version' 'h/help'
        case 'causes'
            __apigw-triage_parse_subcommand 0 'format=' 'content=' 'version' 'h/help'
        case 'lint'
            __apigw-triage_parse_subcommand 1 'content=' 'version' 'h/help'
        case 'graph'
            __apigw-triage_parse_subcommand 0 'format=' 'content=' 'version' 'h/help'
        case 'sessions'
            __apigw-triage_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'list'
                __apigw-triage_parse_subcommand 0 'format=' 'prune' 'older-than=' 'version' 'h/help'
            case 'rm'
                __apigw-triage_parse_subcommand -r 1 'version' 'h/help'
            end
        case 'collect'
            __apigw-triage_parse_subcommand 0 'api-id=' 'stage=' 'region=' 'api-type=' 'since=' 'until=' 'request-id=' 'function=+' 'out=' 'profile=' 'max-items=' 'allow-invoke' 'resource-id=' 'http-method=' 'path=' 'script=' 'version' 'h/help'
        case 'help'
            __apigw-triage_parse_subcommand -r 1 'version'
        end
    end
end

function __apigw-triage_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __apigw-triage_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __apigw-triage_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __apigw-triage_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__apigw-triage_tokens -p)
    if test -z "$(__apigw-triage_tokens -t)"
        set -l index (count (__apigw-triage_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'apigw-triage' -f
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage" version' -l 'version' -d 'Show the version.'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_positional "apigw-triage" -eq 1' -fa 'wizard' -d 'Ask questions until the cause is found, then show the fix (the default command).'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_positional "apigw-triage" -eq 1' -fa 'scan' -d 'Classify evidence files: every 5xx found, grouped by cause, with the lines that show it.'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_positional "apigw-triage" -eq 1' -fa 'train' -d 'Practise on a training scenario: a ticket, its evidence files, the wizard, and a verdict.'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_positional "apigw-triage" -eq 1' -fa 'fix' -d 'Print the fix for a cause id (see \'apigw-triage causes\').'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_positional "apigw-triage" -eq 1' -fa 'causes' -d 'List the cause catalogue.'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_positional "apigw-triage" -eq 1' -fa 'lint' -d 'Check a content folder (the built-in content when no folder is given).'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_positional "apigw-triage" -eq 1' -fa 'graph' -d 'Export the decision tree.'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_positional "apigw-triage" -eq 1' -fa 'sessions' -d 'List saved sessions (\'apigw-triage --resume ID\' continues one); prune or remove them.'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_positional "apigw-triage" -eq 1' -fa 'collect' -d 'Print a read-only script that gathers an API\'s evidence into a folder for \'scan\'.'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_positional "apigw-triage" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage wizard" content' -l 'content' -d 'Use the decision tree in this folder instead of the built-in one.' -rfa '(__apigw-triage_complete_directories)'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage wizard"' -l 'fact' -d 'A fact for the commands, e.g. --fact api_id=a1b2c3d4e5 (repeatable).' -rfka ''
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage wizard" plain' -l 'plain' -d 'Plain line mode: one question per line, answers read one per line from standard input.'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage wizard" start' -l 'start' -d 'Start at a branch: 500, 502, 503, 504 or unsure.' -rfka '500 502 503 504 unsure'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage wizard" no-color' -l 'no-color' -d 'No colour (also when NO_COLOR is set).'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage wizard" ascii' -l 'ascii' -d 'Draw no box characters.'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage wizard" explain' -l 'explain' -d 'Learn mode: explain every question and the rule behind each step.'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage wizard" report' -l 'report' -d 'Write a report of the session to this file when the wizard ends (Markdown, or JSON for a .json file).' -rfka ''
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage wizard" report-format' -l 'report-format' -d 'markdown or json, for --report and for \'save\' (default: from the file name).' -rfka 'markdown json'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage wizard" resume' -l 'resume' -d 'Continue the last unfinished session, or the one whose id follows (--resume ID; \'apigw-triage sessions\' lists them).'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage wizard" force' -l 'force' -d 'Let --report and \'save\' replace an existing file without asking.'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage wizard" no-mask' -l 'no-mask' -d 'Do not mask secrets found in evidence (keys, tokens, cookies, passwords).'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage wizard"' -l 'evidence' -d 'Read these files first (logs, AWS CLI output, templates, curl output) and start where they point.' -rF
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage wizard" version' -l 'version' -d 'Show the version.'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage wizard" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage scan" format' -l 'format' -d 'text or json.' -rfka 'text json'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage scan" content' -l 'content' -d 'Use the decision tree in this folder instead of the built-in one.' -rfa '(__apigw-triage_complete_directories)'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage scan" no-mask' -l 'no-mask' -d 'Do not mask secrets found in evidence (keys, tokens, cookies, passwords).'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage scan" version' -l 'version' -d 'Show the version.'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage scan" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_positional "apigw-triage train" -eq 1' -fka 'annual-report-504 authorizer-new-function beta-alias-permission billing-cert-expired cfn-integration-get checkout-new-route export-too-large flash-sale-throttle health-mock-template http-api-missing-permission inventory-connection-closed invoice-mapping-404 kms-env-decrypt orders-body-object partner-maintenance-503 private-orders-unhealthy profile-keyerror queue-role-trust reports-function-timeout search-http-api-503 staging-stage-variable-url waf-intermittent'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage train" list' -l 'list' -d 'List the scenarios (number, level, status, title) and exit.'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage train" scenarios' -l 'scenarios' -d 'Use the scenarios in this folder (one subfolder each) instead of the built-in ones.' -rfa '(__apigw-triage_complete_directories)'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage train" explain' -l 'explain' -d 'Learn mode: explain every question and the rule behind each step.'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage train" plain' -l 'plain' -d 'Plain line mode (also chosen when standard input or output is not a terminal).'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage train" no-color' -l 'no-color' -d 'No colour (also when NO_COLOR is set).'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage train" ascii' -l 'ascii' -d 'Draw no box characters.'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage train" content' -l 'content' -d 'Use the decision tree in this folder instead of the built-in one.' -rfa '(__apigw-triage_complete_directories)'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage train" version' -l 'version' -d 'Show the version.'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage train" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage fix"' -l 'fact' -d 'A fact for the commands, e.g. --fact api_id=a1b2c3d4e5 (repeatable).' -rfka ''
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage fix" format' -l 'format' -d 'text or json.' -rfka 'text json'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage fix" content' -l 'content' -d 'Use the decision tree in this folder instead of the built-in one.' -rfa '(__apigw-triage_complete_directories)'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage fix" version' -l 'version' -d 'Show the version.'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage fix" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage causes" format' -l 'format' -d 'text or json.' -rfka 'text json'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage causes" content' -l 'content' -d 'Use the decision tree in this folder instead of the built-in one.' -rfa '(__apigw-triage_complete_directories)'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage causes" version' -l 'version' -d 'Show the version.'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage causes" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_positional "apigw-triage lint" -eq 1' -fa '(__apigw-triage_complete_directories)'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage lint" content' -l 'content' -d 'Same as the DIR argument.' -rfa '(__apigw-triage_complete_directories)'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage lint" version' -l 'version' -d 'Show the version.'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage lint" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage graph" format' -l 'format' -d 'dot, mermaid, json, or outline (the indented text map that \'map\' shows in the wizard).' -rfka 'dot mermaid json outline'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage graph" content' -l 'content' -d 'Use the decision tree in this folder instead of the built-in one.' -rfa '(__apigw-triage_complete_directories)'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage graph" version' -l 'version' -d 'Show the version.'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage graph" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage sessions" version' -l 'version' -d 'Show the version.'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage sessions" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_positional "apigw-triage sessions" -eq 1' -fa 'list' -d 'List saved sessions, newest first.'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_positional "apigw-triage sessions" -eq 1' -fa 'rm' -d 'Remove saved sessions by id.'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage sessions list" format' -l 'format' -d 'text or json.' -rfka 'text json'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage sessions list" prune' -l 'prune' -d 'Remove finished sessions and sessions without an answer (and, with --older-than, old ones).'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage sessions list" older-than' -l 'older-than' -d 'With --prune: also remove sessions not updated for this many days.' -rfka ''
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage sessions list" version' -l 'version' -d 'Show the version.'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage sessions list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage sessions rm" version' -l 'version' -d 'Show the version.'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage sessions rm" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage collect" api-id' -l 'api-id' -d 'The API\'s id (REST, HTTP or WebSocket).' -rfka ''
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage collect" stage' -l 'stage' -d 'The stage ($default for an HTTP API\'s default stage).' -rfka ''
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage collect" region' -l 'region' -d 'The Region; the script uses the AWS CLI\'s configured Region when omitted.' -rfka ''
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage collect" api-type' -l 'api-type' -d 'rest, http or websocket; looked up by the script when omitted.' -rfka 'rest http websocket'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage collect" since' -l 'since' -d 'Start of the window: a duration back from now (30m, 2h, 1d) or an ISO 8601 time. Default: 1h (1d with --request-id).' -rfka ''
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage collect" until' -l 'until' -d 'End of the window (default: now).' -rfka ''
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage collect" request-id' -l 'request-id' -d 'A failing request\'s id: the log calls fetch only its lines.' -rfka ''
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage collect"' -l 'function' -d 'A Lambda function to read (repeatable); default: every function the integrations name.' -rfka ''
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage collect" out' -l 'out' -d 'The folder the script writes (default: apigw-evidence-<api>-<time>).' -rfka ''
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage collect" profile' -l 'profile' -d 'The AWS CLI profile the script uses.' -rfka ''
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage collect" max-items' -l 'max-items' -d 'At most this many log events or CloudTrail events per call.' -rfka ''
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage collect" allow-invoke' -l 'allow-invoke' -d 'Also run test-invoke-method once for --resource-id and --http-method (runs the backend).'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage collect" resource-id' -l 'resource-id' -d 'With --allow-invoke: the REST resource to test.' -rfka ''
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage collect" http-method' -l 'http-method' -d 'With --allow-invoke: the method to test.' -rfka ''
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage collect" path' -l 'path' -d 'With --allow-invoke: the path and query string to test (default: /).' -rfka ''
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage collect" script' -l 'script' -d 'Write the script to this file (made executable) instead of printing it.' -rfka ''
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage collect" version' -l 'version' -d 'Show the version.'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage collect" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'apigw-triage' -n '__apigw-triage_should_offer_completions_for_flags_or_options "apigw-triage help" version' -l 'version' -d 'Show the version.'
