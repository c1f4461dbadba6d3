import Testing

@testable import TriageKit

@Suite("LogEventsJSONStream")
struct LogEventsJSONStreamTests {
    /// Feeds `json` in pieces of `piece` bytes and collects (line number, text) per message line.
    private func messages(_ json: String, piece: Int = 1) -> (lines: [(Int, String)], stream: LogEventsJSONStream) {
        var stream = LogEventsJSONStream()
        var lines: [(Int, String)] = []
        let bytes = Array(json.utf8)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + piece)
            bytes[start..<end].withUnsafeBufferPointer { chunk in
                stream.feed(chunk) { line, number in lines.append((number, line.text(0..<line.count))) }
            }
            start = end
        }
        return (lines, stream)
    }

    @Test func pullsMessagesOutWithTheirLineNumbersEvenFedByteByByte() {
        let json = """
            {
                "events": [
                    {
                        "logStreamName": "abc",
                        "timestamp": 1736507085964,
                        "message": "(rid-0001) Execution failed due to a timeout error",
                        "ingestionTime": 1736507086012
                    }
                ],
                "searchedLogStreams": []
            }
            """
        let (lines, stream) = messages(json)
        #expect(lines.count == 1)
        #expect(lines.first?.0 == 6)
        #expect(lines.first?.1 == "(rid-0001) Execution failed due to a timeout error")
        #expect(stream.isComplete)
        #expect(stream.lineCount == 11)
    }

    @Test func decodesEscapesAndSplitsMultiLineMessages() {
        let json = #"{"events":[{"message":"(r) body: <A>\n<Message>Quote \" slash \/ tab\t \u00e9 \ud83d\ude00</Message>\n</A>\n"}]}"#
        let (lines, _) = messages(json, piece: 3)
        #expect(lines.map(\.1) == ["(r) body: <A>", "<Message>Quote \" slash / tab\t é 😀</Message>", "</A>"])
    }

    @Test func onlyMessageValuesAreTaken() {
        let json = #"{"events":[{"logStreamName":"message","message":"one","eventId":"message"}],"nextToken":"x"}"#
        #expect(messages(json, piece: 64).lines.map(\.1) == ["one"])
    }

    @Test func aCutDocumentIsNotComplete() {
        let (lines, stream) = messages(#"{"events":[{"message":"(r) first"},{"message":"(r) sec"#, piece: 8)
        #expect(lines.map(\.1) == ["(r) first"])
        #expect(!stream.isComplete)
        #expect(stream.messages == 1)
    }

    /// The string runs are skipped eight bytes at a time: wherever a chunk ends (inside an escape,
    /// a `\uXXXX`, a surrogate pair, a key), the lines, their numbers and the counts are the same.
    @Test(arguments: [
        "generated/execution-events.json", "execution-log/filter-log-events-timeout.json",
        "execution-log/filter-log-events-truncated.json", "lambda-log/filter-log-events-out-of-memory.json",
    ])
    func chunkBoundariesDoNotChangeTheMessages(_ fixture: String) throws {
        let json = try String(contentsOfFile: EvidenceTestSupport.fixture(fixture), encoding: .utf8)
            + #"{"events":[{"message":"\u00e9\ud83d\ude00 tab\t \"q\" \\ end\n"}]}"#
        let whole = messages(json, piece: Int.max / 2)
        for piece in [1, 3, 7, 8, 9, 4096] {
            let pieces = messages(json, piece: piece)
            #expect(pieces.lines.map(\.0) == whole.lines.map(\.0), "piece \(piece)")
            #expect(pieces.lines.map(\.1) == whole.lines.map(\.1), "piece \(piece)")
            #expect(pieces.stream.lineCount == whole.stream.lineCount)
            #expect(pieces.stream.messages == whole.stream.messages)
        }
        if !fixture.contains("truncated") { #expect(whole.lines.last?.1 == "é😀 tab\t \"q\" \\ end") }
    }
}
