import ArgumentParser
import Foundation
import TriageKit

/// `apigw-triage scan FILE|DIR...`: classify evidence without questions.
///
/// Every 5xx found, grouped by cause across the files, with counts, the lines that show it and
/// the facts extracted; failures no file explains, with their candidate causes and what would
/// decide. A folder stands for every file below it (`EvidencePaths`). A file that cannot be
/// classified is reported and the others still scanned; the exit status is 3 only when no file
/// could be read at all.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Classify evidence files: every 5xx found, grouped by cause, with the lines that show it."
    )

    @Argument(
        help: ArgumentHelp(
            "Evidence files or folders: execution or access logs, curl output, AWS CLI output; a folder is read recursively.",
            valueName: "file"))
    var files: [String]

    @Option(help: "text or json.") var format: OutputFormat = .text
    @OptionGroup var contentOptions: ContentOptions
    @OptionGroup var masking: MaskingOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file to scan") }
    }

    func run() throws {
        try ScanRun(files: files, format: format, content: contentOptions.content, noMask: masking.noMask).run()
    }
}
