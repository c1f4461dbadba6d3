/// The usual delivered JSON event, read in one pass with word compares: the fast path of
/// `DeliveredEventReader`.
///
/// CloudWatch Logs delivery writes a flat object of string values, `{"time":"…","requestId":"…",
/// "message":"…"}` (or `timestamp`, with `extendedRequestId`). For such a line the general reader
/// walks every byte, names every key through `DeliveredKeyName` and decides between candidate
/// values; here the keys are told apart by one or two 8-byte compares, the values are found
/// sixteen bytes at a time, and the message is decoded once (`DeliveredMessageText`), straight
/// behind its `(request-id) ` prefix in one reused buffer, in the same pass that finds its end.
///
/// It reads only what it can read exactly as the general reader does, and declines (false, nothing
/// passed) anything else: keys other than `time`, `timestamp`, `requestId`, `extendedRequestId` and
/// `message`, or one of them twice; blanks between tokens; a value that is not a string; a cut line;
/// an escape in any value but the message; a message that is not ASCII, holds `\r`, `\n` or `\u`
/// beyond ASCII, starts with `(`, or is not one API Gateway writes; a request id that is not one.
/// For what it reads, the general reader's answer is `(request-id) message`, one line
/// (`DeliveredEventReader.emitPlain`/`emit` with a message of one line): the message is the named
/// one because it is a known message, the request id is `requestId` because that key comes first in
/// `DeliveredLogEvent`'s order and holds a valid id, and no key is a status key.
///
/// For the scan (`cuttingIgnored`), a line it ignores for its first message bytes alone is passed
/// cut after them (`cutLength`), so most of the log's bulk (headers, bodies) is checked but never
/// decoded or copied: which lines those are is known from the message's first bytes (`isIgnored`),
/// before its body is read.
struct DeliveredFastEvent {
    /// The output line: the message is decoded at `messageOffset`, `(request-id) ` written in front.
    private var buffer: [UInt8] = []
    /// The length of the request id whose `(id) ` stands in front of `messageOffset` (checked
    /// already; 0: none): most events follow one of the same request, whose id is then neither
    /// checked nor copied again.
    private var idInPlace = 0

    /// Room for `(`, the longest request id (64 bytes, `AWSIdentifiers.isRequestID`) and `) `.
    private static let messageOffset = 67
    /// How many message bytes a line the scan ignores is cut after: more than the longest prefix
    /// `ExecutionLogMessageRole` compares (`Method completed with status:`, 29 bytes).
    static let cutLength = 32
    /// How far the plain head of a message is looked at first: as far as the known messages
    /// (`KnownMessageIndex.longest`) and the cut reach, rounded up to whole blocks.
    private static let headLimit = 48

    /// Passes the event's line to `body` and returns true when `line` is a usual event; returns
    /// false, passing nothing, when the general reader must read it. With `cuttingIgnored`, a line
    /// the scan ignores may be passed cut after `cutLength` message bytes.
    mutating func read(
        _ line: UnsafeBufferPointer<UInt8>, cuttingIgnored: Bool = false, _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) -> Bool {
        guard let base = line.baseAddress, line.count > 2, base[0] == UInt8(ascii: "{") else { return false }
        // A decoded message is never longer than its raw text, which is shorter than the line.
        let needed = line.count + Self.messageOffset
        if buffer.count < needed {
            buffer = [UInt8](repeating: 0, count: max(needed, 2 * buffer.count, 4096))
            idInPlace = 0
        }
        var idInPlace = idInPlace
        defer { self.idInPlace = idInPlace }
        return buffer.withUnsafeMutableBufferPointer { output in
            guard let out = output.baseAddress else { return false }
            let message = out + Self.messageOffset
            guard let fields = Self.fields(base, count: line.count, cutting: cuttingIgnored, into: message),
                Self.placeID(base, fields.requestID, before: message, inPlace: &idInPlace)
            else { return false }
            let start = Self.messageOffset - fields.requestID.count - 3
            guard let count = fields.decoded else {
                // Checked, not decoded: the scan ignores the line whatever follows its first
                // `cutLength` bytes (`isIgnored`), so it is passed cut after them when it is the
                // standard line `ExecutionLogScan.consume` reads by those bytes alone (a 36-byte id).
                let cut = Self.messageOffset - start + Self.cutLength
                if fields.requestID.count == 36, ExecutionLogFastLine.isStandard(out + start, count: cut) {
                    body(UnsafeBufferPointer(start: out + start, count: cut))
                    return true
                }
                guard let text = DeliveredMessageText.decode(base, from: fields.message, to: line.count, into: message) else { return false }
                body(UnsafeBufferPointer(start: out + start, count: Self.messageOffset - start + text.count))
                return true
            }
            body(UnsafeBufferPointer(start: out + start, count: Self.messageOffset - start + count))
            return true
        }
    }

    /// The request id's `(id) ` in front of `message`, unless it stands there already; false when
    /// the id is not one (the general reader then names the event's request otherwise).
    @inline(__always)
    private static func placeID(
        _ base: UnsafePointer<UInt8>, _ id: Range<Int>, before message: UnsafeMutablePointer<UInt8>, inPlace: inout Int
    ) -> Bool {
        let start = message - id.count - 3
        if inPlace == id.count, sameBytes(start + 1, base + id.lowerBound, count: id.count) { return true }
        guard isRequestID(base + id.lowerBound, count: id.count) else { return false }
        start[0] = UInt8(ascii: "(")
        (start + 1).update(from: base + id.lowerBound, count: id.count)
        message[-2] = UInt8(ascii: ")")
        message[-1] = UInt8(ascii: " ")
        inPlace = id.count
        return true
    }

    private enum Key: UInt8 {
        case time = 1, requestID = 2, extendedRequestID = 4, message = 8
    }

    /// Where the values are: the raw request id, where the message's text starts, and its decoded
    /// length (written to `out`), or nil when it was checked but not decoded (a line the scan
    /// ignores, its first `cutLength` bytes written to `out`). Nil when the line is not a flat
    /// object of the known keys with string values, each key once, no blanks, or its message is
    /// not a known one the fast path can decode.
    private static func fields(
        _ base: UnsafePointer<UInt8>, count: Int, cutting: Bool, into out: UnsafeMutablePointer<UInt8>
    ) -> (requestID: Range<Int>, message: Int, decoded: Int?)? {
        var position = 1  // at a key's opening quote
        var seen: UInt8 = 0
        var requestID: Range<Int>?
        var message: Int?
        var decoded: Int?
        while true {
            guard let found = Self.key(base, at: position, count: count), seen & found.key.rawValue == 0 else { return nil }
            let (key, valueStart) = found
            seen |= key.rawValue
            let close: Int
            if key == .message {
                guard let text = Self.message(base, from: valueStart, to: count, cutting: cutting, into: out) else { return nil }
                close = text.close
                message = valueStart
                decoded = text.decoded
            } else {
                // Any byte but `"` and `\` may stand in these values: the general reader never
                // reads them when a known message is named (ids only as a request id).
                close = DeliveredMessageText.quoteOrBackslash(base, from: valueStart, to: count)
                guard close < count, base[close] == UInt8(ascii: "\"") else { return nil }
                if key == .requestID { requestID = valueStart..<close }
            }
            guard close + 1 < count else { return nil }
            let next = base[close + 1]
            if next == UInt8(ascii: ",") {
                position = close + 2
                continue
            }
            // What follows the object's `}` is not read by the general reader either.
            guard next == UInt8(ascii: "}"), let requestID, let message else { return nil }
            return (requestID, message, decoded)
        }
    }

    /// The message whose text starts at `start`, if it is a known one the fast path reads: its
    /// closing quote, and its text decoded to `out` (its length), or, when cutting and the scan
    /// ignores it (`isIgnored`), only checked, its first `cutLength` bytes in `out` (nil length).
    ///
    /// Up to the first escape the raw text is the decoded text, so a plain head as long as every
    /// known message (or the whole message) tells whether the message is one, and a plain head of
    /// `cutLength` bytes whether the scan ignores it, before the rest is read.
    @inline(__always)
    private static func message(
        _ base: UnsafePointer<UInt8>, from start: Int, to end: Int, cutting: Bool, into out: UnsafeMutablePointer<UInt8>
    ) -> (close: Int, decoded: Int?)? {
        let plain = DeliveredMessageText.plainHead(base, from: start, to: end, limit: headLimit, into: out)
        if plain < headLimit, start + plain < end, base[start + plain] == UInt8(ascii: "\"") {
            guard KnownMessageIndex.startsWithKnown(UnsafeBufferPointer(start: out, count: plain)) else { return nil }
            return (start + plain, plain)
        }
        if plain >= KnownMessageIndex.longest {
            guard KnownMessageIndex.startsWithKnown(UnsafeBufferPointer(start: out, count: plain)) else { return nil }
            if cutting, plain >= cutLength, isIgnored(out) {
                guard let close = DeliveredMessageText.closingQuote(base, from: start + plain, to: end) else { return nil }
                return (close, nil)
            }
            guard let rest = DeliveredMessageText.decode(base, from: start + plain, to: end, into: out + plain) else { return nil }
            return (rest.close, plain + rest.count)
        }
        // An escape (or a byte the general reader must see) among the first bytes: decoded first.
        guard let rest = DeliveredMessageText.decode(base, from: start + plain, to: end, into: out + plain) else { return nil }
        let count = plain + rest.count
        guard KnownMessageIndex.startsWithKnown(UnsafeBufferPointer(start: out, count: min(count, 200))) else { return nil }
        return (rest.close, count)
    }

    /// Whether the scan ignores a standard line whatever follows the first `cutLength` bytes of its
    /// message (at `text`, with `messageOffset` bytes of room before it). `ExecutionLogScan.consume`
    /// reads such a line's message only through `ExecutionLogFastLine.mayMatter` (16 bytes) and
    /// `ExecutionLogMessageRole.of` (prefixes of at most 29 bytes), and drops it when the role is
    /// `.ignore`; both are asked here on those bytes, placed where the line's message would start
    /// (the bytes in front are not read).
    @inline(__always)
    private static func isIgnored(_ text: UnsafeMutablePointer<UInt8>) -> Bool {
        let line = text - ExecutionLogFastLine.messageStart
        let count = ExecutionLogFastLine.messageStart + cutLength
        guard ExecutionLogFastLine.mayMatter(line, count: count) else { return true }
        return ExecutionLogMessageRole.of(UnsafeBufferPointer(start: line, count: count), messageAt: ExecutionLogFastLine.messageStart) == .ignore
    }

    /// The key whose opening quote is at `position` (with its `":"`), and where its value's text
    /// starts; nil for any other key or shape.
    @inline(__always)
    private static func key(_ base: UnsafePointer<UInt8>, at position: Int, count: Int) -> (key: Key, valueStart: Int)? {
        guard position + 8 <= count else { return nil }
        let word = load(base, position)
        if word == Words.time { return (.time, position + 8) }
        // The longer keys: a second word, overlapping the first, checks the rest (`":"` included).
        guard position + 13 <= count else { return nil }
        switch word {
        case Words.message: return load(base, position + 3) == Words.ssage ? (.message, position + 11) : nil
        case Words.request: return load(base, position + 5) == Words.estID ? (.requestID, position + 13) : nil
        case Words.timesta: return load(base, position + 5) == Words.stamp ? (.time, position + 13) : nil
        case Words.extende:
            guard position + 21 <= count, load(base, position + 8) == Words.dRequest, load(base, position + 13) == Words.estID else {
                return nil
            }
            return (.extendedRequestID, position + 21)
        default: return nil
        }
    }

    /// `AWSIdentifiers.isRequestID` on bytes: 8 to 64 of letters, digits, `=`, `_`, `-`. Every
    /// byte is tested against a bit map, without a branch per byte (as `ExecutionLogLineShape`).
    @inline(__always)
    private static func isRequestID(_ bytes: UnsafePointer<UInt8>, count: Int) -> Bool {
        guard (8...64).contains(count) else { return false }
        var all: UInt64 = 1
        for offset in 0..<count {
            let byte = bytes[offset]
            let bit = byte < 64 ? Words.lowIDBytes >> UInt64(byte & 63) : Words.highIDBytes >> UInt64(byte & 63)
            all &= byte < 128 ? bit : 0
        }
        return all & 1 == 1
    }

    /// Whether `count` (8 or more) bytes at `a` and `b` are the same: words, the last one overlapping.
    @inline(__always)
    private static func sameBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, count: Int) -> Bool {
        var offset = 0
        while offset + 8 < count {
            guard load(a, offset) == load(b, offset) else { return false }
            offset += 8
        }
        return load(a, count - 8) == load(b, count - 8)
    }

    @inline(__always)
    private static func load(_ base: UnsafePointer<UInt8>, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
    }

    /// Key text as little-endian words, and byte patterns (`"time":"`, `"message`, `ssage":"`, ...).
    private enum Words {
        static var time: UInt64 { 0x223A_2265_6D69_7422 }  // "time":"
        static var timesta: UInt64 { 0x6174_7365_6D69_7422 }  // "timesta
        static var stamp: UInt64 { 0x223A_2270_6D61_7473 }  // stamp":"
        static var request: UInt64 { 0x7473_6575_7165_7222 }  // "request
        static var estID: UInt64 { 0x223A_2264_4974_7365 }  // estId":"
        static var message: UInt64 { 0x6567_6173_7365_6D22 }  // "message
        static var ssage: UInt64 { 0x223A_2265_6761_7373 }  // ssage":"
        static var extende: UInt64 { 0x6564_6E65_7478_6522 }  // "extende
        static var dRequest: UInt64 { 0x7473_6575_7165_5264 }  // dRequest
        /// Request-id bytes below 64 (`-`, digits, `=`) and from 64 to 127 (letters, `_`), one bit each.
        static var lowIDBytes: UInt64 { 1 << 0x2D | 0x3FF << 0x30 | 1 << 0x3D }
        static var highIDBytes: UInt64 { 0x3FF_FFFF << 1 | 1 << 31 | 0x3FF_FFFF << 33 }
    }
}
