/// The usual delivered JSON event, read in one pass with word compares: the fast path of
/// `DeliveredEventReader`.
///
/// CloudWatch Logs delivery writes a flat object of string values, `{"time":"…","requestId":"…",
/// "message":"…"}` (or `timestamp`, with `extendedRequestId`). For such a line the general reader
/// walks every byte, names every key through `DeliveredKeyName` and decides between candidate
/// values; here the keys are told apart by one or two 8-byte compares, the values are found with
/// `ByteScan`, and the message is decoded once, straight behind its `(request-id) ` prefix in one
/// reused buffer.
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
/// cut after them, so most of the log's bulk (headers, bodies) is checked but never copied.
struct DeliveredFastEvent {
    /// The output line: the message is decoded at `messageOffset`, `(request-id) ` written in front.
    private var buffer: [UInt8] = []
    /// The length of the request id whose `(id) ` stands in front of `messageOffset` (checked
    /// already; 0: none): most events follow one of the same request, whose id is then neither
    /// checked nor copied again.
    private var idInPlace = 0

    /// Room for `(`, the longest request id (64 bytes, `AWSIdentifiers.isRequestID`) and `) `.
    private static let messageOffset = 67

    /// Passes the event's line to `body` and returns true when `line` is a usual event; returns
    /// false, passing nothing, when the general reader must read it. With `cuttingIgnored`, a line
    /// the scan ignores may be passed cut (`ignoredHead`).
    mutating func read(
        _ line: UnsafeBufferPointer<UInt8>, cuttingIgnored: Bool = false, _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) -> Bool {
        guard let base = line.baseAddress, line.count > 2, base[0] == UInt8(ascii: "{"),
            let fields = Self.fields(base, count: line.count)
        else { return false }
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
            let raw = fields.message
            // Up to the first escape the raw text is the decoded text. When that stretch holds the
            // whole message or is as long as any known message, it tells whether the message is
            // one, without decoding.
            let plain = fields.firstEscape - raw.lowerBound
            let decidesKnown = fields.firstEscape == raw.upperBound || plain >= KnownMessageIndex.longest
            var decoded: Int?
            if decidesKnown {
                guard KnownMessageIndex.startsWithKnown(UnsafeBufferPointer(start: base + raw.lowerBound, count: min(plain, 200))) else {
                    return false
                }
            } else {
                let count = Self.decode(base, raw, into: message)
                guard KnownMessageIndex.startsWithKnown(UnsafeBufferPointer(start: message, count: min(count, 200))) else { return false }
                decoded = count
            }
            guard Self.placeID(base, fields.requestID, before: message, inPlace: &idInPlace) else { return false }
            let start = Self.messageOffset - fields.requestID.count - 3
            // A line the scan ignores for its first message bytes is passed with only those bytes
            // (see `ignoredHead`): the rest of the message is never copied.
            if cuttingIgnored, decoded == nil, fields.requestID.count == 36, let head = Self.ignoredHead(base, raw, plain: plain, line: out + start) {
                body(UnsafeBufferPointer(start: out + start, count: ExecutionLogFastLine.messageStart + head))
                return true
            }
            let count = decoded ?? Self.decode(base, raw, into: message)
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

    /// How many message bytes to pass when the scan ignores the line whatever follows them: the
    /// standard line (`ExecutionLogFastLine`, a 36-byte id) whose first message word(s) rule out
    /// every role but `.ignore`. For such a line `ExecutionLogScan.consume` reads no further than
    /// those 16 bytes (its fast path returns at `mayMatter`, and the shape and role readings decide
    /// from the id and from prefixes whose first eight bytes already differ), so the line cut after
    /// them is read exactly as the whole one. Nil when the line may matter or the first 16 decoded
    /// bytes are not known without decoding. `line` is where the `(id) ` prefix starts.
    @inline(__always)
    private static func ignoredHead(
        _ base: UnsafePointer<UInt8>, _ raw: Range<Int>, plain: Int, line: UnsafeMutablePointer<UInt8>
    ) -> Int? {
        // `mayMatter` reads 16 message bytes when there are that many (and a line's length only
        // to know whether there are): a shorter message is passed whole.
        let head = min(raw.count, 16)
        guard plain >= head else { return nil }
        (line + ExecutionLogFastLine.messageStart).update(from: base + raw.lowerBound, count: head)
        let count = ExecutionLogFastLine.messageStart + head
        guard ExecutionLogFastLine.isStandard(line, count: count), !ExecutionLogFastLine.mayMatter(line, count: count) else { return nil }
        return head
    }

    private enum Key: UInt8 {
        case time = 1, requestID = 2, extendedRequestID = 4, message = 8
    }

    /// Where the values are: the raw request id, the raw message and its first escape (its end when
    /// it has none); nil when the line is not a flat object of the known keys with string values,
    /// each key once, no blanks, or the message is not one the fast path can decode.
    private static func fields(
        _ base: UnsafePointer<UInt8>, count: Int
    ) -> (requestID: Range<Int>, message: Range<Int>, firstEscape: Int)? {
        var position = 1  // at a key's opening quote
        var seen: UInt8 = 0
        var requestID: Range<Int>?
        var message: Range<Int>?
        var firstEscape = 0
        while true {
            guard let found = Self.key(base, at: position, count: count), seen & found.key.rawValue == 0 else { return nil }
            let (key, valueStart) = found
            seen |= key.rawValue
            let close: Int
            if key == .message {
                guard let text = checkedMessage(base, from: valueStart, to: count) else { return nil }
                close = text.close
                message = valueStart..<close
                firstEscape = text.firstEscape
            } else {
                // Any byte but `"` and `\` may stand in these values: the general reader never
                // reads them when a known message is named (ids only as a request id).
                close = ByteScan.first(UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "\""), in: base, from: valueStart, to: count)
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
            return (requestID, message, firstEscape)
        }
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

    /// The message string whose text starts at `start`, checked without copying: its closing quote
    /// and its first escape (the closing quote when none). Nil when the general reader must decide:
    /// a cut string, non-ASCII, `\r`, a line break (`\n`), `\u` beyond ASCII or not hex.
    private static func checkedMessage(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> (close: Int, firstEscape: Int)? {
        var index = start
        var firstEscape = -1
        while true {
            let stop = firstStop(base, from: index, to: end)
            guard stop < end else { return nil }
            let byte = base[stop]
            if byte == UInt8(ascii: "\"") { return (stop, firstEscape < 0 ? stop : firstEscape) }
            // `\r` or non-ASCII: only the `String` reader can tell; a backslash ending the line: cut.
            guard byte == UInt8(ascii: "\\"), stop + 1 < end else { return nil }
            if firstEscape < 0 { firstEscape = stop }
            let escaped = base[stop + 1]
            switch escaped {
            case UInt8(ascii: "n"), UInt8(ascii: "r"):
                return nil
            case UInt8(ascii: "u"):
                guard stop + 6 <= end, let scalar = hex4(base + stop + 2), scalar < 0x80, scalar != 0x0D, scalar != 0x0A else { return nil }
                index = stop + 6
            default:
                guard escaped < 0x80 else { return nil }
                index = stop + 2
            }
        }
    }

    /// Decodes a message `checkedMessage` accepted into `out` as `DeliveredEventReader.decode`
    /// does (`\b` and `\f` dropped, `\t` a tab, `\uXXXX` its ASCII byte, any other escaped byte
    /// itself); the decoded length.
    private static func decode(_ base: UnsafePointer<UInt8>, _ raw: Range<Int>, into out: UnsafeMutablePointer<UInt8>) -> Int {
        var index = raw.lowerBound
        var written = 0
        while true {
            let stop = firstBackslash(base, from: index, to: raw.upperBound)
            copy(base + index, to: out + written, count: stop - index)
            written += stop - index
            guard stop < raw.upperBound else { return written }
            let escaped = base[stop + 1]
            index = stop + 2
            switch escaped {
            case UInt8(ascii: "t"):
                out[written] = 0x09
                written += 1
            case UInt8(ascii: "b"), UInt8(ascii: "f"):
                break
            case UInt8(ascii: "u"):
                out[written] = UInt8(hex4(base + index) ?? 0)
                written += 1
                index += 4
            default:
                out[written] = escaped
                written += 1
            }
        }
    }

    /// The offset of the first byte in `start..<end` that is `"`, `\`, `\r` or not ASCII; `end` when
    /// none is. Sixteen bytes a step with SIMD compares, the hit lanes (all true matches: equal
    /// bytes, or a set high bit) read as two words; then `ByteScan.first`'s word test with the
    /// high bits added: a set high bit is always a non-ASCII byte, and the other tests' lowest hit
    /// is always true, so the lowest of all is.
    @inline(__always)
    private static func firstStop(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        var position = start
        while end - position >= 16 {
            let lanes = UnsafeRawPointer(base + position).loadUnaligned(as: SIMD16<UInt8>.self)
            let hits = marks(lanes .== SIMD16(repeating: UInt8(ascii: "\""))) | marks(lanes .== SIMD16(repeating: UInt8(ascii: "\\")))
                | marks(lanes .== SIMD16(repeating: 0x0D)) | (lanes & SIMD16(repeating: 0x80))
            if let hit = firstNonZeroLane(hits) { return position + hit }
            position += 16
        }
        while end - position >= 8 {
            let word = load(base, position)
            let hits = zeroBytes(word ^ Words.quotes) | zeroBytes(word ^ Words.backslashes) | zeroBytes(word ^ Words.returns)
                | (word & Words.highs)
            if hits != 0 { return position + hits.trailingZeroBitCount / 8 }
            position += 8
        }
        while position < end {
            let byte = base[position]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x0D || byte >= 0x80 { return position }
            position += 1
        }
        return end
    }

    /// The offset of the first `\` in `start..<end`, `end` when none: as `firstStop`.
    @inline(__always)
    private static func firstBackslash(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        var position = start
        while end - position >= 16 {
            let lanes = UnsafeRawPointer(base + position).loadUnaligned(as: SIMD16<UInt8>.self)
            if let hit = firstNonZeroLane(marks(lanes .== SIMD16(repeating: UInt8(ascii: "\\")))) { return position + hit }
            position += 16
        }
        return ByteScan.first(UInt8(ascii: "\\"), UInt8(ascii: "\\"), UInt8(ascii: "\\"), in: base, from: position, to: end)
    }

    /// A compare's lanes as bytes (0xFF where true): a mask is stored as lanes of all ones or all
    /// zeros, so it is read as bytes without the lane-by-lane reduction `any` compiles to.
    @inline(__always)
    private static func marks(_ mask: SIMDMask<SIMD16<Int8>>) -> SIMD16<UInt8> {
        unsafeBitCast(mask, to: SIMD16<UInt8>.self)
    }

    /// The first lane that is not zero, nil when all are: the lanes as two little-endian words.
    @inline(__always)
    private static func firstNonZeroLane(_ lanes: SIMD16<UInt8>) -> Int? {
        let words = unsafeBitCast(lanes, to: (UInt64, UInt64).self)
        let low = UInt64(littleEndian: words.0)
        let high = UInt64(littleEndian: words.1)
        guard low | high != 0 else { return nil }
        return low != 0 ? low.trailingZeroBitCount / 8 : 8 + high.trailingZeroBitCount / 8
    }

    /// Copies `count` bytes: a word at a time for the short runs between escapes (a `memmove`
    /// call each costs more than the copy), `memmove` for long ones.
    @inline(__always)
    private static func copy(_ source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>, count: Int) {
        guard count <= 32 else {
            target.update(from: source, count: count)
            return
        }
        var offset = 0
        while count - offset >= 8 {
            let word = UnsafeRawPointer(source + offset).loadUnaligned(as: UInt64.self)
            UnsafeMutableRawPointer(target + offset).storeBytes(of: word, as: UInt64.self)
            offset += 8
        }
        while offset < count {
            target[offset] = source[offset]
            offset += 1
        }
    }

    private static func hex4(_ digits: UnsafePointer<UInt8>) -> UInt32? {
        var scalar: UInt32 = 0
        for offset in 0..<4 {
            let byte = digits[offset]
            let value: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = UInt32(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            scalar = scalar << 4 | value
        }
        return scalar
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

    /// High bit set in each byte of `word` that is zero (see `ByteScan`).
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- Words.ones) & ~word & Words.highs
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
        static var ones: UInt64 { 0x0101_0101_0101_0101 }
        static var highs: UInt64 { 0x8080_8080_8080_8080 }
        static var quotes: UInt64 { 0x2222_2222_2222_2222 }
        static var backslashes: UInt64 { 0x5C5C_5C5C_5C5C_5C5C }
        static var returns: UInt64 { 0x0D0D_0D0D_0D0D_0D0D }
        /// Request-id bytes below 64 (`-`, digits, `=`) and from 64 to 127 (letters, `_`), one bit each.
        static var lowIDBytes: UInt64 { 1 << 0x2D | 0x3FF << 0x30 | 1 << 0x3D }
        static var highIDBytes: UInt64 { 0x3FF_FFFF << 1 | 1 << 31 | 0x3FF_FFFF << 33 }
    }
}
