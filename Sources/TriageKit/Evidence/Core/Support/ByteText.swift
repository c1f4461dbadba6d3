#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Byte-level tests on a line, for the hot paths that must not build a `String` per line.
///
/// Literals are `StaticString`s, whose UTF-8 bytes live in the binary: comparing costs one `memcmp`
/// and allocates nothing.
extension UnsafeBufferPointer<UInt8> {
    /// Whether the bytes from `offset` on start with `literal`.
    @inline(__always)
    func hasPrefix(_ literal: StaticString, at offset: Int = 0) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard let base = baseAddress, offset >= 0, count - offset >= length else { return false }
        return memcmp(base + offset, literal.utf8Start, length) == 0
    }

    /// The offset of the first occurrence of `literal` at or after `offset`, searching at most
    /// `limit` bytes (all when nil).
    func firstOffset(of literal: StaticString, from offset: Int = 0, limit: Int? = nil) -> Int? {
        let needle = literal.utf8CodeUnitCount
        guard let base = baseAddress, needle > 0, offset >= 0, offset < count else { return nil }
        let end = limit.map { Swift.min(count, offset + $0) } ?? count
        let first = literal.utf8Start.pointee
        var position = offset
        while end - position >= needle {
            guard let found = memchr(base + position, Int32(first), end - position - needle + 1) else { return nil }
            let candidate = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
            if memcmp(base + candidate, literal.utf8Start, needle) == 0 { return candidate }
            position = candidate + 1
        }
        return nil
    }

    /// The offset of the first `byte` in `range`, or nil.
    @inline(__always)
    func firstOffset(of byte: UInt8, in range: Range<Int>) -> Int? {
        guard let base = baseAddress, !range.isEmpty else { return nil }
        guard let found = memchr(base + range.lowerBound, Int32(byte), range.count) else { return nil }
        return UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
    }

    /// The bytes in `range` as text, invalid UTF-8 replaced.
    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: self[range]), as: UTF8.self)
    }
}

extension UInt8 {
    @inline(__always) var isASCIIDigit: Bool { self &- 0x30 < 10 }
    @inline(__always) var isASCIILetter: Bool { (self | 0x20) &- 0x61 < 26 }
    @inline(__always) var isASCIISpaceOrTab: Bool { self == 0x20 || self == 0x09 }
}
