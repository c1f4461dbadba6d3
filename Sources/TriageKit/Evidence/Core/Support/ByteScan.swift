/// Finds the first of up to three bytes in a buffer, eight bytes at a time, for tokenizers that
/// must skip long runs of ordinary bytes (a JSON string up to its next `"`, `\` or newline; a CSV
/// field up to its next quote or newline) without looking at them one by one.
///
/// `memchr` finds one byte; running it once per byte of interest reads the run several times and
/// costs a call per short run. This reads each word once: a byte equal to the one sought makes
/// `(w ^ pattern) - 0x01…01 & ~(w ^ pattern) & 0x80…80` set that byte's high bit, and the lowest
/// set bit is always a true match (a false one can only appear above a true one).
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The offset of the first byte in `start..<end` equal to `a`, `b` or `c`; `end` when none is.
    @inline(__always)
    static func first(
        _ a: UInt8, _ b: UInt8, _ c: UInt8, in base: UnsafePointer<UInt8>, from start: Int, to end: Int
    ) -> Int {
        var position = start
        let patternA = ones &* UInt64(a)
        let patternB = ones &* UInt64(b)
        let patternC = ones &* UInt64(c)
        while end - position >= 8 {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
            let hits = (zeroBytes(word ^ patternA) | zeroBytes(word ^ patternB) | zeroBytes(word ^ patternC))
            if hits != 0 { return position + hits.trailingZeroBitCount / 8 }
            position += 8
        }
        while position < end {
            let byte = base[position]
            if byte == a || byte == b || byte == c { return position }
            position += 1
        }
        return end
    }

    /// The offset of the first byte in `start..<end` that is not `byte`; `end` when all are. Skips
    /// the indentation of pretty-printed JSON a word at a time: in `word ^ pattern` the bytes equal
    /// to `byte` are zero, and the lowest nonzero byte is exactly the first that differs.
    @inline(__always)
    static func firstNot(_ byte: UInt8, in base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        var position = start
        let pattern = ones &* UInt64(byte)
        while end - position >= 8 {
            let differs = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)) ^ pattern
            if differs != 0 { return position + differs.trailingZeroBitCount / 8 }
            position += 8
        }
        while position < end, base[position] == byte { position += 1 }
        return position
    }

    /// Whether every byte is ASCII (below 0x80): then bytes and characters are the same, and a
    /// byte-level reading agrees with a `String` one.
    static func isASCII(_ base: UnsafePointer<UInt8>, count: Int) -> Bool {
        var position = 0
        var seen: UInt64 = 0
        while count - position >= 8 {
            seen |= UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
            position += 8
        }
        while position < count {
            seen |= UInt64(base[position])
            position += 1
        }
        return seen & highs == 0
    }

    /// High bit set in each byte of `word` that is zero (and possibly in bytes above the first).
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- ones) & ~word & highs
    }
}

extension ByteScan {
    /// The offset of the first byte in `start..<end` equal to any of `bytes` (up to six; repeat one
    /// to fill), `end` when none is: sixteen bytes per step with SIMD compares, for scanners that
    /// look for a few rare anchor bytes in long runs of ordinary text (the Lambda log's failure
    /// markers). A lane compares equal only to a byte sought, so every hit is a true match.
    @inline(__always)
    static func first(
        anyOf bytes: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8), in base: UnsafePointer<UInt8>, from start: Int, to end: Int
    ) -> Int {
        var position = start
        let a = SIMD16<UInt8>(repeating: bytes.0), b = SIMD16<UInt8>(repeating: bytes.1)
        let c = SIMD16<UInt8>(repeating: bytes.2), d = SIMD16<UInt8>(repeating: bytes.3)
        let e = SIMD16<UInt8>(repeating: bytes.4), f = SIMD16<UInt8>(repeating: bytes.5)
        while end - position >= 16 {
            let word = UnsafeRawPointer(base + position).loadUnaligned(as: SIMD16<UInt8>.self)
            let hits = (word .== a) .| (word .== b) .| (word .== c) .| (word .== d) .| (word .== e) .| (word .== f)
            if any(hits) {
                // The first hit lane: the lowest set byte of the lanes as two little-endian words.
                let lanes = unsafeBitCast(SIMD16<UInt8>(repeating: 0).replacing(with: 0xFF, where: hits), to: (UInt64, UInt64).self)
                let low = UInt64(littleEndian: lanes.0)
                return position + (low != 0 ? low.trailingZeroBitCount / 8 : 8 + UInt64(littleEndian: lanes.1).trailingZeroBitCount / 8)
            }
            position += 16
        }
        while position < end {
            let byte = base[position]
            if byte == bytes.0 || byte == bytes.1 || byte == bytes.2 || byte == bytes.3 || byte == bytes.4 || byte == bytes.5 {
                return position
            }
            position += 1
        }
        return end
    }
}
