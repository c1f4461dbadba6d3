import ArgumentParser
import TriageKit

/// `apigw-triage scan FILE...`: classify evidence without questions.
///
/// Every 5xx found, grouped by cause across the files, with counts, the lines that show it and
/// the facts extracted. A file that cannot be classified is reported and the others still scanned;
/// the exit status is 3 only when no file could be read at all.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Classify evidence files: every 5xx found, grouped by cause, with the lines that show it."
    )

    @Argument(help: ArgumentHelp("Evidence files: execution or access logs, curl output, AWS CLI output.", valueName: "file"))
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
        let results = files.map(scanner.scanFile)
        let summary = ScanSummary(reports: results.map(\.report))
        switch format {
        case .json: print(try JSONText.encode(summary))
        case .text: print(ScanText.render(summary, titles: causeTitles()), terminator: "")
        }
        if !results.contains(where: \.wasRead) { throw ExitStatus.unreadable.exitCode }
    }

    /// Cause titles from the content's catalogue. Scan needs only `causes.yaml`, so content whose
    /// tree does not validate still lends its titles; without them the ids are shown.
    private func causeTitles() -> [String: String] {
        Dictionary(ContentLoader.causes(contentOptions.source).map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
    }
}
