/// What reading a log's lines met on the way: the file's line count and what to tell the user.
struct LogLineReading {
    var lines = 0
    /// Cut lines, a JSON document that ends early.
    var problems: [String] = []
    /// How the lines were carried (plain, or inside a tool's output).
    var source = LogMessageSource.lines
    /// The first `@log` value of a Logs Insights wrapper (`123456789012:/aws/lambda/orders`).
    var logGroup: String?

    static func cutLinesProblem(_ count: Int, limit: Int = LineReadingLimits.standard.maxLineLength) -> String {
        let size = limit % (1024 * 1024) == 0 ? "\(limit / (1024 * 1024)) MiB" : "\(limit / 1024) KiB"
        return "\(CountText.counted(count, "line")) longer than \(size) \(count == 1 ? "was" : "were") cut; only the start was read."
    }

    static func cutCSVProblem(records: Int) -> String {
        "The CSV ends inside a quoted field: the export looks cut off. "
            + "Read the \(CountText.counted(records, "record")) before the cut."
    }

    static let noMessageColumnProblem =
        "The Logs Insights export has no @message column, so there are no log lines to read. "
        + "Run the query again with `fields @timestamp, @message, @logStream, @log` and export that."

    static func cutJSONProblem(events: Int) -> String {
        "The JSON ends before it closes: the output looks cut off (truncated download or copy). "
            + "Read the \(CountText.counted(events, "event")) before the cut."
    }
}

extension EvidenceFile {
    /// Streams a log's lines, whichever way it was saved (`LogMessageSource`): the lines of a text
    /// file, or the lines of the messages in `aws logs filter-log-events` JSON output or a Logs
    /// Insights export (numbered by the file line where each message starts). `body` gets each
    /// line's bytes, valid only during the call. `limits` bound the lines of a text file (a log whose
    /// events may exceed the standard 64 KiB line, such as delivered execution logs, passes larger ones).
    /// `cutsIgnoredMessages`: a wrapper's messages that the execution-log scan ignores go over cut
    /// (`IgnoredMessageHead`); only that scan may ask for it.
    func forEachLogLine(
        limits: LineReadingLimits = .standard, cutsIgnoredMessages: Bool = false, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void
    ) throws -> LogLineReading {
        var reading = LogLineReading()
        reading.source = LogMessageSource.of(sample.head)
        switch reading.source {
        case .logEvents, .insightsJSON, .queryResults:
            var stream = LogEventsJSONStream(fields: reading.source.jsonFields, cutsIgnoredMessages: cutsIgnoredMessages)
            _ = try forEachChunk { chunk in
                stream.feed(chunk, emit: body)
                return true
            }
            reading.lines = stream.lineCount
            reading.logGroup = stream.logGroup
            if !stream.isComplete { reading.problems.append(LogLineReading.cutJSONProblem(events: stream.messages)) }
        case .insightsCSV:
            var stream = InsightsCSVStream(cutsIgnoredMessages: cutsIgnoredMessages)
            _ = try forEachChunk { chunk in
                stream.feed(chunk, emit: body)
                return true
            }
            stream.finish(emit: body)
            reading.lines = stream.lineCount
            reading.logGroup = stream.logGroup
            if stream.hasNoMessageColumn { reading.problems.append(LogLineReading.noMessageColumnProblem) }
            if !stream.isComplete { reading.problems.append(LogLineReading.cutCSVProblem(records: stream.records)) }
        case .lines:
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
