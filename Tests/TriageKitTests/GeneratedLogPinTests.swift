import Foundation
import Testing

@testable import TriageKit

/// Pins what `scan` finds in one generated log per format (`Tests/Fixtures/generated/`, written by
/// `Scripts/gen-logs.py`, the generator `Scripts/bench` times): the speed work on each format's
/// reader must not change a count, a cause or a quoted line number.
@Suite("Generated log pins")
struct GeneratedLogPinTests {
    /// The expected reading of one generated file: findings and undetermined failures as
    /// `cause xCOUNT @evidence-lines` (undetermined: the status instead of the cause), sorted.
    struct Pin: Sendable, CustomTestStringConvertible {
        var file: String
        var kind: String
        var lines: Int
        var requests: Int
        var failed: Int
        var findings: [String]
        var undetermined: [String]

        init(
            _ file: String, kind: String, lines: Int, requests: Int, failed: Int, findings: [String], undetermined: [String]
        ) {
            self.file = file
            self.kind = kind
            self.lines = lines
            self.requests = requests
            self.failed = failed
            self.findings = findings
            self.undetermined = undetermined
        }

        var testDescription: String { file }
    }

    static let pins: [Pin] = [
        Pin("access-clf.log", kind: "access-log", lines: 364, requests: 364, failed: 18,
            findings: ["backend-unavailable x6 @25", "lambda-response-format x2 @136"],
            undetermined: ["500 x4 @32", "502 x4 @33", "504 x2 @164"]),
        Pin("access-json.log", kind: "access-log", lines: 91, requests: 91, failed: 6,
            findings: ["backend-unavailable x1 @76"],
            undetermined: ["500 x1 @46", "502 x4 @33"]),
        Pin("execution-delivered.log", kind: "execution-log", lines: 375, requests: 17, failed: 6,
            findings: [
                "backend-throttling x2 @55,56,57", "lambda-function-error x2 @136,137", "lambda-response-format x1 @141,140,142",
                "lambda-timeout x1 @71,72",
            ],
            undetermined: []),
        Pin("execution-events.json", kind: "execution-log", lines: 1706, requests: 11, failed: 4,
            findings: [
                "backend-throttling x1 @384,391,398", "lambda-function-error x1 @951,958", "lambda-response-format x1 @986,979,993",
                "lambda-timeout x1 @496,503",
            ],
            undetermined: []),
        Pin("execution-insights.csv", kind: "execution-log", lines: 445, requests: 20, failed: 6,
            findings: [
                "backend-throttling x2 @56,57,58", "lambda-function-error x2 @137,138", "lambda-response-format x1 @142,141,143",
                "lambda-timeout x1 @72,73",
            ],
            undetermined: []),
        Pin("execution-plain.log", kind: "execution-log", lines: 469, requests: 21, failed: 6,
            findings: [
                "backend-throttling x1 @445,446,464", "lambda-function-error x1 @385,386", "lambda-response-format x3 @107,106,108",
                "lambda-timeout x1 @53,54",
            ],
            undetermined: []),
        Pin("lambda-json.log", kind: "lambda-log", lines: 276, requests: 48, failed: 3,
            findings: ["lambda-function-error x2 @4,5,6", "lambda-timeout x1 @190,191"],
            undetermined: []),
        Pin("lambda-text.log", kind: "lambda-log", lines: 493, requests: 88, failed: 5,
            findings: ["lambda-function-error x2 @4,6", "lambda-timeout x3 @190,192"],
            undetermined: []),
    ]

    @Test(arguments: pins)
    func scanReadsTheGeneratedLogAsBefore(_ pin: Pin) {
        let report = EvidenceTestSupport.scan("generated/\(pin.file)")
        #expect(report.kind == pin.kind)
        #expect(report.lines == pin.lines)
        #expect(report.requests == pin.requests)
        #expect(report.failed == pin.failed)
        let findings = report.findings.map { "\($0.cause) x\($0.count) @\(Self.lines($0.evidence))" }.sorted()
        #expect(findings == pin.findings)
        let undetermined = report.undetermined.map { "\($0.status) x\($0.count) @\(Self.lines($0.evidence))" }.sorted()
        #expect(undetermined == pin.undetermined)
    }

    private static func lines(_ evidence: [EvidenceLine]) -> String {
        evidence.map { String($0.line) }.joined(separator: ",")
    }
}
