extension ByteScan {
    /// `first(_:_:_:in:from:to:)` sixteen bytes per step with SIMD compares: for the long runs a
    /// wrapper's reader crosses (a message up to its closing quote, a CSV field up to its comma or
    /// line break), where the word-at-a-time search costs about a dozen operations per eight bytes
    /// and this four per sixteen. A lane compares equal only to a byte sought, so the first hit
    /// lane is the first match; the last few bytes of the buffer go by words.
    @inline(__always)
    static func firstWide(
        _ a: UInt8, _ b: UInt8, _ c: UInt8, in base: UnsafePointer<UInt8>, from start: Int, to end: Int
    ) -> Int {
        var position = start
        let wantA = SIMD16<UInt8>(repeating: a), wantB = SIMD16<UInt8>(repeating: b), wantC = SIMD16<UInt8>(repeating: c)
        while end - position >= 16 {
            let lanes = UnsafeRawPointer(base + position).loadUnaligned(as: SIMD16<UInt8>.self)
            let hits = (lanes .== wantA) .| (lanes .== wantB) .| (lanes .== wantC)
            if any(hits) {
                // The first hit lane: the lowest set byte of the lanes as two little-endian words.
                let marks = unsafeBitCast(SIMD16<UInt8>(repeating: 0).replacing(with: 0xFF, where: hits), to: (UInt64, UInt64).self)
                let low = UInt64(littleEndian: marks.0)
                return position + (low != 0 ? low.trailingZeroBitCount / 8 : 8 + UInt64(littleEndian: marks.1).trailingZeroBitCount / 8)
            }
            position += 16
        }
        return first(a, b, c, in: base, from: position, to: end)
    }
}
