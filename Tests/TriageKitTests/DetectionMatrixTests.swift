import Foundation
import Testing

@testable import TriageKit

/// Every fixture of every kind folder against every inspector: a file is claimed only by the
/// format it really is (issue 9 item 6). The folders and expectation files are described in
/// `DetectionMatrix` and `Tests/Fixtures/README.md`; new kind folders are picked up by name.
@Suite struct DetectionMatrixTests {
    /// Runs every case once; on any failure, prints the whole matrix so the scores are in view.
    private func check(_ cases: [DetectionMatrix.Case]) {
        let rows = cases.map { (DetectionMatrix.row($0), $0) }
        let failures = rows.filter { !DetectionMatrix.holds($0.0, $0.1.expectation) }
        for (row, testCase) in failures {
            Issue.record("\(testCase): read as \(row.reported ?? "nothing"), best score \(row.winner ?? "none")")
        }
        if !failures.isEmpty {
            Issue.record("Detection matrix (score per inspector, * = winner, ! = wrong):\n\(DetectionMatrix.table(rows))")
        }
    }

    @Test func everyFixtureOfAKindFolderIsReadAsItsKind() {
        let cases = DetectionMatrix.cases().filter { if case .kind = $0.expectation { true } else { false } }
        #expect(cases.count > 80)
        check(cases)
    }

    @Test func nearMissesAreNotReadAsTheKindTheyResemble() {
        let cases = DetectionMatrix.cases().filter { if case .notKind = $0.expectation { true } else { false } }
        #expect(cases.count >= 8)
        check(cases)
    }

    @Test func badInputIsClaimedByNothing() {
        let cases = DetectionMatrix.cases().filter { $0.expectation == .unclaimed }
        #expect(cases.count >= 4)
        check(cases)
    }

    /// A typo in a near-miss name or an expectation would silently test nothing.
    @Test func everyExpectationNamesAKind() {
        let nearMisses = DetectionMatrix.files(in: EvidenceTestSupport.fixtures.appendingPathComponent(DetectionMatrix.nearMissFolder))
        for file in nearMisses where !file.lastPathComponent.contains("--") {
            Issue.record("near-miss/\(file.lastPathComponent) is not named <kind>--<what>.<ext>")
        }
        for testCase in DetectionMatrix.cases() {
            switch testCase.expectation {
            case .kind(let kind), .notKind(let kind):
                #expect(EvidenceKind.all[kind] != nil, "\(testCase): \(kind) is not a key of EvidenceKind.all")
            case .unclaimed:
                break
            }
        }
    }

    /// Folders named after a kind that has no inspector would never be claimed.
    @Test func everyKindHasAnInspector() {
        let inspected = Set(InspectorRegistry.all.map(\.kind))
        for kind in EvidenceKind.all.keys { #expect(inspected.contains(kind), "no inspector reads \(kind)") }
    }

    @Test func expectationFilesAreRead() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            try Data("# wrapper exports\ninsights.csv execution-log\nodd.bin none  # nothing reads it\n".utf8)
                .write(to: folder.appendingPathComponent("EXPECTED-KINDS"))
            let readme = """
                Fixtures:
                - `lines.json` → access-log
                - `other.txt`: the other file

                | File | Wrapper | Detected kind | First cause |
                |---|---|---|---|
                | export.csv | console CSV export | execution-log | lambda-timeout |
                | `query.json` | get-query-results | lambda-log-typo | x |

                """
            try Data(readme.utf8).write(to: folder.appendingPathComponent("README.md"))
            let found = DetectionMatrix.expectations(in: folder)
            #expect(
                found == [
                    "insights.csv": "execution-log", "odd.bin": "none", "lines.json": "access-log", "export.csv": "execution-log",
                ])
        }
    }
}
