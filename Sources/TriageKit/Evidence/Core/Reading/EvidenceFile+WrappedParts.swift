#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What reading one part of a wrapped log (`forEachLogLine(in:stream:…)`) saw.
struct WrappedPartSummary: Sendable, Equatable {
    /// Lines of the part (it ends after a `\n`, but for the last part).
    var lines = 0
    /// Messages or records read (`ResumableLogStream.itemCount`).
    var items = 0
    var logGroup: String?
    var isComplete = false
    /// The part does not end at a record boundary in the state the next part was started in (a cut
    /// inside a quoted field, a string holding a raw line break): only one pass reads the file right.
    var endsOffBoundary = false
}

extension EvidenceFile {
    /// Splits the file into up to `count` byte ranges for reading in parallel through a wrapper's
    /// stream: each but the first starts at a line that `S.mayStartRecord`, each at least `minBytes`
    /// long. Whether a cut really is a record boundary is checked while reading (`endsOffBoundary`).
    ///
    /// Returns nil when the file is too small for two parts, or when no such line starts within
    /// `searchBytes` after a split point.
    func recordAlignedParts<S: ResumableLogStream>(
        of _: S.Type, count: Int, minBytes: Int, searchBytes: Int
    ) throws -> [Range<Int>]? {
        let file = try RegularFile(path: path)
        let size = file.size
        let window = 64 * 1024
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: window)
        defer { buffer.deallocate() }
        return try Self.cutParts(size: size, count: count, minBytes: minBytes, searchBytes: searchBytes) { from, limit in
            var from = from
            while from < limit {
                let read = try file.read(into: buffer, count: min(window, size - from), at: from, path: path)
                guard read > 0 else { return nil }
                var next = from + read
                var scan = 0
                while scan < read, let found = memchr(buffer + scan, 0x0A, read - scan) {
                    let lineStart = found.assumingMemoryBound(to: UInt8.self) - buffer + 1
                    // Too few bytes left to judge the line: read again from its line break.
                    if read - lineStart < Self.recordLookahead, next < size {
                        next = from + lineStart - 1
                        break
                    }
                    if S.mayStartRecord(buffer, at: lineStart, end: read) { return from + lineStart }
                    scan = lineStart
                }
                from = next
            }
            return nil
        }
    }

    /// Bytes after a line break that `mayStartRecord` may look at.
    static var recordLookahead: Int { 256 }

    /// Streams the log lines of `range` through `stream` (a fresh one at the file's start, one
    /// `resumed(at: expected)` elsewhere), numbered from 1 at the range's start, reading with `pread`
    /// in chunks of `chunkSize`. From file offset `checkpointsFrom` on, at each line start where
    /// the stream stands at the `expected` boundary, calls `checkpoint` with the offset and the lines
    /// before it, until that returns false. At the end of the file the stream is finished; elsewhere
    /// the end must be an `expected` boundary (`endsOffBoundary`).
    ///
    /// `chunkRead` sees each chunk read and its file offset before its lines go to `body`: a line
    /// handed over where it lies in the chunk is those bytes of the file.
    ///
    /// Checks the scan's time budget between chunks; a worker thread must bind `ScanBudget` itself.
    func forEachLogLine<S: ResumableLogStream>(
        in range: Range<Int>, stream start: S, expecting expected: S.Boundary, chunkSize: Int,
        checkpointsFrom: Int = .max, chunkRead: (_ chunk: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Void = { _, _ in },
        _ body: (_ line: UnsafeBufferPointer<UInt8>, _ number: Int) -> Void,
        checkpoint: (_ offset: Int, _ linesBefore: Int) -> Bool = { _, _ in false }
    ) throws -> WrappedPartSummary {
        let file = try RegularFile(path: path)
        let capacity = max(chunkSize, 1)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var stream = range.lowerBound == 0 ? start : start.resumed(at: expected)
        var position = range.lowerBound
        var checking = checkpointsFrom < range.upperBound
        var nextCheck = checkpointsFrom  // file offset from which the next line break is looked for
        while position < range.upperBound {
            let count = try file.read(into: buffer, count: min(capacity, range.upperBound - position), at: position, path: path)
            if count == 0 { break }
            chunkRead(UnsafeBufferPointer(start: buffer, count: count), position)
            var fed = 0
            while checking, nextCheck < position + count {
                guard let found = memchr(buffer + max(nextCheck - position, fed), 0x0A, count - max(nextCheck - position, fed)) else {
                    nextCheck = position + count
                    break
                }
                let lineStart = found.assumingMemoryBound(to: UInt8.self) - buffer + 1
                nextCheck = position + lineStart
                guard S.mayStartRecord(buffer, at: lineStart, end: count) else { continue }
                stream.feed(UnsafeBufferPointer(start: buffer + fed, count: lineStart - fed), emit: body)
                fed = lineStart
                if stream.boundary == expected, !checkpoint(position + lineStart, stream.lineCount) { checking = false }
            }
            stream.feed(UnsafeBufferPointer(start: buffer + fed, count: count - fed), emit: body)
            position += count
            try ScanBudget.check(path)
        }
        var summary = WrappedPartSummary()
        if range.upperBound >= file.size {
            stream.finish(emit: body)
        } else {
            summary.endsOffBoundary = stream.boundary != expected
        }
        summary.lines = stream.lineCount
        summary.items = stream.itemCount
        summary.logGroup = stream.logGroup
        summary.isComplete = stream.isComplete
        return summary
    }
}
