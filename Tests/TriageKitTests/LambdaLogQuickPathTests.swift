import Foundation
import Testing

@testable import TriageKit

/// The Lambda log scan's fast path (`LambdaQuickLine` and the readers behind it) against the
/// general reading it skips: the same report, to the last count, quoted line and fact, on every
/// fixture the scan reads and on generated logs with every failure kind and spelling.
@Suite("Lambda log fast path")
struct LambdaLogQuickPathTests {
    /// Both readings of one file.
    private static func reports(_ path: String) throws -> (quick: EvidenceReport, general: EvidenceReport) {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        let head = try handle.read(upToCount: 64 * 1024) ?? Data()
        try handle.close()
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? head.count
        let sample = EvidenceSample(path: path, head: String(decoding: head, as: UTF8.self), isComplete: size <= head.count, size: size)
        let file = EvidenceFile(path: path, sample: sample)
        let inspector = LambdaLogInspector()
        return (try inspector.inspect(file, quick: true), try inspector.inspect(file, quick: false))
    }

    /// Every fixture of the kinds a Lambda log may come in (plain, `filter-log-events`, Insights,
    /// the generated one), whichever inspector would claim it.
    static let fixtures = EvidenceTestSupport.fixtures(ofKinds: ["lambda-log", "logs-insights", "generated", "near-miss", "execution-log", "access-log", "bad-input", "fuzz-regressions"])

    @Test(arguments: fixtures)
    func everyFixtureReadsTheSame(fixture: String) throws {
        let (quick, general) = try Self.reports(EvidenceTestSupport.fixture(fixture))
        #expect(quick == general)
    }

    @Test(arguments: [GeneratedLambdaLog.Format.text, .json], [UInt64(1), 2, 3])
    func generatedLogsReadTheSame(format: GeneratedLambdaLog.Format, seed: UInt64) throws {
        let text = GeneratedLambdaLog.text(invocations: 1500, seed: seed, format: format)
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let path = try EvidenceTestSupport.write(Data(text.utf8), named: "generated.log", in: folder)
            #expect(EvidenceScanner().scan(path).kind == "lambda-log")
            let (quick, general) = try Self.reports(path)
            #expect(quick == general)
            // The generator's failures are found (not an empty agreement).
            #expect((quick.failed ?? 0) > 100)
            #expect(Set(quick.findings.map(\.cause)).isSuperset(of: ["lambda-timeout", "lambda-function-error"]))
        }
    }

    /// The fixtures' lines, and every generated line, each alone and after the lines before it
    /// in its file: `mayMatch` false always means `of` finds nothing.
    @Test func aQuietLineNeverShowsAFailure() throws {
        var lines = GeneratedLambdaLog.text(invocations: 400, seed: 9, format: .text).split(separator: "\n").map(String.init)
        lines += GeneratedLambdaLog.text(invocations: 400, seed: 9, format: .json).split(separator: "\n").map(String.init)
        for fixture in Self.fixtures {
            let data = try Data(contentsOf: URL(fileURLWithPath: EvidenceTestSupport.fixture(fixture)))
            lines += data.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
        }
        lines += [
            "", " ", "R", "Runtime", "xx signal: killed", "signal: kille", "Function.ResponseSizeTooLarg", "a.b.Error", "a.b.Error: x",
            "INFO\tRuntime.OutOfMemory", "INFO\tResponse payload size exceeded maximum allowed payload size (6291556 bytes).",
        ]
        for line in lines {
            let bytes = Array(line.utf8)
            bytes.withUnsafeBufferPointer { text in
                for start in [0, min(text.count, 37)] {
                    let body = UnsafeBufferPointer(rebasing: text[start...])
                    if !LambdaFailureSignal.mayMatch(body) { #expect(LambdaFailureSignal.of(body) == nil, "\(line)") }
                }
            }
        }
    }

    /// A `REPORT` line in the usual shape reads as `LambdaReport(_:)` reads it; other shapes are left to it.
    @Test func theUsualReportReadsAsTheGeneralReader() {
        let id = "3d8b5ec5-6993-5215-d447-d3f4e11b8de1"
        let lines = [
            "REPORT RequestId: \(id)\tDuration: 281.59 ms\tBilled Duration: 282 ms\tMemory Size: 256 MB\tMax Memory Used: 70 MB\t",
            "REPORT RequestId: \(id)\tDuration: 0.01 ms\tBilled Duration: 1 ms\tMemory Size: 10240 MB\tMax Memory Used: 10240 MB",
            "REPORT RequestId: \(id)\tDuration: 123456789012.5 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 1 MB",
            "REPORT RequestId: \(id)\tDuration: 999999999999.99 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 1 MB",
            "REPORT RequestId: \(id)\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB\tMax Memory Used: 128 MB\t\tStatus: timeout",
            "REPORT RequestId: \(id)\tDuration: 3. ms\tBilled Duration: 3 ms\tMemory Size: 128 MB\tMax Memory Used: 1 MB",
            "REPORT RequestId: \(id)\tDuration: 1e3 ms\tBilled Duration: 3 ms\tMemory Size: 128 MB\tMax Memory Used: 1 MB",
            "REPORT RequestId: \(id) Duration: 5.00 ms Billed Duration: 6 ms Memory Size: 128 MB Max Memory Used: 1 MB",
            "REPORT RequestId: \(id)\tDuration: 5.00 ms\tBilled Duration: 6 ms\tMemory Size: 128 MB\tMax Memory Used: 1 MB\tInit Duration: 1.5 ms",
        ]
        var usual = 0
        for line in lines {
            Array(line.utf8).withUnsafeBufferPointer { text in
                guard let report = LambdaReport.usual(UnsafeBufferPointer(rebasing: text[54...])) else { return }
                usual += 1
                #expect(report == LambdaReport(text), "\(line)")
            }
        }
        #expect(usual == 4)
    }

    /// The shortcut for `<stamp>\t<request id>\t…` lines gives what the token walk gives, on the
    /// generated and fixture lines and on near misses of the shape (every byte of the stamp and the
    /// id changed in turn, blanks moved).
    @Test func theRuntimeLinePrefixReadsAsTheWalk() throws {
        var lines = GeneratedLambdaLog.text(invocations: 300, seed: 12, format: .text).split(separator: "\n").map { Array($0.utf8) }
        for fixture in Self.fixtures {
            let data = try Data(contentsOf: URL(fileURLWithPath: EvidenceTestSupport.fixture(fixture)))
            lines += data.split(separator: 0x0A).map { Array($0) }
        }
        let line = Array("2026-01-08T10:00:00.491Z\t3d8b5ec5-6993-5215-d447-d3f4e11b8de1\tINFO\tGET /orders/1".utf8)
        let replacements: [UInt8] = [0x20, 0x09, 0x2D, 0x2F, 0x3A, 0x2E, 0x30, 0x39, 0x41, 0x46, 0x47, 0x54, 0x5A, 0x61, 0x66, 0x67, 0x80, 0xFF, 0x5B, 0x28]
        for index in 0..<64 {
            for byte in replacements {
                var changed = line
                changed[index] = byte
                lines.append(changed)
            }
        }
        lines += [Array(line.prefix(61)), Array(line.prefix(62)), Array("2026-01-08T10:00:00.491Z 2026/01/08/[$LATEST]abc START".utf8)]
        var shortcuts = 0
        for bytes in lines {
            bytes.withUnsafeBufferPointer { text in
                if LambdaLogPrefix.runtimeLine(text) != nil { shortcuts += 1 }
                #expect(LambdaLogPrefix.of(text) == LambdaLogPrefix.walk(text), "\(String(decoding: bytes, as: UTF8.self))")
            }
        }
        #expect(shortcuts > 500)
        // The shortcut's word constants spell the stamp pattern.
        func word(_ pattern: String, digit: (UInt8) -> UInt64) -> UInt64 {
            pattern.utf8.enumerated().reduce(0) { $0 | digit($1.element) << (8 * UInt64($1.offset)) }
        }
        let patterns = ["0000-00-", "00T00:00", ":00.000Z"]
        let expected = patterns.map { word($0) { UInt64($0) } }
        let limits = patterns.map { word($0) { $0 == UInt8(ascii: "0") ? 9 : 0 } }
        #expect(expected == [LambdaLogPrefix.expected0, LambdaLogPrefix.expected8, LambdaLogPrefix.expected16])
        #expect(limits == [LambdaLogPrefix.limit0, LambdaLogPrefix.limit8, LambdaLogPrefix.limit16])
    }

    /// Plain decimals read to the same `Double` as `Double(String)`; other shapes are refused.
    @Test func plainDecimalsReadAsDoubleDoes() {
        var random = GeneratedExecutionLog.SplitMix(state: 7)
        var texts = ["0", "7", "007", "0.1", "281.59", "3000.00", "999999999999999", "0.00000000000001", "123456789.123456"]
        for _ in 0..<20_000 {
            let digits = 1 + Int(random.next() % 15)
            var text = String(random.next() % 1_000_000_000_000_000)
            text = String(text.prefix(digits))
            let dot = Int(random.next() % UInt64(text.count + 1))
            if dot > 0, dot < text.count { text.insert(".", at: text.index(text.startIndex, offsetBy: dot)) }
            texts.append(text)
        }
        for text in texts {
            let value = Array(text.utf8).withUnsafeBufferPointer { PlainDecimal.value($0) }
            #expect(value == Double(text), "\(text)")
        }
        for text in ["", ".", "3.", ".5", "1e3", "-1", "1.2.3", "1234567890123456", " 1", "0x10"] {
            #expect(Array(text.utf8).withUnsafeBufferPointer { PlainDecimal.value($0) } == nil, "\(text)")
        }
    }

    /// `read` gives what `value` gives on the run of digits and dots it stops after, in every
    /// shape: plain, cut short, with a unit or a comma after it.
    @Test func readingARunInPlaceAgreesWithValue() {
        var texts = ["0", "281.59", "3.", ".5", "1.2.3", "1234567890123456", "123456789012345", "", "..", "7.0.", "12a"]
        var random = GeneratedExecutionLog.SplitMix(state: 11)
        let alphabet = Array("0123456789..,x ".utf8)
        for _ in 0..<5_000 {
            texts.append(String(decoding: (0..<Int(random.next() % 20)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }, as: UTF8.self))
        }
        for text in texts {
            for tail in ["", " ms", ",\"b\":1", "}"] {
                let bytes = Array((text + tail).utf8)
                bytes.withUnsafeBufferPointer { buffer in
                    var end = 0
                    while end < buffer.count, buffer[end].isASCIIDigit || buffer[end] == UInt8(ascii: ".") { end += 1 }
                    let expected = PlainDecimal.value(UnsafeBufferPointer(rebasing: buffer[0..<end]))
                    var cursor = 0
                    let read = PlainDecimal.read(buffer, &cursor)
                    #expect(read == expected, "\(text + tail)")
                    if read != nil { #expect(cursor == end, "\(text + tail)") }
                }
            }
        }
    }

    /// Searching an application record from its message on answers as searching the whole line,
    /// on generated records and on records with a marker in every field of the shape.
    @Test func anApplicationRecordIsSearchedFromItsMessage() {
        var lines = GeneratedLambdaLog.text(invocations: 300, seed: 5, format: .json).split(separator: "\n").map(String.init)
        let id = "3d8b5ec5-6993-5215-d447-d3f4e11b8de1"
        for level in ["INFO", "WARN", "ERROR", "DEBUG", "TRACE", "FATAL", "Runtime"] {
            for message in ["GET /orders/1 served", "Task timed out after 3.00 seconds", "Error: signal: killed", "killed", "ype\""] {
                lines.append("{\"timestamp\":\"2026-01-08T10:00:00.491Z\",\"level\":\"\(level)\",\"requestId\":\"\(id)\",\"message\":\"\(message)\"}")
            }
        }
        var shaped = 0
        for line in lines {
            Array(line.utf8).withUnsafeBufferPointer { text in
                guard let start = LambdaJSONRecord.applicationMessageStart(text) else { return }
                shaped += 1
                #expect(String(decoding: text[(start - 13)..<start], as: UTF8.self) == "\",\"message\":\"")
                #expect(LambdaFailureSignal.jsonMayMatter(text, from: start) == LambdaFailureSignal.jsonMayMatter(text), "\(line)")
            }
        }
        #expect(shaped > 300)
        // A level Lambda does not write leaves the line to the whole search.
        let odd = "{\"timestamp\":\"2026-01-08T10:00:00.491Z\",\"level\":\"Runtime\",\"requestId\":\"\(id)\",\"message\":\"x\"}"
        #expect(Array(odd.utf8).withUnsafeBufferPointer { LambdaJSONRecord.applicationMessageStart($0) } == nil)
    }

    /// A marker anywhere in a line of any length (across the sixteen-byte blocks of the search and
    /// its last block) is found, and the anchor letters alone, in any place, are not taken for one.
    @Test func markersAreFoundAtEveryPlace() {
        let textMarkers = ["Runtime.ExitError", "Response payload size exceeded", "Function.ResponseSizeTooLarge",
                           "Process exited before completing request", "Error: signal: killed"]
        let jsonMarkers = ["Task timed out after 3.00 seconds", "\"errorType\":\"X\"", "\"type\":\"platform.x\""]
        for length in 0..<40 {
            for offset in 0...length {
                let filler = String(repeating: "a", count: length)
                let place = filler.index(filler.startIndex, offsetBy: offset)
                for marker in textMarkers {
                    let line = "a" + filler[..<place] + " " + marker + " " + filler[place...]
                    Array(line.utf8).withUnsafeBufferPointer { text in
                        #expect(LambdaFailureSignal.mayMatch(text), "\(line)")
                        #expect(LambdaFailureSignal.jsonMayMatter(text), "\(line)")
                    }
                }
                for marker in jsonMarkers {
                    let line = "{" + filler[..<place] + marker + filler[place...]
                    Array(line.utf8).withUnsafeBufferPointer { #expect(LambdaFailureSignal.jsonMayMatter($0), "\(line)") }
                }
                // The anchor letters without the byte their markers have after them.
                let quiet = "a" + filler[..<place] + "INFO T1 Rx Fx Px kx yx" + filler[place...]
                Array(quiet.utf8).withUnsafeBufferPointer { text in
                    #expect(!LambdaFailureSignal.mayMatch(text), "\(quiet)")
                    #expect(!LambdaFailureSignal.jsonMayMatter(text), "\(quiet)")
                }
            }
        }
    }
}
