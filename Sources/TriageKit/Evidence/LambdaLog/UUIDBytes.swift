/// Checks 36 bytes for the shape of a UUID (a Lambda request id) eight bytes at a time: every line
/// of a Lambda log carries one, so a byte loop here was a quarter of the scan's time.
///
/// The dashes (bytes 8, 13, 18, 23) are compared one by one; the 32 hex digits are read as five
/// overlapping words (at 0, 9, 17, 24, 28), the dash lanes inside two of them masked out. In a
/// word of ASCII bytes (high bits cleared), adding `0x80 - lo` to every byte sets a byte's high
/// bit exactly when it is at least `lo`, without a carry into the next byte (the sum stays below
/// 0x100), so `b >= lo && !(b >= hi)` is one add, one and-not per range.
enum UUIDBytes {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether `base[0..<36]` is a UUID; `lowercaseOnly` refuses the hex letters `A`-`F`.
    @inline(__always)
    static func isUUID(_ base: UnsafePointer<UInt8>, lowercaseOnly: Bool) -> Bool {
        guard base[8] == 0x2D, base[13] == 0x2D, base[18] == 0x2D, base[23] == 0x2D else { return false }
        let raw = UnsafeRawPointer(base)
        // Byte 13 is lane 4 of the word at 9; bytes 18 and 23 are lanes 1 and 6 of the word at 17.
        let dashesAt9: UInt64 = 0x80 << 32
        let dashesAt17: UInt64 = 0x80 << 8 | 0x80 << 48
        return hexLanes(raw.loadUnaligned(as: UInt64.self), lowercaseOnly) == highs
            && hexLanes(raw.loadUnaligned(fromByteOffset: 9, as: UInt64.self), lowercaseOnly) | dashesAt9 == highs
            && hexLanes(raw.loadUnaligned(fromByteOffset: 17, as: UInt64.self), lowercaseOnly) | dashesAt17 == highs
            && hexLanes(raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self), lowercaseOnly) == highs
            && hexLanes(raw.loadUnaligned(fromByteOffset: 28, as: UInt64.self), lowercaseOnly) == highs
    }

    /// The high bit of each byte of `word` that is a hex digit (`0-9`, `a-f`, and `A-F` unless
    /// `lowercaseOnly`).
    @inline(__always)
    private static func hexLanes(_ word: UInt64, _ lowercaseOnly: Bool) -> UInt64 {
        let bytes = UInt64(littleEndian: word)
        let ascii = ~bytes & highs
        let low = bytes & ~highs
        let digit = (low &+ ones &* (0x80 - 0x30)) & ~(low &+ ones &* (0x80 - 0x3A))
        // `| 0x20` folds A-F onto a-f; digits have that bit already.
        let folded = lowercaseOnly ? low : low | (ones &* 0x20)
        let letter = (folded &+ ones &* (0x80 - 0x61)) & ~(folded &+ ones &* (0x80 - 0x67))
        return (digit | letter) & ascii
    }
}
