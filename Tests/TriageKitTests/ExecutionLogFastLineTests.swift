import Foundation
import Testing

@testable import TriageKit

/// The execution-log scan's fast reading of standard lines (`ExecutionLogFastLine`) gives what the
/// plain reading (`ExecutionLogLineShape` + `ExecutionLogMessageRole`) gives: line by line, and
/// as whole scans of every execution-log fixture and of generated logs.
@Suite("ExecutionLogFastLine")
struct ExecutionLogFastLineTests {
    @Test func everyExecutionLogFixtureScansTheSameWithAndWithoutTheFastPath() throws {
        let folder = EvidenceTestSupport.fixtures.appendingPathComponent("execution-log")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names.count > 10)
        for name in names {
            let path = folder.appendingPathComponent(name).path
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let head = String(decoding: data.prefix(64 * 1024), as: UTF8.self)
            let file = EvidenceFile(path: path, sample: EvidenceSample(path: path, head: head, isComplete: data.count <= 64 * 1024, size: data.count))
            var fast = ExecutionLogPass(scan: ExecutionLogScan(path: path))
            var plain = ExecutionLogPass(scan: ExecutionLogScan(path: path, fastLines: false))
            _ = try file.forEachLogLine(limits: ExecutionLogInspector.lineLimits) { line, number in
                fast.take(line, number: number)
                plain.take(line, number: number)
            }
            fast.scan.finish()
            plain.scan.finish()
            #expect(ScanOutcome(fast.scan) == ScanOutcome(plain.scan), "\(name)")
        }
    }

    @Test(arguments: [(1 as UInt64, 4), (5, 1), (9, 12), (23, 40)])
    func generatedLogsScanTheSameWithAndWithoutTheFastPath(seed: UInt64, inFlight: Int) {
        let text = GeneratedExecutionLog.text(requests: 300, seed: seed, inFlight: inFlight)
        #expect(Self.outcome(of: text, fast: true) == Self.outcome(of: text, fast: false))
        let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(Self.outcome(of: crlf, fast: true) == Self.outcome(of: crlf, fast: false))
    }

    /// Lines built to sit on the fast path's edges: ids with a blank, ids that are not UUIDs,
    /// messages shorter than a word, prefixes one byte off, body text that looks like a prefix.
    @Test func linesOnTheEdgesOfTheFastPathScanTheSame() {
        let id = "6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e"
        var lines: [String] = []
        for (index, message) in Self.edgeMessages.enumerated() {
            lines.append("(\(id)) \(message)")
            lines.append("(6f1c2d3e 4a5b-4c6d-8e7f-901a2b3c4d5e) \(message)")
            lines.append("(zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzz\(index % 10)) \(message)")
            lines.append("(\(id))\(message)")
            lines.append("  continued \(message)")
            lines.append("(\(id)) Method completed with status: \(index % 2 == 0 ? 200 : 503)")
        }
        let text = lines.joined(separator: "\n")
        #expect(Self.outcome(of: text, fast: true) == Self.outcome(of: text, fast: false))
    }

    /// Line by line: a line the fast path takes has the shape it assumes, and one it skips is
    /// ignored by the message roles.
    @Test func theFastPathAgreesWithTheShapeAndRoleOfEveryLine() {
        let text = GeneratedExecutionLog.text(requests: 200, seed: 3) + Self.edgeLines()
        var standard = 0
        var skipped = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            Array(line.utf8).withUnsafeBufferPointer { bytes in
                guard let base = bytes.baseAddress, ExecutionLogFastLine.isStandard(base, count: bytes.count) else { return }
                standard += 1
                #expect(ExecutionLogLineShape.of(bytes) == .request(id: 1..<37, message: 39), "\(line)")
                #expect(ExecutionLogFastLine.role(base, count: bytes.count) == ExecutionLogMessageRole.of(bytes, messageAt: 39), "\(line)")
                if !ExecutionLogFastLine.mayMatter(base, count: bytes.count) {
                    skipped += 1
                    #expect(ExecutionLogMessageRole.of(bytes, messageAt: 39) == .ignore, "\(line)")
                }
            }
        }
        #expect(standard > 1000)
        #expect(skipped > 500)
    }

    /// The id test reads every byte at once; it agrees with the per-byte rule.
    @Test func requestIDsAreCheckedByteForByte() {
        var random = GeneratedExecutionLog.SplitMix(state: 42)
        let alphabet = Array("0123456789abcdefABCDEF-=_+/ .:()\t\u{7F}".utf8) + [0x80, 0xC3, 0xFF, 0x00, 0x40, 0x5B, 0x60, 0x7B]
        for round in 0..<5_000 {
            // Mostly all-valid ids (the rule's every branch), now and then one odd byte.
            let count = Int(random.next() % 71)
            let odd = round % 3 == 0
            let id = (0..<count).map { _ in alphabet[Int(random.next() % UInt64(odd ? alphabet.count : 27))] }
            let expected = (8...64).contains(count) && id.allSatisfy { byte in
                byte.isASCIIDigit || byte.isASCIILetter || [0x2B, 0x2D, 0x2F, 0x3D, 0x5F].contains(byte)
            }
            #expect(id.withUnsafeBufferPointer(ExecutionLogLineShape.isRequestID) == expected, "\(id)")
        }
    }

    // MARK: - Helpers

    private static let edgeMessages = [
        "Extended Request Id: abc=", "Method completed with status: 502", "Method completed", "Method complete",
        "Lambda execution failed with status 200 due to customer function error: boom. Lambda request id: x",
        "Lambda", "Lambda ", "LambdaX execution", "Execution failed due to a timeout error", "Execution log for request abc",
        "Endpoint request body after transformations: {}", "Endpoint response body before transformations: {}",
        "Key throttle limit exceeded for RestApi k7x2m9q4ab", "Gateway response type: AUTHORIZER_FAILURE", "Authorizer",
        "There was an internal error while executing your request", "HTTP Method: GET, Resource Path: /x",
        "Received response. Status: 502", "Sending request to https://example.com", "Starting authorizer: x",
        "Starting execution for request: x", "X-ray Tracing ID : 1-2-3", "", "M", "Method completed with status: 429",
        // One literal's length off, or the literal and nothing after it (`role`'s edges).
        "Method request path: {}", "Method request path: {id=7}", "Method request path: {", "Method request path: ",
        "Method request query string: {}", "Endpoint request URI: https://x", "Endpoint request URI:", "Endpoint request URI",
        "Endpoint request headers: {}", "Endpoint request headers:", "Endpoint response headers: {}", "Endpoint response ",
        "Endpoint response", "Extended Request Id:", "Extended Request Id", "Execution failed", "Execution faile",
        "Execution log for request", "Execution log for reques", "Sending request to", "Sending request t",
        "Starting authorizer", "Starting authorize", "Received response.", "Received response", "Gateway response",
        "Gateway respons", "HTTP Method:", "HTTP Method", "Key throttle limit exceeded", "Key throttle limit exceede",
        "There was an", "There was a", "Authorizer", "Authorize", "API Key  authorized because", "API Key ", "API Key",
        "Lambda invocation failed", "Lambda  ", "Method completed with status:", "Method completed with status",
    ]

    private static func edgeLines() -> String {
        let id = "0badc0de-1111-4222-8333-944445555666"
        return (edgeMessages + ["Lambda X", "Lambda", "HTTP Meth", "Authorize", "Method c", "Gateway", "Endpoint"])
            .map { "(\(id)) \($0)\n(\(id)) \($0) and more words here\n" }.joined()
    }

    /// Scans `text` line by line as the file reader passes them (`\r` before `\n` removed).
    private static func outcome(of text: String, fast: Bool) -> ScanOutcome {
        var scan = ExecutionLogScan(path: "x.log", fastLines: fast)
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var bytes = Array(line.utf8)
            if bytes.last == 0x0D { bytes.removeLast() }
            bytes.withUnsafeBufferPointer { scan.consume($0, number: index + 1) }
        }
        scan.finish()
        return ScanOutcome(scan)
    }
}

/// Everything a finished scan reports.
private struct ScanOutcome: Equatable {
    var counts: [Int]
    var unexplained: [String]
    var findings: [Finding]
    var undetermined: [UndeterminedFailure]
    var facts: [String: String]

    init(_ scan: ExecutionLogScan) {
        counts = [scan.requests, scan.failed, scan.keyThrottled, scan.closedEarly, scan.unexplainedCount, scan.droppedLines]
        unexplained = scan.unexplained.map { "\($0.status.map(String.init) ?? "-"):\($0.line)" }
        findings = scan.tally.findings(counting: "request")
        undetermined = scan.undetermined.failures
        facts = scan.firstFacts
    }
}
