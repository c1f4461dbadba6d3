/// The plain log file a scan keeps lines of by their place (`KeptLine.inFile`), read again only
/// for the few requests whose lines are looked at (a failure, the first requests' facts).
///
/// `@unchecked Sendable`: it holds one read-only descriptor and reads with `pread`, which uses no
/// shared file position, so the scans of several parts may read through it at once.
final class ExecutionLogLineFile: @unchecked Sendable {
    let path: String
    private let file: RegularFile

    init(path: String) throws {
        self.path = path
        file = try RegularFile(path: path)
    }

    /// A stretch of the file read once for all the lines of one request: they lie close together.
    struct Span {
        var offset = 0
        var bytes: [UInt8] = []
    }

    /// The most read at once: lines of a request further apart are read one by one.
    static let spanBytes = 256 * 1024

    /// Reads `range` of the file into a span (fewer bytes only if the file shrank meanwhile).
    func span(_ range: Range<Int>) -> Span {
        let count = range.count
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = 0
            guard let base = buffer.baseAddress else { return }
            while initialized < count {
                let read = (try? file.read(into: base + initialized, count: count - initialized, at: range.lowerBound + initialized, path: path)) ?? 0
                if read <= 0 { break }
                initialized += read
            }
        }
        return Span(offset: range.lowerBound, bytes: bytes)
    }

    /// Appends the file's bytes in `range` to `target`, from `span` when it holds them; returns how
    /// many were appended (fewer only if the file shrank while it was read).
    func append(_ range: Range<Int>, to target: inout [UInt8], span: inout Span) -> Int {
        if range.lowerBound < span.offset || range.upperBound > span.offset + span.bytes.count {
            span = self.span(range)
        }
        let from = range.lowerBound - span.offset
        let upTo = min(range.upperBound - span.offset, span.bytes.count)
        guard from < upTo else { return 0 }
        target.append(contentsOf: span.bytes[from..<upTo])
        return upTo - from
    }
}
