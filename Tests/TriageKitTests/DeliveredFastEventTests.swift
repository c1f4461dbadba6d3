import Foundation
import Testing

@testable import TriageKit

/// The fast path for the usual delivered JSON event (`DeliveredFastEvent`) against the general
/// readers it stands in front of (`DeliveredEventReader` without it, and the `String` reader
/// `DeliveredLogEvent`): line by line and as whole scans, on generated delivered logs (key orders,
/// extra keys, blanks, escapes, non-ASCII, CRLF, long events) and on every fixture of the kind.
@Suite("DeliveredFastEvent")
struct DeliveredFastEventTests {
    @Test(arguments: [1 as UInt64, 7, 19])
    func generatedLinesReadTheSameOnEveryPath(seed: UInt64) {
        Self.expectSameLines(GeneratedDeliveredLog.lines(requests: 150, seed: seed) + Self.edgeLines)
    }

    @Test func fixtureLinesReadTheSameOnEveryPath() throws {
        var lines: [String] = []
        for path in ["generated/execution-delivered.log"] + EvidenceTestSupport.fixtures(ofKinds: ["execution-log"]) {
            let data = try Data(contentsOf: URL(fileURLWithPath: EvidenceTestSupport.fixture(path)))
            lines += data.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        }
        #expect(lines.count > 1000)
        Self.expectSameLines(lines, cutting: 24)
    }

    /// The fast path is not idle: it takes the usual events (the generated log's, escapes and
    /// all) and leaves the unusual ones to the general reader.
    @Test func theUsualEventsTakeTheFastPath() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: EvidenceTestSupport.fixture("generated/execution-delivered.log")))
        let lines = data.split(separator: 0x0A).map { Array($0) }
        var fast = DeliveredFastEvent()
        let taken = lines.filter { line in line.withUnsafeBufferPointer { fast.read($0) { _ in } } }.count
        #expect(taken * 100 >= lines.count * 95, "\(taken) of \(lines.count)")
        let id = "5a000001-1001-4001-9001-001234567891"
        let usual = [
            #"{"time":"2026-01-08T10:00:00.001Z","requestId":"\#(id)","message":"Method completed with status: 502"}"#,
            #"{"timestamp":"t","requestId":"\#(id)","extendedRequestId":"Qx00LHhMDoEFs2A=","message":"HTTP Method: GET, Resource Path: /x"}"#,
            #"{"message":"Endpoint response body before transformations: {\"a\":\"\u0041\/\"}","requestId":"\#(id)"}"#,
        ]
        for line in usual {
            #expect(Array(line.utf8).withUnsafeBufferPointer { fast.read($0) { _ in } }, "\(line)")
        }
        let declined = [
            #"{"time":"t","requestId":"\#(id)","message":"Method completed with status: 502","status":"502"}"#,
            #"{"time": "t","requestId":"\#(id)","message":"Method completed with status: 502"}"#,
            #"{"time":"t\"","requestId":"\#(id)","message":"Method completed with status: 502"}"#,
            #"{"time":"t","requestId":"\#(id)","message":"Method completed with status: 502\nmore"}"#,
            #"{"time":"t","requestId":"\#(id)","message":"Method completed with status: 502 caf\u00e9"}"#,
            #"{"time":"t","requestId":"\#(id)","message":"Method completed with status: 502 café"}"#,
            #"{"time":"t","requestId":"\#(id)","message":"Method completed with status: 502\r"}"#,
            #"{"time":"t","requestId":"ab","message":"Method completed with status: 502"}"#,
            #"{"time":"t","request_id":"\#(id)","message":"Method completed with status: 502"}"#,
            #"{"time":"t","requestId":"\#(id)","message":"order 42 saved"}"#,
            #"{"time":"t","requestId":"\#(id)","message":"Method completed with status: 502""#,
        ]
        for line in declined {
            #expect(!Array(line.utf8).withUnsafeBufferPointer { fast.read($0) { _ in } }, "\(line)")
        }
    }

    /// For the scan, a line it ignores may come cut after its first `cutLength` message bytes: only such
    /// lines are cut, and the scan reads the cut line as it reads the whole one.
    @Test func onlyIgnoredLinesAreCutForTheScan() {
        var whole = DeliveredFastEvent()
        var cutting = DeliveredFastEvent()
        var cuts = 0
        for line in GeneratedDeliveredLog.lines(requests: 150, seed: 5) + Self.edgeLines {
            Array(line.utf8).withUnsafeBufferPointer { raw in
                var full: [[UInt8]] = []
                var passed: [[UInt8]] = []
                let isEvent = whole.read(raw) { full.append(Array($0)) }
                let isCutEvent = cutting.read(raw, cuttingIgnored: true) { passed.append(Array($0)) }
                #expect(isCutEvent == isEvent, "\(line)")
                #expect(full.count == passed.count, "\(line)")
                for (wholeLine, cutLine) in zip(full, passed) where wholeLine != cutLine {
                    cuts += 1
                    let isPrefix = cutLine.count == ExecutionLogFastLine.messageStart + DeliveredFastEvent.cutLength && wholeLine.starts(with: cutLine)
                    #expect(isPrefix, "\(line)")
                    for text in [wholeLine, cutLine] {
                        let shape = text.withUnsafeBufferPointer { ExecutionLogLineShape.of($0) }
                        let role = text.withUnsafeBufferPointer { ExecutionLogMessageRole.of($0, messageAt: 39) }
                        #expect(shape == .request(id: 1..<37, message: 39), "\(line)")
                        #expect(role == .ignore, "\(line)")
                    }
                }
            }
        }
        #expect(cuts > 100)
        #expect(ExecutionLogSample.knownMessages.allSatisfy { $0.utf8CodeUnitCount <= KnownMessageIndex.longest })
    }

    @Test(arguments: [3 as UInt64, 11])
    func generatedLogsScanTheSameWithAndWithoutTheFastPath(seed: UInt64) {
        let lines = GeneratedDeliveredLog.lines(requests: 300, seed: seed, inFlight: 6)
        #expect(DeliveredScanOutcome(lines, fastPath: true) == DeliveredScanOutcome(lines, fastPath: false))
        // CRLF: the file reader removes the `\r` before `\n`; one left in the line is read as it stands.
        let crlf = lines.map { $0 + "\r" }
        #expect(DeliveredScanOutcome(crlf, fastPath: true) == DeliveredScanOutcome(crlf, fastPath: false))
    }

    @Test func everyExecutionLogFixtureScansTheSameWithAndWithoutTheFastPath() throws {
        for path in ["generated/execution-delivered.log"] + EvidenceTestSupport.fixtures(ofKinds: ["execution-log"]) {
            let data = try Data(contentsOf: URL(fileURLWithPath: EvidenceTestSupport.fixture(path)))
            var lines = data.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            lines = lines.map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
            #expect(DeliveredScanOutcome(lines, fastPath: true) == DeliveredScanOutcome(lines, fastPath: false), "\(path)")
        }
    }

    // MARK: - Helpers

    /// Lines on the fast path's edges: each key shape it knows, one byte off; values it must not
    /// take (escapes outside the message, ids that are not ids, messages it cannot decode alone).
    private static let edgeLines: [String] = {
        let id = "5a000001-1001-4001-9001-001234567891"
        let known = "Method completed with status: 502"
        var lines = [
            #"{"time":"2026-01-08T10:00:00.001Z","requestId":"\#(id)","message":"\#(known)"}"#,
            #"{"time":"2026-01-08T10:00:00.001Z","requestId":"\#(id)","message":"\#(known)"} trailing"#,
            #"{"time":"2026-01-08T10:00:00.001Z","requestId":"\#(id)","message":"\#(known)""#,
            #"{"time":"2026-01-08T10:00:00.001Z","requestId":"\#(id)","message":"\#(known)"#,
            #"{"time":"2026-01-08T10:00:00.001Z","requestId":"\#(id)","message":"\#(known)\"#,
            #"{"time":"2026-01-08T10:00:00.001Z","requestId":"\#(id)","message":"\#(known)","status":"502"}"#,
            #"{"time":"2026-01-08T10:00:00.001Z","requestId":"\#(id)","message":"\#(known)","statusCode":502}"#,
            #"{"time":"2026-01-08T10:00:00.001Z","requestId":"\#(id)","message":"\#(known)","requestId":"x"}"#,
            #"{"time":"2026-01-08T10:00:00.001Z","requestId":"\#(id)","message":"Execution failed","message":"\#(known)"}"#,
            #"{"time":"2026\"01","requestId":"\#(id)","message":"\#(known)"}"#,
            #"{"time":"caf\u00e9","requestId":"\#(id)","message":"\#(known)"}"#,
            #"{"time":"café","requestId":"\#(id)","message":"\#(known)"}"#,
            #"{"time":"t\r","requestId":"\#(id)","message":"\#(known)"}"#,
            #"{"time":1767800000,"requestId":"\#(id)","message":"\#(known)"}"#,
            #"{"time" :"t","requestId":"\#(id)","message":"\#(known)"}"#,
            #"{ "time":"t","requestId":"\#(id)","message":"\#(known)"}"#,
            #" {"time":"t","requestId":"\#(id)","message":"\#(known)"}"#,
            #"{"time":"t","requestId":"\#(id)" ,"message":"\#(known)"}"#,
            #"{"times":"t","requestId":"\#(id)","message":"\#(known)"}"#,
            #"{"timestamps":"t","requestId":"\#(id)","message":"\#(known)"}"#,
            #"{"Time":"t","RequestId":"\#(id)","Message":"\#(known)"}"#,
            #"{"requestID":"\#(id)","message":"\#(known)"}"#,
            #"{"request_id":"\#(id)","msg":"\#(known)"}"#,
            #"{"requestIds":"\#(id)","messages":"\#(known)"}"#,
            #"{"extendedRequestId":"\#(id)","message":"\#(known)"}"#,
            #"{"extendedRequestIdx":"\#(id)","message":"\#(known)"}"#,
            #"{"requestId":"ab","extendedRequestId":"\#(id)","message":"\#(known)"}"#,
            #"{"requestId":"\#(id)","extendedRequestId":"Qx\"0=","message":"\#(known)"}"#,
            #"{"requestId":"5a000001 1001","message":"\#(known)"}"#,
            #"{"requestId":"5a000001\u002d1001-4001","message":"\#(known)"}"#,
            #"{"requestId":"\#(String(repeating: "a", count: 64))","message":"\#(known)"}"#,
            #"{"requestId":"\#(String(repeating: "a", count: 65))","message":"\#(known)"}"#,
            #"{"requestId":"ééééééééé","message":"\#(known)"}"#,
            #"{"requestId":"\#(id)","message":"\#(known)\nsecond line"}"#,
            #"{"requestId":"\#(id)","message":"\#(known)\u000asecond line"}"#,
            #"{"requestId":"\#(id)","message":"\#(known)\r"}"#,
            "{\"requestId\":\"\(id)\",\"message\":\"\(known)\r\"}",
            #"{"requestId":"\#(id)","message":"\#(known)\u000d"}"#,
            #"{"requestId":"\#(id)","message":"\#(known) caf\u00e9"}"#,
            #"{"requestId":"\#(id)","message":"\#(known) café"}"#,
            #"{"requestId":"\#(id)","message":"\#(known) \ud83d\ude00"}"#,
            #"{"requestId":"\#(id)","message":"\#(known) \u00"}"#,
            #"{"requestId":"\#(id)","message":"\#(known) \u004"}"#,
            #"{"requestId":"\#(id)","message":"\#(known) \u00zz"}"#,
            #"{"requestId":"\#(id)","message":"\#(known) \t\b\f\/\\\" \q"}"#,
            #"{"requestId":"\#(id)","message":"\u004Dethod completed with status: 504"}"#,
            #"{"requestId":"\#(id)","message":"\bMethod completed with status: 504"}"#,
            #"{"requestId":"\#(id)","message":"(other-1234) \#(known)"}"#,
            #"{"requestId":"\#(id)","message":" \#(known)"}"#,
            #"{"requestId":"\#(id)","message":"order 42 saved"}"#,
            #"{"requestId":"\#(id)","message":""}"#,
            #"{"requestId":"\#(id)","message":"M"}"#,
            #"{"requestId":"\#(id)"}"#,
            #"{"message":"\#(known)"}"#,
            #"{"requestId":"\#(id)","message":"Method request body before transformations: \#(String(repeating: #"{\"k\":\"v\"},"#, count: 20_000))"}"#,
            #"{"#, #"{""#, #"{"time""#, #"{"time":""#, #"{"requestId":"\#(id)","message":""#, "{}", "",
        ]
        // Every shorter cut of the usual line.
        let whole = Array(lines[0].utf8)
        lines += (1..<whole.count).map { String(decoding: whole[..<$0], as: UTF8.self) }
        return lines
    }()

    /// Each line (and, with `cutting`, the line cut short in its last bytes) gives the same lines
    /// through the reader with the fast path, the reader without it and the `String` reader.
    private static func expectSameLines(_ lines: [String], cutting: Int = 0) {
        var withFastPath = DeliveredEventReader()
        var general = DeliveredEventReader(usesFastPath: false)
        for line in lines {
            var bytes = Array(line.utf8)
            for cut in stride(from: bytes.count, through: max(0, bytes.count - cutting), by: -1) {
                bytes.removeLast(bytes.count - cut)
                bytes.withUnsafeBufferPointer { raw in
                    var expected: [String] = []
                    let event = DeliveredLogEvent.read(raw)
                    event?.lines { expected.append($0.text(0..<$0.count)) }
                    var fast: [String] = []
                    let fastIsEvent = withFastPath.lines(of: raw) { fast.append($0.text(0..<$0.count)) }
                    var slow: [String] = []
                    let slowIsEvent = general.lines(of: raw) { slow.append($0.text(0..<$0.count)) }
                    #expect(fastIsEvent == (event != nil) && slowIsEvent == (event != nil), "\(raw.text(0..<raw.count))")
                    #expect(fast == expected && slow == expected, "\(raw.text(0..<raw.count))")
                }
            }
        }
    }
}

/// Everything a finished pass over delivered lines reports, read with or without the fast path
/// (also what `DeliveredEscapedBodyTests` compares passes by).
struct DeliveredScanOutcome: Equatable {
    var counts: [Int]
    var unexplained: [String]
    var findings: [Finding]
    var undetermined: [UndeterminedFailure]
    var facts: [String: String]

    init(_ lines: [String], fastPath: Bool) {
        var pass = ExecutionLogPass(scan: ExecutionLogScan(path: "d.log"), events: DeliveredEventReader(usesFastPath: fastPath))
        for (index, line) in lines.enumerated() {
            Array(line.utf8).withUnsafeBufferPointer { pass.take($0, number: index + 1) }
        }
        pass.scan.finish()
        self.init(pass)
    }

    /// What `pass`, already finished, reports.
    init(_ pass: ExecutionLogPass) {
        let scan = pass.scan
        counts = [
            scan.requests, scan.failed, scan.keyThrottled, scan.closedEarly, scan.unexplainedCount, scan.droppedLines,
            pass.delivery.jsonEvents, pass.delivery.longEvents,
        ]
        unexplained = scan.unexplained.map { "\($0.status.map(String.init) ?? "-"):\($0.line)" }
        findings = scan.tally.findings(counting: "request")
        undetermined = scan.undetermined.failures
        facts = scan.firstFacts
    }
}

/// Delivered JSON execution logs for these tests: `GeneratedExecutionLog`'s requests, one JSON
/// event per message (a body's lines joined again), written in the shapes a reader may meet.
enum GeneratedDeliveredLog {
    static func lines(requests: Int, seed: UInt64, inFlight: Int = 4) -> [String] {
        var random = GeneratedExecutionLog.SplitMix(state: seed &+ 1000)
        var events: [(id: String, message: String)] = []
        for line in GeneratedExecutionLog.text(requests: requests, seed: seed, inFlight: inFlight).split(separator: "\n") {
            if line.hasPrefix("("), line.count > 39 {
                events.append((String(line.dropFirst().prefix(36)), String(line.dropFirst(39))))
            } else if !events.isEmpty {
                events[events.count - 1].message += "\n" + line
            }
        }
        return events.enumerated().map { index, event in
            let time = "2026-01-08T10:00:\(String(format: "%02d", index % 60)).\(String(format: "%03d", index % 1000))Z"
            var message = event.message
            switch random.next() % 12 {
            case 0: message += " caf\u{E9}"
            case 1: message += "\r"
            case 2: message += "\t" + String(repeating: "long body text ", count: 2_000)
            default: break
            }
            let value = escaped(message, slashes: random.next() % 3 == 0, unicode: random.next() % 4 == 0)
            switch random.next() % 10 {
            case 0:
                return #"{"timestamp":"\#(time)","requestId":"\#(event.id)","extendedRequestId":"Xk\#(index)PFKDLPEFq2w=","message":\#(value)}"#
            case 1: return #"{"message":\#(value),"requestId":"\#(event.id)","time":"\#(time)"}"#
            case 2: return #"{"time":"\#(time)","requestId":"\#(event.id)","message":\#(value),"logLevel":"INFO"}"#
            case 3: return #"{"time": "\#(time)", "requestId": "\#(event.id)", "message": \#(value)}"#
            case 4: return #"{"@timestamp":"\#(time)","request_id":"\#(event.id)","msg":\#(value)}"#
            default: return #"{"time":"\#(time)","requestId":"\#(event.id)","message":\#(value)}"#
            }
        }
    }

    /// `text` as a JSON string: `\/` for `/` when `slashes`, `\u00XX` for non-ASCII Latin-1 and
    /// some letters when `unicode`.
    private static func escaped(_ text: String, slashes: Bool, unicode: Bool) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "/" where slashes: out += "\\/"
            case "a" where unicode: out += "\\u0061"
            default:
                if scalar.value < 0x20 || (unicode && scalar.value >= 0x80 && scalar.value < 0x100) {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
