import ArgumentParser
import TriageKit

/// The wizard's options for reports, masking and resuming.
///
/// `--resume` takes an optional session id; ArgumentParser has no option with an optional value,
/// so the id is the wizard's one positional argument, accepted only after `--resume`.
struct SessionOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Write a report of the session to this file when the wizard ends (Markdown, or JSON for a .json file).",
        valueName: "file"))
    var report: String?

    @Option(name: .customLong("report-format"), help: ArgumentHelp(
        "markdown or json, for --report and for 'save' (default: from the file name).", valueName: "format"))
    var reportFormat: ReportFormatOption?

    @Flag(help: ArgumentHelp(
        "Continue the last unfinished session, or the one whose id follows (--resume ID; 'apigw-triage sessions' lists them)."))
    var resume = false

    @Argument(help: ArgumentHelp("With --resume: the saved session to continue.", valueName: "session-id"))
    var sessionID: String?

    @Flag(help: ArgumentHelp("Let --report and 'save' replace an existing file without asking."))
    var force = false

    @OptionGroup var masking: MaskingOptions

    func validate() throws {
        if let sessionID, !resume {
            throw ValidationError("unexpected argument '\(sessionID)': only --resume takes an argument (a session id); see 'apigw-triage --help'")
        }
    }
}

/// `--report-format` values.
enum ReportFormatOption: String, ExpressibleByArgument, CaseIterable {
    case markdown, json

    var format: ReportFormat {
        switch self {
        case .markdown: .markdown
        case .json: .json
        }
    }
}
