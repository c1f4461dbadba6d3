/// Compares bytes with a string literal without a call to `memcmp`: the Lambda fast paths check
/// a dozen literals per line (`"type":"platform.`, `\tDuration: `), each a few bytes, where the
/// call cost more than the compare.
///
/// Inlined at each use, the literal's length and bytes are constants, so the loop unrolls into a
/// few 8-byte compares against immediate words (the last word overlaps the one before it when the
/// length is not a multiple of eight; a literal under eight bytes is compared byte by byte).
enum LiteralBytes {
    /// Whether `text` holds `literal` at `offset`.
    @inline(__always)
    static func matches(_ text: UnsafeBufferPointer<UInt8>, _ literal: StaticString, at offset: Int) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard offset >= 0, text.count - offset >= length, let base = text.baseAddress else { return false }
        let left = UnsafeRawPointer(base + offset)
        let right = UnsafeRawPointer(literal.utf8Start)
        guard length >= 8 else {
            for index in 0..<length where left.load(fromByteOffset: index, as: UInt8.self) != right.load(fromByteOffset: index, as: UInt8.self) {
                return false
            }
            return true
        }
        var index = 0
        while index + 8 < length {
            if left.loadUnaligned(fromByteOffset: index, as: UInt64.self) != right.loadUnaligned(fromByteOffset: index, as: UInt64.self) {
                return false
            }
            index += 8
        }
        return left.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self) == right.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
    }
}
