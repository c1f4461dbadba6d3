import Foundation

extension EvidenceSample {
    /// Whether the sample's bytes hold any of `markers` anywhere: a byte search over the head
    /// (`memchr` for the first byte, then `memcmp`), so a `detect` that splits the head into lines
    /// first can say "not mine" at once when no line of its kind could be there (such splits were
    /// a third of a small file's detection time).
    ///
    /// Sound as a gate for a marker of plain ASCII without K, `;` or a backquote: a `Character`
    /// comparison (`hasPrefix`, `range(of:)`) matches such text only where its very bytes are, as
    /// no other Unicode text is canonically equivalent to it.
    public func mayContain(anyOf markers: [StaticString]) -> Bool {
        var head = head
        return head.withUTF8 { bytes in
            markers.contains { marker in Self.find(marker, in: bytes) }
        }
    }

    private static func find(_ marker: StaticString, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let length = marker.utf8CodeUnitCount
        guard length > 0, let base = bytes.baseAddress, bytes.count >= length else { return false }
        let first = Int32(marker.utf8Start.pointee)
        var offset = 0
        // Only starts that leave room for the whole marker are looked at.
        let lastStart = bytes.count - length
        while offset <= lastStart {
            guard let hit = memchr(base + offset, first, lastStart - offset + 1) else { return false }
            let start = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
            if memcmp(base + start, marker.utf8Start, length) == 0 { return true }
            offset = start + 1
        }
        return false
    }
}
