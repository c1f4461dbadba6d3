/// The common lines of a Lambda log, told apart from their first bytes without building anything:
/// the scan's fast path. Every other line (and any of these in an unusual spelling) is `.slow`,
/// and `LambdaLogLine` / `LambdaJSONRecord` read it as before, so the fast path only decides lines
/// whose reading it reproduces exactly.
///
/// Request ids are taken only as a lowercase UUID (what Lambda writes): then the bytes are the id
/// the slow path would lowercase, and the table can be searched with them in place. Ranges are
/// offsets in the message (`text`).
enum LambdaQuickLine {
    /// `START RequestId: <id> …`, or a `platform.start` record (`time`: its `time` value).
    case start(id: Range<Int>, time: Range<Int>?)
    /// `END RequestId: <id>`.
    case end(id: Range<Int>)
    /// A `REPORT` line or `platform.report` record in the usual shape, its figures read.
    case report(id: Range<Int>, LambdaReport, json: Bool)
    /// `<id>\tINFO\t…` with no failure in it, or a successful `platform.runtimeDone` record: the
    /// line only names its invocation.
    case mention(id: Range<Int>, time: Range<Int>?, json: Bool)
    /// A `platform.runtimeDone` record with a failed status (`LambdaJSONRecord.quick`): the
    /// signal `parse` reads in it, and its `time`.
    case signal(id: Range<Int>, LambdaFailureSignal, time: Range<Int>?)
    /// A JSON application record that is no platform or error record and shows no failure: it
    /// changes nothing.
    case quiet
    /// Anything else: read the general way.
    case slow

    static func of(_ text: UnsafeBufferPointer<UInt8>) -> LambdaQuickLine {
        guard let first = text.first else { return .slow }
        switch first {
        case UInt8(ascii: "{"):
            if !LambdaFailureSignal.jsonMayMatter(text, from: LambdaJSONRecord.applicationMessageStart(text) ?? 0) { return .quiet }
            return LambdaJSONRecord.quick(text) ?? .slow
        case UInt8(ascii: "S"):
            guard LiteralBytes.matches(text, "START RequestId: ", at: 0), let id = id(text, at: 17) else { return .slow }
            return .start(id: id, time: nil)
        case UInt8(ascii: "E"):
            guard LiteralBytes.matches(text, "END RequestId: ", at: 0), let id = id(text, at: 15) else { return .slow }
            return .end(id: id)
        case UInt8(ascii: "R"):
            guard LiteralBytes.matches(text, "REPORT RequestId: ", at: 0), let id = id(text, at: 18),
                let report = LambdaReport.usual(UnsafeBufferPointer(rebasing: text[id.upperBound...]))
            else { return .slow }
            return .report(id: id, report, json: false)
        default:
            // `<id>\t<level>\t<message>` after the timestamp: the runtimes' own lines.
            guard text.count > 37, isLowercaseRequestID(text, at: 0), text[36].isASCIISpaceOrTab,
                !LambdaFailureSignal.mayMatch(UnsafeBufferPointer(rebasing: text[37...]))
            else { return .slow }
            return .mention(id: 0..<36, time: nil, json: false)
        }
    }

    /// The id at `offset` when it is a lowercase UUID ending the line or followed by a blank (the
    /// slow path reads an id up to the next blank).
    private static func id(_ text: UnsafeBufferPointer<UInt8>, at offset: Int) -> Range<Int>? {
        guard isLowercaseRequestID(text, at: offset), offset + 36 == text.count || text[offset + 36].isASCIISpaceOrTab else { return nil }
        return offset..<offset + 36
    }

    /// A UUID in lower case at `offset`: what lowercasing would leave unchanged.
    static func isLowercaseRequestID(_ text: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        guard offset >= 0, text.count - offset >= 36, let base = text.baseAddress else { return false }
        return UUIDBytes.isUUID(base + offset, lowercaseOnly: true)
    }
}
