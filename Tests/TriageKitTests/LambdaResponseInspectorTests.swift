import Foundation
import Testing

@testable import TriageKit

@Suite struct LambdaResponseInspectorTests {
    let inspector = LambdaResponseInspector()

    func inspect(_ name: String, format: ProxyResponseFormat? = nil) throws -> EvidenceReport {
        try LambdaResponseInspector(format: format).inspect(ConfigFixture.file("lambda-response", name))
    }

    func line(_ text: String, _ name: String) -> Int? {
        ConfigFixture.line(of: text, in: "lambda-response", name)
    }

    // MARK: Detection

    @Test(arguments: [
        "valid-rest.json", "valid-numeric-string-status.json", "valid-headers-only.json", "body-object.json",
        "status-not-number.json", "unknown-key.json", "cookies-v2.json", "multi-value-not-list.json",
        "headers-array.json", "bare-string.json", "function-error.json", "function-timeout.json",
        "response-too-large-error.json", "throttled.json", "status-503.json", "truncated.json",
        "base64-not-boolean.json", "header-value-number.json", "cookies-not-list-v2.json",
    ])
    func detectsProxyResponsesByContent(_ name: String) {
        let sample = ConfigFixture.sample(at: ConfigFixture.url("lambda-response", name))
        #expect(inspector.detect(sample) != nil)
    }

    @Test func aResponseWithStatusAndBodyOutscoresABareString() throws {
        let full = inspector.detect(ConfigFixture.sample(at: ConfigFixture.url("lambda-response", "valid-rest.json")))
        let bare = inspector.detect(ConfigFixture.sample(at: ConfigFixture.url("lambda-response", "bare-string.json")))
        #expect(try #require(full) > #require(bare))
    }

    @Test func refusesTextThatIsNotJSON() {
        #expect(inspector.detect(ConfigFixture.sample(at: ConfigFixture.url("near-miss", "lambda-response--html-error-page.html"))) == nil)
    }

    @Test func refusesTestInvokeOutputAndJSONLines() throws {
        let testInvoke = try ConfigFixture.temporary(
            #"{"status": 502, "body": "{\"message\": \"Internal server error\"}", "headers": {}, "log": "Execution log", "latency": 40}"#)
        #expect(inspector.detect(testInvoke.sample) == nil)
        let jsonLines = try ConfigFixture.temporary("{\"statusCode\": 200}\n{\"statusCode\": 502}\n")
        #expect(inspector.detect(jsonLines.sample) == nil)
    }

    // MARK: Valid responses

    @Test func aValidResponseHasNoFindingAndSaysItIsValid() throws {
        let report = try inspect("valid-rest.json")
        #expect(report.kind == "lambda-response")
        #expect(report.findings.isEmpty)
        #expect(report.description.contains("valid for REST, HTTP API payload 1.0 and HTTP API payload 2.0"))
        #expect(report.lines == 12)
    }

    @Test func aNumericStringStatusCodeAndBooleanHeaderAreTolerated() throws {
        let report = try inspect("valid-numeric-string-status.json")
        #expect(report.findings.isEmpty)
    }

    @Test func aResponseWithoutStatusCodeIsValidForRest() throws {
        let report = try inspect("valid-headers-only.json", format: .rest)
        #expect(report.findings.isEmpty)
        #expect(report.description.contains("valid for REST"))
    }

    // MARK: Broken rules

    @Test func bodyAsAnObjectIsMalformedEverywhere() throws {
        let report = try inspect("body-object.json")
        let finding = try #require(report.findings.first { $0.cause == "lambda-response-format" })
        #expect(finding.confidence == .high)
        #expect(finding.summary.contains("body is an object, not a string"))
        #expect(finding.evidence.first?.line == line("\"body\"", "body-object.json"))
        #expect(finding.evidence.first?.text == "\"body\": {")
    }

    @Test func aStatusCodeThatIsNotANumberIsMalformed() throws {
        let finding = try #require(try inspect("status-not-number.json").findings.first)
        #expect(finding.cause == "lambda-response-format")
        #expect(finding.summary.contains("statusCode is the string \"test\", not a number"))
        #expect(finding.evidence.first?.line == 2)
    }

    @Test func anUnknownTopLevelKeyIsMalformedOnRest() throws {
        let finding = try #require(try inspect("unknown-key.json", format: .rest).findings.first)
        #expect(finding.cause == "lambda-response-format")
        #expect(finding.status == 502)
        #expect(finding.confidence == .high)
        #expect(finding.summary.contains("the key wrongValue is not part of the response format"))
        #expect(finding.evidence.first?.line == 3)
    }

    @Test func cookiesAreMalformedOnRestButFineForPayload2() throws {
        let unknownType = try inspect("cookies-v2.json")
        let finding = try #require(unknownType.findings.first)
        #expect(finding.cause == "lambda-response-format")
        // Only some formats break, and the API type is not known: one step less sure.
        #expect(finding.confidence == .medium)
        #expect(finding.summary.contains("the key cookies is not part of the response format (it belongs to HTTP API payload 2.0)"))
        #expect(finding.summary.contains("REST and HTTP API payload 1.0"))
        #expect(unknownType.description.contains("valid for HTTP API payload 2.0 but malformed for REST and HTTP API payload 1.0"))
        #expect(finding.evidence.first?.line == 2)

        #expect(try inspect("cookies-v2.json", format: .httpPayload2).findings.isEmpty)
        let rest = try #require(try inspect("cookies-v2.json", format: .rest).findings.first)
        #expect(rest.confidence == .high)
        #expect(rest.status == 502)
    }

    @Test func aMultiValueHeaderThatIsNotAListIsMalformed() throws {
        let finding = try #require(try inspect("multi-value-not-list.json", format: .rest).findings.first)
        #expect(finding.summary.contains("multiValueHeaders.test-multi-invalid is a string, not a list"))
        #expect(finding.evidence.first?.line == 4)
        #expect(finding.confidence == .high)
    }

    @Test func headersAsAnArrayAreMalformed() throws {
        let finding = try #require(try inspect("headers-array.json").findings.first)
        #expect(finding.summary.contains("headers is an array"))
        #expect(finding.evidence.first?.line == 3)
        #expect(finding.confidence == .medium)
    }

    @Test func isBase64EncodedAsAStringIsOnlyALowConfidenceBreak() throws {
        let finding = try #require(try inspect("base64-not-boolean.json", format: .rest).findings.first)
        #expect(finding.confidence == .low)
        #expect(finding.summary.contains("isBase64Encoded is the string \"true\", not a boolean"))
        #expect(finding.evidence.first?.line == 3)
    }

    @Test func headerValuesMustBeSingleStrings() throws {
        let finding = try #require(try inspect("header-value-number.json", format: .rest).findings.first)
        // A number is refused only by an emulator; an object is refused for sure.
        #expect(finding.count == 2)
        #expect(finding.confidence == .medium)
        #expect(finding.evidence.map(\.line) == [4, 5])
        #expect(finding.summary.contains("the header X-Debug is an object"))
    }

    @Test func payload2CookiesMustBeAList() throws {
        let finding = try #require(try inspect("cookies-not-list-v2.json", format: .httpPayload2).findings.first)
        #expect(finding.summary.contains("cookies is not a list of strings"))
        #expect(finding.status == 500)
        #expect(finding.evidence.first?.line == 3)
    }

    @Test func aBareStringIsMalformedOnRestButABodyForPayload2() throws {
        let rest = try #require(try inspect("bare-string.json", format: .rest).findings.first)
        #expect(rest.cause == "lambda-response-format")
        #expect(rest.confidence == .high)
        #expect(rest.summary.contains("the response is a string, not a JSON object"))
        #expect(try inspect("bare-string.json", format: .httpPayload2).findings.isEmpty)
        let unknown = try #require(try inspect("bare-string.json").findings.first)
        #expect(unknown.confidence == .medium)
    }

    @Test func severalBrokenRulesAreOneFindingCountingEach() throws {
        let file = try ConfigFixture.temporary(
            """
            {
                "statusCode": "oops",
                "body": {"a": 1},
                "wrongValue": true
            }
            """)
        let report = try LambdaResponseInspector(format: .rest).inspect(file)
        let finding = try #require(report.findings.first)
        #expect(report.findings.count == 1)
        #expect(finding.count == 3)
        #expect(Set(finding.evidence.map(\.line)) == [2, 3, 4])
    }

    @Test func theFormatFollowsTheApiTypeAndPayloadVersionFacts() {
        #expect(ProxyResponseFormat(apiType: "rest", payloadFormatVersion: nil) == .rest)
        #expect(ProxyResponseFormat(apiType: "http", payloadFormatVersion: "2.0") == .httpPayload2)
        #expect(ProxyResponseFormat(apiType: nil, payloadFormatVersion: "1.0") == .httpPayload1)
        #expect(ProxyResponseFormat(apiType: "http", payloadFormatVersion: nil) == nil)
    }

    @Test func aRuleOnlySomeFormatsBreakIsNamedWithThoseFormats() throws {
        let file = try ConfigFixture.temporary(#"{"statusCode": 200, "cookies": ["a=1"], "body": {"a": 1}}"#)
        let finding = try #require(try inspector.inspect(file).findings.first)
        #expect(finding.confidence == .high)
        #expect(finding.summary.contains("for REST, HTTP API payload 1.0 and HTTP API payload 2.0"))
        #expect(finding.summary.contains("; body is an object, not a string (serialise it to JSON text)."))
        #expect(finding.summary.contains(
            "on REST and HTTP API payload 1.0, the key cookies is not part of the response format (it belongs to HTTP API payload 2.0)"))
    }

    // MARK: Lambda errors instead of a response

    @Test func aLambdaErrorObjectIsAFunctionError() throws {
        let report = try inspect("function-error.json", format: .rest)
        let finding = try #require(report.findings.first)
        #expect(finding.cause == "lambda-function-error")
        #expect(finding.confidence == .high)
        #expect(finding.status == 502)
        #expect(finding.summary.contains("Runtime.HandlerNotFound"))
        #expect(finding.evidence.first?.line == 2)
        #expect(report.description.contains("not a proxy response"))
    }

    @Test func taskTimedOutIsALambdaTimeout() throws {
        let finding = try #require(try inspect("function-timeout.json").findings.first)
        #expect(finding.cause == "lambda-timeout")
        #expect(finding.confidence == .high)
        #expect(finding.summary.contains("Task timed out after 10.00 seconds"))
    }

    @Test func responseSizeTooLargeIsTheSixMegabyteLimit() throws {
        let finding = try #require(try inspect("response-too-large-error.json").findings.first)
        #expect(finding.cause == "lambda-response-too-large")
        #expect(finding.evidence.first?.line == 2)
    }

    @Test func aLambdaThrottleBodyIsBackendThrottling() throws {
        let finding = try #require(try inspect("throttled.json").findings.first)
        #expect(finding.cause == "backend-throttling")
        #expect(finding.summary.contains("ReservedFunctionConcurrentInvocationLimitExceeded"))
    }

    @Test func aDeliberate503IsTheBackendSayingItIsUnavailable() throws {
        let finding = try #require(try inspect("status-503.json").findings.first)
        #expect(finding.cause == "backend-unavailable")
        #expect(finding.status == 503)
        #expect(finding.evidence.first?.line == 2)
    }

    // MARK: Size

    @Test func aResponseOverTenMegabytesBreaksBothLimits() throws {
        let body = String(repeating: "x", count: 10_600_000)
        let file = try ConfigFixture.temporary("{\"statusCode\": 200, \"body\": \"\(body)\"}")
        let report = try inspector.inspect(file)
        #expect(report.findings.map(\.cause) == ["lambda-response-too-large", "payload-too-large"])
        // A long line is quoted cut, not whole.
        #expect(try #require(report.findings.first?.evidence.first?.text.count) <= ConfigDocument.quoteLimit)
    }

    @Test func aResponseJustOverSixMegabytesIsTooLargeForLambdaOnly() throws {
        let body = String(repeating: "x", count: 6_300_000)
        let report = try inspector.inspect(try ConfigFixture.temporary("{\"statusCode\": 200, \"body\": \"\(body)\"}"))
        #expect(report.findings.map(\.cause) == ["lambda-response-too-large"])
    }

    // MARK: Unusable input

    @Test func truncatedJSONIsAProblemNotACrash() throws {
        let report = try inspect("truncated.json")
        #expect(report.kind == "lambda-response")
        #expect(report.findings.isEmpty)
        #expect(report.problems.first?.contains("cut off") == true)
    }

    @Test func textThatIsNotJSONIsAProblem() throws {
        // Not a proxy response, so it lives with the near-misses; read here as if the user forced it.
        let report = try LambdaResponseInspector().inspect(ConfigFixture.file("near-miss", "lambda-response--html-error-page.html"))
        #expect(report.findings.isEmpty)
        #expect(report.problems.first?.contains("Not valid JSON: unexpected '<' at line 1, column 1") == true)
    }

    @Test func aFileThatCannotBeOpenedThrowsAClearError() {
        let file = EvidenceFile(
            path: "/nonexistent/response.json",
            sample: EvidenceSample(path: "/nonexistent/response.json", head: "{}", isComplete: true, size: 2))
        #expect(throws: EvidenceContentsError.self) { try inspector.inspect(file) }
    }
}
