import Foundation
import Testing

@testable import TriageKit

@Suite("HARInspector")
struct HARInspectorTests {
    @Test func aTwentyNineSecondFiveOhFourIsTheIntegrationTimeout() throws {
        let report = EvidenceTestSupport.scan("har/chrome-rest-504-timeout.har")
        #expect(report.kind == "har")
        #expect(report.requests == 1)
        #expect(report.failed == 1)
        let finding = try #require(report.findings.first)
        #expect(finding.cause == "integration-timeout")
        #expect(finding.confidence == .high)
        #expect(finding.status == 504)
        // The body leads, then the status line, with the file's own line numbers.
        #expect(finding.evidence.first?.text.contains("Endpoint request timed out") == true)
        let status = try #require(finding.evidence.first { $0.text.contains("\"status\": 504") })
        let lines = try String(contentsOfFile: EvidenceTestSupport.fixture("har/chrome-rest-504-timeout.har"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[status.line - 1].contains("\"status\": 504"))
        #expect(finding.request?.apiGatewayRequestId == "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f")
        #expect(finding.request?.extendedRequestId == "Bq7ZkhEKoAMEcZA=")
        #expect(finding.request?.traceId == "1-6932a1b7-0d9f3c2a1b4e5f6a7b8c9d0e")
        #expect(finding.request?.time == "2026-11-30T10:00:02.114Z")
        #expect(finding.request?.route == "GET /orders/42")
        #expect(report.facts["status"] == "504")
        #expect(report.facts["api_id"] == "a1b2c3d4e5")
        #expect(report.facts["stage"] == "prod")
        #expect(report.description.contains("WebInspector"))
    }

    /// Without the body, the time alone still proves the timeout, at a lower confidence.
    @Test func theTimeAloneProvesItAtMediumConfidence() throws {
        let finding = try #require(EvidenceTestSupport.scan("har/chrome-rest-504-29s-no-body.har").findings.first)
        #expect(finding.cause == "integration-timeout")
        #expect(finding.confidence == .medium)
        #expect(finding.evidence.first?.text.contains("\"time\": 29043.187") == true)
    }

    @Test func anHTTPAPIFiveOhThreeAfterThirtySeconds() throws {
        let report = EvidenceTestSupport.scan("har/firefox-http-503-30s.har")
        let finding = try #require(report.findings.first)
        #expect(finding.cause == "integration-timeout")
        #expect(report.facts["api_type"] == "http")
        #expect(report.facts["status"] == "503")
    }

    @Test func aStatusAloneIsUndetermined() throws {
        let report = EvidenceTestSupport.scan("har/chrome-http-500-status-only.har")
        #expect(report.kind == "har")
        #expect(report.findings.isEmpty)
        let failure = try #require(report.undetermined.first)
        #expect(failure.status == 500)
        #expect(failure.apiType == "http")
        #expect(failure.request?.apiGatewayRequestId == "CXk3ZgL2IAMEbWw=")
        #expect(failure.request?.route == "POST /orders")
        #expect(report.facts["status"] == "500")
        #expect(report.facts["request_id"] == "CXk3ZgL2IAMEbWw=")
    }

    @Test func aHealthyPageProvesNothing() {
        let report = EvidenceTestSupport.scan("har/healthy-page.har")
        #expect(report.kind == "har")
        #expect(report.findings.isEmpty)
        #expect(report.undetermined.isEmpty)
        #expect(report.facts["status"] == nil)
        #expect(report.description.contains("3 entries"))
        #expect(report.problems.isEmpty)
    }

    /// Authorization and Cookie values are never facts, clues or request keys.
    @Test func credentialsNeverBecomeFacts() {
        for fixture in ["har/chrome-rest-504-timeout.har", "har/chrome-http-500-status-only.har"] {
            let report = EvidenceTestSupport.scan(fixture)
            let texts = Array(report.facts.values) + report.undetermined.flatMap(\.clues) + report.findings.flatMap { Array($0.facts.values) }
            #expect(!texts.contains { $0.contains("eyJhbGci") || $0.contains("session=") })
        }
    }

    @Test func aCutOffHARSaysSoAndKeepsWhatItRead() throws {
        let report = EvidenceTestSupport.scan("har/cut-off.har")
        #expect(report.kind == "har")
        #expect(report.problems.contains { $0.contains("stops before its end") })
    }

    @Test(arguments: ["near-miss/har--log-without-entries.json", "near-miss/har--openapi.json", "near-miss/wscat--curl-v.txt"])
    func nearMissesAreNotHAR(fixture: String) {
        #expect(EvidenceTestSupport.scan(fixture).kind != "har")
    }

    /// Long bodies are cut inside the stream, so the entry stays valid JSON with its lines.
    @Test func longStringsAreCutWithoutBreakingTheEntry() throws {
        let body = String(repeating: "\\u00e9x\\\"", count: 20_000)
        let text = "{\"log\": {\"version\": \"1.2\", \"entries\": [\n{\"a\": \"\(body)\",\n\"b\": 1}\n]}}"
        var stream = HAREntryStream()
        var elements: [HAREntryStream.Element] = []
        Array(text.utf8).withUnsafeBufferPointer { stream.feed($0) { elements.append($0) } }
        #expect(stream.isComplete)
        let element = try #require(elements.first)
        #expect(element.firstLine == 2)
        #expect(element.bytes.count < HAREntryStream.maxStringBytes + 100)
        let root = try JSONDocumentParser.parse(String(decoding: element.bytes, as: UTF8.self))
        #expect(root["b"]?.integer == 1)
        #expect(root.member("b")?.line == 2)
        #expect(root["a"]?.string?.hasSuffix("…") == true)
    }

    @Test func badInputIsReportedNotCrashed() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let empty = try EvidenceTestSupport.write(Data(), named: "empty.har", in: folder)
            #expect(EvidenceScanner().scan(empty).kind != "har")
            let binary = try EvidenceTestSupport.write(Data([0x7B, 0x00, 0xFF, 0xFE, 0x22]), named: "binary.har", in: folder)
            #expect(EvidenceScanner().scan(binary).kind != "har")
            // One huge line: the start of a HAR, then a body string of 3 MiB that never ends.
            let huge = try EvidenceTestSupport.writeSingleLine(
                prefix: #"{"log": {"version": "1.2", "entries": [{"response": {"status": 504, "content": {"text": ""#,
                repeating: UInt8(ascii: "a"), size: 3 << 20, named: "huge.har", in: folder)
            let report = EvidenceScanner().scan(huge)
            #expect(report.kind == "har")
            #expect(report.findings.isEmpty)
            #expect(report.problems.contains { $0.contains("stops before its end") })
            let deep = try EvidenceTestSupport.write(
                Data((#"{"log": {"entries": ["# + String(repeating: "[", count: 200)).utf8), named: "deep.har", in: folder)
            #expect(EvidenceScanner().scan(deep).problems.contains { $0.contains("nests more than") })
        }
    }
}
