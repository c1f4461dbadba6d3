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
        // The scanner masks every report as it is made: values, facts and quoted lines alike.
        let scanner = EvidenceScanning.scanner(masker: masking.masker())
        let expansion = EvidencePaths.expand(files)
        if expansion.files.isEmpty { printError("apigw-triage: the folders given hold no file to read.") }
        let results = expansion.files.map(scanner.scanFile)
        let catalogue = ContentLoader.causes(contentOptions.source)
        // A collect MANIFEST is evidence too (the API collected, functions without a policy): read
        // beside the files, masked like them, and no longer listed as skipped.
        let masker = masking.masker()
        let manifests = CollectManifest.reports(inManifests: expansion.skipped.map(\.path)).map { masker.mask($0) }
        let skipped = expansion.skipped.filter { entry in !manifests.contains { $0.path == entry.path } }
        var summary = ScanSummary(reports: results.map(\.report) + manifests, catalogue: catalogue, skipped: skipped)
        summary.gaps = CollectManifest.gaps(inManifests: expansion.skipped.map(\.path)).map { gap in
            var gap = gap
            gap.reason = VisibleText.visible(masking.masker().mask(gap.reason))
            return gap
        }
        switch format {
        case .json: print(try JSONText.encode(summary))
        case .text:
            // On a terminal, lines fit 80 columns; into a file or a pipe they stay whole (no "…"), so
            // grep and the ticket keep every word of the proving line.
            let width = isatty(1) == 1 ? 80 : ScanText.unlimitedWidth
            print(ScanText.render(summary, titles: causeTitles(catalogue), width: width), terminator: "")
        }
        if !results.contains(where: \.wasRead) { throw ExitStatus.unreadable.exitCode }
    }

    /// Cause titles from the content's catalogue. Scan needs only `causes.yaml`, so content whose
    /// tree does not validate still lends its titles; without them the ids are shown.
    private func causeTitles(_ catalogue: [Cause]) -> [String: String] {
        Dictionary(catalogue.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
    }
}
