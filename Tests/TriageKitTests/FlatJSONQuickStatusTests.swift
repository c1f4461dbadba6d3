import Foundation
import Testing

@testable import TriageKit

/// The quote-mask reading of a JSON access-log line's status (`FlatJSONQuickStatus`) answers only
/// where the walk (`FlatJSONStatus.walk`) answers, and with the same status: on the edge lines, the
/// fixtures, generated logs, each shifted so the quotes fall on every offset of the 64-byte blocks,
/// and on thousands of lines broken one byte at a time.
@Suite("FlatJSONQuickStatus")
struct FlatJSONQuickStatusTests {
    /// The quick answer, and the walk's, for one line.
    private static func answers(_ line: [UInt8]) -> (quick: Int?, walk: Int?) {
        line.withUnsafeBufferPointer { (FlatJSONQuickStatus.status($0), FlatJSONStatus.walk($0)) }
    }

    /// Every line the tests know: the fast path's edges, the fixtures, a generated log.
    private static func knownLines() throws -> [[UInt8]] {
        var lines = AccessLogFastPathTests.edges.map { Array($0.utf8) }
        var generator = GeneratedExecutionLog.SplitMix(state: 77)
        lines += Array(GeneratedAccessLog.json(lines: 600, using: &generator).utf8).split(separator: 0x0A).map(Array.init)
        for fixture in EvidenceTestSupport.fixtures(ofKinds: ["access-log"]) {
            let data = try Data(contentsOf: URL(fileURLWithPath: EvidenceTestSupport.fixture(fixture)))
            lines += data.split(separator: 0x0A).map(Array.init)
        }
        return lines.map { line in line.last == 0x0D ? Array(line.dropLast()) : line }
    }

    @Test func answersOnlyAsTheWalkDoes() throws {
        var answered = 0
        for line in try Self.knownLines() {
            // Leading spaces move every quote across the 64-byte blocks and the 8-byte words.
            for shift in 0..<66 {
                let shifted = Array(repeating: UInt8(ascii: " "), count: shift) + line
                let (quick, walk) = Self.answers(shifted)
                if let quick {
                    answered += 1
                    #expect(quick == walk, "\(String(decoding: shifted, as: UTF8.self))")
                }
            }
        }
        #expect(answered > 5_000)
    }

    /// Lines broken one byte at a time (a byte replaced by one the grammar cares about, a byte
    /// dropped, the line cut): the quick reading never answers where the walk does not, nor otherwise.
    @Test func brokenLinesAreLeftToTheWalk() throws {
        let lines = try Self.knownLines().filter { line in Self.answers(line).quick != nil }
        #expect(lines.count > 100)
        let specials: [UInt8] = Array(#"{}[]":,\ "#.utf8) + [0x09, 0x0D, UInt8(ascii: "5"), UInt8(ascii: "x")]
        var generator = GeneratedExecutionLog.SplitMix(state: 15)
        var checked = 0
        for line in lines.prefix(200) {
            for _ in 0..<60 {
                var broken = line
                let at = Int.random(in: 0..<broken.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: broken[at] = specials.randomElement(using: &generator)!
                case 1: broken.remove(at: at)
                case 2: broken.insert(specials.randomElement(using: &generator)!, at: at)
                default: broken.removeSubrange(at...)
                }
                let (quick, walk) = Self.answers(broken)
                if let quick { #expect(quick == walk, "\(String(decoding: broken, as: UTF8.self))") }
                checked += 1
            }
        }
        #expect(checked == min(lines.count, 200) * 60)
    }

    /// The usual shapes are answered here, or the walk would still read every line.
    @Test(arguments: [
        (#"{"requestId":"a1", "status":"200", "ip":"1.2.3.4"}"#, 200),
        (#"{ "Status" : 404 , "requestId" : "a1" }"#, 404),
        (#"{"statusCode":"500","status":"200"}"#, 200),
        (#"{"status":"200","status":"503"}"#, 200),
        ("{\"status\":\"200\",\t\"x\":\"y\"\r}", 200),
        (#"{"a":1,"b":true,"httpStatus":301,"c":null}"#, 301),
        (#"{"status":"200"},"#, 200),
        (#"{"status":"200",}"#, 200),
        (#"{"requestId":"bd2195fd-a99b-7eca-77bb-ade73d8b5ec5", "extendedRequestId":"AdHQ_PsBrdKaNP=", "ip":"198.51.100.145", "requestTime":"2026-01-08T10:00:00.027Z", "httpMethod":"POST", "resourcePath":"/orders", "status":"200", "protocol":"HTTP/1.1", "responseLength":"201", "responseLatency":"324", "integrationLatency":"316", "integrationStatus":"200", "integration-error":"-", "integrationRequestId":"b7044fde-8965-e92b-f7cd-b0a90c47c834", "errorMessage":"-", "apiId":"k7x2m9q4ab", "stage":"prod", "userAgent":"Mozilla/5.0 (X11; Linux x86_64)"}"#, 200),
    ])
    func typicalLinesAreAnswered(line: String, status: Int) {
        let (quick, walk) = Self.answers(Array(line.utf8))
        #expect(quick == status)
        #expect(walk == status)
    }

    /// Shapes left to the walk: escapes, arrays, nested objects, scalars running into a quote.
    @Test(arguments: [
        #"{"status":"200","ua":"a \"b\""}"#,
        #"{"status":"200","tags":["a"]}"#,
        #"{"status":"200","n":{"a":"b"}}"#,
        #"{"status":200"x":"y"}"#,
        #"{"status":"200","a":}"#,
        #"{"status":"200",,"a":"b"}"#,
        #"{}"#,
    ])
    func otherShapesAreLeftToTheWalk(line: String) {
        #expect(Self.answers(Array(line.utf8)).quick == nil)
    }
}
