import Foundation
import Testing

@testable import TriageKit

@Suite("LogMessageSource and Logs Insights exports")
struct LogMessageSourceTests {
    /// Each Insights result is read by the inspector of the lines inside it, and says it was wrapped.
    @Test(arguments: [
        ("console-export-lambda-timeout.csv", "lambda-log", "lambda-function-error", "Logs Insights CSV export"),
        ("console-export-lambda-timeout.json", "lambda-log", "lambda-function-error", "Logs Insights JSON export"),
        ("get-query-results-lambda-timeout.json", "lambda-log", "lambda-function-error", "aws logs get-query-results output"),
        ("console-export-execution-log.csv", "execution-log", "lambda-timeout", "Logs Insights CSV export"),
        ("console-export-execution-log.json", "execution-log", "lambda-timeout", "Logs Insights JSON export"),
        ("get-query-results-execution-log.json", "execution-log", "lambda-timeout", "aws logs get-query-results output"),
        ("console-export-access-log.csv", "access-log", "integration-timeout", "Logs Insights CSV export"),
        ("console-export-access-log.json", "access-log", "integration-timeout", "Logs Insights JSON export"),
        ("get-query-results-access-log.json", "access-log", "integration-timeout", "aws logs get-query-results output"),
    ])
    func insightsResultsAreReadAsTheirInnerKind(fixture: String, kind: String, cause: String, wrapper: String) {
        let report = EvidenceTestSupport.scan("logs-insights/" + fixture)
        #expect(report.kind == kind)
        #expect(report.findings.first?.cause == cause)
        #expect(report.description.hasSuffix("(\(wrapper))"))
        #expect(report.problems.isEmpty, "\(report.problems)")
    }

    @Test func theSameLinesGiveTheSameCountsInEveryWrapper() {
        let reports = ["console-export-lambda-timeout.csv", "console-export-lambda-timeout.json", "get-query-results-lambda-timeout.json"]
            .map { EvidenceTestSupport.scan("logs-insights/" + $0) }
        for report in reports {
            #expect(report.requests == 3)
            #expect(report.failed == 2)
            #expect(Set(report.findings.map(\.cause)) == ["lambda-function-error", "lambda-timeout"])
            // `@log` names the account and the function.
            #expect(report.facts["account_id"] == "123456789012")
            #expect(report.facts["function_name"] == "orders-api")
        }
        let plain = EvidenceTestSupport.scan("execution-log/cloudwatch-lambda-timeout.log")
        let exported = EvidenceTestSupport.scan("logs-insights/console-export-execution-log.csv")
        #expect(plain.requests == exported.requests)
        #expect(plain.findings.map(\.cause) == exported.findings.map(\.cause))
    }

    /// A quoted multi-line CSV field is one message; its lines keep the file's line numbers.
    @Test func aMultiLineCSVMessageKeepsItsLines() throws {
        let report = EvidenceTestSupport.scan("logs-insights/console-export-lambda-timeout.csv")
        let error = try #require(report.findings.first { $0.cause == "lambda-function-error" })
        #expect(error.evidence.first?.line == 14)
        #expect(error.evidence.first?.text == "[ERROR] KeyError: 'id'")
    }

    @Test func theCSVStreamFollowsRFC4180() {
        let csv = "@timestamp,@message,@log\r\n2026-11-30 10:00:00.000,\"a, \"\"b\"\"\nsecond\",1:/aws/lambda/fn\r\n2026-11-30 10:00:01.000,plain,x\n"
        var lines: [(String, Int)] = []
        var stream = InsightsCSVStream()
        Array(csv.utf8).withUnsafeBufferPointer { bytes in
            stream.feed(bytes) { line, number in lines.append((line.text(0..<line.count), number)) }
        }
        stream.finish { _, _ in }
        #expect(lines.map(\.0) == ["a, \"b\"", "second", "plain"])
        #expect(lines.map(\.1) == [2, 3, 4])
        #expect(stream.records == 2)
        #expect(stream.logGroup == "1:/aws/lambda/fn")
        #expect(stream.isComplete)
    }

    @Test func theWrapperIsFoundByContent() throws {
        #expect(LogMessageSource.of("@timestamp,@message\n2026-11-30 10:00:00.000,x\n") == .insightsCSV)
        #expect(LogMessageSource.of("[\n  {\n    \"@timestamp\": \"2026-11-30 10:00:00.000\",\n    \"@message\": \"x\"\n  }\n]") == .insightsJSON)
        #expect(LogMessageSource.of("{\n    \"results\": [[{\"field\": \"@message\", \"value\": \"x\"}]]}") == .queryResults)
        #expect(LogMessageSource.of("{\n    \"events\": [{\"message\": \"x\"}]}") == .logEvents)
        #expect(LogMessageSource.of("START RequestId: x\n") == .lines)
        // A JSON array that is not an Insights export, and a CSV without `@message`, are not wrappers.
        #expect(LogMessageSource.of("[{\"message\": \"x\"}]") == .lines)
        #expect(LogMessageSource.of("timestamp,message\n1,x\n") == .lines)
    }

    // MARK: - Bad input

    @Test func aCutExportIsReadUpToTheCutAndSaysSo() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            for (fixture, problem) in [
                ("console-export-lambda-timeout.csv", "The CSV ends inside a quoted field"),
                ("get-query-results-lambda-timeout.json", "The JSON ends before it closes"),
                ("console-export-lambda-timeout.json", "The JSON ends before it closes"),
            ] {
                let data = try Data(contentsOf: URL(fileURLWithPath: EvidenceTestSupport.fixture("logs-insights/" + fixture)))
                // Cut inside the quoted multi-line traceback message (CSV) or mid-document (JSON).
                let cutAt = fixture.hasSuffix(".csv") ? (String(decoding: data, as: UTF8.self).range(of: "Traceback")?.lowerBound.utf16Offset(in: String(decoding: data, as: UTF8.self)) ?? data.count / 2) : data.count * 2 / 3
                let path = try EvidenceTestSupport.write(data.prefix(cutAt), named: "cut-" + fixture, in: folder)
                let report = EvidenceScanner().scan(path)
                #expect(report.kind == "lambda-log", "\(fixture)")
                #expect(report.problems.contains { $0.hasPrefix(problem) }, "\(fixture): \(report.problems)")
            }
        }
    }

    @Test func aStatsQueryWithoutMessagesIsNotClaimed() {
        let report = EvidenceTestSupport.scan("bad-input/logs-insights-stats-query-without-message.csv")
        #expect(report.kind == nil)
    }

    /// One 100 MB quoted CSV field: streamed in bounded memory, cut at the message limit.
    @Test func aHundredMegabyteCSVFieldIsStreamed() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let prefix = "@timestamp,@message\n2026-11-30 10:00:00.000,START RequestId: 8c2f4a61-0b7d-4e3a-9f55-2a6c1d8e0b47 Version: $LATEST\n"
                + "2026-11-30 10:00:00.001,\"REPORT RequestId: 8c2f4a61-0b7d-4e3a-9f55-2a6c1d8e0b47\tDuration: "
            let path = try EvidenceTestSupport.writeSingleLine(
                prefix: prefix, repeating: UInt8(ascii: "7"), size: 100 << 20, named: "huge.csv", in: folder)
            let report = EvidenceScanner().scan(path)
            #expect(report.kind == "lambda-log")
            #expect(report.problems.contains { $0.hasPrefix("The CSV ends inside a quoted field") })
        }
    }
}
