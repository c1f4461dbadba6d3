import Testing

@testable import TriageKit

@Suite("HTTPResponseInspector")
struct HTTPResponseInspectorTests {
    @Test(arguments: [
        ("curl-v-rest-504-timeout.txt", "integration-timeout", Confidence.high),
        ("curl-i-rest-authorizer.txt", "authorizer-error", .high),
        ("raw-rest-504-network.txt", "backend-network-error", .medium),
    ])
    func readsTheClientSignature(fixture: String, cause: String, confidence: Confidence) throws {
        let report = EvidenceTestSupport.scan("http-response/" + fixture)
        #expect(report.kind == "http-response")
        #expect(report.requests == 1)
        #expect(report.failed == 1)
        let first = try #require(report.findings.first)
        #expect(first.cause == cause)
        #expect(first.confidence == confidence)
    }

    /// A status with the stock body proves no cause: no finding, an undetermined failure instead.
    @Test(arguments: [
        ("curl-v-rest-502.txt", 502, "rest"),
        ("curl-i-http-503.txt", 503, "http"),
        ("curl-i-http-500.txt", 500, "http"),
    ])
    func aStatusAloneIsUndetermined(fixture: String, status: Int, apiType: String) throws {
        let report = EvidenceTestSupport.scan("http-response/" + fixture)
        #expect(report.kind == "http-response")
        #expect(report.failed == 1)
        #expect(report.findings.isEmpty)
        let failure = try #require(report.undetermined.first)
        #expect(failure.status == status)
        #expect(failure.apiType == apiType)
        #expect(failure.count == 1)
        #expect(failure.evidence.first?.line != nil)
        #expect(!failure.clues.isEmpty)
    }

    @Test func factsComeFromTheHostAndThePath() {
        let report = EvidenceTestSupport.scan("http-response/curl-v-rest-502.txt")
        #expect(report.facts == [
            "api_type": "rest", "api_id": "a1b2c3d4e5", "region": "eu-west-1", "stage": "prod", "resource_path": "/orders",
            "http_method": "GET", "request_id": "7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
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
