import Foundation
import Testing

@testable import TriageKit

/// The wrappers' fast paths (issue 15) against the byte-by-byte readers they short-cut: a string or
/// field read where it lies in the chunk must give what the state machine gives. Fed one byte at a
/// time, no string or field is ever whole in a chunk, so that feeding is the old reader; a
/// delivered event is checked against `DeliveredLogEvent`, the `String` reader.
@Suite("Wrapper fast path equivalence")
struct WrapperFastPathEquivalenceTests {
    /// What a stream handed over and what it said at the end, to compare two feedings.
    private struct Reading: Equatable {
        var lines: [String] = []
        var summary = ""
    }

    /// Piece sizes: one byte (the byte-by-byte path), odd sizes that cut strings and escapes, whole.
    private static let pieceSizes = [1, 3, 7, 64, 4096, Int.max]

    private static func pieces(of bytes: [UInt8], size: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var start = 0
        while start < bytes.count {
            let end = size >= bytes.count - start ? bytes.count : start + size
            bytes[start..<end].withUnsafeBufferPointer(body)
            start = end
        }
    }

    private static func readJSON(_ bytes: [UInt8], fields: LogEventsJSONStream.MessageFields, piece: Int) -> Reading {
        var stream = LogEventsJSONStream(fields: fields)
        var reading = Reading()
        pieces(of: bytes, size: piece) { chunk in
            stream.feed(chunk) { line, number in reading.lines.append("\(number): \(line.text(0..<line.count))") }
        }
        reading.summary =
            "lines \(stream.lineCount) messages \(stream.messages) complete \(stream.isComplete) "
            + "malformed \(stream.isMalformed) group \(stream.logGroup ?? "-")"
        return reading
    }

    private static func readCSV(_ bytes: [UInt8], piece: Int) -> Reading {
        var stream = InsightsCSVStream()
        var reading = Reading()
        let emit = { (line: UnsafeBufferPointer<UInt8>, number: Int) in reading.lines.append("\(number): \(line.text(0..<line.count))") }
        pieces(of: bytes, size: piece) { chunk in stream.feed(chunk, emit: emit) }
        stream.finish(emit: emit)
        reading.summary =
            "lines \(stream.lineCount) records \(stream.records) complete \(stream.isComplete) "
            + "no-column \(stream.hasNoMessageColumn) group \(stream.logGroup ?? "-")"
        return reading
    }

    private static func fixtureBytes(_ relativePaths: [String]) throws -> [[UInt8]] {
        try relativePaths.map { [UInt8](try Data(contentsOf: URL(fileURLWithPath: EvidenceTestSupport.fixture($0)))) }
    }

    // MARK: filter-log-events and Insights JSON

    /// Message texts as they stand in JSON, escapes and all.
    private static let jsonMessages = [
        #"(5a000001-1001-4001-9001-001234567891) Method completed with status: 502"#,
        #"(5a000001-1001-4001-9001-001234567891) Endpoint response body before transformations: {\"errorMessage\":\"caf\u00e9\"}"#,
        #"(5a000001-1001-4001-9001-001234567891) Execution failed due to configuration error: Malformed\nsecond line\r\n(third) line\n\n"#,
        #"(5a000001-1001-4001-9001-001234567891) Sending request to https:\/\/lambda.us-east-1.amazonaws.com back\\slash \ud83d\ude00 \ud800x"#,
        "(5a000001-1001-4001-9001-001234567891) Lambda execution failed with status 200 due to customer function error: caf\u{e9} \t tab",
        "",
        #"\n"#,
        "(5a000001-1001-4001-9001-001234567891) Execution failed due to a timeout error\r",
    ]

    /// `filter-log-events` output holding `messages`: pretty-printed or compact, `\n` or `\r\n`.
    private static func eventsDocument(_ messages: [String], key: String = "message", pretty: Bool, crlf: Bool) -> [UInt8] {
        let newline = crlf ? "\r\n" : "\n"
        let events = messages.enumerated().map { index, message in
            let fields = [
                #""logStreamName": "9f8e7d6c5b4a""#, #""timestamp": 17678360000\#(index)"#, #""\#(key)": "\#(message)""#,
                #""@log": "123456789012:API-Gateway-Execution-Logs_k7x2m9q4ab/prod""#, #""eventId": "3871\#(index)""#,
            ]
            return pretty
                ? "        {" + newline + fields.map { "            " + $0 }.joined(separator: "," + newline) + newline + "        }"
                : "{" + fields.joined(separator: ",") + "}"
        }
        let text =
            pretty
            ? "{" + newline + "    \"events\": [" + newline + events.joined(separator: "," + newline) + newline + "    ]" + newline + "}" + newline
            : #"{"events":["# + events.joined(separator: ",") + "]}"
        return Array(text.utf8)
    }

    private static func generatedJSON() -> [[UInt8]] {
        var documents: [[UInt8]] = []
        for pretty in [true, false] {
            for crlf in [false, true] {
                let whole = eventsDocument(jsonMessages, pretty: pretty, crlf: crlf)
                documents.append(whole)
                // Cut inside the last event: in a key, inside a message, inside an escape.
                for cut in [whole.count - 3, whole.count * 2 / 3, whole.count / 2 + 1] { documents.append(Array(whole[..<cut])) }
            }
        }
        // A raw newline and a raw tab inside a string (not valid JSON, read as it comes).
        documents.append(Array("{\"events\":[{\"message\":\"(abcdefgh) Execution failed\ndue to\tx\"},{\"message\":5,\"x\":\"y\"}]}".utf8))
        // A key over 64 bytes, a message key's array value, a message where a key is expected.
        documents.append(Array(#"{"events":[{"\#(String(repeating: "k", count: 80))message":"a","message":["(abcdefgh) Method completed with status: 500","b"]}]}"#.utf8))
        documents.append(Array(#"[{"@timestamp":"2026-01-08","@message":"(abcdefgh) Method completed with status: 504","@log":"1234:group"}]"#.utf8))
        // Objects the flat-object path must read as the tokenizer does, or leave to it: a scalar
        // message value last (the key stays the last one, so the next string is a message), the
        // message twice, `@log` in every event, an empty object, blanks of every kind, a key with
        // an escape, `\u` and `\n` in a message, a nested value, a missing or trailing comma, a
        // scalar run into a quote.
        let id = "(5a000001-1001-4001-9001-001234567891)"
        for object in [
            #"{"a":"b","message":5},"\#(id) Method completed with status: 500""#,
            #"{"message":"\#(id) one","message":"\#(id) Method completed with status: 502"}"#,
            #"{"@log":"1:g1","message":"\#(id) Method completed with status: 503"},{"@log":"1:g2","message":"m2"}"#,
            #"{},{"message":"\#(id) after empty"}"#,
            "{ \"message\" : \"\(id) blanks\" ,\t\"k\"\r\n:\ttrue\r\n}",
            #"{"k\u0041":"v","message":"\#(id) key escape"}"#,
            #"{"message":"\#(id) Method request body before transformations: a\u0041b\u000ac\ud83d\ude00\nd \"q\""}"#,
            #"{"message":"\#(id) outer","n":{"message":"\#(id) inner"},"z":[1,{"message":"\#(id) deep"}]}"#,
            #"{"message":"\#(id) no comma" "k":"v"},{"message":"\#(id) trailing",}"#,
            #"{"message":tru"\#(id) Method completed with status: 500"}"#,
            #"{"message":"\#(id) Endpoint request body after transformations: {\"a\":\"b\"}","t":1}"#,
        ] {
            documents.append(Array(#"{"events":[\#(object)]}"#.utf8))
            documents.append(Array("{\n    \"events\": [\n        \(object)\n    ]\n}\n".utf8))
        }
        return documents
    }

    @Test func jsonStreamReadsStringsWholeAsByteByByte() throws {
        let fixtures = try Self.fixtureBytes(
            EvidenceTestSupport.fixtures(ofKinds: ["execution-log", "logs-insights"]).filter { $0.hasSuffix(".json") }
                + ["generated/execution-events.json"])
        let documents = fixtures + Self.generatedJSON() + [Self.eventsDocument(Self.jsonMessages, key: "@message", pretty: true, crlf: false)]
        for (index, document) in documents.enumerated() {
            for fields in [LogEventsJSONStream.MessageFields.logEvents, .insightsExport, .queryResults] {
                let expected = Self.readJSON(document, fields: fields, piece: 1)
                for piece in Self.pieceSizes.dropFirst() {
                    #expect(Self.readJSON(document, fields: fields, piece: piece) == expected, "document \(index), \(fields.messageKey), pieces of \(piece)")
                }
            }
        }
    }

    @Test func jsonStreamHandsOverPlainMessagesUnchanged() {
        let document = Self.eventsDocument(Self.jsonMessages, pretty: true, crlf: false)
        let reading = Self.readJSON(document, fields: .logEvents, piece: .max)
        #expect(reading.lines.first == "6: (5a000001-1001-4001-9001-001234567891) Method completed with status: 502")
        #expect(reading.lines.contains { $0.hasSuffix(#"{"errorMessage":"café"}"#) })
        #expect(reading.lines.contains { $0.hasSuffix("(third) line") })
        #expect(reading.summary.hasPrefix("lines 60 messages 8 complete true"))
    }

    // MARK: Logs Insights CSV

    private static func generatedCSV() -> [[UInt8]] {
        let records = [
            #"2026-01-08 10:00:00.001,(5a000001-1001-4001-9001-001234567891) Method completed with status: 502,1234:group"#,
            #"2026-01-08 10:00:00.002,"(5a000001-1001-4001-9001-001234567891) HTTP Method: POST, Resource Path: /orders",1234:group"#,
            #"2026-01-08 10:00:00.003,"(5a000001-1001-4001-9001-001234567891) Endpoint response body: {""a"":""café""}",1234:group"#,
            "2026-01-08 10:00:00.004,\"(5a000001-1001-4001-9001-001234567891) Execution failed\nsecond line\r\nthird\",1234:group",
            "2026-01-08 10:00:00.005,(5a000001-1001-4001-9001-001234567891) lone\rcarriage return,1234:group",
            "2026-01-08 10:00:00.006,\"(5a000001-1001-4001-9001-001234567891) quoted\"then more,1234:group",
            "2026-01-08 10:00:00.007,,1234:group",
            "2026-01-08 10:00:00.008,\"\",1234:group",
            "2026-01-08 10:00:00.009,\"(5a000001-1001-4001-9001-001234567891) cr in quotes\r\",1234:group",
        ]
        var documents: [[UInt8]] = []
        for crlf in [false, true] {
            let newline = crlf ? "\r\n" : "\n"
            for header in ["@timestamp,@message,@log", "\u{FEFF}\"@timestamp\",\"@message\",\"@log\"", "@message", "@timestamp,@log"] {
                let body = header == "@message" ? records.map { String($0.split(separator: ",", maxSplits: 1)[1]) } : records
                let whole = Array((header + newline + body.joined(separator: newline) + newline).utf8)
                documents.append(whole)
                documents.append(Array(whole.dropLast()))
                for cut in [whole.count / 2, whole.count * 3 / 4 + 1] { documents.append(Array(whole[..<cut])) }
            }
        }
        return documents
    }

    @Test func csvStreamReadsFieldsWholeAsByteByByte() throws {
        let fixtures = try Self.fixtureBytes(
            EvidenceTestSupport.fixtures(ofKinds: ["logs-insights"]).filter { $0.hasSuffix(".csv") } + ["generated/execution-insights.csv"])
        for (index, document) in (fixtures + Self.generatedCSV()).enumerated() {
            let expected = Self.readCSV(document, piece: 1)
            for piece in Self.pieceSizes.dropFirst() {
                #expect(Self.readCSV(document, piece: piece) == expected, "document \(index), pieces of \(piece)")
            }
        }
    }

    // MARK: Delivered JSON events

    /// Events whose message is found in every way `DeliveredLogEvent` allows, with escapes in each
    /// value the fast path may or may not look at.
    private static let deliveredLines: [String] = {
        var lines: [String] = []
        let id = "5a000001-1001-4001-9001-001234567891"
        for message in jsonMessages + ["Method completed with status: 502", #"Endpoint response body before transformations: {\"a\":\"\u00e9\"}"#] {
            lines.append(#"{"time":"2026-01-08T10:00:00.001Z","requestId":"\#(id)","message":"\#(message)"}"#)
            lines.append(#"{"time":"caf\u00e9","request_id":"\#(id)","msg":"\#(message)","text":"Method completed with status: 200"}"#)
            lines.append(#"{"message":"order saved","note":"\#(message)","requestId":"ab","awsRequestId":"\#(id)"}"#)
            lines.append(#"{"time":"t\r","Message":"\#(message)"}"#)
            lines.append(#"{"time":"t","requestId":"\#(id)","message":"\#(message)"#)  // cut line
        }
        lines.append(#"{"a":"x","b":"Method completed with status: 500","message":"Execution failed due to a timeout error"}"#)
        lines.append(#"{"message":"no","requestId":"\#(id)","requestId":"Method completed with status: 500"}"#)
        lines.append(#"{"message":"Execution failed due to a timeout error","message":"Method completed with status: 500"}"#)
        lines.append(#"{"requestId":"\#(id)","message":"Method completed with status: 502","statusCode":"502"}"#)
        lines.append(#"{"req\u0075estId":"\#(id)","mess\u0061ge":"Method completed with status: 502"}"#)
        lines.append(#"{"requestId":"\#(id)","message":"(other-id-1) Method completed with status: 502"}"#)
        lines.append(#"{"requestId":"\#(id)","message":"   \n  "}"#)
        lines.append(#"{"requestId":"\#(id)","message":"Method completed with status: 502\r\nnext"}"#)
        return lines
    }()

    @Test func deliveredEventsReadOnBytesAsOnText() throws {
        var lines = Self.deliveredLines
        for data in try Self.fixtureBytes(["generated/execution-delivered.log"] + EvidenceTestSupport.fixtures(ofKinds: ["execution-log"])) {
            lines += data.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        }
        var reader = DeliveredEventReader()
        for line in lines {
            // Also the line cut short anywhere in its last twenty bytes.
            var bytes = Array(line.utf8)
            for cut in stride(from: bytes.count, through: max(0, bytes.count - 20), by: -1) {
                bytes.removeLast(bytes.count - cut)
                bytes.withUnsafeBufferPointer { raw in
                    var expected: [String] = []
                    let event = DeliveredLogEvent.read(raw)
                    event?.lines { expected.append($0.text(0..<$0.count)) }
                    var got: [String] = []
                    let isEvent = reader.lines(of: raw) { got.append($0.text(0..<$0.count)) }
                    #expect(isEvent == (event != nil), "\(raw.text(0..<raw.count))")
                    #expect(got == expected, "\(raw.text(0..<raw.count))")
                }
            }
        }
    }

    @Test func knownMessageIndexAgreesWithTheCatalogue() {
        var texts = ExecutionLogSample.knownMessages.map { $0.description }
        texts += texts.map { String($0.dropLast()) } + texts.map { $0 + " and more" } + texts.map { $0.lowercased() }
        texts += ["", "M", "é", "(abc) Method completed with status: 502", "Zzz"]
        for text in texts {
            var bytes = Array(text.utf8)
            bytes.withUnsafeMutableBufferPointer { buffer in
                let view = UnsafeBufferPointer(buffer)
                #expect(KnownMessageIndex.startsWithKnown(view) == ExecutionLogSample.isKnownMessage(view, at: 0), "\(text)")
            }
        }
    }
}
