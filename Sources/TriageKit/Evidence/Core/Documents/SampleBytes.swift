#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Questions about a sample's head answered on its UTF-8 bytes, without walking its `Character`s:
/// the line-start gates in front of the costly `detect`s (`EvidenceSample.mayContain` is the
/// "anywhere" gate), and the line split the sniffers share.
///
/// Detection reads a 64 KiB head for every file, and walking it as `Character`s (grapheme breaking,
/// Foundation's `contains`) cost about 25 ms per file. A gate is a NECESSARY condition of its
/// detect, checked at line starts: when it fails, the detect would return nil, so
/// it may return nil at once. Why such a byte test is sound: the detects compare ASCII keys and
/// line prefixes as `Character`s, that is by canonical equivalence, and the only non-ASCII
/// characters canonically equivalent to an ASCII one are U+212A (`K`), U+037E (`;`) and U+1FEF
/// (`` ` ``). For a needle without those three letters, a match as `Character`s is a match of the
/// same UTF-8 bytes, so "the bytes do not contain it" implies "the detect cannot find it".
/// `SampleGateTests` checks every gate against its detect on every fixture.
enum SampleBytes {
    /// Whether a line of the head (at offset 0 or after a `\n` byte) starts with one of `prefixes`.
    /// Every line `split(separator: "\n")` yields starts at such an offset, so a detect that needs
    /// a line (of that split, as `Character`s) to start with a prefix needs this to be true.
    static func hasLine(in head: String, startingWithAnyOf prefixes: [StaticString]) -> Bool {
        withBytes(head) { bytes in
            guard let base = bytes.baseAddress else { return false }
            var start = 0
            while start < bytes.count {
                for prefix in prefixes where bytes.count - start >= prefix.utf8CodeUnitCount {
                    if memcmp(base + start, prefix.utf8Start, prefix.utf8CodeUnitCount) == 0 { return true }
                }
                guard let newline = memchr(base + start, 0x0A, bytes.count - start) else { return false }
                start = UnsafePointer(newline.assumingMemoryBound(to: UInt8.self)) - base + 1
            }
            return false
        }
    }

    /// The same lines as `head.split(separator: "\n", omittingEmptySubsequences:)`, found with
    /// `memchr` instead of grapheme breaking.
    ///
    /// Why it is the same split: the `Character` "\n" is exactly a lone U+000A (nothing else is
    /// canonically equivalent to it), and by the grapheme rules (UAX #29 GB3-GB5) a LF is a
    /// `Character` of its own except right after a CR, where "\r\n" is one `Character` (not a
    /// separator). UTF-8 never uses 0x0A or 0x0D inside a multi-byte character. So the separators
    /// are the 0x0A bytes not preceded by 0x0D, and the offsets around them are `Character`
    /// boundaries of the head.
    static func lines(_ head: String, omittingEmptySubsequences: Bool) -> [Substring] {
        let utf8 = head.utf8
        let cuts: [Int] = withBytes(head) { bytes in
            guard let base = bytes.baseAddress else { return [] }
            var found: [Int] = []
            var position = 0
            while position < bytes.count, let newline = memchr(base + position, 0x0A, bytes.count - position) {
                let offset = UnsafePointer(newline.assumingMemoryBound(to: UInt8.self)) - base
                if offset == 0 || base[offset - 1] != 0x0D { found.append(offset) }
                position = offset + 1
            }
            return found
        }
        var lines: [Substring] = []
        lines.reserveCapacity(cuts.count + 1)
        var start = 0
        for end in cuts + [utf8.count] {
            if end > start || !omittingEmptySubsequences {
                let lower = utf8.index(utf8.startIndex, offsetBy: start)
                let upper = utf8.index(utf8.startIndex, offsetBy: end)
                lines.append(head[lower..<upper])
            }
            start = end + 1
        }
        return lines
    }

    /// Whether the head's bytes hold `needle` anywhere (`EvidenceSample.mayContain`, for a bare head).
    static func contains(_ head: String, _ needle: StaticString) -> Bool {
        EvidenceSample(path: "", head: head, isComplete: true, size: nil).mayContain(anyOf: [needle])
    }

    /// The byte offset in `head` where `needle` first starts: an exact byte match
    /// (`firstOffset(of:)` on bytes), where Foundation's `range(of:)` walks the head as UTF-16.
    static func firstOffset(of needle: StaticString, in head: String) -> Int? {
        withBytes(head) { $0.firstOffset(of: needle) }
    }

    /// The head's UTF-8 bytes, without a copy when the string is native (as a decoded sample is).
    private static func withBytes<Result>(_ head: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = head.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(head.utf8).withUnsafeBufferPointer(body)
    }
}
