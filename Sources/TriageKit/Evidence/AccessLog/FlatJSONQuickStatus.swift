/// The status of a flat JSON access-log line in the shape access logs nearly always have (keys and
/// values plain strings or bare scalars, no backslash anywhere), read from the positions of its
/// quotes: `FlatJSONStatus`'s first try.
///
/// The walk (`FlatJSONStatus`) stops at every string's end, a branch that goes its own way on each
/// of a line's thirty-odd strings. Here the quotes of 64 bytes are found at once (eight words, each
/// byte compared by exact bit arithmetic, gathered into one 64-bit mask) and visited in order, and
/// only the few bytes between two strings are read.
///
/// It answers only where the walk would read the line the same way, and then with the walk's
/// answer; nil means "not this shape" and the walk decides. Why it is the same: with no backslash,
/// every string ends at the next quote, so the quotes pair up in order (key, value, key, …) as the
/// walk pairs them. What lies between two strings is checked byte for byte against the walk's
/// grammar: the spaces, tabs and CRs it skips, the one `:` or `,`, a bare scalar ended where the
/// walk ends it (`,` `}` space or tab); anything else there (`{`, `[`, an empty value, a scalar
/// running into a quote, a second comma) gives nil. The end of the line is checked as the walk
/// checks it, and keys are ranked by the walk's own `statusRank`, the first of the best name kept.
enum FlatJSONQuickStatus {
    private static let quote = UInt8(ascii: "\"")
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The status of the single JSON object `line`, or nil when the walk must tell.
    static func status(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = line.baseAddress else { return nil }
        let count = line.count
        var position = FlatJSONStatus.skipSpace(base, from: 0, to: count)
        guard position < count, base[position] == UInt8(ascii: "{") else { return nil }
        position += 1
        var walk = QuoteWalk(base: base, count: count, after: position)
        while position < count {
            let length = min(64, count - position)
            guard var quotes = quoteMask(base + position, count: length) else { return nil }  // a backslash
            while quotes != 0 {
                guard walk.take(quote: position + quotes.trailingZeroBitCount) else { return nil }
                quotes &= quotes &- 1
            }
            position += length
        }
        return walk.finish()
    }

    /// Bit `i` set where `bytes[i]` is `"` (`count` at most 64), or nil when a backslash is among
    /// them. Exact per byte: `((v & 0x7F) + 0x7F) | v` has its high bit clear only for a zero byte
    /// and never carries into the next byte; the high bits are then gathered into one byte by a
    /// multiply (bit 8i+7 moves to bit 56+i, and no other product reaches the top byte).
    @inline(__always)
    private static func quoteMask(_ bytes: UnsafePointer<UInt8>, count: Int) -> UInt64? {
        var mask: UInt64 = 0
        var slashes: UInt64 = 0
        var offset = 0
        while count - offset >= 8 {
            let word = UInt64(littleEndian: UnsafeRawPointer(bytes + offset).loadUnaligned(as: UInt64.self))
            let quotes = word ^ (ones &* UInt64(quote))
            let hits = ~(((quotes & lows) &+ lows) | quotes) & highs
            mask |= (((hits >> 7) &* 0x0102_0408_1020_4080) >> 56) << UInt64(offset)
            // Any backslash at all: the borrow trick's lowest hit is always a true one.
            let backslashes = word ^ (ones &* 0x5C)
            slashes |= (backslashes &- ones) & ~backslashes & highs
            offset += 8
        }
        while offset < count {
            let byte = bytes[offset]
            if byte == quote { mask |= 1 << UInt64(offset) }
            if byte == 0x5C { slashes = 1 }
            offset += 1
        }
        return slashes == 0 ? mask : nil
    }

    /// The walk over a line's quotes: what the bytes since the last quote must be, and the best
    /// status field so far.
    private struct QuoteWalk {
        private enum Expect {
            /// Spaces, then the first key's quote.
            case firstKey
            /// Inside a key; `start` is its first byte.
            case keyEnd(start: Int)
            /// After a key: `:` and a value (a string's quote, or a scalar then `,`).
            case value
            /// Inside a string value; `start` is its first byte.
            case valueEnd(start: Int)
            /// After a string value: `,`, then the next key's quote.
            case nextKey
        }

        let base: UnsafePointer<UInt8>
        let count: Int
        /// The offset after the last quote (or after the `{`).
        private var last: Int
        private var expect = Expect.firstKey
        /// The rank of the current key's name among the status names (`Int.max`: none).
        private var keyRank = Int.max
        private var bestRank = Int.max
        private var best = 0..<0
        private let keyLengths = FlatJSONStatus.statusKeyLengths

        init(base: UnsafePointer<UInt8>, count: Int, after start: Int) {
            self.base = base
            self.count = count
            last = start
        }

        /// Takes the quote at `position`; false when the bytes before it leave this shape.
        @inline(__always)
        mutating func take(quote position: Int) -> Bool {
            switch expect {
            case .firstKey:
                guard FlatJSONStatus.skipSpace(base, from: last, to: position) == position else { return false }
                expect = .keyEnd(start: position + 1)
            case .keyEnd(let start):
                let length = position - start
                keyRank = length < 64 && keyLengths & (1 << UInt64(length)) != 0
                    ? FlatJSONStatus.statusRank(base, start..<position) ?? Int.max : Int.max
                expect = .value
            case .value:
                var at = FlatJSONStatus.skipSpace(base, from: last, to: position)
                guard at < position, base[at] == UInt8(ascii: ":") else { return false }
                at = FlatJSONStatus.skipSpace(base, from: at + 1, to: position)
                if at == position {
                    expect = .valueEnd(start: position + 1)
                } else {
                    // A bare scalar, then `,` and the next key.
                    guard let end = scalar(from: at, to: position) else { return false }
                    at = FlatJSONStatus.skipSpace(base, from: end, to: position)
                    guard at < position, base[at] == UInt8(ascii: ","),
                        FlatJSONStatus.skipSpace(base, from: at + 1, to: position) == position
                    else { return false }
                    expect = .keyEnd(start: position + 1)
                }
            case .valueEnd(let start):
                keep(start..<position)
                expect = .nextKey
            case .nextKey:
                var at = FlatJSONStatus.skipSpace(base, from: last, to: position)
                guard at < position, base[at] == UInt8(ascii: ",") else { return false }
                at = FlatJSONStatus.skipSpace(base, from: at + 1, to: position)
                guard at == position else { return false }
                expect = .keyEnd(start: position + 1)
            }
            last = position + 1
            return true
        }

        /// The status once every quote is taken: the end of the line must close the object as the
        /// walk closes it (`,` optional before the `}` and once after it, spaces anywhere).
        mutating func finish() -> Int? {
            var at: Int
            switch expect {
            case .nextKey:
                at = last
            case .value:
                at = FlatJSONStatus.skipSpace(base, from: last, to: count)
                guard at < count, base[at] == UInt8(ascii: ":") else { return nil }
                at = FlatJSONStatus.skipSpace(base, from: at + 1, to: count)
                guard at < count, let end = scalar(from: at, to: count) else { return nil }
                at = end
            default:
                return nil
            }
            at = FlatJSONStatus.skipSpace(base, from: at, to: count)
            if at < count, base[at] == UInt8(ascii: ",") { at = FlatJSONStatus.skipSpace(base, from: at + 1, to: count) }
            guard at < count, base[at] == UInt8(ascii: "}") else { return nil }
            at = FlatJSONStatus.skipSpace(base, from: at + 1, to: count)
            if at < count, base[at] == UInt8(ascii: ",") { at = FlatJSONStatus.skipSpace(base, from: at + 1, to: count) }
            guard at == count, best.count == 3 else { return nil }
            let (a, b, c) = (base[best.lowerBound], base[best.lowerBound + 1], base[best.lowerBound + 2])
            guard a.isASCIIDigit, b.isASCIIDigit, c.isASCIIDigit else { return nil }
            return Int(a &- 0x30) * 100 + Int(b &- 0x30) * 10 + Int(c &- 0x30)
        }

        /// A bare scalar starting at `start` that ends before `limit` (as the walk ends it, at `,`
        /// `}` space or tab), kept as the current key's value; nil when it is empty, opens an
        /// object or array, or runs on to `limit` (into a quote, or to the line's end).
        @inline(__always)
        private mutating func scalar(from start: Int, to limit: Int) -> Int? {
            let first = base[start]
            guard first != UInt8(ascii: "{"), first != UInt8(ascii: "[") else { return nil }
            let end = FlatJSONStatus.scalarEnd(base, from: start, to: limit)
            guard end > start, end < limit else { return nil }
            keep(start..<end)
            return end
        }

        @inline(__always)
        private mutating func keep(_ value: Range<Int>) {
            if keyRank < bestRank {
                bestRank = keyRank
                best = value
            }
        }
    }
}
