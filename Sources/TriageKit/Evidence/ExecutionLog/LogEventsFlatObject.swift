/// One object of a CloudWatch Logs CLI document read in one go: a flat object whose values are
/// strings or bare scalars, as `filter-log-events` prints every event (`logStreamName`,
/// `timestamp`, `message`, `ingestionTime`, `eventId`) and a Logs Insights JSON export every row.
///
/// `LogEventsJSONStream` walks such an object token by token; this finds its keys, values and end
/// with a few word-at-a-time searches and says where the message is, so the stream can hand it
/// over (or skip it) without walking the rest. It changes no state: anything it does not read
/// exactly as the tokenizer would (a nested value, a key with an escape, a raw line break inside
/// a string, the message key twice, the end of the chunk before the `}`) makes it answer nil,
/// and the tokenizer reads the object as before.
struct LogEventsFlatObject {
    /// The offset after the closing `}`.
    var end = 0
    /// Raw line breaks inside the object (all between tokens: none is allowed inside a string).
    var newlines = 0
    /// The message value's bytes between its quotes, when the message key holds a string.
    var message: Range<Int>?
    /// Line breaks before the message value's opening quote.
    var newlinesBeforeMessage = 0
    /// The first `\` of the message (`message.upperBound` when it has none).
    var firstEscape = 0
    /// The message holds `\u`: a code unit that may pair with the next, which only the tokenizer's
    /// decoding does (and which may be a line break).
    var messageHasUnicodeEscape = false
    /// The message holds `\n`: more than one line once decoded.
    var messageHasLineBreak = false
    /// The message may be more than one line once decoded.
    var messageMaySplit: Bool { messageHasUnicodeEscape || messageHasLineBreak }
    /// The key of the last member when its value was a bare scalar: the tokenizer keeps that key
    /// as its last one (a string value clears it), so the stream must too.
    var lastScalarKey: Range<Int>?

    /// Reads the object whose `{` is just before `start`, in `start..<count`. `messageKey` names
    /// the message; a `@log` key (the log group) answers nil while `stopAtLogGroup` (the stream
    /// still wants that value: the tokenizer keeps it).
    static func read(
        _ base: UnsafePointer<UInt8>, from start: Int, to count: Int, messageKey: StaticString, stopAtLogGroup: Bool
    ) -> LogEventsFlatObject? {
        var object = LogEventsFlatObject()
        var index = start
        while true {
            index = object.skipBlanks(base, from: index, to: count)
            // A key, with no escape or line break in it.
            guard index < count, base[index] == UInt8(ascii: "\"") else { return nil }
            let keyStart = index + 1
            let keyEnd = ByteScan.firstWide(UInt8(ascii: "\""), UInt8(ascii: "\\"), 0x0A, in: base, from: keyStart, to: count)
            guard keyEnd < count, base[keyEnd] == UInt8(ascii: "\"") else { return nil }
            let key = UnsafeBufferPointer(start: base + keyStart, count: keyEnd - keyStart)
            let isMessage = Self.equals(key, messageKey)
            if stopAtLogGroup, Self.equals(key, "@log") { return nil }
            index = object.skipBlanks(base, from: keyEnd + 1, to: count)
            guard index < count, base[index] == UInt8(ascii: ":") else { return nil }
            index = object.skipBlanks(base, from: index + 1, to: count)
            guard index < count else { return nil }
            if base[index] == UInt8(ascii: "\"") {
                let valueStart = index + 1
                guard let close = object.stringEnd(base, from: valueStart, to: count, isMessage: isMessage) else { return nil }
                if isMessage {
                    guard object.message == nil else { return nil }
                    object.message = valueStart..<close
                    object.newlinesBeforeMessage = object.newlines
                }
                object.lastScalarKey = nil
                index = close + 1
            } else {
                // A number, `true`, `false` or `null`: bytes up to a blank, `,` or `}`.
                let scalarEnd = Self.scalarEnd(base, from: index, to: count)
                guard scalarEnd > index else { return nil }
                object.lastScalarKey = keyStart..<keyEnd
                index = scalarEnd
            }
            index = object.skipBlanks(base, from: index, to: count)
            guard index < count else { return nil }
            if base[index] == UInt8(ascii: "}") {
                object.end = index + 1
                return object
            }
            guard base[index] == UInt8(ascii: ",") else { return nil }
            index += 1
        }
    }

    /// The offset of the first byte from `start` that is not a blank (space, tab, `\r`, `\n`),
    /// counting the line breaks passed. Pretty-printed indentation goes a word at a time.
    @inline(__always)
    private mutating func skipBlanks(_ base: UnsafePointer<UInt8>, from start: Int, to count: Int) -> Int {
        var index = start
        while index < count {
            switch base[index] {
            case 0x20: index = ByteScan.firstNot(0x20, in: base, from: index, to: count)
            case 0x0A:
                newlines += 1
                index += 1
            case 0x09, 0x0D: index += 1
            default: return index
            }
        }
        return index
    }

    /// The offset of the quote closing the string that starts at `start`, each `\` taking the byte
    /// after it; nil at a raw line break or the end of the chunk. For the message, notes its first
    /// escape and whether one is `\n` or `\u`.
    @inline(__always)
    private mutating func stringEnd(_ base: UnsafePointer<UInt8>, from start: Int, to count: Int, isMessage: Bool) -> Int? {
        var index = ByteScan.firstWide(UInt8(ascii: "\""), UInt8(ascii: "\\"), 0x0A, in: base, from: start, to: count)
        if isMessage { firstEscape = index }
        while index < count {
            switch base[index] {
            case UInt8(ascii: "\""): return index
            case 0x0A: return nil
            default:
                // `\` and the byte it escapes (which may be `"` or `\`): neither ends the string.
                guard index + 1 < count else { return nil }
                if isMessage {
                    if base[index + 1] == UInt8(ascii: "n") { messageHasLineBreak = true }
                    if base[index + 1] == UInt8(ascii: "u") { messageHasUnicodeEscape = true }
                }
                index = ByteScan.firstWide(UInt8(ascii: "\""), UInt8(ascii: "\\"), 0x0A, in: base, from: index + 2, to: count)
            }
        }
        return nil
    }

    /// The end of a bare scalar: the first blank, `,` or `}`; at any other JSON punctuation or a
    /// quote (not a flat object as the tokenizer reads one), `start`.
    @inline(__always)
    private static func scalarEnd(_ base: UnsafePointer<UInt8>, from start: Int, to count: Int) -> Int {
        var index = start
        while index < count {
            switch base[index] {
            case 0x20, 0x09, 0x0D, 0x0A, UInt8(ascii: ","), UInt8(ascii: "}"): return index
            case UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: ":"): return start
            default: index += 1
            }
        }
        return start  // the chunk ends inside it
    }

    @inline(__always)
    private static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        bytes.count == literal.utf8CodeUnitCount && bytes.hasPrefix(literal)
    }
}
