/// The `log` string of a test-invoke output, read by the execution-log machinery
/// (`ExecutionLogScan`), so its findings are those the same log would give as a file.
///
/// - The string is a whole console-style execution log (`Execution log for request …`, then
///   `Thu Dec 03 10:00:00 UTC 2026 : message` lines); it sits on one line of the JSON file, so
///   every quoted log line carries that file line's number.
/// - The console cuts long messages with `[TRUNCATED]` and glues the next message on without a
///   line break (`Method request path: {}[TRUNCATED]Thu Apr 05 … : Sending request to …`); the
///   cut is treated as a line end so the next message is not lost.
struct TestInvokeLog {
    /// Lines the log held.
    private(set) var lines = 0
    private(set) var scan: ExecutionLogScan

    init(path: String, log: String, fileLine: Int) {
        scan = ExecutionLogScan(path: path)
        var count = 0
        var bytes = Array(log.utf8)
        bytes.withUnsafeMutableBufferPointer { all in
            let text = UnsafeBufferPointer(all)
            var start = 0
            while start < text.count {
                let end = Self.lineEnd(in: text, from: start)
                var trimmed = end.lineEnd
                if trimmed > start, text[trimmed - 1] == 0x0D { trimmed -= 1 }
                if trimmed > start {
                    count += 1
                    scan.consume(UnsafeBufferPointer(rebasing: text[start..<trimmed]), number: fileLine)
                }
                start = end.next
            }
        }
        lines = count
        scan.finish()
    }

    private static let truncated: StaticString = "[TRUNCATED]"

    /// Where the line starting at `start` ends (a newline, or just after a `[TRUNCATED]` mark that
    /// has more text after it), and where the next one starts.
    private static func lineEnd(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> (lineEnd: Int, next: Int) {
        let newline = text.firstOffset(of: 0x0A, in: start..<text.count) ?? text.count
        let cutLimit = newline - start
        if let cut = text.firstOffset(of: truncated, from: start, limit: cutLimit) {
            let after = cut + truncated.utf8CodeUnitCount
            if after < newline { return (after, after) }
        }
        return (newline, newline + 1)
    }
}
