import Foundation
@testable import TriageKit

/// A test double for the evidence inspectors, for the training tests on the small fixture tree:
/// it answers with a fixed report per file (by scenario folder and file name), so the session
/// logic can be tested without the inspectors. Never used for the real scenarios.
enum CannedInspection {
    static let reports: [String: (kind: String, findings: [Finding], facts: [String: String])] = [
        "missing-permission/execution.log": (
            "execution-log", [Finding(cause: "cause-a", status: 500, confidence: .high, count: 1)], ["api_type": "rest"]
        ),
        "proxy-body/execution.log": (
            "execution-log", [Finding(cause: "cause-b", status: 502, confidence: .high, count: 1)], ["function_name": "orders"]
        ),
        "proxy-body/curl.txt": ("http-response", [], [:]),
    ]

    static let inspection = EvidenceInspection { path in
        let url = URL(fileURLWithPath: path)
        let key = url.deletingLastPathComponent().lastPathComponent + "/" + url.lastPathComponent
        guard let canned = reports[key] else {
            return EvidenceReport(path: path, kind: nil, description: "not recognised")
        }
        return EvidenceReport(
            path: path, kind: canned.kind, description: "canned \(canned.kind)", findings: canned.findings, facts: canned.facts)
    }
}
