/// What reading a log's lines met on the way: the file's line count and what to tell the user.
struct LogLineReading {
    var lines = 0
    /// Cut lines, a JSON document that ends early.
    var problems: [String] = []

    static func cutLinesProblem(_ count: Int, limit: Int = LineReadingLimits.standard.maxLineLength) -> String {
        let size = limit % (1024 * 1024) == 0 ? "\(limit / (1024 * 1024)) MiB" : "\(limit / 1024) KiB"
        return "\(CountText.counted(count, "line")) longer than \(size) \(count == 1 ? "was" : "were") cut; only the start was read."
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
    /// `limits` bound the lines of a text file (a log whose events may exceed the standard 64 KiB
    /// line, such as delivered execution logs, passes larger ones).
    func forEachLogLine(
        limits: LineReadingLimits = .standard, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void
    ) throws -> LogLineReading {
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
            let summary = try forEachRawLine(limits: limits) { line in
                body(line.bytes, line.number)
                return true
            }
            reading.lines = summary.lines
            if summary.cutLines > 0 {
                reading.problems.append(LogLineReading.cutLinesProblem(summary.cutLines, limit: limits.maxLineLength))
            }
        }
        return reading
    }
}
