import Foundation
import Testing

@testable import TriageKit

/// The byte-level fast paths of issue 15 against the `String` readers they stand in for: on every
/// line of the fixtures and on lines built to hit their edges (escapes, non-ASCII, `\r`, cut
/// lines), both must give the same answer.
@Suite("Byte reader equivalence")
struct ByteReaderEquivalenceTests {
    /// Lines of the fixtures of `folder` (every file), plus `extra`.
    private static func lines(in folders: [String], extra: [String]) throws -> [String] {
        var lines = extra
        for folder in folders {
            let url = EvidenceTestSupport.fixtures.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() {
                let data = try Data(contentsOf: url.appendingPathComponent(name))
                // Split on bytes: as `String`, `\r\n` is one character and would not split at `\n`.
                lines += data.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            }
        }
        return lines
    }

    private static let deliveredEdges = [
        #"{"time":"t","requestId":"5a000001-1001-4001-9001-001234567891","message":"Method completed with status: 502"}"#,
        #"{"@message":"(5a000001-1001-4001-9001-001234567891) Execution failed due to a timeout error"}"#,
        #"{"event":{"text":"Execution failed due to a timeout error","request":{"request_id":"5a000001-1001-4001-9001-001234567891"}}}"#,
        #"{"payload":"Lambda execution failed with status 200 due to customer function error: boom. Lambda req"#,
        #"{"level":"INFO","message":"order 42 saved"}"#,
        #"{"Request-Id":"abc12345","MSG":"Endpoint response body before transformations: {\"a\":\"\u00e9\"}\n  \n\t"}"#,
        #"{"requestId":"abc12345","message":"Endpoint response body before transformations: {\"a\":1}\r\nline two\n\n"}"#,
        #"{"requestId":"abc12345","message":"Method completed with status: 502\nsecond line\n(third) line"}"#,
        #"{"requestId":"ab","extendedRequestId":"Qx60LHhMDoEFs2A=","message":"Starting execution for request: x"}"#,
        #"{"status":502,"message":"Execution failed due to a timeout error"}"#,
        #"{"requestId":"abc12345","message":"Sending request to https:\/\/lambda \u0041\u00"}"#,
        #"{"requestId":"abc12345","message":"Execution failed due to configuration error: Malformed Lambda proxy response\"#,
        #"  {"ключ":"x","message":"Execution failed due to a timeout error"}"#,
        #"{"a":[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]],"message":"Execution failed due to a timeout error"}"#,
        #"{"message":"","requestId":"abc12345"}"#,
        #"{"requestId":"abc12345","message":"\b\fMethod completed with status: 500 \ud83d\ude00"}"#,
    ]

    @Test func deliveredEventsReadOnBytesAsOnText() throws {
        var reader = DeliveredEventReader()
        for line in try Self.lines(in: ["execution-log", "generated"], extra: Self.deliveredEdges) where line.hasPrefix("{") || line.hasPrefix(" ") {
            var bytes = Array(line.utf8)
            bytes.withUnsafeMutableBufferPointer { buffer in
                let raw = UnsafeBufferPointer(buffer)
                var expected: [String] = []
                let event = DeliveredLogEvent.read(raw)
                event?.lines { expected.append($0.text(0..<$0.count)) }
                var got: [String] = []
                let isEvent = reader.lines(of: raw) { got.append($0.text(0..<$0.count)) }
                #expect(isEvent == (event != nil), "\(line)")
                #expect(got == expected, "\(line)")
            }
        }
    }

    private static let clfEdges = [
        #"198.51.100.10 - - [10/Jan/2026:11:04:45 +0000] "GET /orders HTTP/1.1" 200 74 6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e Xk3bPFKDLPEFq2w="#,
        #"198.51.100.10 - - [10/Jan/2026:11:04:45 +0000] "GET $default HTTP/1.1" 502 36 6f1c2d3e-4a5b-4c6d Execution failed due to a timeout error"#,
        #"198.51.100.10 - - [10/Jan/2026:11:04:45 +0000] "POST GET /pets HTTP/2.0"  +503  36   abcdefgh=  -"#,
        #"198.51.100.10 - - [10/Jan/2026:11:04:45 +0000] "GET /x HTTP/1.1" 0502 36 some words here"#,
        #"198.51.100.10 - - [10/Jan/2026:11:04:45 +0000] "GET HTTP/1.1" 502 36"#,
        #"198.51.100.10 - - [10/Jan/2026:11:04:45 +0000] "GET /x HTTP/1.1" 700 36"#,
        #"198.51.100.10 - - [10/Jan/2026:11:04:45 +0000] "GET /é HTTP/1.1" 502 36 r-1234567 Fehler é"#,
        #"198.51.100.10 - - [10/Jan/2026:11:04:45 +0000] "GET /x HTTP/1.1" 429"#,
        #"198.51.100.10 - - [10/Jan/2026:11:04:45 +0000] "GET /x HTTP/1.1""#,
        #"no brackets at all "GET /x HTTP/1.1" 200"#,
    ]

    @Test func commonLogFormatLinesReadOnBytesAsOnText() throws {
        for line in try Self.lines(in: ["access-log", "generated"], extra: Self.clfEdges) {
            var bytes = Array(line.utf8)
            bytes.withUnsafeMutableBufferPointer { buffer in
                let raw = UnsafeBufferPointer(buffer)
                let expected = CommonLogFormatLine.entry(line)
                let got = CommonLogFormatLine.entry(bytes: raw)
                #expect(String(describing: got) == String(describing: expected), "\(line)")
                if let status = CommonLogFormatLine.quickStatus(raw) {
                    #expect(expected?.status == status, "\(line)")
                }
            }
        }
    }
}
