import Foundation
import Testing

@testable import TriageKit

/// Scripted sessions on the fixture content (`Tests/Fixtures/content-report`).
enum FixtureSessions {
    static let contentPath = ReportFixtures.url("content-report").path

    static func engine() throws -> Engine {
        Engine(tree: try ContentLoader.load(.directory(contentPath)))
    }

    /// 502, no log, API id typed, proxy yes, then the fix's facts (resource id left empty).
    static let answersWithoutEvidence = ["502", "skip", "a1b2c3d4e5", "y", "orders-handler", "eu-west-1", "", "prod"]
    /// 502; the execution log answers the rest but the function name (resource id left empty).
    static let answersWithEvidence = ["502", "orders-handler", ""]

    static func run(_ answers: [String], evidence: [EvidenceReport] = [], engine: Engine) throws -> SessionState {
        var state = engine.start(evidence: evidence)
        for answer in answers { state = try engine.apply(.answer(answer), to: state) }
        return state
    }

    /// An execution log's report whose example lines carry planted secrets (from the corpus).
    static func executionLogReport() throws -> EvidenceReport {
        let lines = try ReportFixtures.text("secrets/execution-log.txt").split(separator: "\n").map(String.init)
        func line(_ number: Int) -> EvidenceLine { EvidenceLine(file: "execution.log", line: number, text: lines[number - 1]) }
        return EvidenceReport(
            path: "execution.log", kind: "execution-log",
            description: "API Gateway execution log, 12 lines, 1 request, 1 failed with 502", lines: 12, requests: 1,
            failed: 1,
            findings: [
                Finding(
                    cause: "lambda-response-format", status: 502, confidence: .high, count: 4, evidence: [line(11), line(6)],
                    summary: "API Gateway could not read the function's response."),
                Finding(cause: "lambda-response-format", status: 502, confidence: .medium, count: 2, evidence: [line(7), line(9)]),
                Finding(cause: "integration-timeout", confidence: .low, count: 1, evidence: [line(2)]),
            ],
            facts: ["api_id": "a1b2c3d4e5", "stage": "prod", "region": "eu-west-1"])
    }

    /// A fixed date, so golden files do not change from run to run.
    static let date = Date(timeIntervalSince1970: 1_795_000_000)
}
