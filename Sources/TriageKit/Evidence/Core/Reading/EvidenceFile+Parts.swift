#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What reading one part of a file line by line saw.
struct PartLineSummary: Sendable, Equatable {
    /// Lines passed to the callback (a last line without a line ending counts).
    var lines = 0
    /// Reading stopped at a line of `maxLineLength` bytes or more. The whole-file reader cuts such
    /// a line where its chunks happen to fall, so only a whole-file pass reads it the same way:
    /// the caller must read the file whole instead.
    var metLongLine = false
}

extension EvidenceFile {
    /// Splits the file into up to `count` byte ranges that start at line starts (each but the first
    /// starts right after a `\n`), each at least `minBytes` long, for reading in parallel.
    ///
    /// Returns nil when the file is too small for two such parts, or when no line ends within
    /// `searchBytes` after a split point (lines that long are read by one whole-file pass).
    func lineAlignedParts(count: Int, minBytes: Int, searchBytes: Int) throws -> [Range<Int>]? {
        let file = try RegularFile(path: path)
        let window = max(min(searchBytes, 64 * 1024), 1)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: window)
        defer { buffer.deallocate() }
        return try Self.cutParts(size: file.size, count: count, minBytes: minBytes, searchBytes: searchBytes) { from, limit in
            // A part starts after the first `\n` at or after the byte before its nominal start.
            var from = from
            while from < limit {
                let read = try file.read(into: buffer, count: min(window, limit - from), at: from, path: path)
                guard read > 0 else { return nil }
                if let found = memchr(buffer, 0x0A, read) { return from + (found.assumingMemoryBound(to: UInt8.self) - buffer) + 1 }
                from += read
            }
            return nil
        }
    }

    /// The parts of a file of `size` bytes cut into up to `count` parts of at least `minBytes`:
    /// each cut is where `start` finds one within `searchBytes` after the byte before the cut's
    /// nominal place (`from`, searching up to `limit`); nil when a cut finds none, or fewer than
    /// two parts are left (cuts that fall together are one).
    static func cutParts(
        size: Int, count: Int, minBytes: Int, searchBytes: Int, start: (_ from: Int, _ limit: Int) throws -> Int?
    ) rethrows -> [Range<Int>]? {
        let parts = min(count, size / max(minBytes, 1))
        guard parts >= 2 else { return nil }
        var starts = [0]
        for index in 1..<parts {
            let from = size / parts * index - 1
            guard let found = try start(from, min(size, from + searchBytes)) else { return nil }
            if let last = starts.last, found > last, found < size { starts.append(found) }
        }
        guard starts.count >= 2 else { return nil }
        return starts.indices.map { starts[$0]..<($0 + 1 < starts.count ? starts[$0 + 1] : size) }
    }

    /// Streams the lines of `part` (from `lineAlignedParts`) as `forEachRawLine` does for the whole
    /// file: `\n` or `\r\n` removed, numbered from 1 within the part, `pread` into one buffer of
    /// bounded size. `body` also gets the file offset just after the line (its `\n` included).
    ///
    /// Stops at a line of `maxLineLength` bytes or more (`metLongLine`). Checks the scan's time
    /// budget between chunks; a worker thread must bind `ScanBudget.deadline` itself.
    func forEachRawLine(
        in part: Range<Int>, limits: LineReadingLimits = .standard,
        _ body: (_ line: UnsafeBufferPointer<UInt8>, _ number: Int, _ end: Int) -> Void
    ) throws -> PartLineSummary {
        try forEachRawLineAt(in: part, limits: limits) { line, number, _, end in body(line, number, end) }
    }

    /// `forEachRawLine(in:)` that also gives each line's file offset (`start`), so a reader can
    /// keep a line by its place instead of copying it.
    func forEachRawLineAt(
        in part: Range<Int>, limits: LineReadingLimits = .standard,
        _ body: (_ line: UnsafeBufferPointer<UInt8>, _ number: Int, _ start: Int, _ end: Int) -> Void
    ) throws -> PartLineSummary {
        let file = try RegularFile(path: path)
        let maxLine = max(limits.maxLineLength, 1)
        let capacity = max(limits.chunkSize, 1) + maxLine
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }

        var summary = PartLineSummary()
        var position = part.lowerBound  // file offset of buffer[filled]
        var filled = 0
        var lineStart = 0

        func emit(_ start: Int, _ count: Int, end: Int) {
            var length = count
            if length > 0, buffer[start + length - 1] == UInt8(ascii: "\r") { length -= 1 }
            summary.lines += 1
            // `position - filled` is the file offset of `buffer[0]` wherever a line is passed on.
            body(UnsafeBufferPointer(start: buffer + start, count: length), summary.lines, position - filled + start, end)
        }

        while true {
            let count = position < part.upperBound
                ? try file.read(into: buffer + filled, count: min(capacity - filled, part.upperBound - position), at: position, path: path)
                : 0
            if count == 0 {
                if lineStart < filled { emit(lineStart, filled - lineStart, end: position) }
                return summary
            }
            filled += count
            position += count
            let bufferStart = position - filled  // file offset of buffer[0]
            var scanFrom = lineStart
            while scanFrom < filled, let found = memchr(buffer + scanFrom, 0x0A, filled - scanFrom) {
                let newline = found.assumingMemoryBound(to: UInt8.self) - buffer
                if newline - lineStart >= maxLine {
                    summary.metLongLine = true
                    return summary
                }
                emit(lineStart, newline - lineStart, end: bufferStart + newline + 1)
                lineStart = newline + 1
                scanFrom = lineStart
            }
            if filled - lineStart >= maxLine {
                summary.metLongLine = true
                return summary
            }
            if lineStart > 0 {
                if filled > lineStart { memmove(buffer, buffer + lineStart, filled - lineStart) }
                filled -= lineStart
                lineStart = 0
            }
            try ScanBudget.check(path)
        }
    }
}

extension RegularFile {
    /// Reads up to `count` bytes at file offset `offset` (`pread`: the descriptor's position is not
    /// used, so parts of one file can be read at once); 0 means the end of the file.
    func read(into buffer: UnsafeMutableRawPointer, count: Int, at offset: Int, path: String) throws(EvidenceReadError) -> Int {
        while true {
            let result = pread(descriptor, buffer, count, off_t(offset))
            if result >= 0 { return result }
            if errno == EINTR { continue }
            throw .readFailed(path: path, reason: String(cString: strerror(errno)).lowercased())
        }
    }
}
