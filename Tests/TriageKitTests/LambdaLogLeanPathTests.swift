import Foundation
import Testing

@testable import TriageKit

/// The lean reading of a running invocation's lines (`LambdaLogScan+Lean`, the last id looked up
/// remembered by `LambdaRecentInvocation`) and the JSON platform records with a failed status
/// read on the fast path, against the general reading: on logs made of near misses of every
/// shape the lean path takes (lengths at the edge, blanks, upper-case ids, other invocations'
/// ids, ids used again, lines of closed invocations), and with a table small enough that
/// opening an invocation closes the one just remembered.
@Suite("Lambda log lean path")
struct LambdaLogLeanPathTests {
    /// Text and JSON logs of near misses read the same on the fast and the general path.
    @Test(arguments: [UInt64(21), 22, 23, 24])
    func nearMissesReadTheSame(seed: UInt64) throws {
        for text in [Self.nearMisses(seed: seed), Self.jsonNearMisses(seed: seed)] {
            try EvidenceTestSupport.withTemporaryDirectory { folder in
                let path = try EvidenceTestSupport.write(Data(text.utf8), named: "near-miss.log", in: folder)
                let (quick, general) = try Self.reports(path)
                #expect(quick == general)
                #expect((quick.requests ?? 0) > 100)
            }
        }
    }

    /// With at most one or two invocations open, every START closes the one before it (and, with
    /// one, may close the new one): the remembered slot must never name a closed one.
    @Test(arguments: [1, 2, 3])
    func aSmallTableReadsTheSame(maxOpen: Int) {
        for text in [Self.nearMisses(seed: 31), Self.jsonNearMisses(seed: 31), GeneratedLambdaLog.text(invocations: 300, seed: 32, format: .text)] {
            let quick = Self.scan(text, maxOpen: maxOpen, quick: true)
            let general = Self.scan(text, maxOpen: maxOpen, quick: false)
            #expect(quick.invocations == general.invocations)
            #expect(quick.failed == general.failed)
            #expect(quick.closedEarly == general.closedEarly)
            #expect(quick.closedEarly > 0)
            #expect(quick.platformLines == general.platformLines)
            #expect(quick.jsonRecords == general.jsonRecords)
            #expect(quick.longestDurationMs == general.longestDurationMs)
            #expect(quick.groups.findings() == general.groups.findings())
        }
    }

    /// The word constants spell the line heads they stand for.
    @Test func theWordConstantsSpellTheHeads() {
        func word(_ text: String, at offset: Int) -> UInt64 {
            Array(text.utf8)[offset..<offset + 8].enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        }
        let start = "START RequestId: ", end = "END RequestId: ", report = "REPORT RequestId: "
        #expect(word(start, at: 0) == LambdaLogScan.startHead)
        #expect(word(start, at: 8) == LambdaLogScan.startMiddle)
        #expect(word(start, at: 9) == LambdaLogScan.startTail)
        #expect(word(end, at: 0) == LambdaLogScan.endHead)
        #expect(word(end, at: 7) == LambdaLogScan.endTail)
        #expect(word(report, at: 0) == LambdaLogScan.reportHead)
        #expect(word(report, at: 8) == LambdaLogScan.reportMiddle)
        #expect(word(report, at: 10) == LambdaLogScan.reportTail)
    }

    /// A JSON record's prefix is the one `LambdaLogPrefix.of` finds.
    @Test func aJSONRecordHasNoPrefix() {
        for line in ["{", "{\"time\":\"2026-01-08T10:00:00.000Z\"}", "{ 2026-01-08T10:00:00.000Z\t3d8b5ec5-6993-5215-d447-d3f4e11b8de1\tx"] {
            Array(line.utf8).withUnsafeBufferPointer { #expect(LambdaLogPrefix.of($0) == LambdaLogPrefix.jsonRecord) }
        }
    }

    /// `LiteralBytes.matches` answers as `hasPrefix(_:at:)` at every offset, for literals of every
    /// length class (under 8 bytes, exactly 8, a multiple of 8, in between).
    @Test func literalBytesMatchAsHasPrefix() {
        let text = Array("{\"time\":\"2026\",\"type\":\"platform.report\"\tDuration: 12 ms\tBilled Duration: 13 ms platform.".utf8)
        text.withUnsafeBufferPointer { bytes in
            for offset in -2...(bytes.count + 2) {
                #expect(LiteralBytes.matches(bytes, "\"", at: offset) == bytes.hasPrefix("\"", at: offset))
                #expect(LiteralBytes.matches(bytes, " ms", at: offset) == bytes.hasPrefix(" ms", at: offset))
                #expect(LiteralBytes.matches(bytes, "platform", at: offset) == bytes.hasPrefix("platform", at: offset))
                #expect(LiteralBytes.matches(bytes, "platform.", at: offset) == bytes.hasPrefix("platform.", at: offset))
                #expect(LiteralBytes.matches(bytes, "{\"time\":\"", at: offset) == bytes.hasPrefix("{\"time\":\"", at: offset))
                #expect(LiteralBytes.matches(bytes, ",\"type\":\"platform.", at: offset) == bytes.hasPrefix(",\"type\":\"platform.", at: offset))
                #expect(LiteralBytes.matches(bytes, "\tBilled Duration: ", at: offset) == bytes.hasPrefix("\tBilled Duration: ", at: offset))
                #expect(LiteralBytes.matches(bytes, "\"type\":\"platform.report\"", at: offset) == bytes.hasPrefix("\"type\":\"platform.report\"", at: offset))
            }
            #expect(bytes.firstOffset(of: "\tDuration: ").map { LiteralBytes.matches(bytes, "\tDuration: ", at: $0) } == true)
            #expect(LiteralBytes.matches(UnsafeBufferPointer(rebasing: bytes[0..<0]), "", at: 0))
        }
    }

    // MARK: - Helpers

    private static func reports(_ path: String) throws -> (quick: EvidenceReport, general: EvidenceReport) {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let head = String(decoding: data.prefix(64 * 1024), as: UTF8.self)
        let sample = EvidenceSample(path: path, head: head, isComplete: data.count <= 64 * 1024, size: data.count)
        let file = EvidenceFile(path: path, sample: sample)
        let inspector = LambdaLogInspector(plan: .singleThreaded)
        return (try inspector.inspect(file, quick: true), try inspector.inspect(file, quick: false))
    }

    private static func scan(_ text: String, maxOpen: Int, quick: Bool) -> LambdaLogScan {
        var scan = LambdaLogScan(path: "x.log", table: PendingRequestTable(maxOpen: maxOpen, maxBytesPerRequest: 0), quick: quick)
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            Array(line.utf8).withUnsafeBufferPointer { scan.consume($0, number: number) }
        }
        scan.finish()
        return scan
    }

    /// Text-format invocations whose lines are the lean shapes and their near misses.
    static func nearMisses(seed: UInt64) -> String {
        var random = GeneratedExecutionLog.SplitMix(state: seed)
        var ids: [String] = []
        var out = ""
        func pick<T>(_ options: [T]) -> T { options[Int(random.next() % UInt64(options.count))] }
        for index in 0..<400 {
            // Now and then an id used before (its invocation may be closed or still kept open).
            let id = !ids.isEmpty && random.next() % 10 == 0 ? pick(ids) : uuid(&random)
            ids.append(id)
            let other = pick(ids)
            let stamp = "2026-01-08T10:\(10 + index % 50):00.\(100 + index % 900)Z"
            out += pick(["START RequestId: \(id) Version: $LATEST", "START RequestId: \(id)", "START RequestId: \(id) ", "START RequestId: \(id)x",
                "START RequestId: \(id.uppercased()) Version: $LATEST", "2026-01-08T10:00:00.000Z START RequestId: \(id)"]) + "\n"
            for _ in 0..<(1 + Int(random.next() % 4)) {
                let line = pick([
                    "\(stamp)\t\(id)\tINFO\tGET /orders/\(index) served from cache shard 1",
                    // 62 and 63 bytes: a message of 37 (read as no mention) and of 38 bytes.
                    "\(stamp)\t\(id)\t", "\(stamp)\t\(id)\tx", "\(stamp)\t\(id)\tx1",
                    "\(stamp) \(id) INFO plain", "\(stamp)\t\(id)\tERROR\tInvoke Error \t{\"errorType\":\"TypeError\"}",
                    "\(stamp)\t\(id)\tINFO\tRuntime.OutOfMemory mentioned", "\(stamp)\t\(id.uppercased())\tINFO\tupper",
                    "\(stamp)\t\(other)\tINFO\tanother invocation", "2026-01-08T10:00:00.000\t\(id)\tINFO\tno Z",
                    "2026-01-08 10:00:00.000Z\t\(id)\tINFO\tspace", "\(stamp)\t\(id)\tjava.lang.IllegalStateException: x",
                    "\(stamp)\t\(id)\tINFO\tsignal: killed", "\(stamp)\t\(id)\tTask timed out after 3.00 seconds",
                ])
                out += line + "\n"
            }
            if random.next() % 12 == 0 { out += "\(stamp) \(id) Task timed out after 3.00 seconds\n" }
            out += pick(["END RequestId: \(id)", "END RequestId: \(id)", "END RequestId: \(id) ", "END RequestId: \(other)", "END RequestId: \(id)x",
                "END RequestId: \(id.uppercased())"]) + "\n"
            let used = pick([70, 256])
            let figures = "\tDuration: 12.5 ms\tBilled Duration: 13 ms\tMemory Size: 256 MB\tMax Memory Used: \(used) MB"
            out += pick([
                "REPORT RequestId: \(id)\(figures)", "REPORT RequestId: \(id)\(figures)\t", "REPORT RequestId: \(id)\(figures)\t\tStatus: timeout",
                "REPORT RequestId: \(id) Duration: 5.00 ms Billed Duration: 6 ms Memory Size: 128 MB Max Memory Used: 1 MB",
                "REPORT RequestId: \(id)", "REPORT RequestId: \(id)x\(figures)", "REPORT RequestId: \(other)\(figures)",
                "REPORT RequestId: \(id.uppercased())\(figures)", "REPORT RequestId: \(id)\tDuration: 1e3 ms\tBilled Duration: 3 ms\tMemory Size: 128 MB\tMax Memory Used: 1 MB",
            ]) + "\n"
            if random.next() % 15 == 0 { out += "\(stamp)\t\(pick(ids))\tINFO\ta late line\n" }
        }
        return out
    }

    /// JSON-format invocations with every status a platform record may carry, and near misses.
    static func jsonNearMisses(seed: UInt64) -> String {
        var random = GeneratedExecutionLog.SplitMix(state: seed)
        var ids: [String] = []
        var out = ""
        func pick<T>(_ options: [T]) -> T { options[Int(random.next() % UInt64(options.count))] }
        for index in 0..<400 {
            let id = !ids.isEmpty && random.next() % 10 == 0 ? pick(ids) : uuid(&random)
            ids.append(id)
            let time = "2026-01-08T10:\(10 + index % 50):00.\(100 + index % 900)Z"
            out += #"{"time":"\#(time)","type":"platform.start","record":{"requestId":"\#(id)","version":"$LATEST"}}"# + "\n"
            out += #"{"timestamp":"\#(time)","level":"INFO","requestId":"\#(id)","message":"GET /orders/\#(index)"}"# + "\n"
            let done = pick(["success", "timeout", "error", "failure", "Success", "error\\u0021", ""])
            let metrics = pick([#"{"durationMs":12.5,"producedBytes":212}"#, #"{"durationMs":1e3}"#, "{}"])
            out += #"{"time":"\#(time)","type":"platform.runtimeDone","record":{"requestId":"\#(id)","status":"\#(done)","metrics":\#(metrics)}}"# + "\n"
            if random.next() % 6 == 0 {
                out += #"{"time":"\#(time)","type":"platform.runtimeDone","record":{"requestId":"\#(id)","status":"error","errorType":"Runtime.ExitError","metrics":{"durationMs":1}}}"# + "\n"
            }
            let status = pick(["success", "timeout", "error", "failure", "Timeout"])
            let used = pick([70, 256])
            out += #"{"time":"\#(time)","type":"platform.report","record":{"requestId":"\#(id)","metrics":{"durationMs":12.5,"billedDurationMs":13,"memorySizeMB":256,"maxMemoryUsedMB":\#(used)},"status":"\#(status)"}}"# + "\n"
        }
        return out
    }

    private static func uuid(_ random: inout GeneratedExecutionLog.SplitMix) -> String {
        let hex = Array(String(random.next() | 1 << 63, radix: 16) + String(random.next() | 1 << 63, radix: 16))
        return String(hex[0..<8]) + "-" + String(hex[8..<12]) + "-" + String(hex[12..<16]) + "-" + String(hex[16..<20]) + "-"
            + String(hex[20..<32])
    }
}
