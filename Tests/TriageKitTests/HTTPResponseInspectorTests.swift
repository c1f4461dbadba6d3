import Testing

@testable import TriageKit

@Suite("HTTPResponseInspector")
struct HTTPResponseInspectorTests {
    /// Only a body or a header that names the cause gives a finding (`ResponseProof`).
    @Test(arguments: [
        ("curl-v-rest-504-timeout.txt", "integration-timeout", Confidence.high),
        ("curl-i-rest-authorizer.txt", "authorizer-error", .high),
        ("raw-rest-504-network.txt", "backend-network-error", .medium),
        ("wget-S-rest-504.txt", "integration-timeout", .medium),
    ])
    func readsWhatTheResponseProves(fixture: String, cause: String, confidence: Confidence) throws {
        let report = EvidenceTestSupport.scan("http-response/" + fixture)
        #expect(report.kind == "http-response")
        #expect(report.requests == 1)
        #expect(report.failed == 1)
        let first = try #require(report.findings.first)
        #expect(first.cause == cause)
        #expect(first.confidence == confidence)
    }

    /// A status with the generic body names no cause: undetermined, with the status fact answered
    /// whatever the status (the Misreading that answered it for 504 only).
    @Test(arguments: [
        ("curl-v-rest-502.txt", 502, "rest"), ("curl-i-http-500.txt", 500, "http"), ("httpie-rest-502.txt", 502, "rest"),
        ("wget-rest-500.txt", 500, nil), ("curl-i-http-503.txt", 503, "http"), ("httpie-http-503.txt", 503, "http"),
    ])
    func aBareStatusIsUndetermined(fixture: String, status: Int, apiType: String?) throws {
        let report = EvidenceTestSupport.scan("http-response/" + fixture)
        #expect(report.kind == "http-response")
        #expect(report.findings.isEmpty)
        let failure = try #require(report.undetermined.first)
        #expect(failure.status == status)
        #expect(failure.apiType == apiType)
        #expect(report.facts["status"] == String(status))
    }

    @Test func httpieShowsTheRequestAboveTheResponse() throws {
        let report = EvidenceTestSupport.scan("http-response/httpie-rest-502.txt")
        #expect(report.facts["api_id"] == "a1b2c3d4e5")
        #expect(report.facts["stage"] == "prod")
        #expect(report.facts["resource_path"] == "/orders/42")
        let failure = try #require(report.undetermined.first)
        #expect(failure.request?.route == "GET /orders/42")
        #expect(failure.request?.time == "2026-11-30T10:00:01Z")
        #expect(failure.evidence.contains { $0.text == #"    "message": "Internal server error""# })
    }

    /// wget's clocks give the time: 29 s from the start line to the ERROR line.
    @Test func wgetClocksGiveTheTime() throws {
        let report = EvidenceTestSupport.scan("http-response/wget-S-rest-504.txt")
        let finding = try #require(report.findings.first)
        #expect(finding.evidence.first?.text == "2026-11-30 10:00:30 ERROR 504: Gateway Timeout.")
        #expect(finding.request?.apiGatewayRequestId == "7f8091a2-b3c4-4d5e-9f6a-7b8c9d0e1f2a")
        #expect(report.facts["resource_path"] == "/reports")
    }

    @Test func factsComeFromTheHostAndThePath() {
        let report = EvidenceTestSupport.scan("http-response/curl-v-rest-502.txt")
        #expect(report.facts == [
            "api_type": "rest", "api_id": "a1b2c3d4e5", "region": "eu-west-1", "stage": "prod", "resource_path": "/orders",
            "http_method": "GET", "request_id": "7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "status": "502",
        ])
    }

    /// `apigw-requestid` marks an HTTP API; its path has no stage to read.
    @Test func anHTTPAPIResponseIsRecognisedByItsRequestIDHeader() {
        let report = EvidenceTestSupport.scan("http-response/curl-i-http-503.txt")
        #expect(report.facts["api_type"] == "http")
        #expect(report.facts["request_id"] == "Bq7ZkhEKoAMEcZA=")
        #expect(report.facts["stage"] == nil)
    }

    /// The most telling line first: the error type for an authorizer, the body for a timeout.
    @Test func evidenceLeadsWithTheTellingLine() {
        let authorizer = EvidenceTestSupport.scan("http-response/curl-i-rest-authorizer.txt")
        #expect(authorizer.findings.first?.evidence.map(\.text) == [
            "x-amzn-errortype: AuthorizerConfigurationException", "HTTP/2 500", #"{"message":null}"#,
        ])
        let timeout = EvidenceTestSupport.scan("http-response/curl-v-rest-504-timeout.txt")
        #expect(timeout.findings.first?.evidence.first?.text == #"{"message": "Endpoint request timed out"}"#)
    }

    @Test func interimAndSuccessfulResponsesAreNotFailures() {
        var transcript = HTTPTranscript()
        let lines = [
            "HTTP/1.1 100 Continue", "", "HTTP/1.1 200 OK", "content-type: application/json", "", "{}",
            "HTTP/1.1 502 Bad Gateway", "x-amzn-RequestId: 7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "",
            #"{"message": "Internal server error"}"#,
        ]
        for (index, line) in lines.enumerated() { transcript.consume(line[...], number: index + 1) }
        #expect(transcript.responses.map(\.status) == [200, 502])
        #expect(transcript.responses.last?.body.map(\.text) == [#"{"message": "Internal server error"}"#])
    }
}
