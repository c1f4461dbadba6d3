import ArgumentParser
import TriageKit

/// `apigw-triage`: the wizard by default, plus the non-interactive commands.
struct RootCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apigw-triage",
        abstract: "Troubleshoot Amazon API Gateway 5xx errors, offline, from status code to a fix you can paste.",
        discussion: """
            Without a subcommand, runs the wizard: full screen in a terminal, plain line mode otherwise \
            (or with --plain, ACCESSIBLE=1, TERM=dumb).
            Exit codes: 0 success, 1 lint findings, 2 usage error, 3 unreadable input.
            """,
        version: "apigw-triage \(TriageKitVersion.tool)",
        subcommands: [WizardCommand.self, ScanCommand.self, FixCommand.self, CausesCommand.self, LintCommand.self, GraphCommand.self],
        defaultSubcommand: WizardCommand.self
    )
}
