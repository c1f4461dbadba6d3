/// How a log's lines are carried in a file: as they are, or wrapped in the output of a tool that
/// fetched them. Detection (on the sample) and reading (`forEachLogLine`) both go through this, so
/// every log inspector reads every wrapper without knowing about it.
///
/// - `lines`: the log as text, one line per line (with whatever prefix an export adds).
/// - `logEvents`: `aws logs filter-log-events` / `get-log-events` JSON, `events[].message`.
/// - `insightsCSV`: a CloudWatch Logs Insights console CSV export (`@timestamp,@message,…`).
/// - `insightsJSON`: a Logs Insights console JSON export, `[{"@timestamp": …, "@message": …}]`.
/// - `queryResults`: `aws logs get-query-results` JSON, `results[][]` of `{"field", "value"}`.
///
/// A new wrapper (the `log` of test-invoke output, delivered logs) is a new case here plus its
/// stream; the inspectors stay as they are.
public enum LogMessageSource: String, Sendable, CaseIterable {
    case lines, logEvents, insightsCSV, insightsJSON, queryResults

    /// Which wrapper the start of a file shows. The Insights shapes are checked first: their
    /// JSON also opens with `{` or `[` and may hold a `message` inside a message.
    public static func of(_ head: String) -> LogMessageSource {
        let trimmed = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        // The byte search first: Foundation's `contains` walks all 64 KiB as UTF-16 (a few ms, and
        // `of` is asked several times per file); it can match only where the bytes are (the needle
        // is ASCII without K, `;` or a backquote, see `EvidenceSample.mayContain`).
        if trimmed.hasPrefix("{"), SampleBytes.contains(head, "\"results\""), trimmed.contains("\"results\""),
            trimmed.contains("\"field\""),
            trimmed.contains("\"@message\"") || trimmed.contains("\"@ptr\"")
        {
            return .queryResults
        }
        if trimmed.hasPrefix("["), let firstKey = Self.firstKey(in: trimmed), firstKey.hasPrefix("@"),
            trimmed.contains("\"@message\"")
        {
            return .insightsJSON
        }
        if LogEventsJSONStream.looksLikeOutput(head) { return .logEvents }
        if InsightsCSVStream.looksLikeExport(head) { return .insightsCSV }
        return .lines
    }

    /// The wrapper's name for a report's description, or nil for a plain log.
    public var exportName: String? {
        switch self {
        case .lines: nil
        case .logEvents: "aws logs filter-log-events output"
        case .insightsCSV: "Logs Insights CSV export"
        case .insightsJSON: "Logs Insights JSON export"
        case .queryResults: "aws logs get-query-results output"
        }
    }

    /// Whether the wrapper is a Logs Insights result (its description says so; the inner kind
    /// reads it).
    public var isInsights: Bool { self == .insightsCSV || self == .insightsJSON || self == .queryResults }

    /// Passes every log line the sample holds, unwrapped, to `body` (for `detect`). A sample cut at
    /// its size limit gives the lines before the cut.
    func forEachSampleLine(_ head: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let bytes = Array(head.utf8)
        bytes.withUnsafeBufferPointer { all in
            switch self {
            case .lines:
                var start = 0
                while start < all.count {
                    let end = all.firstOffset(of: 0x0A, in: start..<all.count) ?? all.count
                    var lineEnd = end
                    if lineEnd > start, all[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                    body(UnsafeBufferPointer(rebasing: all[start..<lineEnd]))
                    start = end + 1
                }
            case .insightsCSV:
                var stream = InsightsCSVStream()
                stream.feed(all) { line, _ in body(line) }
            case .logEvents, .insightsJSON, .queryResults:
                var stream = LogEventsJSONStream(fields: jsonFields)
                stream.feed(all) { line, _ in body(line) }
            }
        }
    }

    /// The sample's log lines as text, empty ones left out (for inspectors that detect on strings).
    func sampleLines(_ head: String) -> [String] {
        var lines: [String] = []
        forEachSampleLine(head) { line in
            if !line.isEmpty { lines.append(line.text(0..<line.count)) }
        }
        return lines
    }

    /// The JSON keys that hold messages in this wrapper.
    var jsonFields: LogEventsJSONStream.MessageFields {
        switch self {
        case .insightsJSON: .insightsExport
        case .queryResults: .queryResults
        default: .logEvents
        }
    }

    /// The first object key of a JSON array of objects (`[{"@timestamp": …`), read from the text.
    private static func firstKey(in text: Substring) -> Substring? {
        guard let brace = text.prefix(200).firstIndex(of: "{") else { return nil }
        let afterBrace = text[text.index(after: brace)...].drop { $0.isWhitespace }
        guard afterBrace.first == "\"" else { return nil }
        let key = afterBrace.dropFirst().prefix { $0 != "\"" }
        return key.count < 100 ? key : nil
    }
}
