import Testing

@testable import TriageKit

@Suite("AccessLogInspector")
struct AccessLogInspectorTests {
    @Test(arguments: [
        ("rest-json-mixed.log", "lambda-invoke-permission", Confidence.high),
        ("rest-json-timeout.log", "integration-timeout", .high),
        ("rest-json-authorizer.log", "authorizer-error", .high),
        ("http-json-timeout.log", "integration-timeout", .medium),
        ("http-clf-iam-role.log", "lambda-invoke-permission", .medium),
        ("rest-clf-mixed.log", "lambda-response-format", .high),
        ("filter-log-events-http.json", "lambda-invoke-permission", .medium),
    ])
    func namesTheCauseFirst(fixture: String, cause: String, confidence: Confidence) throws {
        let report = EvidenceTestSupport.scan("access-log/" + fixture)
        #expect(report.kind == "access-log")
        let first = try #require(report.findings.first)
        #expect(first.cause == cause)
        #expect(first.confidence == confidence)
    }

    /// §4.4: permission message, Lambda's 429, and a function that returned 503 itself.
    @Test func readsTheInterpretationMatrix() {
        let report = EvidenceTestSupport.scan("access-log/rest-json-mixed.log")
        #expect(report.requests == 7)
        #expect(report.failed == 4)
        #expect(report.findings.map(\.cause) == ["lambda-invoke-permission", "backend-throttling", "backend-unavailable"])
        #expect(report.findings.map(\.count) == [2, 1, 1])
        #expect(report.findings.map(\.confidence) == [.high, .high, .medium])
        #expect(report.findings.map { $0.evidence.first?.line } == [2, 5, 6])
        #expect(report.facts["api_id"] == "m3n4b5v6c7")
        #expect(report.facts["stage"] == "live")
        #expect(report.facts["api_type"] == "rest")
        #expect(report.facts["request_id"] == "6c1f2d3e-4a5b-4c6d-9e7f-8091a2b3c4d5")
        #expect(report.facts["http_method"] == "POST")
        // Lambda request ids belong to one request: the top finding's request has none.
        #expect(report.facts["lambda_request_id"] == nil)
    }

    /// A 403 from the authorizer is not a 5xx.
    @Test func anAccessDenied403IsNotAFailure() {
        let report = EvidenceTestSupport.scan("access-log/rest-json-authorizer.log")
        #expect(report.requests == 2)
        #expect(report.failed == 1)
    }

    @Test func aRouteKeyMeansAnHTTPAPI() {
        let report = EvidenceTestSupport.scan("access-log/http-json-timeout.log")
        #expect(report.facts["api_type"] == "http")
        #expect(report.facts["route_key"] == "POST /exports")
        #expect(report.facts["resource_path"] == "/exports")
        #expect(report.findings.first?.status == 503)
        #expect(report.findings.first?.summary.contains("integration latency 30002 ms") == true)
    }

    /// The HTTP API CLF line with the integration error message after the request id (§2.6).
    @Test func readsCLFWithATrailingIntegrationError() throws {
        let entry = try #require(CommonLogFormatLine.entry(
            #"64.136.145.109 - - [15/Feb/2023:23:08:37 +0000] "GET $default HTTP/1.1" 500 35 AZzecgvEPHcEPew= The IAM role configured on the integration or API Gateway doesn't have permissions to call the integration. Check the permissions and try again."#
        ))
        #expect(entry.status == 500)
        #expect(entry.routeKey == "$default")
        #expect(entry.apiType == "http")
        #expect(entry.requestID == "AZzecgvEPHcEPew=")
        #expect(entry.integrationError?.hasPrefix("The IAM role configured") == true)
    }

    @Test func readsRESTCLFWithBothIDs() throws {
        let entry = try #require(CommonLogFormatLine.entry(
            #"198.51.100.10 - - [10/Jan/2026:11:04:46 +0000] "GET /orders HTTP/1.1" 502 36 7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d Xk3cQGLELPEFr3x="#))
        #expect(entry.resourcePath == "/orders")
        #expect(entry.apiType == "rest")
        #expect(entry.requestID == "7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d")
        #expect(entry.integrationError == nil)
    }

    /// Any spelling of a `$context` variable lands on the same field; `-` means empty.
    @Test(arguments: [
        #"{"status":"502","integration":{"status":"503","error":"-"},"integrationStatus":"200"}"#,
        #"{"status":502,"integration-status":"503","integration-integrationStatus":"200"}"#,
        #"{"Status":"502","integration.status":"503","integration_integrationStatus":200}"#,
    ])
    func fieldNamesAreNormalised(line: String) throws {
        var json = FlatJSONLine()
        let bytes = Array(line.utf8)
        let entry = try bytes.withUnsafeBufferPointer { text in
            let parsed = json.parse(text)
            #expect(parsed)
            return try #require(AccessLogEntry(json: json, line: text))
        }
        #expect(entry.status == 502)
        #expect(entry.integrationResponseStatus == 503)
        #expect(entry.integrationStatus == 200)
        #expect(entry.integrationError == nil)
    }

    @Test func aJSONLineIsCondensedToTheFieldsThatExplainIt() {
        let line = #"{"requestId":"r1","status":"500","integrationStatus":"429","integrationErrorMessage":"Rate Exceeded.","ip":"203.0.113.1"}"#
        #expect(AccessLogEntry.condensed(line) == "status=500 integrationStatus=429 integrationErrorMessage=Rate Exceeded.")
    }
}
