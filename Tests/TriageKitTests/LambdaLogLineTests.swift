import Testing

@testable import TriageKit

@Suite("Lambda log lines")
struct LambdaLogLineTests {
    /// Every printer's prefix is skipped to the message; a request id is never skipped.
    @Test(arguments: [
        ("START RequestId: x", "START RequestId: x"),
        ("2026-11-30T10:20:00.320000+00:00 2026/11/30/[$LATEST]6f0e START RequestId: x", "START RequestId: x"),
        ("2026/11/30/[$LATEST]4b5c 2026-11-30T10:24:01.100000 END RequestId: x", "END RequestId: x"),
        ("2026-11-30 10:26:02.010 (+00:00)\t4e5f6a7b-8c9d-4e0f-9a1b-2c3d4e5f6a7b\tINFO\thi", "4e5f6a7b-8c9d-4e0f-9a1b-2c3d4e5f6a7b\tINFO\thi"),
        ("[1796034360123] [ERROR] NameError: x", "[ERROR] NameError: x"),
        ("2026-11-30T10:22:00 Runtime.ExitError", "Runtime.ExitError"),
        ("3 orders found", "3 orders found"),
    ])
    func thePrefixEndsWhereTheMessageStarts(line: String, message: String) {
        var bytes = Array(line.utf8)
        let start = bytes.withUnsafeMutableBufferPointer { LambdaLogPrefix.of(UnsafeBufferPointer($0)).message }
        #expect(String(decoding: bytes[start...], as: UTF8.self) == message)
    }

    @Test(arguments: [
        ("2026-11-30T10:00:01.123Z", "2026-11-30T10:00:01.123Z"),
        ("2026-11-30T10:00:01.123000+00:00", "2026-11-30T10:00:01.123000Z"),
        ("2026-11-30T10:00:01.123000", "2026-11-30T10:00:01.123000Z"),
        ("2026-11-30 10:00:01.123 (+00:00)", "2026-11-30T10:00:01.123Z"),
        ("[1796034360123]", "2026-11-30T10:26:00.123Z"),
    ])
    func timestampsReadAsISO8601UTC(raw: String, iso: String) {
        #expect(LambdaLogTime.iso(raw) == iso)
    }

    @Test func aTimeInAnotherZoneOrNotATimeGivesNothing() {
        #expect(LambdaLogTime.iso("2026-11-30T10:00:01.123+02:00") == nil)
        #expect(LambdaLogTime.iso("yesterday") == nil)
    }

    @Test func theReportLineGivesItsFigures() {
        let line = "REPORT RequestId: 4d3c2b1a-0f9e-4d8c-b7a6-5f4e3d2c1b0a\tDuration: 7421.66 ms\tBilled Duration: 7422 ms\t"
            + "Memory Size: 512 MB\tMax Memory Used: 512 MB\tInit Duration: 12.5 ms\tStatus: error\tError Type: Runtime.OutOfMemory"
        let parsed = Array(line.utf8).withUnsafeBufferPointer { LambdaLogLine.parse($0, message: 0) }
        guard case .report(let id, let report) = parsed else {
            Issue.record("not a report: \(parsed)")
            return
        }
        #expect(id == "4d3c2b1a-0f9e-4d8c-b7a6-5f4e3d2c1b0a")
        #expect(report.durationMs == 7421.66)
        #expect(report.memorySizeMB == 512)
        #expect(report.usedAllMemory)
        #expect(report.status == "error")
        #expect(report.errorType == "Runtime.OutOfMemory")
    }

    /// The runtimes' failure shapes, and what is only a logged error.
    @Test(arguments: [
        ("ERROR\tInvoke Error \t{\"errorType\":\"TypeError\",\"errorMessage\":\"x\"}", LambdaFailureSignal.unhandled(type: "TypeError")),
        ("[ERROR] KeyError: 'id'", .unhandled(type: "KeyError")),
        ("  \"errorType\": \"java.lang.IllegalStateException\",", .unhandled(type: "java.lang.IllegalStateException")),
        ("panic: runtime error: index out of range", .unhandled(type: "panic")),
        ("Task timed out after 3.00 seconds", .timedOut(seconds: "3.00")),
        ("Response payload size (11249613 bytes) exceeded maximum allowed payload size (6291556 bytes).", .responseTooLarge),
        ("Error: Runtime exited with error: signal: killed", .killed),
        ("Runtime.ExitError", .runtimeExit),
        ("[ERROR] Runtime.ImportModuleError: Unable to import module 'app'", .initError(type: "Runtime.ImportModuleError")),
        ("fail\tSystem.NullReferenceException: Object reference not set", .logged(type: "System.NullReferenceException")),
        ("Traceback (most recent call last):", .logged(type: nil)),
    ])
    func failureShapes(text: String, signal: LambdaFailureSignal) {
        #expect(Array(text.utf8).withUnsafeBufferPointer { LambdaFailureSignal.of($0) } == signal)
    }

    @Test func loggedErrorsAreNotFailureSignals() {
        for text in ["ERROR\tretrying after {\"errorType\":\"ThrottlingException\"}", "INFO\tall good", "[ERROR]\tsomething"] {
            #expect(Array(text.utf8).withUnsafeBufferPointer { LambdaFailureSignal.of($0) } == nil, "\(text)")
        }
    }
}
