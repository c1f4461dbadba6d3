/// Pulls the `message` strings out of `aws logs filter-log-events` (or `get-log-events`) JSON
/// output as it streams past, without building the document. The same tokenizer reads the other
/// JSON wrappers of `LogMessageSource` (`@message` of a Logs Insights export, the `value` whose
/// `field` is `@message` in `get-query-results`): `MessageFields` says which strings are messages.
///
/// - A byte-level tokenizer: it tracks objects, arrays, keys and strings, decodes escapes
///   (`\n`, `\"`, `\uXXXX` with surrogate pairs), and hands over every string value whose key is
///   `message`, split into lines at its newlines, with the file line where the value starts.
/// - Memory is bounded: a message is kept up to `maxMessageBytes` (CloudWatch events are at most
///   256 KiB; API Gateway cuts its own at 1 KiB), nesting up to `maxDepth`.
/// - At the end, `isComplete` says whether the document closed; a cut download does not.
struct LogEventsJSONStream: Sendable {
    /// Which string values are log messages, and which short values are kept as facts.
    struct MessageFields: Sendable {
        /// The key whose string value is a message (`message`, `@message`); in the field/value
        /// form, the key holding the value (`value`).
        var messageKey: StaticString
        /// The field/value form (`{"field": "@message", "value": "..."}`): the key naming the field.
        var fieldKey: StaticString?
        /// In the field/value form, the field name whose value is a message.
        var messageField: StaticString = "@message"

        static let logEvents = MessageFields(messageKey: "message")
        static let insightsExport = MessageFields(messageKey: "@message")
        static let queryResults = MessageFields(messageKey: "value", fieldKey: "field")
    }

    let maxMessageBytes: Int
    let fields: MessageFields
    /// Hands a message the execution-log scan drops for its first bytes over cut after them,
    /// escapes undecoded (`IgnoredMessageHead`); only that scan may ask for it.
    let cutsIgnoredMessages: Bool
    static let maxDepth = 64

    /// The line the tokenizer is on (1-based).
    private(set) var line = 1
    /// Lines of the document so far, counted as `wc -l` would plus an unterminated last line.
    var lineCount: Int { lastByte == 0x0A || lastByte == nil ? line - 1 : line }
    private(set) var messages = 0
    /// The document went deeper than `maxDepth` or had a byte no JSON allows between values.
    private(set) var isMalformed = false
    private(set) var sawDocument = false

    private var stack: [Bool] = []  // true: object, false: array
    private var expectingKey = false
    private var inString = false
    private var stringIsKey = false
    private var capturing = false
    private var escape = false
    private var hexDigitsLeft = 0
    private var hexValue: UInt32 = 0
    private var pendingHighSurrogate: UInt32?
    private var key: [UInt8] = []
    /// What the last key was, as `KeyMatch` bits (0: another key, or its value was read): the only
    /// questions ever asked of it, answered once per key instead of once per value.
    private var lastKey: UInt8 = 0
    private var value: [UInt8] = []
    private var valueLine = 1
    private var lastByte: UInt8?
    /// The first `@log` value (`123456789012:/aws/lambda/orders`) of a Logs Insights wrapper: it
    /// names the account and the log group.
    private(set) var logGroup: String?
    /// Field/value form: the current object's `field` names the message field, or `@log`.
    private var fieldIsMessage = false
    private var fieldIsLogGroup = false
    private var capturingFieldName = false
    private var capturingLogGroup = false

    /// Whether a file's start looks like CloudWatch Logs CLI output: a JSON document that opens
    /// with `{` on a line of its own (pretty-printed) or with `"events"` (compact), and holds a
    /// `"message"`. A JSON access log, one object per line, opens differently.
    static func looksLikeOutput(_ head: String) -> Bool {
        let trimmed = head.drop { $0.isWhitespace }
        guard trimmed.hasPrefix("{") else { return false }
        let firstLine = trimmed.prefix { $0 != "\n" }
        guard firstLine.trimmingTrailingWhitespace() == "{" || firstLine.contains("\"events\"") else { return false }
        return trimmed.contains("\"message\"")
    }

    init(maxMessageBytes: Int = 256 * 1024, fields: MessageFields = .logEvents, cutsIgnoredMessages: Bool = false) {
        self.maxMessageBytes = maxMessageBytes
        self.fields = fields
        self.cutsIgnoredMessages = cutsIgnoredMessages
    }

    /// Whether the document has been closed (every object and array ended, no string open).
    var isComplete: Bool { sawDocument && stack.isEmpty && !inString }

    /// The tokenizer's state between two values: all that a stream started there needs to read on
    /// as one started at the file's start would (with its own line and message counts). Keys and
    /// values are cleared when a string opens, so they carry nothing across.
    struct Boundary: Equatable, Sendable {
        var stack: [Bool]
        var expectingKey: Bool
        var lastKey: UInt8
        var sawDocument: Bool
    }

    /// The state here when no string is open, else nil. The field/value form keeps what the
    /// current object's `field` named across values, so it has no boundaries.
    var boundary: Boundary? {
        guard !inString, !escape, hexDigitsLeft == 0, pendingHighSurrogate == nil, fields.fieldKey == nil else { return nil }
        return Boundary(stack: stack, expectingKey: expectingKey, lastKey: lastKey, sawDocument: sawDocument)
    }

    /// A stream like this one (same fields and limits), started fresh at `boundary`.
    func resumed(at boundary: Boundary) -> LogEventsJSONStream {
        var stream = LogEventsJSONStream(maxMessageBytes: maxMessageBytes, fields: fields, cutsIgnoredMessages: cutsIgnoredMessages)
        stream.stack = boundary.stack
        stream.expectingKey = boundary.expectingKey
        stream.lastKey = boundary.lastKey
        stream.sawDocument = boundary.sawDocument
        return stream
    }

    /// Feeds the next bytes; `emit` gets each line of each message with its line number.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, emit: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        guard let base = bytes.baseAddress, let last = bytes.last else { return }
        lastByte = last
        let count = bytes.count
        var index = 0
        while index < count {
            if inString {
                // Ordinary bytes up to the next quote, backslash or newline go over in one run.
                if hexDigitsLeft == 0, !escape {
                    let stop = ByteScan.first(
                        UInt8(ascii: "\""), UInt8(ascii: "\\"), 0x0A, in: base, from: index, to: count)
                    if stop > index { appendRun(UnsafeBufferPointer(start: base + index, count: stop - index)) }
                    index = stop
                    if index == count { break }
                }
                string(base[index], emit: emit)
                index += 1
                continue
            }
            let byte = base[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                startString()
                if let end = completeString(base, from: index, to: count, emit: emit) { index = end }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard stack.count < Self.maxDepth else {
                    isMalformed = true
                    continue
                }
                if byte == UInt8(ascii: "{"), fields.fieldKey == nil, let end = flatObject(base, from: index, to: count, emit: emit) {
                    index = end
                    continue
                }
                sawDocument = true
                stack.append(byte == UInt8(ascii: "{"))
                expectingKey = byte == UInt8(ascii: "{")
                if expectingKey {
                    fieldIsMessage = false
                    fieldIsLogGroup = false
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if stack.popLast() == nil { isMalformed = true }
                expectingKey = false
            case UInt8(ascii: ":"):
                expectingKey = false
            case UInt8(ascii: ","):
                expectingKey = stack.last == true
            case 0x0A:
                line += 1
                index = ByteScan.firstNot(0x20, in: base, from: index, to: count)
            case 0x20:
                index = ByteScan.firstNot(0x20, in: base, from: index, to: count)
            default:
                // Numbers, true/false/null, other whitespace: nothing to track up to the next byte
                // that is JSON punctuation, a quote or a line break.
                while index < count, !Self.isSignificant(base[index]) { index += 1 }
            }
        }
    }

    /// The fast path of a string just opened at `start` (`startString` has run): when it closes in
    /// this chunk with no escape or newline before its quote, reads it whole where it lies (a key
    /// kept, a message handed over without a copy, any other value skipped) and returns the offset
    /// after the closing quote. Otherwise, or for the values of the field/value form and `@log`,
    /// returns nil and the byte-by-byte path reads it: the state is the same either way.
    @inline(__always)
    private mutating func completeString(
        _ base: UnsafePointer<UInt8>, from start: Int, to end: Int, emit: (UnsafeBufferPointer<UInt8>, Int) -> Void
    ) -> Int? {
        guard !capturingFieldName, !capturingLogGroup else { return nil }
        let stop = ByteScan.first(UInt8(ascii: "\""), UInt8(ascii: "\\"), 0x0A, in: base, from: start, to: end)
        if stop < end, base[stop] == UInt8(ascii: "\\"), !stringIsKey {
            return escapedValue(base, from: start, firstEscape: stop, to: end, emit: emit)
        }
        guard stop < end, base[stop] == UInt8(ascii: "\"") else { return nil }
        let text = UnsafeBufferPointer(start: base + start, count: stop - start)
        inString = false
        if stringIsKey {
            lastKey = Self.keyMatch(text, fields: fields)
        } else {
            if capturing {
                messages += 1
                // No line break inside: the message is one line, less the `\r`s that end it.
                var count = min(text.count, maxMessageBytes)
                while count > 0, text[count - 1] == 0x0D { count -= 1 }
                if count > 0 { emit(UnsafeBufferPointer(rebasing: text[..<count]), line) }
            }
            lastKey = 0
        }
        return stop + 1
    }

    /// The fast path of an object just opened at `start` (after its `{`): when it is flat and ends
    /// in this chunk (`LogEventsFlatObject`), its message goes over (in place when it has no
    /// escape, cut when the scan ignores it, else decoded), the state becomes what the tokenizer's
    /// walk would leave (the object pushed and popped, `lastKey` as its last member leaves it) and
    /// the offset after the `}` is returned. Otherwise nil, nothing changed.
    @inline(__always)
    private mutating func flatObject(
        _ base: UnsafePointer<UInt8>, from start: Int, to count: Int, emit: (UnsafeBufferPointer<UInt8>, Int) -> Void
    ) -> Int? {
        guard
            let object = LogEventsFlatObject.read(
                base, from: start, to: count, messageKey: fields.messageKey, stopAtLogGroup: logGroup == nil)
        else { return nil }
        if let message = object.message {
            let number = line + object.newlinesBeforeMessage
            let text = UnsafeBufferPointer(start: base + message.lowerBound, count: message.count)
            if object.firstEscape == message.upperBound {
                var kept = min(text.count, maxMessageBytes)
                while kept > 0, text[kept - 1] == 0x0D { kept -= 1 }
                if kept > 0 { emit(UnsafeBufferPointer(rebasing: text[..<kept]), number) }
                messages += 1
            } else if cutsIgnoredMessages, !object.messageMaySplit, maxMessageBytes >= IgnoredMessageHead.length,
                message.count <= IgnoredMessageHead.maxRawBytes,
                IgnoredMessageHead.allows(base + message.lowerBound, plain: object.firstEscape - message.lowerBound)
            {
                emit(UnsafeBufferPointer(rebasing: text[..<IgnoredMessageHead.length]), number)
                messages += 1
            } else {
                guard !object.messageHasUnicodeEscape else { return nil }  // surrogates: the tokenizer pairs them
                decodeEscapes(base, message, firstEscape: object.firstEscape)
                valueLine = number
                emitLines(emit)
                value.removeAll(keepingCapacity: true)
            }
        }
        sawDocument = true
        line += object.newlines
        expectingKey = false
        fieldIsMessage = false
        fieldIsLogGroup = false
        lastKey = object.lastScalarKey.map { Self.keyMatch(UnsafeBufferPointer(start: base + $0.lowerBound, count: $0.count), fields: fields) } ?? 0
        return object.end
    }

    /// Decodes the string `range` (no raw line break, no `\u`, a `\` at `firstEscape`) into `value`
    /// as the byte-by-byte path would, kept to `maxMessageBytes`.
    private mutating func decodeEscapes(_ base: UnsafePointer<UInt8>, _ range: Range<Int>, firstEscape: Int) {
        if !value.isEmpty { value.removeAll(keepingCapacity: true) }
        var runStart = range.lowerBound
        var stop = firstEscape
        while stop < range.upperBound, value.count < maxMessageBytes {
            value.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: stop - runStart))
            switch base[stop + 1] {
            case UInt8(ascii: "n"): value.append(0x0A)
            case UInt8(ascii: "t"): value.append(0x09)
            case UInt8(ascii: "r"): value.append(0x0D)
            case UInt8(ascii: "b"), UInt8(ascii: "f"): break
            default: value.append(base[stop + 1])  // \" \\ \/
            }
            runStart = stop + 2
            stop = ByteScan.first(UInt8(ascii: "\\"), UInt8(ascii: "\\"), UInt8(ascii: "\\"), in: base, from: runStart, to: range.upperBound)
        }
        if value.count < maxMessageBytes, runStart < range.upperBound {
            value.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: range.upperBound - runStart))
        }
        if value.count > maxMessageBytes { value.removeLast(value.count - maxMessageBytes) }
    }

    /// `completeString` for a value holding escapes: when it closes in this chunk with no line
    /// break and no `\u` (which pairs surrogates across escapes), its escapes are decoded run by run
    /// into `value` as the byte-by-byte path would (a value that is not kept is only skipped), and
    /// a message is handed over. Otherwise returns nil with `value` empty again.
    private mutating func escapedValue(
        _ base: UnsafePointer<UInt8>, from start: Int, firstEscape: Int, to end: Int, emit: (UnsafeBufferPointer<UInt8>, Int) -> Void
    ) -> Int? {
        var runStart = start
        var stop = firstEscape
        while stop < end, base[stop] == UInt8(ascii: "\\") {
            guard stop + 1 < end else { break }
            let decoded: UInt8?
            switch base[stop + 1] {
            case UInt8(ascii: "n"): decoded = 0x0A
            case UInt8(ascii: "t"): decoded = 0x09
            case UInt8(ascii: "r"): decoded = 0x0D
            case UInt8(ascii: "b"), UInt8(ascii: "f"): decoded = nil
            case UInt8(ascii: "u"), 0x0A:
                stop = end  // left to the byte-by-byte path
                continue
            default: decoded = base[stop + 1]  // \" \\ \/
            }
            if capturing, value.count < maxMessageBytes {
                value.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: stop - runStart))
                if let decoded { value.append(decoded) }
            }
            runStart = stop + 2
            stop = ByteScan.first(UInt8(ascii: "\""), UInt8(ascii: "\\"), 0x0A, in: base, from: runStart, to: end)
        }
        guard stop < end, base[stop] == UInt8(ascii: "\"") else {
            if !value.isEmpty { value.removeAll(keepingCapacity: true) }
            return nil
        }
        inString = false
        if capturing {
            if value.count < maxMessageBytes { value.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: stop - runStart)) }
            if value.count > maxMessageBytes { value.removeLast(value.count - maxMessageBytes) }
            emitLines(emit)
        }
        lastKey = 0
        return stop + 1
    }

    private mutating func startString() {
        inString = true
        stringIsKey = stack.last == true && expectingKey
        if stringIsKey {
            if !key.isEmpty { key.removeAll(keepingCapacity: true) }
        } else {
            capturingFieldName = lastKey & KeyMatch.field != 0
            let isValue = lastKey & KeyMatch.message != 0
            capturingLogGroup =
                logGroup == nil
                && (fields.fieldKey == nil ? lastKey & KeyMatch.logGroup != 0 : isValue && fieldIsLogGroup)
            capturing =
                capturingFieldName || capturingLogGroup || (isValue && (fields.fieldKey == nil || fieldIsMessage))
            if !value.isEmpty { value.removeAll(keepingCapacity: true) }
            valueLine = line
        }
    }

    private mutating func string(_ byte: UInt8, emit: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        if hexDigitsLeft > 0 {
            hexValue = hexValue << 4 | UInt32(Self.hexValue(byte))
            hexDigitsLeft -= 1
            if hexDigitsLeft == 0 { appendCodeUnit(hexValue) }
            return
        }
        if escape {
            escape = false
            switch byte {
            case UInt8(ascii: "n"): append(0x0A)
            case UInt8(ascii: "t"): append(0x09)
            case UInt8(ascii: "r"): append(0x0D)
            case UInt8(ascii: "b"), UInt8(ascii: "f"): break
            case UInt8(ascii: "u"):
                hexDigitsLeft = 4
                hexValue = 0
            default: append(byte)  // \" \\ \/
            }
            return
        }
        switch byte {
        case UInt8(ascii: "\\"):
            escape = true
        case UInt8(ascii: "\""):
            inString = false
            flushSurrogate()
            if stringIsKey {
                let fields = fields
                lastKey = key.withUnsafeBufferPointer { Self.keyMatch($0, fields: fields) }
            } else {
                if capturingFieldName {
                    fieldIsMessage = Self.equals(value, fields.messageField)
                    fieldIsLogGroup = Self.equals(value, "@log")
                } else if capturingLogGroup {
                    if value.count <= 600 { logGroup = String(decoding: value, as: UTF8.self) }
                } else if capturing {
                    emitLines(emit)
                }
                capturingFieldName = false
                capturingLogGroup = false
                lastKey = 0
            }
        case 0x0A:
            line += 1  // not valid JSON, but count it so line numbers stay true
            append(byte)
        default:
            append(byte)
        }
    }

    /// A run of bytes with no escape, quote or newline: `append` for each, in one copy.
    private mutating func appendRun(_ run: UnsafeBufferPointer<UInt8>) {
        flushSurrogate()
        if stringIsKey {
            let room = 64 - key.count
            if room > 0 { key.append(contentsOf: UnsafeBufferPointer(rebasing: run.prefix(room))) }
        } else if capturing {
            let room = maxMessageBytes - value.count
            if room > 0 { value.append(contentsOf: UnsafeBufferPointer(rebasing: run.prefix(room))) }
        }
    }

    private mutating func append(_ byte: UInt8) {
        flushSurrogate()
        if stringIsKey {
            if key.count < 64 { key.append(byte) }
        } else if capturing, value.count < maxMessageBytes {
            value.append(byte)
        }
    }

    /// A `\uXXXX` code unit: pairs surrogates, encodes the scalar as UTF-8.
    private mutating func appendCodeUnit(_ unit: UInt32) {
        if (0xD800...0xDBFF).contains(unit) {
            flushSurrogate()
            pendingHighSurrogate = unit
            return
        }
        var scalar = unit
        if (0xDC00...0xDFFF).contains(unit) {
            guard let high = pendingHighSurrogate else {
                appendScalar(0xFFFD)
                return
            }
            scalar = 0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00)
            pendingHighSurrogate = nil
        }
        flushSurrogate()
        appendScalar(scalar)
    }

    private mutating func flushSurrogate() {
        if pendingHighSurrogate != nil {
            pendingHighSurrogate = nil
            appendScalar(0xFFFD)
        }
    }

    private mutating func appendScalar(_ value: UInt32) {
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        for byte in String(scalar).utf8 { append(byte) }
    }

    private mutating func emitLines(_ emit: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        messages += 1
        let lineNumber = valueLine
        value.withUnsafeBufferPointer { Self.emitLines(of: $0, number: lineNumber, emit) }
    }

    /// A message's lines (trailing line breaks dropped, `\r\n` as one break), all numbered with the
    /// line where the value starts.
    private static func emitLines(
        of message: UnsafeBufferPointer<UInt8>, number lineNumber: Int, _ emit: (UnsafeBufferPointer<UInt8>, Int) -> Void
    ) {
        var start = 0
        var count = message.count
        while count > 0, message[count - 1] == 0x0A || message[count - 1] == 0x0D { count -= 1 }
        while start < count {
            let end = message.firstOffset(of: 0x0A, in: start..<count) ?? count
            var lineEnd = end
            if lineEnd > start, message[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            emit(UnsafeBufferPointer(rebasing: message[start..<lineEnd]), lineNumber)
            start = end + 1
        }
    }

    private static func equals(_ bytes: [UInt8], _ literal: StaticString) -> Bool {
        bytes.count == literal.utf8CodeUnitCount
            && bytes.withUnsafeBufferPointer { $0.hasPrefix(literal) }
    }

    /// Bits of `lastKey`: the key names the message, the field of the field/value form, or `@log`.
    private enum KeyMatch {
        static let message: UInt8 = 1
        static let field: UInt8 = 2
        static let logGroup: UInt8 = 4
    }

    /// `KeyMatch` bits of a key's text. A key kept to 64 bytes still matches none of these
    /// shorter names, so the cut does not change the answer.
    private static func keyMatch(_ text: UnsafeBufferPointer<UInt8>, fields: MessageFields) -> UInt8 {
        var bits: UInt8 = 0
        if equals(text, fields.messageKey) { bits |= KeyMatch.message }
        if let field = fields.fieldKey, equals(text, field) { bits |= KeyMatch.field }
        if equals(text, "@log") { bits |= KeyMatch.logGroup }
        return bits
    }

    @inline(__always)
    private static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        bytes.count == literal.utf8CodeUnitCount && bytes.hasPrefix(literal)
    }

    /// `"`, `{`, `}`, `[`, `]`, `:`, `,`, `\n` and the space (skipped in runs of its own), as bits.
    private static let significantLow: UInt64 = 1 << 0x0A | 1 << 0x20 | 1 << 0x22 | 1 << 0x2C | 1 << 0x3A
    private static let significantHigh: UInt64 = 1 << (0x5B - 64) | 1 << (0x5D - 64) | 1 << (0x7B - 64) | 1 << (0x7D - 64)

    @inline(__always)
    private static func isSignificant(_ byte: UInt8) -> Bool {
        if byte < 64 { return significantLow >> UInt64(byte) & 1 == 1 }
        if byte < 128 { return significantHigh >> UInt64(byte - 64) & 1 == 1 }
        return false
    }

    private static func hexValue(_ byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: 0
        }
    }
}
