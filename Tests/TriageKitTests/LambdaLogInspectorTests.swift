import Foundation
import Testing

@testable import TriageKit

@Suite("LambdaLogInspector")
struct LambdaLogInspectorTests {
    /// Every runtime and printer shape names its cause first, with the confidence the log supports.
    @Test(arguments: [
        ("text-node-invoke-error.log", "lambda-function-error", Confidence.high),
        ("text-python-keyerror.log", "lambda-function-error", .high),
        ("json-format-python-error.log", "lambda-function-error", .high),
        ("text-java-exception.log", "lambda-function-error", .high),
        ("text-go-panic.log", "lambda-function-error", .high),
        ("text-out-of-memory.log", "lambda-function-error", .high),
        ("text-init-error.log", "lambda-function-error", .high),
        ("text-timeout.log", "lambda-timeout", .high),
        ("text-timeout-after-report.log", "lambda-timeout", .high),
        ("text-response-too-large.log", "lambda-response-too-large", .high),
        ("text-response-too-large-bytes.log", "lambda-response-too-large", .high),
        ("aws-logs-tail-timeout.log", "lambda-timeout", .high),
        ("aws-logs-tail-short-uncaught.log", "lambda-function-error", .high),
        ("aws-logs-tail-interleaved-streams.log", "lambda-function-error", .high),
        ("sam-logs-python-error.log", "lambda-function-error", .high),
        ("serverless-logs-invoke-error.log", "lambda-function-error", .high),
        ("zappa-tail-name-error.log", "lambda-function-error", .high),
        ("console-copy-timeout.log", "lambda-timeout", .high),
        ("filter-log-events-out-of-memory.json", "lambda-function-error", .high),
        ("text-dotnet-exception.log", "lambda-function-error", .low),
    ])
    func namesTheCauseFirst(fixture: String, cause: String, confidence: Confidence) throws {
        let report = EvidenceTestSupport.scan("lambda-log/" + fixture)
        #expect(report.kind == "lambda-log")
        let first = try #require(report.findings.first)
        #expect(first.cause == cause)
        #expect(first.confidence == confidence)
        // A Lambda log never shows the client's status.
        #expect(first.status == nil)
        #expect(!first.evidence.isEmpty && first.evidence.count <= 3)
        #expect(first.request?.lambdaRequestId != nil)
        #expect(first.facts["lambda_request_id"] == first.request?.lambdaRequestId)
    }

    @Test func aTimeoutQuotesTheLineAndGivesTheFunctionTimeout() throws {
        let report = EvidenceTestSupport.scan("lambda-log/text-timeout.log")
        let finding = try #require(report.findings.first)
        let path = EvidenceTestSupport.fixture("lambda-log/text-timeout.log")
        #expect(
            finding.evidence.first
                == EvidenceLine(
                    file: path, line: 4,
                    text: "2026-11-30T10:08:03.017Z 6b5a4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d Task timed out after 3.00 seconds"))
        #expect(finding.evidence.last?.text.hasSuffix("Status: timeout") == true)
        #expect(report.facts["function_timeout_s"] == "3")
        #expect(report.facts["lambda_request_id"] == "6b5a4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d")
        #expect(report.facts["region"] == "us-east-1")
        #expect(finding.request == RequestKeys(lambdaRequestId: "6b5a4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d", time: "2026-11-30T10:08:03.017Z"))
        #expect(finding.summary.contains("REST API answers 502 and an HTTP API 500"))
        #expect(report.requests == 1)
        #expect(report.failed == 1)
        #expect(
            report.description
                == "Lambda function log, 7 lines, 1 invocation, 1 failed (1 timed out), longest Duration 3,000 ms, memory size 128 MB")
    }

    @Test func aTimeoutWrittenAfterTheReportStaysWithItsInvocation() {
        let report = EvidenceTestSupport.scan("lambda-log/text-timeout-after-report.log")
        #expect(report.requests == 1)
        #expect(report.failed == 1)
        #expect(report.facts["function_timeout_s"] == "10")
    }

    /// All invocations succeeded: read, proves nothing, says the longest duration.
    @Test func aLogWithoutFailuresProvesNothing() {
        let report = EvidenceTestSupport.scan("lambda-log/text-all-success.log")
        #expect(report.kind == "lambda-log")
        #expect(report.findings.isEmpty)
        #expect(report.requests == 3)
        #expect(report.failed == 0)
        #expect(
            report.description
                == "Lambda function log, 12 lines, 3 invocations, none failed, longest Duration 1,934.08 ms, memory size 128 MB")
    }

    /// A logged error (`[ERROR]\t…`, `console.error`) is not a failed invocation.
    @Test func aLoggedErrorIsNotAFailure() {
        let report = EvidenceTestSupport.scan("lambda-log/text-python-keyerror.log")
        #expect(report.requests == 2)
        #expect(report.failed == 1)
        #expect(report.findings.map(\.count) == [1])
        #expect(report.findings.first?.request?.lambdaRequestId == "a4c6e8f0-1b3d-4f5a-9c7e-2d4f6a8b0c1e")
    }

    /// A .NET `fail` line with a stack trace is what a handled, logged exception prints too.
    @Test func aStackTraceAloneIsLowConfidenceAndNotCountedAsFailed() throws {
        let report = EvidenceTestSupport.scan("lambda-log/text-dotnet-exception.log")
        #expect(report.failed == 0)
        let finding = try #require(report.findings.first)
        #expect(finding.summary.contains("System.NullReferenceException"))
        #expect(finding.summary.contains("does not prove"))
    }

    @Test func outOfMemoryAndInitFailuresSayWhich() throws {
        let memory = try #require(EvidenceTestSupport.scan("lambda-log/text-out-of-memory.log").findings.first)
        #expect(memory.summary.contains("ran out of memory"))
        #expect(memory.summary.contains("memory size 512 MB"))
        let initFailure = EvidenceTestSupport.scan("lambda-log/text-init-error.log")
        let finding = try #require(initFailure.findings.first)
        #expect(finding.summary.contains("failed to initialise (Runtime.ImportModuleError)"))
        #expect(finding.evidence.first?.text.hasPrefix("[ERROR] Runtime.ImportModuleError") == true)
        #expect(initFailure.requests == 1)
        #expect(initFailure.facts["region"] == "eu-central-1")
    }

    @Test func bothWordingsOfTheSixMegabyteMessage() {
        for fixture in ["text-response-too-large.log", "text-response-too-large-bytes.log"] {
            let report = EvidenceTestSupport.scan("lambda-log/" + fixture)
            #expect(report.findings.map(\.cause) == ["lambda-response-too-large"], "\(fixture)")
        }
    }

    @Test func theJSONLogFormatReadsPlatformAndApplicationRecords() {
        let report = EvidenceTestSupport.scan("lambda-log/json-format-timeout.log")
        #expect(report.description.hasPrefix("Lambda function log (JSON log format), 14 lines, 3 invocations, 2 failed"))
        #expect(Set(report.findings.map(\.cause)) == ["lambda-timeout", "lambda-function-error"])
        let timeout = report.findings.first { $0.cause == "lambda-timeout" }
        #expect(timeout?.facts["function_timeout_s"] == "6")
        #expect(timeout?.request?.time == "2026-11-30T10:14:10.001Z")
        #expect(report.facts["region"] == nil || report.facts["region"] == "eu-west-1")
    }

    @Test func toolPrefixesGiveTheFunctionAndTheTime() throws {
        let tail = EvidenceTestSupport.scan("lambda-log/aws-logs-tail-timeout.log")
        #expect(tail.facts["function_name"] == "orders-api")
        #expect(tail.facts["region"] == "eu-west-1")
        #expect(tail.requests == 2)
        let timeout = try #require(tail.findings.first)
        #expect(timeout.request?.time == "2026-11-30T10:20:00.320000Z")
        let serverless = EvidenceTestSupport.scan("lambda-log/serverless-logs-invoke-error.log")
        #expect(serverless.findings.first?.request?.time == "2026-11-30T10:26:02.010Z")
        let zappa = EvidenceTestSupport.scan("lambda-log/zappa-tail-name-error.log")
        #expect(zappa.findings.first?.request?.time == "2026-11-30T10:26:00.123Z")
    }

    /// Files of other kinds, and application logs with no Lambda platform line, are not claimed.
    @Test func otherKindsAndNearMissesAreNotClaimed() throws {
        let folders = ["execution-log", "access-log", "http-response", "lambda-response"]
        for folder in folders {
            let names = try FileManager.default.contentsOfDirectory(atPath: EvidenceTestSupport.fixture(folder))
            for name in names {
                #expect(LambdaLogInspector().detect(Self.sample(folder + "/" + name)) == nil, "\(folder)/\(name)")
            }
        }
        #expect(EvidenceTestSupport.scan("near-miss/lambda-log--app-log-without-platform-lines.log").kind == nil)
        #expect(EvidenceTestSupport.scan("near-miss/lambda-log--pino-json-app-log.log").kind == nil)
        #expect(EvidenceTestSupport.scan("near-miss/lambda-log--execution-log-quoting-task-timed-out.log").kind == "execution-log")
    }

    /// A log that begins inside an invocation: the error lines before its END are its own, not an
    /// init failure of the next one.
    @Test func aLogCutAtTheStartKeepsTheFirstErrorWithItsInvocation() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let text = [
                "[ERROR] KeyError: 'id'", "Traceback (most recent call last):",
                "END RequestId: a4c6e8f0-1b3d-4f5a-9c7e-2d4f6a8b0c1e",
                "REPORT RequestId: a4c6e8f0-1b3d-4f5a-9c7e-2d4f6a8b0c1e\tDuration: 3.19 ms\tBilled Duration: 4 ms\tMemory Size: 128 MB\tMax Memory Used: 61 MB",
                "START RequestId: 3b9d2e71-6a4c-4f1e-8d2b-7c5a9e0f1d3a Version: $LATEST",
                "END RequestId: 3b9d2e71-6a4c-4f1e-8d2b-7c5a9e0f1d3a",
                "REPORT RequestId: 3b9d2e71-6a4c-4f1e-8d2b-7c5a9e0f1d3a\tDuration: 9.00 ms\tBilled Duration: 9 ms\tMemory Size: 128 MB\tMax Memory Used: 61 MB",
            ].joined(separator: "\n")
            let path = try EvidenceTestSupport.write(Data(text.utf8), named: "cut-start.log", in: folder)
            let report = EvidenceScanner().scan(path)
            #expect(report.requests == 2)
            #expect(report.failed == 1)
            let finding = try #require(report.findings.first)
            #expect(finding.request?.lambdaRequestId == "a4c6e8f0-1b3d-4f5a-9c7e-2d4f6a8b0c1e")
            #expect(finding.summary.contains("unhandled error (KeyError)"))
        }
    }

    /// `aws logs tail` interleaves streams: a line without an id goes with its own stream's invocation.
    @Test func interleavedStreamsKeepTheirOwnLines() throws {
        let report = EvidenceTestSupport.scan("lambda-log/aws-logs-tail-interleaved-streams.log")
        #expect(report.requests == 2)
        #expect(report.failed == 1)
        #expect(report.findings.first?.request?.lambdaRequestId == "11111111-2222-4333-8444-555555555555")
        #expect(report.findings.first?.request?.time == "2026-11-30T10:40:00.100000Z")
    }

    /// An error object the code logs (a caught SDK error) is not the runtime's report of a failure.
    @Test func aLoggedErrorObjectIsNotAFailure() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let text = [
                "START RequestId: 5e1a7c3b-2f4d-4b8e-9a6c-1d2e3f4a5b6c Version: $LATEST",
                "2026-11-30T10:00:01.102Z\t5e1a7c3b-2f4d-4b8e-9a6c-1d2e3f4a5b6c\tERROR\tretrying after {\"errorType\":\"ThrottlingException\",\"errorMessage\":\"Rate exceeded\"}",
                "END RequestId: 5e1a7c3b-2f4d-4b8e-9a6c-1d2e3f4a5b6c",
                "REPORT RequestId: 5e1a7c3b-2f4d-4b8e-9a6c-1d2e3f4a5b6c\tDuration: 41.27 ms\tBilled Duration: 42 ms\tMemory Size: 256 MB\tMax Memory Used: 88 MB",
            ].joined(separator: "\n")
            let report = EvidenceScanner().scan(try EvidenceTestSupport.write(Data(text.utf8), named: "logged.log", in: folder))
            #expect(report.kind == "lambda-log")
            #expect(report.failed == 0)
            #expect(report.findings.isEmpty)
        }
    }

    /// Init failed and no invocation followed (the log ends): the init phase is the finding.
    @Test func anInitFailureWithoutAnInvocationIsStillAFinding() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let text = [
                "INIT_START Runtime Version: python:3.12.v38\tRuntime Version ARN: arn:aws:lambda:eu-west-1::runtime:7d3f",
                "[ERROR] Runtime.HandlerNotFound: Handler 'handler' missing on module 'app'",
                "INIT_REPORT Init Duration: 101.20 ms\tPhase: init\tStatus: error\tError Type: Runtime.HandlerNotFound",
            ].joined(separator: "\n")
            let report = EvidenceScanner().scan(try EvidenceTestSupport.write(Data(text.utf8), named: "init.log", in: folder))
            #expect(report.kind == "lambda-log")
            #expect(report.requests == 0)
            let finding = try #require(report.findings.first)
            #expect(finding.cause == "lambda-function-error")
            #expect(finding.summary.hasPrefix("The init phase failed to initialise (Runtime.HandlerNotFound)"))
            #expect(finding.evidence.map(\.line) == [2, 3])
        }
    }

    @Test func theFunctionTimeoutIsAFileFactWhicheverFindingLeads() {
        let report = EvidenceTestSupport.scan("logs-insights/console-export-lambda-timeout.csv")
        #expect(report.findings.first?.cause == "lambda-function-error")
        #expect(report.facts["function_timeout_s"] == "3")
    }

    /// A function timeout of 29 s or more: API Gateway's REST default ends the request first (§2.13).
    @Test func aTimeoutAsLongAsTheIntegrationsSaysTheClientLikelyGot504() throws {
        let finding = try #require(EvidenceTestSupport.scan("lambda-log/aws-logs-tail-timeout.log").findings.first)
        #expect(finding.summary.contains("likely got 504 (integration-timeout)"))
        let short = try #require(EvidenceTestSupport.scan("lambda-log/text-timeout.log").findings.first)
        #expect(!short.summary.contains("504"))
    }

    /// More invocations open at once than the table holds: the oldest are judged early, and said so.
    @Test func tooManyInvocationsInFlightAreClosedEarly() throws {
        var scan = LambdaLogScan(path: "x.log", table: PendingRequestTable(maxOpen: 8, maxBytesPerRequest: 0))
        for index in 0..<40 {
            let id = String(format: "%08x-0000-4000-8000-000000000000", index)
            var line = Array("START RequestId: \(id) Version: $LATEST".utf8)
            line.withUnsafeMutableBufferPointer { scan.consume(UnsafeBufferPointer($0), number: index + 1) }
        }
        scan.finish()
        #expect(scan.invocations == 40)
        #expect(scan.closedEarly > 0)
    }

    // MARK: - Bad input

    @Test func emptyBinaryAndCutFilesNeverCrash() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let empty = try EvidenceTestSupport.write(Data(), named: "empty.log", in: folder)
            #expect(EvidenceScanner().scan(empty).kind == nil)
            var binary = Data("START RequestId: 8c2f4a61-0b7d-4e3a-9f55-2a6c1d8e0b47 Version: $LATEST\n".utf8)
            binary.append(Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) }))
            let binaryPath = try EvidenceTestSupport.write(binary, named: "binary.log", in: folder)
            #expect(EvidenceScanner().scan(binaryPath).kind == nil)
            // A log cut in the middle of an invocation: judged on what it shows.
            let text = try String(contentsOfFile: EvidenceTestSupport.fixture("lambda-log/text-timeout.log"), encoding: .utf8)
            let cut = try EvidenceTestSupport.write(Data(text.prefix(300).utf8), named: "cut.log", in: folder)
            let report = EvidenceScanner().scan(cut)
            #expect(report.kind == "lambda-log")
            #expect(report.requests == 1)
        }
    }

    /// 100 MB on one line that starts like a Lambda log: streamed, cut at 64 KiB, reported.
    @Test func aHundredMegabyteLineIsStreamedAndCut() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let prefix = "START RequestId: 8c2f4a61-0b7d-4e3a-9f55-2a6c1d8e0b47 Version: $LATEST\nREPORT RequestId: 8c2f4a61-0b7d-4e3a-9f55-2a6c1d8e0b47\tDuration: "
            let path = try EvidenceTestSupport.writeSingleLine(
                prefix: prefix, repeating: UInt8(ascii: "9"), size: 100 << 20, named: "huge.log", in: folder)
            let report = EvidenceScanner().scan(path)
            #expect(report.kind == "lambda-log")
            #expect(report.lines == 2)
            #expect(report.problems.contains("1 line longer than 64 KiB was cut; only the start was read."))
        }
    }

    private static func sample(_ relativePath: String) -> EvidenceSample {
        let path = EvidenceTestSupport.fixture(relativePath)
        let data = (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()
        return EvidenceSample(path: path, head: String(decoding: data.prefix(64 * 1024), as: UTF8.self), isComplete: data.count <= 64 * 1024, size: data.count)
    }
}
