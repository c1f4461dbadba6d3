import Foundation
import Testing

@testable import TriageKit

@Suite struct TestInvokeInspectorTests {
    func scan(_ name: String) -> EvidenceReport {
        EvidenceTestSupport.scan("test-invoke/" + name)
    }

    /// The file line holding the `log` field: every quoted log line points there.
    func logLine(_ name: String) -> Int? {
        ConfigFixture.line(of: "\"log\":", in: "test-invoke", name)
    }

    @Test(arguments: [
        ("method-invoke-permission.json", "lambda-invoke-permission", 500),
        ("method-response-too-large.json", "lambda-response-too-large", 502),
        ("method-2018-null-stage.json", "lambda-invoke-permission", 500),
        ("authorizer-invalid-permissions.json", "authorizer-error", 500),
    ])
    func theLogNamesTheCause(name: String, cause: String, status: Int) throws {
        let report = scan(name)
        #expect(report.kind == "test-invoke")
        let first = try #require(report.findings.first)
        #expect(first.cause == cause)
        #expect(first.status == status)
        #expect(first.confidence == .high)
        #expect(report.undetermined.isEmpty)
        // Quoted from the log, numbered with the file line of the log field.
        #expect(first.evidence.allSatisfy { $0.line == logLine(name) })
    }

    /// The same findings as the log itself gives, read as an execution-log file.
    @Test func findingsMatchThoseOfTheLogAsAFile() throws {
        let wrapped = scan("method-response-too-large.json")
        let data = try Data(contentsOf: ConfigFixture.url("test-invoke", "method-response-too-large.json"))
        let log = try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["log"] as? String)
        let plain = try EvidenceTestSupport.withTemporaryDirectory { folder in
            EvidenceScanner().scan(try EvidenceTestSupport.write(Data(log.utf8), named: "test.log", in: folder))
        }
        #expect(plain.kind == "execution-log")
        #expect(wrapped.findings.map(\.cause) == plain.findings.map(\.cause))
        #expect(wrapped.findings.map { $0.evidence.map(\.text) } == plain.findings.map { $0.evidence.map(\.text) })
    }

    @Test func theTestStageIsNotTheStage() {
        for name in ["method-invoke-permission.json", "method-2018-null-stage.json"] {
            let report = scan(name)
            #expect(report.facts["stage"] == nil, "\(name)")
        }
        let report = scan("method-invoke-permission.json")
        #expect(report.facts["api_id"] == "k7x2p9q4rd")
        #expect(report.facts["function_name"] == "orders-api")
        #expect(report.facts["region"] == "eu-west-1")
        #expect(report.facts["api_type"] == "rest")
        #expect(report.findings.first?.summary.contains("console test (stage test-invoke-stage)") == true)
        #expect(scan("method-2018-null-stage.json").findings.first?.summary.contains("(stage null)") == true)
    }

    /// `[TRUNCATED]` glues the next message on: it is read, not lost.
    @Test func aTruncatedMessageDoesNotSwallowTheNextOne() {
        let report = scan("method-2018-null-stage.json")
        #expect(report.facts["function_name"] == "books")
    }

    @Test func theAuthorizerFailureNamesThePermission() throws {
        let report = scan("authorizer-invalid-permissions.json")
        let finding = try #require(report.findings.first)
        #expect(finding.summary.contains("the authorizer function lacks the invoke permission"))
        #expect(finding.evidence.map(\.text).contains { $0.contains("Invalid permissions on Lambda function") })
        #expect(report.facts["authorizer_id"] == "4kz8tq")
        #expect(report.facts["function_name"] == "token-authorizer")
        #expect(report.description.contains("test-invoke-authorizer"))
    }

    @Test func requestKeysAreFilled() throws {
        let finding = try #require(scan("method-response-too-large.json").findings.first)
        #expect(finding.request?.lambdaRequestId == "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d")
        #expect(finding.request?.apiGatewayRequestId == "3f1c9a2e-6b7d-4e8f-9a0b-1c2d3e4f5a6b")
        #expect(finding.request?.route == "GET /orders/{id}")
    }

    @Test(arguments: ["method-success.json", "authorizer-allow.json"])
    func aSuccessfulCallProvesNothing(name: String) {
        let report = scan(name)
        #expect(report.kind == "test-invoke")
        #expect(report.findings.isEmpty)
        #expect(report.undetermined.isEmpty)
        #expect(report.problems.isEmpty)
    }

    @Test func aStatusTheLogDoesNotExplainIsUndetermined() throws {
        let report = scan("method-http-backend-500.json")
        #expect(report.findings.isEmpty)
        let failure = try #require(report.undetermined.first)
        #expect(failure.status == 500)
        #expect(failure.apiType == "rest")
        #expect(failure.clues.contains { $0.contains("<h1>Server Error</h1>") })
        #expect(failure.evidence.first?.text == "\"status\": 500,")
        #expect(report.description.contains("that names no cause"))
        #expect(report.facts["backend_host"] == "backend.example.com")
    }

    /// A cut paste: what came before the cut is read (the status, the start of the log), and the
    /// report says it was cut. Here the cut falls before the line that names the cause.
    @Test func aTruncatedOutputIsReadUpToTheCut() {
        let report = scan("truncated.json")
        #expect(report.kind == "test-invoke")
        #expect(report.findings.isEmpty)
        #expect(report.undetermined.first?.status == 502)
        #expect(report.problems.contains { $0.contains("cut off") && $0.contains("what came before the cut was read") })
    }

    /// The AWS CLI prints `status` and `body` first: a body over the 64 KiB sample hides the log.
    @Test func anOutputWithABodyLargerThanTheSampleIsStillRecognised() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let body = String(repeating: #"{\"sku\": 1}"#, count: 12_000)
            let log = #"Execution log for request test-request\nThu Dec 03 09:41:12 UTC 2026 : Execution failed due to "#
                + #"configuration error: Invalid permissions on Lambda function\nThu Dec 03 09:41:12 UTC 2026 : "#
                + #"Method completed with status: 500\n"#
            let text = [
                "{", #"    "status": 500,"#, #"    "body": "["# + body + #"]","#, #"    "headers": {},"#,
                #"    "log": ""# + log + #"","#, #"    "latency": 12"#, "}", "",
            ].joined(separator: "\n")
            let path = try EvidenceTestSupport.write(Data(text.utf8), named: "big-body.json", in: folder)
            let report = EvidenceScanner().scan(path)
            #expect(report.kind == "test-invoke")
            #expect(report.findings.first?.cause == "lambda-invoke-permission")
        }
    }

    // MARK: Bad input

    @Test func anOutputWithoutALogIsReadForItsStatus() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let path = try EvidenceTestSupport.write(
                Data(#"{"status": 504, "body": "{\"message\": \"Endpoint request timed out\"}", "log": 17, "latency": 29001}"#.utf8),
                named: "out.json", in: folder)
            let report = EvidenceScanner().scan(path)
            #expect(report.kind == "test-invoke")
            #expect(report.undetermined.first?.status == 504)
            #expect(report.undetermined.first?.clues.contains { $0.contains("Endpoint request timed out") } == true)
            #expect(report.problems.contains { $0.contains("no execution log") })
        }
    }

    @Test func aHugeLogLineIsReadInBoundedMemory() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let prefix = #"{"status": 502, "latency": 40, "log": "Execution log for request test-request\nThu Dec 03 09:41:12 UTC 2026 : Endpoint response body before transformations: "#
            let path = try EvidenceTestSupport.writeSingleLine(
                prefix: prefix, repeating: UInt8(ascii: "x"), size: 3 * 1024 * 1024, named: "big.json", in: folder)
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(#"\nThu Dec 03 09:41:12 UTC 2026 : Execution failed due to configuration error: Malformed Lambda proxy response\n"}"#.utf8))
            try handle.close()
            let report = EvidenceScanner().scan(path)
            #expect(report.kind == "test-invoke")
            #expect(report.findings.first?.cause == "lambda-response-format")
        }
    }

    @Test func detectionNeedsTheOutputsOwnKeys() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            func score(_ json: String) throws -> Int? {
                let path = try EvidenceTestSupport.write(Data(json.utf8), named: "\(UUID()).json", in: folder)
                return TestInvokeInspector().detect(ConfigFixture.sample(at: URL(fileURLWithPath: path)))
            }
            let other = try score(#"{"status": "failed", "log": "deploy failed", "durationMs": 1200}"#)
            let proxy = try score(#"{"statusCode": 502, "body": "x"}"#)
            let own = try score(#"{"status": 500, "body": "", "log": "", "latency": 3}"#)
            #expect(other == nil)
            #expect(proxy == nil)
            #expect(own == 95)
        }
    }

    @Test func aLatencyAtTheTimeoutIsAClue() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let path = try EvidenceTestSupport.write(
                Data(#"{"status": 504, "body": "{\"message\": \"Endpoint request timed out\"}", "headers": {}, "log": "", "latency": 29012}"#.utf8),
                named: "timeout.json", in: folder)
            let report = EvidenceScanner().scan(path)
            #expect(report.undetermined.first?.clues.contains { $0.contains("29012 ms") } == true)
        }
    }
}
