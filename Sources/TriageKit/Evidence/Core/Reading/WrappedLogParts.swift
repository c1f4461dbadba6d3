/// How a wrapped log (`filter-log-events` JSON, a Logs Insights JSON or CSV export) is read in
/// parts, each through its own stream started at a record boundary: the fresh stream, and the
/// boundary state every later part starts in (the state the stream has at the first record of the
/// file's head, an event of `events`, a row after the header).
///
/// `get-query-results` (a message is named by a `field` earlier in its object) and a CSV without a
/// `@message` column are read in one pass.
enum WrappedLogParts: Sendable {
    case json(LogEventsJSONStream, LogEventsJSONStream.Boundary)
    case csv(InsightsCSVStream, InsightsCSVStream.Boundary)

    /// `cutsIgnoredMessages`: the streams hand over the messages the execution-log scan ignores
    /// cut (`IgnoredMessageHead`).
    init?(source: LogMessageSource, head: String, cutsIgnoredMessages: Bool = false) {
        switch source {
        case .logEvents, .insightsJSON:
            let stream = LogEventsJSONStream(fields: source.jsonFields, cutsIgnoredMessages: cutsIgnoredMessages)
            guard let boundary = Self.firstBoundary(of: stream, in: head) else { return nil }
            self = .json(stream, boundary)
        case .insightsCSV:
            let stream = InsightsCSVStream(cutsIgnoredMessages: cutsIgnoredMessages)
            guard let boundary = Self.firstBoundary(of: stream, in: head), boundary.messageColumn != nil else { return nil }
            self = .csv(stream, boundary)
        case .lines, .queryResults:
            return nil
        }
    }

    /// The file cut at record starts (`EvidenceFile.recordAlignedParts`), or nil.
    func parts(of file: EvidenceFile, count: Int, minBytes: Int, searchBytes: Int) throws -> [Range<Int>]? {
        switch self {
        case .json: try file.recordAlignedParts(of: LogEventsJSONStream.self, count: count, minBytes: minBytes, searchBytes: searchBytes)
        case .csv: try file.recordAlignedParts(of: InsightsCSVStream.self, count: count, minBytes: minBytes, searchBytes: searchBytes)
        }
    }

    /// The log lines of `range` (a part, or a stretch of one between boundaries) through the
    /// wrapper's stream: `EvidenceFile.forEachLogLine(in:stream:expecting:…)`.
    func read(
        _ file: EvidenceFile, _ range: Range<Int>, chunkSize: Int, checkpointsFrom: Int = .max,
        chunkRead: (_ chunk: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Void = { _, _ in },
        _ body: (_ line: UnsafeBufferPointer<UInt8>, _ number: Int) -> Void,
        checkpoint: (_ offset: Int, _ linesBefore: Int) -> Bool = { _, _ in false }
    ) throws -> WrappedPartSummary {
        switch self {
        case .json(let stream, let boundary):
            try file.forEachLogLine(
                in: range, stream: stream, expecting: boundary, chunkSize: chunkSize, checkpointsFrom: checkpointsFrom, chunkRead: chunkRead, body,
                checkpoint: checkpoint)
        case .csv(let stream, let boundary):
            try file.forEachLogLine(
                in: range, stream: stream, expecting: boundary, chunkSize: chunkSize, checkpointsFrom: checkpointsFrom, chunkRead: chunkRead, body,
                checkpoint: checkpoint)
        }
    }

    /// What `EvidenceFile.forEachLogLine` says of the whole file, from its parts' summaries in order
    /// and its line count: the first `@log` value, and whether the last part closed the document.
    func reading(source: LogMessageSource, parts: [WrappedPartSummary], lines: Int) -> LogLineReading {
        var reading = LogLineReading()
        reading.source = source
        reading.lines = lines
        reading.logGroup = parts.lazy.compactMap(\.logGroup).first
        if let last = parts.last, !last.isComplete {
            let items = parts.reduce(0) { $0 + $1.items }
            switch self {
            case .json: reading.problems.append(LogLineReading.cutJSONProblem(events: items))
            case .csv: reading.problems.append(LogLineReading.cutCSVProblem(records: items))
            }
        }
        return reading
    }

    /// The stream's state at the first line of `head` after its first that may start a record
    /// and where the stream stands between records; nil when there is none.
    private static func firstBoundary<S: ResumableLogStream>(of start: S, in head: String) -> S.Boundary? {
        var stream = start
        let bytes = Array(head.utf8)
        return bytes.withUnsafeBufferPointer { all -> S.Boundary? in
            guard let base = all.baseAddress else { return nil }
            var fed = 0
            var scan = 0
            while let newline = all.firstOffset(of: 0x0A, in: scan..<all.count) {
                let lineStart = newline + 1
                scan = lineStart
                guard S.mayStartRecord(base, at: lineStart, end: all.count) else { continue }
                stream.feed(UnsafeBufferPointer(start: base + fed, count: lineStart - fed)) { _, _ in }
                fed = lineStart
                if let boundary = stream.boundary { return boundary }
            }
            return nil
        }
    }
}
