/// A wrapped execution-log message that the scan drops for its first bytes alone, handed over cut
/// after them: most of a wrapped log's bulk is request and response bodies full of escapes (`\"` in
/// JSON, `""` in CSV), which would otherwise be decoded and copied only to be dropped.
///
/// `ExecutionLogScan.consume` drops a standard line (`ExecutionLogFastLine.isStandard`: `(id) `
/// and a message) when `mayMatter` says no, or when its role (`ExecutionLogMessageRole`) is
/// `.ignore`; either way it only sets "no line to continue" and reads nothing past the prefixes it
/// compares: `mayMatter` reads 16 message bytes, the roles' prefixes are all shorter than
/// `messageBytes`. So the line cut after `length` bytes is read exactly as the whole one, given:
/// - the cut bytes are the decoded message's first bytes (no escape among them) and hold no `\r`
///   (the whole line, `\r`s trimmed from its end, is then at least as long);
/// - the message stays one line once decoded (no line break, no `\u`);
/// - it is not longer than `ExecutionLogInspector.standardEventLimit` before decoding, so
///   `ExecutionLogPass` would not count it as a long event either.
/// Only the execution-log scan asks for this (`LogEventsJSONStream.cutsIgnoredMessages`,
/// `InsightsCSVStream.cutsIgnoredMessages`): other inspectors read the whole message.
enum IgnoredMessageHead {
    /// Message bytes kept: more than any role prefix and `mayMatter`'s two words.
    @inline(__always) static var messageBytes: Int { 40 }
    /// Bytes of the cut line: the `(id) ` prefix and `messageBytes`.
    @inline(__always) static var length: Int { ExecutionLogFastLine.messageStart + messageBytes }

    /// Longest message, before decoding, that may go over cut: then the whole one is not a long
    /// event either.
    @inline(__always) static var maxRawBytes: Int { ExecutionLogInspector.standardEventLimit }

    /// Whether the message at `base`, whose first `plain` bytes are already its decoded bytes, may
    /// go over cut to `length` bytes, given that it is one line once decoded and at most
    /// `maxRawBytes` long before.
    @inline(__always)
    static func allows(_ base: UnsafePointer<UInt8>, plain: Int) -> Bool {
        guard plain >= length, ExecutionLogFastLine.isStandard(base, count: length),
            ByteScan.first(0x0D, 0x0D, 0x0D, in: base, from: 0, to: length) == length
        else { return false }
        if !ExecutionLogFastLine.mayMatter(base, count: length) { return true }
        let head = UnsafeBufferPointer(start: base, count: length)
        return ExecutionLogMessageRole.of(head, messageAt: ExecutionLogFastLine.messageStart) == .ignore
    }
}
