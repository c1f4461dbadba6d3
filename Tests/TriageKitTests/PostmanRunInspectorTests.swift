import Foundation
import Testing

@testable import TriageKit

@Suite("PostmanRunInspector")
struct PostmanRunInspectorTests {
    @Test func aNewmanFiveOhTwoIsUndeterminedWithItsIds() throws {
        let report = EvidenceTestSupport.scan("postman-run/newman-rest-502.json")
        #expect(report.kind == "postman-run")
        #expect(report.requests == 2)
        #expect(report.failed == 1)
        #expect(report.findings.isEmpty)
        let failure = try #require(report.undetermined.first)
        #expect(failure.status == 502)
        #expect(failure.apiType == "rest")
        #expect(failure.request?.apiGatewayRequestId == "5d6e7f80-91a2-4b3c-8d4e-5f6a7b8c9d0e")
        #expect(failure.request?.route == "GET /orders/42")
        #expect(failure.clues.contains { $0.contains("Internal server error") })
        #expect(failure.evidence.contains { $0.text.hasPrefix("response.stream (decoded)") })
        #expect(report.facts["status"] == "502")
        #expect(report.facts["api_id"] == "a1b2c3d4e5")
        #expect(report.description.contains("Newman run report \"Orders API\""))
    }

    @Test func aNewmanTimeoutBodyProvesTheTimeout() throws {
        let finding = try #require(EvidenceTestSupport.scan("postman-run/newman-rest-504-timeout.json").findings.first)
        #expect(finding.cause == "integration-timeout")
        #expect(finding.confidence == .high)
        #expect(finding.request?.apiGatewayRequestId == "7f8091a2-b3c4-4d5e-9f6a-7b8c9d0e1f2a")
    }

    /// The app's export has no headers or bodies: 29 s on a 504 is what proves the timeout.
    @Test func anAppRunExportProvesATimeoutByItsTime() throws {
        let report = EvidenceTestSupport.scan("postman-run/postman-app-run-504.json")
        #expect(report.kind == "postman-run")
        #expect(report.requests == 2)
        let finding = try #require(report.findings.first)
        #expect(finding.cause == "integration-timeout")
        #expect(finding.confidence == .medium)
        #expect(finding.evidence.contains { $0.text.contains("\"time\": 29112") })
        #expect(report.facts["status"] == "504")
    }

    /// Decided: a collection is claimed as `postman-run` with no findings, so the user hears what
    /// to attach instead of "not recognised"; its saved example responses are not observed failures.
    @Test func aCollectionIsRecognisedAndProvesNothing() {
        let report = EvidenceTestSupport.scan("postman-run/orders-collection.postman_collection.json")
        #expect(report.kind == "postman-run")
        #expect(report.findings.isEmpty)
        #expect(report.undetermined.isEmpty)
        #expect(report.facts["status"] == nil)
        #expect(report.description.contains("not a run"))
        #expect(report.description.contains("2 requests"))
    }

    @Test func anArrayOfStatsIsNotAPostmanRun() {
        #expect(EvidenceTestSupport.scan("near-miss/postman-run--json-stats-array.json").kind != "postman-run")
    }

    @Test func aCutOffReportSaysSo() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let text = try String(contentsOfFile: EvidenceTestSupport.fixture("postman-run/newman-rest-502.json"), encoding: .utf8)
            let path = try EvidenceTestSupport.write(Data(text.prefix(text.count * 2 / 3).utf8), named: "cut.json", in: folder)
            let report = EvidenceScanner().scan(path)
            #expect(report.kind == "postman-run")
            #expect(report.problems.contains { $0.contains("cut off") })
        }
    }
}
