import ArgumentParser
import TriageContent
import TriageKit

/// `apigw-triage`: the wizard by default, plus the non-interactive commands.
struct RootCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apigw-triage",
        abstract: "Troubleshoot Amazon API Gateway 5xx errors, offline, from status code to a fix you can paste.",
        discussion: """
            Without a subcommand, runs the wizard: full screen in a terminal, plain line mode otherwise \
            (or with --plain, ACCESSIBLE=1, TERM=dumb).
            Sessions are saved as you answer; 'apigw-triage --resume' continues the last unfinished one.
            Exit codes: 0 success, 1 lint findings, 2 usage error, 3 unreadable input.

            WIZARD OPTIONS ('apigw-triage help wizard' lists them all):
              --start <branch>        Start at a branch: 500, 502, 503, 504 or unsure.
              --evidence <file> ...   Read these files or folders first and start where they point.
              --fact <key=value>      A fact for the commands, e.g. --fact api_id=a1b2c3d4e5 (repeatable).
              --plain                 Plain line mode: for screen readers, pipes and scripts.
              --resume [<id>]         Continue the last unfinished session, or the one with this id.
              --report <file>         Write a report when the wizard ends (asks before overwriting; --force).
              --explain               Learn mode: the rule behind each step.
              --content <dir>         Use the decision tree in this folder.

            EXAMPLES:
              $ apigw-triage
              $ apigw-triage --start 502 --evidence execution.log
              $ apigw-triage --plain --start 504 --fact api_id=a1b2c3d4e5 --report ticket.md
              $ apigw-triage scan ./evidence
              $ apigw-triage --resume
            """,
        version: versionText,
        subcommands: [
            WizardCommand.self, ScanCommand.self, TrainCommand.self, FixCommand.self, CausesCommand.self,
            LintCommand.self, GraphCommand.self, SessionsCommand.self, CollectCommand.self, CommandsCommand.self,
        ],
        defaultSubcommand: WizardCommand.self
    )
}

/// `--version`: the tool's version and the version of the content built into it (reports and
/// saved sessions record the content version, so support needs both).
private let versionText: String = {
    let files = BuiltInContent.files.map { ContentFile(path: $0.path, text: $0.text) }
    return "apigw-triage \(TriageKitVersion.tool) (content \(ContentVersion.read(from: files) ?? "unknown"))"
}()
