/// A delivered event's message string read on bytes, sixteen at a time: its plain head, its end,
/// and its decoded text, for `DeliveredFastEvent`.
///
/// Each function stops where the general reader (`DeliveredEventReader`, `DeliveredLogEvent`) would
/// have to decide (nil): a cut string, a byte that is not ASCII, a `\r`, a line break (`\n`), a
/// `\u` escape beyond ASCII or not hex. What it accepts it decodes as `DeliveredEventReader.decode`
/// does: `\b` and `\f` dropped, `\t` a tab, `\uXXXX` its ASCII byte, any other escaped byte itself.
///
/// A message full of escapes (a JSON body: `{\"id\":42,...}`) is handled without starting over
/// at each one: `closingQuote` takes every escape of a 16-byte block from the block's hit mask, and
/// `decode` copies a whole block and only then moves to the escape.
enum DeliveredMessageText {
    /// How many bytes from `start` (at most `limit`, a multiple of 16) come before the first stop
    /// (`"`, `\`, `\r`, non-ASCII): the text's plain head, copied to `out` (and up to 15 bytes
    /// after it, which `out` has room for: it holds as much as the line).
    @inline(__always)
    static func plainHead(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int, limit: Int, into out: UnsafeMutablePointer<UInt8>) -> Int {
        var position = start
        let stop = start + limit
        while position < stop, end - position >= 16 {
            let lanes = block(base, position)
            UnsafeMutableRawPointer(out + (position - start)).storeBytes(of: lanes, as: SIMD16<UInt8>.self)
            if let hit = firstNonZeroLane(stops(lanes)) { return position + hit - start }
            position += 16
        }
        while position < min(stop, end), !isStop(base[position]) {
            out[position - start] = base[position]
            position += 1
        }
        return min(position, stop) - start
    }

    /// The closing quote of the string whose text goes on at `start`, every escape checked but
    /// nothing decoded; nil when the general reader must decide (see the type).
    ///
    /// Within a block the stops are taken from its mask in order: a quote ends the string, a
    /// backslash's escape is checked and the stops it covers (the escaped `"` or `\`) are cleared.
    @inline(__always)
    static func closingQuote(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int? {
        var position = start
        while end - position >= 16 {
            var mask = bits(stops(block(base, position)))
            var next = position + 16
            while mask != 0 {
                let at = position + mask.trailingZeroBitCount
                let byte = base[at]
                if byte == UInt8(ascii: "\"") { return at }
                guard byte == UInt8(ascii: "\\"), let escape = escape(base, at: at, end: end) else { return nil }
                if escape.end >= position + 16 {
                    next = escape.end
                    break
                }
                mask &= ~0 << UInt32(escape.end - position)
            }
            position = next
        }
        while position < end {
            let byte = base[position]
            if byte == UInt8(ascii: "\"") { return position }
            guard !isStop(byte) else {
                guard byte == UInt8(ascii: "\\"), let escape = escape(base, at: position, end: end) else { return nil }
                position = escape.end
                continue
            }
            position += 1
        }
        return nil
    }

    /// Decodes the string whose text goes on at `start` into `out`: its closing quote and the
    /// decoded length; nil when the general reader must decide. `out` needs room for as many
    /// bytes as `start..<end` (a block is stored whole before its stop is looked for; decoding
    /// never makes the text longer, so a store never passes that room).
    @inline(__always)
    static func decode(
        _ base: UnsafePointer<UInt8>, from start: Int, to end: Int, into out: UnsafeMutablePointer<UInt8>
    ) -> (close: Int, count: Int)? {
        var position = start
        var written = 0
        while true {
            if end - position >= 16 {
                let lanes = block(base, position)
                UnsafeMutableRawPointer(out + written).storeBytes(of: lanes, as: SIMD16<UInt8>.self)
                guard let hit = firstNonZeroLane(stops(lanes)) else {
                    position += 16
                    written += 16
                    continue
                }
                position += hit
                written += hit
            } else {
                while position < end, !isStop(base[position]) {
                    out[written] = base[position]
                    position += 1
                    written += 1
                }
                guard position < end else { return nil }
            }
            let byte = base[position]
            if byte == UInt8(ascii: "\"") { return (position, written) }
            guard byte == UInt8(ascii: "\\"), let escape = escape(base, at: position, end: end) else { return nil }
            if escape.decoded >= 0 {
                out[written] = UInt8(escape.decoded)
                written += 1
            }
            position = escape.end
        }
    }

    /// The first `"` or `\` in `start..<end`, `end` when none: where a value the fast path does
    /// not decode ends (or holds an escape, which it leaves to the general reader).
    @inline(__always)
    static func quoteOrBackslash(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        var position = start
        while end - position >= 16 {
            let lanes = block(base, position)
            let hits = marks(lanes .== SIMD16(repeating: UInt8(ascii: "\""))) | marks(lanes .== SIMD16(repeating: UInt8(ascii: "\\")))
            if let hit = firstNonZeroLane(hits) { return position + hit }
            position += 16
        }
        while position < end, base[position] != UInt8(ascii: "\""), base[position] != UInt8(ascii: "\\") { position += 1 }
        return position
    }

    /// The escape whose backslash is at `position`: where it ends and the byte it stands for (-1:
    /// none, `\b` and `\f` are dropped); nil for a cut escape, `\n`, `\r`, a `\u` beyond ASCII,
    /// naming a line break or not hex, or an escaped byte beyond ASCII.
    @inline(__always)
    private static func escape(_ base: UnsafePointer<UInt8>, at position: Int, end: Int) -> (end: Int, decoded: Int)? {
        guard position + 1 < end else { return nil }
        let escaped = base[position + 1]
        switch escaped {
        case UInt8(ascii: "n"), UInt8(ascii: "r"):
            return nil
        case UInt8(ascii: "t"):
            return (position + 2, 0x09)
        case UInt8(ascii: "b"), UInt8(ascii: "f"):
            return (position + 2, -1)
        case UInt8(ascii: "u"):
            guard position + 6 <= end, let scalar = hex4(base + position + 2), scalar < 0x80, scalar != 0x0D, scalar != 0x0A else {
                return nil
            }
            return (position + 6, Int(scalar))
        default:
            guard escaped < 0x80 else { return nil }
            return (position + 2, Int(escaped))
        }
    }

    @inline(__always)
    private static func isStop(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x0D || byte >= 0x80
    }

    @inline(__always)
    private static func block(_ base: UnsafePointer<UInt8>, _ position: Int) -> SIMD16<UInt8> {
        UnsafeRawPointer(base + position).loadUnaligned(as: SIMD16<UInt8>.self)
    }

    /// The lanes that stop a plain run: `"`, `\`, `\r` (0xFF) or non-ASCII (high bit set).
    @inline(__always)
    private static func stops(_ lanes: SIMD16<UInt8>) -> SIMD16<UInt8> {
        marks(lanes .== SIMD16(repeating: UInt8(ascii: "\""))) | marks(lanes .== SIMD16(repeating: UInt8(ascii: "\\")))
            | marks(lanes .== SIMD16(repeating: 0x0D)) | (lanes & SIMD16(repeating: 0x80))
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

    /// One bit per lane whose high bit is set, lane 0 lowest. Each word's high bits are moved to
    /// the bottom of their bytes and gathered into the top byte by one multiply: byte `i` times the
    /// constant's byte `7 - i` (`1 << i`) lands on bit `56 + i`, and no two products share a bit,
    /// so nothing carries.
    @inline(__always)
    private static func bits(_ lanes: SIMD16<UInt8>) -> UInt32 {
        let words = unsafeBitCast(lanes, to: (UInt64, UInt64).self)
        let low = (UInt64(littleEndian: words.0) >> 7) & 0x0101_0101_0101_0101
        let high = (UInt64(littleEndian: words.1) >> 7) & 0x0101_0101_0101_0101
        return UInt32(truncatingIfNeeded: (low &* 0x0102_0408_1020_4080) >> 56)
            | UInt32(truncatingIfNeeded: (high &* 0x0102_0408_1020_4080) >> 56) << 8
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
}
