import Foundation
import Testing

@testable import TriageKit

@Suite("ScanSummary")
struct ScanSummaryTests {
    private func finding(_ cause: String, _ confidence: Confidence, count: Int, status: Int, file: String) -> Finding {
        Finding(
            cause: cause, status: status, confidence: confidence, count: count,
            evidence: (1...3).map { EvidenceLine(file: file, line: $0, text: "\(cause) \($0)") })
    }

    @Test func groupsByCauseAcrossFilesMostSignificantFirst() {
        let first = EvidenceReport(
            path: "a.log", kind: "execution-log", description: "", findings: [
                finding("lambda-response-format", .high, count: 2, status: 502, file: "a.log"),
                finding("backend-throttling", .medium, count: 9, status: 500, file: "a.log"),
            ], facts: ["api_id": "a1b2c3d4e5", "stage": "prod"])
        let second = EvidenceReport(
            path: "b.log", kind: "access-log", description: "", findings: [
                finding("lambda-response-format", .medium, count: 3, status: 500, file: "b.log"),
                finding("integration-timeout", .high, count: 1, status: 504, file: "b.log"),
            ], facts: ["api_id": "zzzzzzzzzz", "region": "eu-west-1"])
        let summary = ScanSummary(reports: [first, second])
        #expect(summary.diagnoses.map(\.cause) == ["lambda-response-format", "integration-timeout", "backend-throttling"])
        let format = summary.diagnoses[0]
        #expect(format.count == 5)
        #expect(format.confidence == .high)
        #expect(format.status == 500)  // 3 requests got 500, 2 got 502
        #expect(format.evidence.count == ScanSummary.maxEvidence)
        #expect(format.evidence.allSatisfy { $0.file == "a.log" })
        // The earlier file wins a disagreement.
        #expect(summary.facts == ["api_id": "a1b2c3d4e5", "stage": "prod", "region": "eu-west-1"])
    }

    /// The `scan --format json` shape of design/product.md, plus `problems` per file.
    @Test func encodesTheProductShape() throws {
        let report = EvidenceReport(
            path: "execution.log", kind: "execution-log", description: "…", lines: 3120, requests: 41, failed: 6,
            findings: [
                Finding(
                    cause: "lambda-response-format", status: 502, confidence: .high, count: 6,
                    evidence: [EvidenceLine(file: "execution.log", line: 214, text: "...")], summary: "not encoded")
            ], facts: ["api_id": "a1b2c3d4e5"])
        let unreadable = EvidenceReport(path: "gone.log", kind: nil, description: "cannot be read", problems: ["gone.log: cannot be opened (no such file)."])
        let data = try JSONEncoder().encode(ScanSummary(reports: [report, unreadable]))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["files", "diagnoses", "undetermined", "facts", "skipped", "timeline", "gaps"])
        let files = try #require(object["files"] as? [[String: Any]])
        #expect(Set(files[0].keys) == ["path", "kind", "lines", "requests", "failed", "problems"])
        #expect(files[0]["requests"] as? Int == 41)
        #expect(files[1]["kind"] is NSNull)
        #expect(files[1]["requests"] is NSNull)
        let diagnoses = try #require(object["diagnoses"] as? [[String: Any]])
        #expect(Set(diagnoses[0].keys) == ["cause", "status", "count", "confidence", "evidence"])
        #expect(diagnoses[0]["confidence"] as? String == "high")
        let evidence = try #require(diagnoses[0]["evidence"] as? [[String: Any]])
        #expect(evidence[0]["line"] as? Int == 214)
        #expect(Set(evidence[0].keys) == ["file", "line", "text"])
    }
}
