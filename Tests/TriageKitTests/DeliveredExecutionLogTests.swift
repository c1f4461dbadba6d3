import Foundation
import Testing

@testable import TriageKit

/// REST execution logs delivered by CloudWatch Logs delivery (since 2026-09-10): events up to 1 MB,
/// PLAIN and JSON formats, and Parquet in S3.
@Suite struct DeliveredExecutionLogTests {
    @Test(arguments: [
        ("delivered-json-response-too-large.log", "lambda-response-too-large", 502),
        ("delivered-json-payload-too-large.log", "payload-too-large", 500),
        ("delivered-plain-long-body.log", "lambda-response-too-large", 502),
    ])
    func namesTheCause(name: String, cause: String, status: Int) throws {
        let report = EvidenceTestSupport.scan("execution-log/" + name)
        #expect(report.kind == "execution-log")
        #expect(report.description.contains("delivered"))
        let first = try #require(report.findings.first)
        #expect(first.cause == cause)
        #expect(first.status == status)
        #expect(first.confidence == .high)
        #expect(report.problems.isEmpty)
    }

    /// JSON events: the lines quoted are the file's own, with their line numbers.
    @Test func quotesTheJSONEventLine() throws {
        let name = "delivered-json-response-too-large.log"
        let report = EvidenceTestSupport.scan("execution-log/" + name)
        let telling = try #require(report.findings.first?.evidence.first)
        #expect(telling.line == ConfigFixture.line(of: "Lambda execution failed", in: "execution-log", name))
        #expect(telling.text.contains("Response payload size (11249613 bytes) exceeded"))
        #expect(report.requests == 3)
        #expect(report.failed == 1)
        #expect(report.facts["api_id"] == "p3n8v2k6wd")
        #expect(report.facts["stage"] == "prod")
        #expect(report.facts["function_name"] == "catalog-export")
    }

    /// Field names are not documented: `@timestamp`, `request_id` and `msg` work as well.
    @Test func readsOtherFieldNames() throws {
        let report = EvidenceTestSupport.scan("execution-log/delivered-json-payload-too-large.log")
        #expect(report.requests == 1)
        #expect(report.facts["request_id"] == "5a000014-1014-4014-9014-0012345678a4")
    }

    /// Without a request-id field, consecutive events form one request, closed by `Method completed`.
    @Test func eventsWithoutARequestIDAreReadInOrder() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let lines = [
                #"{"ts":"2026-11-30T10:00:00Z","message":"Starting execution for request: x"}"#,
                #"{"ts":"2026-11-30T10:00:00Z","message":"Endpoint request URI: https://lambda.eu-west-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:f/invocations"}"#,
                #"{"ts":"2026-11-30T10:00:29Z","message":"Execution failed due to a timeout error"}"#,
                #"{"ts":"2026-11-30T10:00:29Z","message":"Method completed with status: 504"}"#,
                #"{"ts":"2026-11-30T10:00:30Z","message":"Starting execution for request: y"}"#,
                #"{"ts":"2026-11-30T10:00:30Z","message":"Method completed with status: 200"}"#,
            ]
            let path = try EvidenceTestSupport.write(Data((lines.joined(separator: "\n") + "\n").utf8), named: "d.log", in: folder)
            let report = EvidenceScanner().scan(path)
            #expect(report.kind == "execution-log")
            #expect(report.requests == 2)
            #expect(report.findings.first?.cause == "integration-timeout")
            #expect(report.findings.first?.evidence.first?.line == 3)
            #expect(report.facts["function_name"] == "f")
        }
    }

    @Test func aDeliveredLogOfSuccessesProvesNothing() {
        let report = EvidenceTestSupport.scan("execution-log/delivered-json-success.log")
        #expect(report.kind == "execution-log")
        #expect(report.findings.isEmpty)
        #expect(report.requests == 3)
        #expect(report.failed == 0)
    }

    /// A 1 MB event is read whole, so the request's last line still closes it; nothing is cut silently.
    @Test func aOneMegabyteEventIsNotCut() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let id = "(5a000001-1001-4001-9001-001234567891) "
            var text = id + "Starting execution for request: 5a000001-1001-4001-9001-001234567891\n"
            text += id + "Endpoint response body before transformations: {\"statusCode\":200,\"body\":\"" + String(repeating: "y", count: 1_000_000) + "\"}\n"
            text += id + "Execution failed due to configuration error: Malformed Lambda proxy response\n"
            text += id + "Method completed with status: 502\n"
            let path = try EvidenceTestSupport.write(Data(text.utf8), named: "delivered.log", in: folder)
            let report = EvidenceScanner().scan(path)
            #expect(report.kind == "execution-log")
            #expect(report.problems.isEmpty)
            #expect(report.findings.first?.cause == "lambda-response-format")
            #expect(report.lines == 4)
            #expect(report.description.contains("events over 1 KiB"))
        }
    }

    /// Beyond the bound (2 MiB) a line is cut, and the report says so.
    @Test func aLineBeyondTheBoundIsCutWithANote() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let path = try EvidenceTestSupport.writeSingleLine(
                prefix: "(5a000001-1001-4001-9001-001234567891) Endpoint response body before transformations: ",
                repeating: UInt8(ascii: "z"), size: 5 * 1024 * 1024, named: "huge.log", in: folder)
            let report = EvidenceScanner().scan(path)
            #expect(report.kind == "execution-log")
            #expect(report.problems.contains { $0.contains("longer than 2 MiB") })
        }
    }

    @Test func aParquetFileGetsTheQueriesToRunInstead() {
        let report = EvidenceTestSupport.scan("bad-input/execution-logs-delivery.parquet")
        #expect(report.kind == nil)
        #expect(report.description.contains("Parquet"))
        let problem = report.problems.joined(separator: " ")
        #expect(problem.contains("Parquet cannot be read offline"))
        #expect(problem.contains("Athena"))
        #expect(problem.contains("fields @timestamp, @message"))
        #expect(!problem.contains("binary data"))
    }

    @Test func aFileThatOnlyStartsLikeParquetIsJustBinary() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let path = try EvidenceTestSupport.write(Data("PAR1".utf8) + Data(repeating: 0, count: 64), named: "x.parquet", in: folder)
            let report = EvidenceScanner().scan(path)
            #expect(!report.description.contains("Parquet"))
        }
    }

    @Test func eventsAreReadTolerantly() throws {
        let lines = [
            #"{"time":"t","requestId":"5a000001-1001-4001-9001-001234567891","message":"Method completed with status: 502"}"#,
            #"{"@message":"(5a000001-1001-4001-9001-001234567891) Execution failed due to a timeout error"}"#,
            #"{"event":{"text":"Execution failed due to a timeout error","request":{"request_id":"5a000001-1001-4001-9001-001234567891"}}}"#,
            #"{"payload":"Lambda execution failed with status 200 due to customer function error: boom. Lambda req"#,
        ]
        let events = lines.map { line -> DeliveredLogEvent? in
            var bytes = Array(line.utf8)
            return bytes.withUnsafeMutableBufferPointer { DeliveredLogEvent.read(UnsafeBufferPointer($0)) }
        }
        #expect(events[0]?.requestID == "5a000001-1001-4001-9001-001234567891")
        #expect(events[0]?.message == "Method completed with status: 502")
        #expect(events[1]?.message.hasPrefix("(5a000001") == true)
        #expect(events[2]?.message == "Execution failed due to a timeout error")
        #expect(events[2]?.requestID == "5a000001-1001-4001-9001-001234567891")
        // A cut line still gives what was read; the value is known by its text, not its key.
        #expect(events[3]?.message.hasPrefix("Lambda execution failed") == true)
        var notALog = Array(#"{"level":"INFO","message":"order 42 saved"}"#.utf8)
        #expect(notALog.withUnsafeMutableBufferPointer { DeliveredLogEvent.read(UnsafeBufferPointer($0)) } == nil)
    }
}
