extension EvidenceFile {
    /// Streams the file's bytes in chunks of `chunkSize` (the last may be shorter), for formats
    /// whose records are not lines (a JSON document may be one line of any length).
    ///
    /// Returning `false` from `body` stops. Returns the number of bytes read. The chunk is valid only
    /// during the callback.
    public func forEachChunk(
        chunkSize: Int = LineReadingLimits.standard.chunkSize, _ body: (UnsafeBufferPointer<UInt8>) throws -> Bool
    ) throws -> Int {
        let file = try RegularFile(path: path)
        let capacity = max(chunkSize, 1)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var total = 0
        while true {
            let count = try file.read(into: buffer, count: capacity, path: path)
            if count == 0 { return total }
            total += count
            if try !body(UnsafeBufferPointer(start: buffer, count: count)) { return total }
        }
    }
}
