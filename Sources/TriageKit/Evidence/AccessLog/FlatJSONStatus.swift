/// The status of a flat JSON access-log line, read from its bytes without building anything, for
/// the lines that only need counting (most of a log is 2xx and 4xx).
///
/// It answers only when `FlatJSONLine.parse` would accept the line AND
/// `FlatJSONLine.field(AccessLogEntry.Keys.status)` would pick a value of exactly three ASCII digits;
/// then that number is what the full parse reads (`Int` of three digits needs no decoding). In every
/// other case (not one object, a nested object, an unusual status value) it answers nil and the
/// caller parses the line fully, so a line read here is never counted differently.
///
/// Why it is the same acceptance: it walks the line with the same grammar as `FlatJSONLine`'s
/// reader, step for step (the spaces it skips, a trailing `,` it tolerates, strings ended by the
/// first unescaped `"`, a scalar ended by `,` `}` space or tab, an array with strings inside), and
/// compares each key to the status names after the same normalisation (lower case, `-`/`_` → `.`,
/// escapes left raw), keeping the first field of the best-ranked name as `field(_:)` does. Field
/// order and key spelling are free: nothing is assumed from earlier lines.
enum FlatJSONStatus {
    private static let quote = UInt8(ascii: "\"")
    private static let backslash = UInt8(ascii: "\\")

    /// The status of the single JSON object `line`, or nil when only a full parse can tell.
    static func status(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = line.baseAddress else { return nil }
        let count = line.count
        var position = 0
        skipSpace(base, &position, count)
        guard position < count, base[position] == UInt8(ascii: "{") else { return nil }
        position += 1
        var bestRank = Int.max
        var best = 0..<0
        let keyLengths = statusKeyLengths
        while true {
            skipSpace(base, &position, count)
            guard position < count else { return nil }
            if base[position] == UInt8(ascii: "}") {
                // The object closes (depth 1 to 0); the reader then takes one optional comma.
                position += 1
                skipSpace(base, &position, count)
                if position < count, base[position] == UInt8(ascii: ",") { position += 1 }
                break
            }
            guard base[position] == quote, let keyEnd = stringEnd(base, from: position + 1, to: count) else { return nil }
            let key = position + 1..<keyEnd
            position = keyEnd + 1
            skipSpace(base, &position, count)
            guard position < count, base[position] == UInt8(ascii: ":") else { return nil }
            position += 1
            skipSpace(base, &position, count)
            guard position < count else { return nil }
            let value: Range<Int>
            switch base[position] {
            case UInt8(ascii: "{"):
                return nil  // Nested keys join with their parent's: left to the full parse.
            case quote:
                guard let end = stringEnd(base, from: position + 1, to: count) else { return nil }
                value = position + 1..<end
                position = end + 1
            case UInt8(ascii: "["):
                guard let end = arrayEnd(base, from: position + 1, to: count) else { return nil }
                value = position..<end
                position = end
            default:
                let start = position
                position = scalarEnd(base, from: position, to: count)
                guard position > start else { return nil }  // the reader rejects an empty value
                value = start..<position
            }
            // Only a key as long as a status name can be one (most keys are skipped by this test).
            if key.count < 64, keyLengths & (1 << UInt64(key.count)) != 0, let rank = statusRank(base, key), rank < bestRank {
                bestRank = rank
                best = value
            }
            skipSpace(base, &position, count)
            if position < count, base[position] == UInt8(ascii: ",") {
                position += 1
            } else if position >= count || base[position] != UInt8(ascii: "}") {
                return nil
            }
        }
        skipSpace(base, &position, count)
        guard position >= count, best.count == 3 else { return nil }
        let (a, b, c) = (base[best.lowerBound], base[best.lowerBound + 1], base[best.lowerBound + 2])
        guard a.isASCIIDigit, b.isASCIIDigit, c.isASCIIDigit else { return nil }
        return Int(a &- 0x30) * 100 + Int(b &- 0x30) * 10 + Int(c &- 0x30)
    }

    /// The reader's `skipSpace`: space, tab and carriage return.
    @inline(__always)
    private static func skipSpace(_ base: UnsafePointer<UInt8>, _ position: inout Int, _ count: Int) {
        while position < count {
            let byte = base[position]
            guard byte == 0x20 || byte == 0x09 || byte == 0x0D else { return }
            position += 1
        }
    }

    /// The offset of the `"` closing a string whose contents start at `start`; nil when it does
    /// not close. A backslash escapes the byte after it, whatever it is, as in the reader.
    @inline(__always)
    private static func stringEnd(_ base: UnsafePointer<UInt8>, from start: Int, to count: Int) -> Int? {
        var position = start
        while position < count {
            position = quoteOrBackslash(base, from: position, to: count)
            guard position < count else { return nil }
            if base[position] == quote { return position }
            position += 2
        }
        return nil
    }

    /// `ByteScan.first(quote, backslash, quote, …)` with two compares per word instead of three:
    /// the offset of the first quote or backslash in `start..<end`, `end` when none is. A byte equal to
    /// one sought makes `(v - 0x01…01) & ~v & 0x80…80` set its high bit (v = word ^ pattern), and
    /// the lowest bit set is always a true match (a false one only appears above a true one).
    @inline(__always)
    private static func quoteOrBackslash(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var position = start
        while end - position >= 8 {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
            let quotes = word ^ (ones &* UInt64(quote))
            let backslashes = word ^ (ones &* UInt64(backslash))
            let hits = ((quotes &- ones) & ~quotes | (backslashes &- ones) & ~backslashes) & highs
            if hits != 0 { return position + hits.trailingZeroBitCount / 8 }
            position += 8
        }
        while position < end, base[position] != quote, base[position] != backslash { position += 1 }
        return position
    }

    /// The offset after the `]` closing an array whose contents start at `start`; nil when it
    /// does not close. Only brackets and strings count, as in the reader.
    private static func arrayEnd(_ base: UnsafePointer<UInt8>, from start: Int, to count: Int) -> Int? {
        var position = start
        var depth = 1
        while position < count, depth > 0 {
            switch base[position] {
            case quote:
                guard let end = stringEnd(base, from: position + 1, to: count) else { return nil }
                position = end + 1
                continue
            case UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "]"): depth -= 1
            default: break
            }
            position += 1
        }
        return depth == 0 ? position : nil
    }

    /// The end of a number, `true`, `null` or other bare word: the next `,`, `}`, space or tab.
    @inline(__always)
    private static func scalarEnd(_ base: UnsafePointer<UInt8>, from start: Int, to count: Int) -> Int {
        var position = start
        while position < count {
            let byte = base[position]
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == 0x20 || byte == 0x09 { break }
            position += 1
        }
        return position
    }

    /// The index in `AccessLogEntry.Keys.status` of the name the raw key normalises to, or nil.
    @inline(__always)
    private static func statusRank(_ base: UnsafePointer<UInt8>, _ key: Range<Int>) -> Int? {
        for (rank, name) in AccessLogEntry.Keys.status.enumerated() where name.utf8CodeUnitCount == key.count {
            let expected = name.utf8Start
            var matches = true
            for offset in 0..<key.count where normalised(base[key.lowerBound + offset]) != expected[offset] {
                matches = false
                break
            }
            if matches { return rank }
        }
        return nil
    }

    /// Bit `n` set when a status name is `n` bytes long: a key of another length is none of them.
    private static let statusKeyLengths: UInt64 = AccessLogEntry.Keys.status.reduce(0) { mask, name in
        name.utf8CodeUnitCount < 64 ? mask | 1 << UInt64(name.utf8CodeUnitCount) : mask
    }

    /// A key byte as `FlatJSONLine` normalises it.
    @inline(__always)
    private static func normalised(_ byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "_"): UInt8(ascii: ".")
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte | 0x20
        default: byte
        }
    }
}
