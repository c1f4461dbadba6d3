import Foundation
import Testing

@testable import TriageKit

/// Inputs that once broke a reader (found by `apigw-fuzz` or by hand) and the bad-input corpus:
/// each is scanned and rendered in every form within a second, without a raw control character.
@Suite struct FuzzRegressionTests {
    static let folders = ["fuzz-regressions", "bad-input"]

    static var files: [String] {
        folders.flatMap { folder -> [String] in
            let path = EvidenceTestSupport.fixture(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted().map { "\(folder)/\($0)" }
        }
    }

    @Test func thereAreRegressionInputs() {
        #expect(Self.files.count >= 3)
    }

    @Test(arguments: files)
    func scansQuicklyAndSafely(_ relative: String) throws {
        let start = ContinuousClock.now
        let report = EvidenceScanner().scan(EvidenceTestSupport.fixture(relative))
        let summary = ScanSummary(reports: [report])
        let text = ScanText.render(summary, titles: [:])
        let json = try JSONOutputText.encode(summary)
        #expect(ContinuousClock.now - start < .seconds(10), "a hang guard, not a speed measure (tests run in parallel)")
        #expect(!ControlCharacterTests.hasRawControl(text))
        #expect(!ControlCharacterTests.hasRawControl(json))
        #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil)
        // Bad input is claimed by no kind.
        if relative.hasPrefix("bad-input/") { #expect(report.kind == nil || report.findings.isEmpty) }
    }
}
