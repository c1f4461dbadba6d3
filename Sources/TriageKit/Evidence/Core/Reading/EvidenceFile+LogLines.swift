/// What reading a log's lines met on the way: the file's line count and what to tell the user.
struct LogLineReading {
    var lines = 0
    /// Cut lines, a JSON document that ends early.
    var problems: [String] = []

    static func cutLinesProblem(_ count: Int) -> String {
        "\(CountText.counted(count, "line")) longer than 64 KiB \(count == 1 ? "was" : "were") cut; only the start was read."
    }

    static func cutJSONProblem(events: Int) -> String {
        "The JSON ends before it closes: the output looks cut off (truncated download or copy). "
            + "Read the \(CountText.counted(events, "event")) before the cut."
    }
}

extension EvidenceFile {
    /// Streams a log's lines, whichever way it was saved: the lines of a text file, or the lines of
    /// the `message`s in `aws logs filter-log-events` JSON output (numbered by the JSON line where
    /// each message starts). `body` gets each line's bytes, valid only during the call.
    func forEachLogLine(_ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) throws -> LogLineReading {
        var reading = LogLineReading()
        if LogEventsJSONStream.looksLikeOutput(sample.head) {
            var stream = LogEventsJSONStream()
            _ = try forEachChunk { chunk in
                stream.feed(chunk, emit: body)
                return true
            }
            reading.lines = stream.lineCount
            if !stream.isComplete { reading.problems.append(LogLineReading.cutJSONProblem(events: stream.messages)) }
        } else {
            let summary = try forEachRawLine { line in
                body(line.bytes, line.number)
                return true
            }
            reading.lines = summary.lines
            if summary.cutLines > 0 { reading.problems.append(LogLineReading.cutLinesProblem(summary.cutLines)) }
        }
        return reading
    }
}
