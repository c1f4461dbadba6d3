import Testing

@testable import TriageKit

/// `ResponseProof` is the one place where a captured response becomes a finding, an undetermined
/// failure or nothing, and answers the status question: every capture format relies on it.
@Suite("ResponseProof")
struct ResponseProofTests {
    private func response(
        _ status: Int, headers: [(String, String)] = [], body: String? = nil, elapsed: Double? = nil
    ) -> CapturedResponse {
        var response = CapturedResponse(status: status, statusLine: EvidenceLine(file: "f", line: 1, text: "HTTP/1.1 \(status)"))
        response.headers = headers.enumerated().map { index, header in
            .init(name: header.0.lowercased(), value: header.1, line: EvidenceLine(file: "f", line: index + 2, text: "\(header.0): \(header.1)"))
        }
        if let body {
            response.body = body
            response.bodyLine = EvidenceLine(file: "f", line: 20, text: body)
        }
        if let elapsed {
            response.elapsedMilliseconds = elapsed
            response.elapsedLine = EvidenceLine(file: "f", line: 30, text: "\"time\": \(elapsed)")
        }
        response.host = "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com"
        response.method = "GET"
        response.path = "/prod/orders/42"
        return response
    }

    private static let rest = [("x-amzn-RequestId", "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f"), ("x-amz-apigw-id", "Bq7ZkhEKoAMEcZA=")]
    private static let http = [("apigw-requestid", "Bq7ZkhEKoAMEcZA=")]

    /// `cause/confidence` when the response proves a cause.
    private func cause(_ proof: ResponseProof) -> String? {
        if case .proven(let diagnosis) = proof.outcome { return "\(diagnosis.cause)/\(diagnosis.confidence.rawValue)" }
        return nil
    }

    private func isUndetermined(_ proof: ResponseProof) -> Bool {
        if case .undetermined = proof.outcome { return true }
        return false
    }

    /// The Misreading: a status shown by a capture answered the status question for 504 only.
    @Test(arguments: [500, 502, 503, 504])
    func everyFiveHundredAnswersTheStatusQuestion(status: Int) {
        #expect(ResponseProof(response(status, headers: Self.rest)).statusFact == status)
        #expect(ResponseProof(response(status)).statusFact == status)
    }

    @Test func aTwoHundredCarryingALambdaErrorIsStatus200AndTheFunctionsFailure() {
        let proof = ResponseProof(
            response(200, headers: Self.rest, body: #"{"errorMessage": "boom", "errorType": "TypeError", "stackTrace": []}"#))
        #expect(proof.statusFact == 200)
        #expect(cause(proof) == "lambda-function-error/medium")
    }

    @Test func aHealthyTwoHundredAnswersNothing() {
        let proof = ResponseProof(response(200, headers: Self.rest, body: #"{"id": 42}"#))
        #expect(proof.statusFact == nil)
        if case .none = proof.outcome {} else { Issue.record("a 200 is not a failure") }
    }

    @Test func aBareStatusIsUndeterminedWithItsClues() {
        let proof = ResponseProof(response(502, headers: Self.rest + [("x-amzn-ErrorType", "InternalServerErrorException")],
            body: #"{"message": "Internal server error"}"#))
        guard case .undetermined(let failure) = proof.outcome else {
            Issue.record("a REST 502 with the generic body proves no cause")
            return
        }
        #expect(failure.status == 502)
        #expect(failure.apiType == "rest")
        #expect(failure.request?.apiGatewayRequestId == "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f")
        #expect(failure.request?.extendedRequestId == "Bq7ZkhEKoAMEcZA=")
        #expect(failure.request?.route == "GET /orders/42")
        #expect(ResponseProof(response(502, headers: [("X-Amzn-Trace-Id", "Root=1-6932A1B7-0d9f3c2a1b4e5f6a7b8c9d0e;Sampled=0")]))
            .requestKeys?.traceId == "1-6932a1b7-0d9f3c2a1b4e5f6a7b8c9d0e")
        #expect(failure.clues.contains("x-amzn-ErrorType: InternalServerErrorException"))
        #expect(failure.clues.contains { $0.contains("Internal server error") })
    }

    @Test func bodiesAndHeadersThatNameTheCauseProveIt() {
        #expect(cause(ResponseProof(response(504, headers: Self.rest, body: #"{"message": "Endpoint request timed out"}"#))) == "integration-timeout/high")
        #expect(cause(ResponseProof(response(500, headers: Self.rest + [("x-amzn-ErrorType", "AuthorizerConfigurationException")], body: #"{"message":null}"#))) == "authorizer-error/high")
        #expect(cause(ResponseProof(response(504, body: #"{"message": "Network error communicating with endpoint"}"#))) == "backend-network-error/medium")
        #expect(cause(ResponseProof(response(503, headers: Self.rest, body: #"{"message": "Service Unavailable"}"#))) == "backend-unavailable/medium")
        // An HTTP API's 503 is its timeout or the backend's own 503: only the time decides.
        #expect(isUndetermined(ResponseProof(response(503, headers: Self.http, body: #"{"message":"Service Unavailable"}"#))))
    }

    /// 29 s on a REST 504 and 30 s on an HTTP API 503 are the integration timeout; sooner is not proof.
    @Test func theTimeProvesATimeout() {
        #expect(cause(ResponseProof(response(504, headers: Self.rest, elapsed: 29_043))) == "integration-timeout/medium")
        #expect(cause(ResponseProof(response(503, headers: Self.http, elapsed: 30_012))) == "integration-timeout/high")
        #expect(isUndetermined(ResponseProof(response(504, headers: Self.rest, elapsed: 3_000))))
        #expect(isUndetermined(ResponseProof(response(503, headers: Self.http, elapsed: 1_200))))
        #expect(isUndetermined(ResponseProof(response(500, headers: Self.http, elapsed: 30_000))))
    }

    @Test func factsComeFromTheURLAndTheIdsOnly() {
        let proof = ResponseProof(response(502, headers: Self.rest + [("authorization", "Bearer secret")]))
        #expect(proof.facts() == [
            "api_type": "rest", "api_id": "a1b2c3d4e5", "region": "eu-west-1", "stage": "prod", "resource_path": "/orders/42",
            "http_method": "GET", "request_id": "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f",
        ])
    }

    @Test func httpDatesBecomeUTC() {
        #expect(TimeText.iso8601(httpDate: "Mon, 30 Nov 2026 10:00:31 GMT") == "2026-11-30T10:00:31Z")
        #expect(TimeText.iso8601(httpDate: "yesterday") == nil)
        #expect(TimeText.seconds(29_043.2) == "29.0 s")
        #expect(HAREntryReading.utc("2026-11-30T11:00:02.114+01:00") == "2026-11-30T10:00:02.114Z")
    }
}
