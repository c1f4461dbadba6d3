import Foundation
import Testing

@testable import TriageKit

@Suite("ExecutionLogInspector")
struct ExecutionLogInspectorTests {
    /// Every cause an execution log can show, each named first by the scan of its fixture
    /// (with the confidence the log supports).
    @Test(arguments: [
        ("cloudwatch-mixed-malformed.log", "lambda-response-format", Confidence.high),
        ("cloudwatch-function-error.log", "lambda-function-error", .high),
        ("console-function-error.log", "lambda-function-error", .high),
        ("cloudwatch-lambda-timeout.log", "lambda-timeout", .high),
        ("console-response-too-large.log", "lambda-response-too-large", .high),
        ("cloudwatch-invoke-permission.log", "lambda-invoke-permission", .high),
        ("cloudwatch-stage-variable-permission.log", "stage-variable-permission", .high),
        ("iso-integration-role.log", "integration-role", .high),
        ("console-method-not-post.log", "integration-method-not-post", .high),
        ("filter-log-events-method-not-post.json", "integration-method-not-post", .high),
        ("console-status-code-mapping.log", "status-code-mapping", .high),
        ("console-mapping-template.log", "mapping-template-error", .high),
        ("tab-separated-old-throttle.log", "backend-throttling", .high),
        ("cloudwatch-lambda-kms.log", "lambda-service-error", .high),
        ("console-private-integration.log", "private-integration", .medium),
        ("cloudwatch-vpc-link-error.log", "private-integration", .high),
        ("cloudwatch-network-error.log", "backend-network-error", .high),
        ("console-backend-tls.log", "backend-tls", .high),
        ("cloudwatch-invalid-endpoint.log", "invalid-endpoint", .high),
        ("cloudwatch-backend-unavailable.log", "backend-unavailable", .high),
        ("filter-log-events-timeout.json", "integration-timeout", .high),
        ("cloudwatch-authorizer-error.log", "authorizer-error", .high),
        ("cloudwatch-waf-error.log", "internal-service-failure", .high),
        ("cloudwatch-internal-error.log", "internal-service-failure", .medium),
    ])
    func namesTheCauseFirst(fixture: String, cause: String, confidence: Confidence) throws {
        let report = EvidenceTestSupport.scan("execution-log/" + fixture)
        #expect(report.kind == "execution-log")
        let first = try #require(report.findings.first)
        #expect(first.cause == cause)
        #expect(first.confidence == confidence)
        // The most telling line leads, the `Method completed` line is not it.
        let lead = try #require(first.evidence.first)
        #expect(!lead.text.contains("Method completed with status"))
        #expect(first.evidence.count <= 3)
    }

    @Test func aMixedLogCountsRequestsAndGroupsFailuresByCause() throws {
        let report = EvidenceTestSupport.scan("execution-log/cloudwatch-mixed-malformed.log")
        #expect(report.lines == 166)
        #expect(report.requests == 8)
        #expect(report.failed == 4)
        #expect(report.findings.map(\.cause) == ["lambda-response-format", "backend-throttling"])
        #expect(report.findings.map(\.count) == [3, 1])
        #expect(report.findings.map(\.status) == [502, 500])
        #expect(report.description == "API Gateway execution log, 166 lines, 8 requests, 4 failed with 500/502")

        let malformed = report.findings[0]
        let path = EvidenceTestSupport.fixture("execution-log/cloudwatch-mixed-malformed.log")
        #expect(
            malformed.evidence.first
                == EvidenceLine(
                    file: path, line: 41,
                    text: "(7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d) Execution failed due to configuration error: Malformed Lambda proxy response"
                ))
        #expect(malformed.evidence.last?.text.hasSuffix("Method completed with status: 502") == true)
        // The throttle's evidence: the 429 line, then Rate Exceeded.
        #expect(report.findings[1].evidence.map(\.line) == [99, 100, 101])
    }

    @Test func factsComeFromTheSourceArnTheLambdaArnAndTheFirstFailure() {
        let report = EvidenceTestSupport.scan("execution-log/cloudwatch-mixed-malformed.log")
        #expect(report.facts["api_id"] == "q8w7e6r5t4")
        #expect(report.facts["stage"] == "prod")
        #expect(report.facts["region"] == "eu-west-2")
        #expect(report.facts["account_id"] == "480391234567")
        #expect(report.facts["api_type"] == "rest")
        #expect(report.facts["function_name"] == "orders-api")
        #expect(report.facts["http_method"] == "GET")
        #expect(report.facts["resource_path"] == "/orders")
        #expect(report.facts["request_id"] == "7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d")
        #expect(report.facts["lambda_request_id"] == "1e0f9a8b-7c6d-4e5f-9a3b-2c1d0e9f8a7b")
    }

    @Test func theRoleComesFromTheAssumeRoleMessage() {
        let report = EvidenceTestSupport.scan("execution-log/iso-integration-role.log")
        #expect(report.facts["role_arn"] == "arn:aws:iam::480391234567:role/apigw-orders-invoke")
        #expect(report.facts["role_name"] == "apigw-orders-invoke")
        #expect(report.findings.first?.evidence.map(\.line) == [38, 39, 40])
    }

    /// The console test's source ARN has the stage `null`: not a stage, so no stage fact.
    @Test func aConsoleTestGivesNoStageAndKeepsTheMultiLineBodyWithItsRequest() throws {
        let report = EvidenceTestSupport.scan("execution-log/console-method-not-post.log")
        #expect(report.facts["stage"] == nil)
        #expect(report.facts["request_id"] == nil)
        #expect(report.facts["api_id"] == "beags1mnid")
        #expect(report.facts["resource_path"] == "/{city}")
        #expect(report.facts["http_method"] == "POST")
        #expect(report.facts["function_name"] == "weather")
        #expect(report.facts["lambda_request_id"] == "abc1d2ef-34ab-56c7-de8f-90123a456789")
        #expect(report.requests == 1)
        let finding = try #require(report.findings.first)
        // The 403 line, then the body's continuation line that says why.
        #expect(finding.evidence.map(\.text).prefix(2) == [
            "Mon Oct 14 14:08:49 UTC 2019 : Lambda invocation failed with status: 403. Lambda request id: abc1d2ef-34ab-56c7-de8f-90123a456789",
            "<Message>Unable to determine service/operation name to be authorized</Message>",
        ])
    }

    @Test func aStageVariableInTheUriNamesTheVariableNotAFunction() {
        let report = EvidenceTestSupport.scan("execution-log/cloudwatch-stage-variable-permission.log")
        #expect(report.facts["stage_variable"] == "orderFunction")
        #expect(report.facts["function_name"] == nil)
    }

    @Test func anHTTPIntegrationGivesTheBackendURL() {
        let report = EvidenceTestSupport.scan("execution-log/cloudwatch-backend-unavailable.log")
        #expect(report.facts["backend_url"] == "https://inventory.example.com/orders")
        #expect(report.facts["backend_host"] == "inventory.example.com")
        #expect(report.findings.first?.count == 2)
        #expect(report.findings.first?.evidence.first?.text.hasSuffix("Received response. Status: 503, Integration latency: 19 ms") == true)
    }

    @Test func theLambdaExceptionIsNamed() {
        let report = EvidenceTestSupport.scan("execution-log/cloudwatch-lambda-kms.log")
        #expect(report.findings.first?.summary.contains("KMSAccessDeniedException") == true)
    }

    /// A usage-plan throttle is API Gateway's own 429: counted, not reported as a 5xx cause.
    @Test func aKeyThrottleIsCountedNotDiagnosed() {
        let report = EvidenceTestSupport.scan("execution-log/cloudwatch-key-throttle.log")
        #expect(report.requests == 3)
        #expect(report.failed == 1)
        #expect(report.findings.map(\.cause) == ["lambda-invoke-permission"])
        #expect(report.description.contains("1 throttled with 429 by a usage plan (not a 5xx)"))
    }

    /// At ERROR level no request completes; failures are still classified, with the usual status.
    @Test func anErrorLevelLogWithoutCompletionLinesIsStillClassified() {
        let report = EvidenceTestSupport.scan("execution-log/cloudwatch-error-level.log")
        #expect(report.requests == 3)
        #expect(report.failed == 3)
        #expect(report.findings.map(\.cause) == ["integration-timeout", "lambda-response-format"])
        #expect(report.findings.map(\.status) == [504, 502])
    }

    @Test func exportsWithColumnsInFrontReadLikeCloudWatch() {
        let tabs = EvidenceTestSupport.scan("execution-log/tab-separated-old-throttle.log")
        #expect(tabs.requests == 3)
        #expect(tabs.failed == 1)
        #expect(tabs.findings.first?.status == 502)
        let iso = EvidenceTestSupport.scan("execution-log/iso-integration-role.log")
        #expect(iso.requests == 2)
        #expect(iso.failed == 1)
    }

    @Test func filterLogEventsLineNumbersPointIntoTheJSON() throws {
        let report = EvidenceTestSupport.scan("execution-log/filter-log-events-timeout.json")
        #expect(report.requests == 3)
        let lead = try #require(report.findings.first?.evidence.first)
        #expect(lead.text == "(a05e6f7a-8b9c-4d0e-9f2a-3b4c5d6e7f80) Execution failed due to a timeout error")
        let fileLines = try String(contentsOfFile: EvidenceTestSupport.fixture("execution-log/filter-log-events-timeout.json"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        #expect(fileLines[lead.line - 1].contains("Execution failed due to a timeout error"))
    }

    /// When more requests are in flight than the table holds, the oldest are judged early and
    /// the report says so; memory stays bounded.
    @Test func tooManyRequestsInFlightAreClosedEarlyAndReported() {
        var scan = ExecutionLogScan(path: "many.log", table: PendingRequestTable(maxOpen: 8))
        for index in 0..<40 {
            let line = Array("(req-\(String(format: "%08d", index))) Endpoint request URI: https://example.com/\(index)".utf8)
            line.withUnsafeBufferPointer { scan.consume($0, number: index + 1) }
        }
        scan.finish()
        #expect(scan.requests == 40)
        #expect(scan.closedEarly > 0)
        #expect(scan.failed == 0)
    }
}

extension ExecutionLogInspectorTests {
    /// An export with the log group in a column names the API and stage even when no line of an
    /// ERROR-level log carries the source ARN.
    @Test func theLogGroupNameGivesTheAPIAndStage() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let text = """
                API-Gateway-Execution-Logs_q8w7e6r5t4/prod\t2026-01-10T11:04:45.964Z\t(6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e) Execution failed due to a timeout error
                API-Gateway-Execution-Logs_q8w7e6r5t4/prod\t2026-01-10T11:04:45.967Z\t(6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e) Method completed with status: 504

                """
            let path = try EvidenceTestSupport.write(Data(text.utf8), named: "insights.tsv", in: folder)
            let report = EvidenceScanner().scan(path)
            #expect(report.kind == "execution-log")
            #expect(report.findings.first?.cause == "integration-timeout")
            #expect(report.facts["api_id"] == "q8w7e6r5t4")
            #expect(report.facts["stage"] == "prod")
        }
    }
}

extension ExecutionLogInspectorTests {
    /// An HTTP backend that answers 500 itself: no line names an API Gateway cause, so the failure
    /// is counted and pointed at, not given a made-up cause.
    @Test func aFailureNoLineExplainsIsReportedApart() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let rid = "(6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e) "
            let text = [
                "Endpoint request URI: https://inventory.example.com/orders",
                "Received response. Status: 500, Integration latency: 12 ms",
                "Endpoint response body before transformations: {\"error\":\"database unavailable\"}",
                "Method completed with status: 500",
            ].map { rid + $0 }.joined(separator: "\n") + "\n"
            let path = try EvidenceTestSupport.write(Data(text.utf8), named: "backend-500.log", in: folder)
            let report = EvidenceScanner().scan(path)
            #expect(report.failed == 1)
            #expect(report.findings.isEmpty)
            #expect(report.problems.first?.hasPrefix("1 failed request shows no line that names the cause (line 4).") == true)
            // Undetermined, with the lines that show it and the request's id for the join.
            let failure = try #require(report.undetermined.first)
            #expect(failure.status == 500)
            #expect(failure.evidence.map(\.line) == [4, 2])
            #expect(failure.request?.apiGatewayRequestId == "6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e")
        }
    }
}
