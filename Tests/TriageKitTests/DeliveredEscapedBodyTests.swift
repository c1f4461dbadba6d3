import Foundation
import Testing

@testable import TriageKit

/// Delivered events whose messages are full of escapes (JSON bodies) read by the fast path
/// (`DeliveredFastEvent`, `DeliveredMessageText`): the block-wise string readers against a byte-by-byte
/// reading of the same rules, every escape placed at every offset of a block and around the cut;
/// and whole logs of such events scanned with and without the fast path, line by line, through a
/// reader whose small chunks cut events, and in parts.
@Suite("Delivered escaped bodies")
struct DeliveredEscapedBodyTests {
    /// Each escape kind (and each byte the general reader must see) at every offset of the first
    /// three blocks: the end, the decoded text and the plain head agree with the byte reading.
    @Test func theBlockReadersAgreeWithTheByteReading() {
        let pieces = [
            #"\""#, #"\\"#, #"\/"#, #"\t"#, #"\b"#, #"\f"#, #"\u0041"#, #"\u007e"#, #"\q"#, #"\n"#, #"\r"#, #"\u000a"#,
            #"\u000D"#, #"\u00e9"#, #"\u12"#, #"\uzzzz"#, "\r", "é", #"""#, #"\"#,
        ]
        var checked = 0
        for piece in pieces {
            for offset in 0..<50 {
                for tail in ["", "x", String(repeating: "y", count: 17), #"\"\\z"#] {
                    let text = String(repeating: "a", count: offset) + piece + tail
                    for closed in [true, false] {
                        let raw = Array((text + (closed ? #""}"# : "")).utf8)
                        Self.expectSameReading(raw, text: text)
                        checked += 1
                    }
                }
            }
        }
        var random = GeneratedExecutionLog.SplitMix(state: 77)
        for _ in 0..<400 {
            var text = ""
            for _ in 0..<Int(random.next() % 40) {
                let pick = Int(random.next() % UInt64(pieces.count + 6))
                text += pick < pieces.count ? pieces[pick] : String(repeating: "k", count: Int(random.next() % 20))
            }
            Self.expectSameReading(Array((text + #"","more":1}"#).utf8), text: text)
            checked += 1
        }
        #expect(checked > 8000)
    }

    @Test(arguments: [1 as UInt64, 9])
    func escapedBodiesReadTheSameLineByLine(seed: UInt64) {
        var withFastPath = DeliveredEventReader()
        var general = DeliveredEventReader(usesFastPath: false)
        var fast = DeliveredFastEvent()
        var taken = 0
        let lines = Self.log(requests: 120, seed: seed)
        for line in lines {
            Array(line.utf8).withUnsafeBufferPointer { raw in
                var expected: [String] = []
                let isEvent = general.lines(of: raw) { expected.append($0.text(0..<$0.count)) }
                var got: [String] = []
                #expect(withFastPath.lines(of: raw) { got.append($0.text(0..<$0.count)) } == isEvent, "\(line)")
                #expect(got == expected, "\(line)")
                if fast.read(raw, { _ in }) { taken += 1 }
            }
        }
        // The bodies with only the escapes it decodes take the fast path.
        #expect(taken * 10 >= lines.count * 8, "\(taken) of \(lines.count)")
    }

    /// A log of such events scans the same with the fast path as without it: line by line, read
    /// from a file in chunks that cut events, and in parts read at once.
    @Test(arguments: [2 as UInt64, 13])
    func escapedBodiesScanTheSame(seed: UInt64) throws {
        let lines = Self.log(requests: 250, seed: seed)
        let text = lines.joined(separator: "\n") + "\n"
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let path = try EvidenceTestSupport.write(Data(text.utf8), named: "escaped.log", in: folder)
            let size = text.utf8.count
            let file = EvidenceFile(path: path, sample: EvidenceSample(path: path, head: "", isComplete: false, size: size))
            let chunks = LineReadingLimits(chunkSize: 500, maxLineLength: 2 * 1024 * 1024)

            var general = ExecutionLogPass(scan: ExecutionLogScan(path: path), events: DeliveredEventReader(usesFastPath: false))
            _ = try file.forEachLogLine(limits: chunks) { line, number in general.take(line, number: number) }
            general.scan.finish()
            let expected = DeliveredScanOutcome(general)
            #expect(expected.counts[0] > 200)

            var fast = ExecutionLogPass(scan: ExecutionLogScan(path: path))
            _ = try file.forEachLogLine(limits: chunks) { line, number in fast.take(line, number: number) }
            fast.scan.finish()
            #expect(DeliveredScanOutcome(fast) == expected, "read in chunks")

            for parts in [2, 3] {
                let plan = ParallelScanPlan(parts: parts, minPartBytes: 1, warmUpBytes: 3_000)
                guard let parallel = try ParallelExecutionLogScan.run(file, plan: plan, limits: chunks) else { continue }
                #expect(DeliveredScanOutcome(parallel.pass) == expected, "\(parts) parts")
            }
        }
    }

    // MARK: - Helpers

    /// The string readers on `raw` (the text of a string, its closing quote and more, or cut)
    /// against the byte reading, from every start before the first stop.
    private static func expectSameReading(_ raw: [UInt8], text: String) {
        let expected = byteReading(raw)
        raw.withUnsafeBufferPointer { line in
            guard let base = line.baseAddress else { return }
            var out = [UInt8](repeating: 0, count: raw.count + 64)
            let decoded = out.withUnsafeMutableBufferPointer { buffer in
                DeliveredMessageText.decode(base, from: 0, to: raw.count, into: buffer.baseAddress!).map { ($0.close, Array(buffer[..<$0.count])) }
            }
            #expect(decoded?.0 == expected?.close && decoded?.1 == expected?.decoded, "\(text)")
            #expect(DeliveredMessageText.closingQuote(base, from: 0, to: raw.count) == expected?.close, "\(text)")
            let plain = raw.firstIndex { $0 == 0x22 || $0 == 0x5C || $0 == 0x0D || $0 >= 0x80 } ?? raw.count
            for limit in [16, 48] {
                let head = out.withUnsafeMutableBufferPointer { buffer in
                    DeliveredMessageText.plainHead(base, from: 0, to: raw.count, limit: limit, into: buffer.baseAddress!)
                }
                #expect(head == min(plain, limit) && Array(out[..<head]) == Array(raw[..<head]), "\(text)")
            }
            #expect(DeliveredMessageText.quoteOrBackslash(base, from: 0, to: raw.count) == (raw.firstIndex { $0 == 0x22 || $0 == 0x5C } ?? raw.count))
        }
    }

    /// The rules `DeliveredMessageText` follows, a byte at a time: nil where the general reader
    /// must decide.
    private static func byteReading(_ raw: [UInt8]) -> (close: Int, decoded: [UInt8])? {
        var decoded: [UInt8] = []
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            if byte == 0x22 { return (index, decoded) }
            if byte == 0x0D || byte >= 0x80 { return nil }
            guard byte == 0x5C else {
                decoded.append(byte)
                index += 1
                continue
            }
            guard index + 1 < raw.count else { return nil }
            let escaped = raw[index + 1]
            switch escaped {
            case UInt8(ascii: "n"), UInt8(ascii: "r"): return nil
            case UInt8(ascii: "t"): decoded.append(0x09)
            case UInt8(ascii: "b"), UInt8(ascii: "f"): break
            case UInt8(ascii: "u"):
                guard index + 6 <= raw.count, let scalar = UInt32(String(decoding: raw[index + 2..<index + 6], as: UTF8.self), radix: 16),
                    raw[index + 2..<index + 6].allSatisfy({ (0x30...0x39).contains($0) || (0x41...0x46).contains($0) || (0x61...0x66).contains($0) }), scalar < 0x80, scalar != 0x0A, scalar != 0x0D
                else { return nil }
                decoded.append(UInt8(scalar))
                index += 4
            default:
                guard escaped < 0x80 else { return nil }
                decoded.append(escaped)
            }
            index += 2
        }
        return nil
    }

    /// A delivered log whose requests carry bodies of JSON and text with escapes at varied places
    /// (across the cut after `DeliveredFastEvent.cutLength` bytes and across blocks), a few that
    /// only the general reader takes (a line break, non-ASCII), and failures among them.
    private static func log(requests: Int, seed: UInt64) -> [String] {
        var random = GeneratedExecutionLog.SplitMix(state: seed)
        let escapes = [#"\""#, #"\\"#, #"\/"#, #"\t"#, #"\b"#, #"\f"#, #"\u0041"#, #"\""#, #"\""#]
        let rare = [#"\n"#, #"\u00e9"#, "é", #"\r\n"#]
        func body() -> String {
            var text = String(repeating: "p", count: Int(random.next() % 24))
            for _ in 0..<Int(random.next() % 30) {
                text += escapes[Int(random.next() % UInt64(escapes.count))] + String(repeating: "v", count: Int(random.next() % 9))
            }
            if random.next() % 25 == 0 { text += rare[Int(random.next() % UInt64(rare.count))] }
            return text
        }
        var lines: [String] = []
        var open: [(id: String, left: [String])] = []
        var made = 0
        while made < requests || !open.isEmpty {
            if open.count < 4, made < requests {
                let id = String(format: "%08x-aaaa-4bbb-8ccc-%012x", made, random.next() % 0xFFFF_FFFF)
                var messages = [
                    "Extended Request Id: Xk\(made)=",
                    "Method request body before transformations: " + body(),
                    "Method request body before transformations: {\\\"order\\\":\(made)," + body() + "}",
                    "Endpoint request body after transformations: " + body(),
                    "Endpoint request body after " + body(),
                    "Endpoint response body before transformations: " + body(),
                    "Method response body after transformations: " + body(),
                    "Method request headers: {" + body() + "}",
                ]
                switch random.next() % 4 {
                case 0:
                    messages += ["Lambda execution failed with status 200 due to customer function error: " + body(), "Method completed with status: 502"]
                case 1:
                    messages += ["Execution failed due to configuration error: Malformed Lambda proxy response", "Method completed with status: 502"]
                default:
                    messages += ["Method completed with status: 200"]
                }
                open.append((id, messages))
                made += 1
            }
            let pick = Int(random.next() % UInt64(open.count))
            let message = open[pick].left.removeFirst()
            let time = "2026-01-08T10:00:\(String(format: "%02d", lines.count % 60)).000Z"
            lines.append(#"{"time":"\#(time)","requestId":"\#(open[pick].id)","message":"\#(message)"}"#)
            if open[pick].left.isEmpty { open.remove(at: pick) }
        }
        return lines
    }
}
