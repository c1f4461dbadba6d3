import Foundation
import Testing

@testable import TriageKit

@Suite("WscatInspector")
struct WscatInspectorTests {
    @Test func aConnectFailureIsAnUndeterminedConnectRoute() throws {
        let report = EvidenceTestSupport.scan("wscat/connect-500.txt")
        #expect(report.kind == "wscat")
        #expect(report.findings.isEmpty)
        let failure = try #require(report.undetermined.first)
        #expect(failure.status == 500)
        #expect(failure.apiType == "websocket")
        #expect(failure.request?.route == "$connect")
        #expect(failure.evidence.first?.line == 2)
        #expect(report.facts["api_id"] == "w1x2y3z4a5")
        #expect(report.facts["stage"] == "production")
        #expect(report.facts["status"] == "500")
    }

    @Test func routeErrorsCarryTheRequestIdForTheExecutionLog() throws {
        let report = EvidenceTestSupport.scan("wscat/route-internal-error.txt")
        let failure = try #require(report.undetermined.first)
        #expect(failure.count == 2)
        #expect(failure.apiType == "websocket")
        #expect(failure.request?.apiGatewayRequestId == "L0SNpEwwvHcFbzQ=")
        #expect(failure.evidence.map(\.line) == [4, 3])
        #expect(report.facts["connection_id"] == "L0SM9cOFvHcCIhw=")
        #expect(report.facts["request_id"] == "L0SNpEwwvHcFbzQ=")
        #expect(report.facts["status"] == nil)
        #expect(report.description.contains("1 Forbidden reply"))
        #expect(report.description.contains("code 1001"))
    }

    @Test func aTimeoutReplyProvesTheIntegrationTimeout() throws {
        let report = EvidenceTestSupport.scan("wscat/route-timeout.txt")
        let finding = try #require(report.findings.first)
        #expect(finding.cause == "integration-timeout")
        #expect(finding.request?.apiGatewayRequestId == "L0SVwI00vHcFeCg=")
        // The -H value is a header, not the URL, and never a fact.
        #expect(report.facts["api_id"] == "w1x2y3z4a5")
        #expect(!report.facts.values.contains { $0.contains("eyJ") })
    }

    @Test func aHealthyChatProvesNothing() {
        let report = EvidenceTestSupport.scan("wscat/healthy-chat.txt")
        #expect(report.kind == "wscat")
        #expect(report.findings.isEmpty)
        #expect(report.undetermined.isEmpty)
    }

    @Test func curlVerboseOutputIsNotWscat() {
        #expect(EvidenceTestSupport.scan("near-miss/wscat--curl-v.txt").kind == "http-response")
    }

    @Test func badInputIsNotWscat() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let empty = try EvidenceTestSupport.write(Data(), named: "empty.txt", in: folder)
            #expect(EvidenceScanner().scan(empty).kind != "wscat")
            let binary = try EvidenceTestSupport.write(Data([0x00, 0x01, 0xFF, 0x3C, 0x20]), named: "binary.txt", in: folder)
            #expect(EvidenceScanner().scan(binary).kind != "wscat")
            let huge = try EvidenceTestSupport.writeSingleLine(
                prefix: "Connected (press CTRL+C to quit)\n< {\"message\": \"Internal server error\", \"x\": \"", repeating: UInt8(ascii: "a"),
                size: 1 << 20, named: "huge.txt", in: folder)
            let report = EvidenceScanner().scan(huge)
            #expect(report.kind == "wscat")
            #expect(report.problems.contains { $0.contains("cut") || $0.contains("long") })
        }
    }
}
