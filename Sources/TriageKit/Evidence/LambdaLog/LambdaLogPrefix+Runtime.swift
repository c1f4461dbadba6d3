/// The runtimes' own lines as CloudWatch stores them, `2026-01-08T10:00:00.491Z\t<request id>\t…`:
/// most lines of a busy text-format log, read without the token-by-token walk of
/// `LambdaLogPrefix.of`.
///
/// For exactly this shape the walk gives the same answer: the 24-byte stamp is one token of
/// stamp bytes with a dash (a timestamp, not a stream: byte 4 is `-`, not `/`), and the next
/// token, a UUID ending at a blank, is never skipped (the walk stops at it, at once when it starts
/// with a letter), so the message starts at the UUID, the stamp is the timestamp, no stream.
extension LambdaLogPrefix {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The prefix of a line of that shape, nil for any other line.
    @inline(__always)
    static func runtimeLine(_ line: UnsafeBufferPointer<UInt8>) -> LambdaLogPrefix? {
        guard line.count > 61, let base = line.baseAddress, line[24].isASCIISpaceOrTab, line[61].isASCIISpaceOrTab,
            isStamp(base), UUIDBytes.isUUID(base + 25, lowercaseOnly: false)
        else { return nil }
        return LambdaLogPrefix(message: 25, timestamp: 0..<24, stream: nil)
    }

    /// `YYYY-MM-DDTHH:MM:SS.mmmZ` at `base`, eight bytes at a time: each byte XOR its expected
    /// byte (`0` where a digit goes) must be at most its limit (9 for a digit, 0 for punctuation).
    /// For bytes below 0x80, `(x & 0x7F) + (0x7F - limit)` sets the high bit exactly when
    /// `x > limit`, with no carry into the next byte (the sum stays below 0x100); a byte with its
    /// own high bit set fails through `| x`.
    @inline(__always)
    static func isStamp(_ base: UnsafePointer<UInt8>) -> Bool {
        let raw = UnsafeRawPointer(base)
        return fits(raw.loadUnaligned(as: UInt64.self), expected: expected0, limit: limit0)
            && fits(raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self), expected: expected8, limit: limit8)
            && fits(raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self), expected: expected16, limit: limit16)
    }

    @inline(__always)
    private static func fits(_ word: UInt64, expected: UInt64, limit: UInt64) -> Bool {
        let x = UInt64(littleEndian: word) ^ expected
        return (((x & ~highs) &+ (ones &* 0x7F &- limit)) | x) & highs == 0
    }

    // The pattern `0000-00-00T00:00:00.000Z` in three little-endian words (bytes 0-7 `0000-00-`,
    // 8-15 `00T00:00`, 16-23 `:00.000Z`): the expected bytes (`0` where a digit goes), and the
    // limits (9 where a digit goes, 0 elsewhere). Literals, not computed: a computed static is a
    // lazy global, checked on every use. `LambdaLogQuickPathTests` checks them against the pattern.
    static let expected0: UInt64 = 0x2D30_302D_3030_3030
    static let expected8: UInt64 = 0x3030_3A30_3054_3030
    static let expected16: UInt64 = 0x5A30_3030_2E30_303A
    static let limit0: UInt64 = 0x0009_0900_0909_0909
    static let limit8: UInt64 = 0x0909_0009_0900_0909
    static let limit16: UInt64 = 0x0009_0909_0009_0900
}
