import Foundation

/// Where the lines of a text start, found with `memchr`: a byte-by-byte loop over a 10 MB file
/// costs seconds in a debug build, and the reader must finish fast whatever the file holds.
enum HCLLineIndex {
    /// The byte offsets at which lines start (the first is 0).
    static func lineStarts(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count, let found = memchr(base + offset, 0x0A, buffer.count - offset) {
                let position = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                starts.append(position + 1)
                offset = position + 1
            }
        }
        return starts
    }

    /// Whether `data` holds a NUL byte (a binary file).
    static func containsNUL(_ data: Data) -> Bool {
        data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, 0, buffer.count) != nil
        }
    }

    /// The lines of `text` without their line endings, for quoting.
    static func lines(_ text: String) -> [Substring] {
        let utf8 = text.utf8
        let starts = lineStarts(Array(utf8))
        var lines: [Substring] = []
        lines.reserveCapacity(starts.count)
        for (number, start) in starts.enumerated() {
            let end = number + 1 < starts.count ? starts[number + 1] - 1 : utf8.count
            let range = utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)
            let line = Substring(utf8[range])
            lines.append(line.utf8.last == UInt8(ascii: "\r") ? line.dropLast() : line)
        }
        return lines
    }
}
