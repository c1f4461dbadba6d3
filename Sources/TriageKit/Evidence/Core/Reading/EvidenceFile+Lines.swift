#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One line of a file as raw bytes, without its line ending (`\n` or `\r\n`).
///
/// `bytes` points into the reader's buffer and is valid only during the callback: copy what
/// must outlive it. Bytes are not checked for UTF-8; decode only the lines you keep.
public struct RawLine {
    /// 1-based line number in the file.
    public let number: Int
    public let bytes: UnsafeBufferPointer<UInt8>
    /// The line was longer than the limit and holds only its first `maxLineLength` bytes.
    public let isCut: Bool
}

/// One line of a file as text: invalid UTF-8 replaced by U+FFFD, line ending removed.
public struct TextLine {
    /// 1-based line number in the file.
    public let number: Int
    public let text: Substring
    /// The line was longer than the limit and holds only its start.
    public let isCut: Bool
}

/// Sizes that bound the memory of line reading, whatever the file holds.
public struct LineReadingLimits: Sendable {
    /// Bytes read from the file per system call.
    public var chunkSize: Int
    /// Longer lines are cut to this many bytes and flagged; the rest is skipped.
    public var maxLineLength: Int

    public init(chunkSize: Int = 256 * 1024, maxLineLength: Int = ParserLimits.lineBytes) {
        self.chunkSize = chunkSize
        self.maxLineLength = maxLineLength
    }

    public static let standard = LineReadingLimits()
}

/// What a pass over a file's lines saw.
public struct LineReadSummary: Sendable, Equatable {
    /// Lines passed to the callback (a last line without a line ending counts).
    public var lines = 0
    /// Lines cut at `maxLineLength`.
    public var cutLines = 0
    public var bytesRead = 0
    /// The callback asked to stop before the end of the file.
    public var stoppedEarly = false
}

extension EvidenceFile {
    /// Streams the file's lines as bytes, in fixed-size chunks, in memory bounded by `limits`.
    ///
    /// - Returning `false` from `body` stops the pass.
    /// - Newlines are found with `memchr`, so a long log costs little more than reading it;
    ///   decode (or copy) only the lines worth keeping.
    /// - A line longer than `maxLineLength` is passed once, cut and flagged; its remainder is
    ///   skipped without being stored, so a 100 MB single line needs no more memory than a short one.
    /// - Throws `EvidenceReadError` when the path is not a readable regular file, and
    ///   `ParserLimitError.timeBudget` when the scan's time for this file is up.
    public func forEachRawLine(
        limits: LineReadingLimits = .standard, _ body: (RawLine) throws -> Bool
    ) throws -> LineReadSummary {
        let file = try RegularFile(path: path)
        let maxLine = max(limits.maxLineLength, 1)
        // Room for one partial line of any allowed length plus a full chunk after it.
        let capacity = max(limits.chunkSize, 1) + maxLine
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }

        var summary = LineReadSummary()
        var filled = 0  // valid bytes in the buffer
        var lineStart = 0  // start of the line not yet passed on
        var skipping = false  // inside the unread remainder of a cut line
        var atEnd = false

        /// Passes on `count` bytes at `start`; false when the callback wants to stop.
        func emit(_ start: Int, _ count: Int, cut: Bool) throws -> Bool {
            var length = count
            if !cut, length > 0, buffer[start + length - 1] == UInt8(ascii: "\r") { length -= 1 }
            summary.lines += 1
            if cut { summary.cutLines += 1 }
            let line = RawLine(number: summary.lines, bytes: UnsafeBufferPointer(start: buffer + start, count: length), isCut: cut)
            if try body(line) { return true }
            summary.stoppedEarly = true
            return false
        }

        while true {
            var scanFrom = lineStart
            while scanFrom < filled, let found = memchr(buffer + scanFrom, 0x0A, filled - scanFrom) {
                let newline = found.assumingMemoryBound(to: UInt8.self) - buffer
                if skipping {
                    skipping = false
                } else if try !emit(lineStart, newline - lineStart, cut: false) {
                    return summary
                }
                lineStart = newline + 1
                scanFrom = lineStart
            }
            if atEnd {
                if !skipping, lineStart < filled { _ = try emit(lineStart, filled - lineStart, cut: false) }
                return summary
            }
            if !skipping, filled - lineStart >= maxLine {
                if try !emit(lineStart, maxLine, cut: true) { return summary }
                skipping = true
            }
            if skipping { lineStart = filled }
            // Move the partial line to the front so the next chunk lands behind it.
            if lineStart > 0 {
                if filled > lineStart { memmove(buffer, buffer + lineStart, filled - lineStart) }
                filled -= lineStart
                lineStart = 0
            }
            // Between chunks: the per-file time budget of the scan (a no-op outside a scan).
            try ScanBudget.check(path)
            let count = try file.read(into: buffer + filled, count: capacity - filled, path: path)
            if count == 0 { atEnd = true }
            filled += count
            summary.bytesRead += count
        }
    }

    /// Streams the file's lines as text (invalid UTF-8 replaced), with the same limits and rules as
    /// `forEachRawLine`. Convenient for formats whose every line matters; the hot paths use bytes.
    public func forEachLine(
        limits: LineReadingLimits = .standard, _ body: (TextLine) throws -> Bool
    ) throws -> LineReadSummary {
        try forEachRawLine(limits: limits) { raw in
            let text = String(decoding: raw.bytes, as: UTF8.self)
            return try body(TextLine(number: raw.number, text: text[...], isCut: raw.isCut))
        }
    }
}
