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
            """,
        version: versionText,
        subcommands: [
            WizardCommand.self, ScanCommand.self, TrainCommand.self, FixCommand.self, CausesCommand.self,
            LintCommand.self, GraphCommand.self, SessionsCommand.self, CollectCommand.self,
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
