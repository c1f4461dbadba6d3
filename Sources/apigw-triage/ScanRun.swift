import Foundation
import TriageKit

/// What `scan` does once its arguments are known, whichever way they were read: through
/// ArgumentParser (`ScanCommand`) or the plain fast path (`ScanArguments`).
struct ScanRun {
    var files: [String]
    var format: OutputFormat
    /// `--content DIR`, or nil for the built-in content.
    var content: String?
    /// `--no-mask`.
    var noMask: Bool

    /// `--no-mask` warns each time a masker is made, as `MaskingOptions.masker()` does.
    private func masker() -> SecretMasker { MaskingOptions.masker(noMask: noMask) }

    func run() throws {
        // The scanner masks every report as it is made: values, facts and quoted lines alike.
        let scanner = EvidenceScanning.scanner(masker: masker())
        let expansion = EvidencePaths.expand(files)
        if expansion.files.isEmpty { printError("apigw-triage: the folders given hold no file to read.") }
        let results = expansion.files.map(scanner.scanFile)
        let catalogue = ContentLoader.causes(ContentOptions.source(content: content))
        // A collect MANIFEST is evidence too (the API collected, functions without a policy): read
        // beside the files, masked like them, and no longer listed as skipped.
        let masker = masker()
        let manifests = CollectManifest.reports(inManifests: expansion.skipped.map(\.path)).map { masker.mask($0) }
        let skipped = expansion.skipped.filter { entry in !manifests.contains { $0.path == entry.path } }
        var summary = ScanSummary(reports: results.map(\.report) + manifests, catalogue: catalogue, skipped: skipped)
        summary.gaps = CollectManifest.gaps(inManifests: expansion.skipped.map(\.path)).map { gap in
            var gap = gap
            gap.reason = VisibleText.visible(self.masker().mask(gap.reason))
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
