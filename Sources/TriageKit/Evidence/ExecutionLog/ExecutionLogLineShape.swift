/// Where the message of an execution-log line starts, whatever the export put in front of it
/// (domain reference §3.1).
///
/// - CloudWatch: `(request-id) message`.
/// - Exports: the same after an ISO timestamp or tab-separated columns
///   (`2026-01-10T11:04:45.964Z (request-id) message`, `1736507085964\t(request-id) message`).
/// - Console test output: `Thu Aug 31 01:07:25 UTC 2017 : message` (no request id; the whole
///   output is one request, announced by `Execution log for request test-request`).
/// - Anything else continues the previous line (a multi-line JSON or XML body).
///
/// Runs on every line of a log, so it reads only the first bytes and never allocates.
enum ExecutionLogLineShape: Equatable {
    /// A line with a request id: the id's byte range and where the message starts.
    case request(id: Range<Int>, message: Int)
    /// A console test line: where the message starts.
    case console(message: Int)
    /// A line without a prefix.
    case continuation

    /// Request ids are UUIDs, or base64-like ids on WebSocket and some authorizer lines.
    static let requestIDLength = 8...64
    /// How far into a line a prefix (timestamp, columns) may reach before the `(request-id)`.
    static let maxPrefixLength = 256

    @inline(__always)
    static func of(_ line: UnsafeBufferPointer<UInt8>) -> ExecutionLogLineShape {
        guard let first = line.first else { return .continuation }
        if first == UInt8(ascii: "(") { return requestShape(line, open: 0) ?? .continuation }
        if first.isASCIILetter, let message = consoleMessageStart(line) { return .console(message: message) }
        // The first line of a console or test-invoke log has no timestamp.
        if first == UInt8(ascii: "E"), line.hasPrefix("Execution log for request") { return .console(message: 0) }
        // Exports put a timestamp (a digit first) or tab-separated columns in front.
        guard first.isASCIIDigit || first.isASCIILetter else { return .continuation }
        return exportShape(line) ?? .continuation
    }

    /// `(id) message` with the parenthesis at `open`.
    ///
    /// Checks only that the id has no blank in it: enough to tell a request line from body text,
    /// and cheap (every line passes here). `isRequestID` checks the bytes fully, for the lines the
    /// scan keeps.
    @inline(__always)
    private static func requestShape(_ line: UnsafeBufferPointer<UInt8>, open: Int) -> ExecutionLogLineShape? {
        let idStart = open + 1
        let close: Int
        // Fast path: a UUID, 36 bytes.
        if idStart + 37 < line.count, line[idStart + 36] == UInt8(ascii: ")") {
            close = idStart + 36
        } else {
            let searchEnd = min(line.count, idStart + requestIDLength.upperBound + 1)
            guard let found = line.firstOffset(of: UInt8(ascii: ")"), in: idStart..<searchEnd),
                requestIDLength.contains(found - idStart)
            else { return nil }
            close = found
        }
        // `(id)` ends the line only when the message is empty; otherwise a space follows.
        if close + 1 < line.count, line[close + 1] != UInt8(ascii: " ") { return nil }
        if line.firstOffset(of: UInt8(ascii: " "), in: idStart..<close) != nil { return nil }
        return .request(id: idStart..<close, message: min(close + 2, line.count))
    }

    /// Whether every byte of a request id is one an id may hold (letters, digits, `-=_+/`).
    static func isRequestID(_ id: UnsafeBufferPointer<UInt8>) -> Bool {
        guard requestIDLength.contains(id.count) else { return false }
        // Eight bytes at a time (the last word overlapping the one before): an id is at least 8 bytes.
        if let base = id.baseAddress {
            let raw = UnsafeRawPointer(base)
            var offset = 0
            while offset < id.count - 8 {
                guard idWord(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) else { return false }
                offset += 8
            }
            return idWord(raw.loadUnaligned(fromByteOffset: id.count - 8, as: UInt64.self))
        }
        // Every byte is tested without an early exit (a UUID's hex digits and dashes are all id
        // bytes, so no separate UUID test is needed): one pass of shifts and ANDs, no branch per byte.
        var all: UInt64 = 1
        for byte in id {
            let bit = byte < 64 ? lowIDBytes >> UInt64(byte & 63) : highIDBytes >> UInt64(byte & 63)
            all &= byte < 128 ? bit : 0
        }
        return all & 1 == 1
    }

    /// A `(id) ` behind a timestamp or columns. The prefix must contain a tab or start with a
    /// digit, so body text that happens to hold `(word) ` is not taken for a request line.
    private static func exportShape(_ line: UnsafeBufferPointer<UInt8>) -> ExecutionLogLineShape? {
        let limit = min(line.count, maxPrefixLength)
        var from = 1
        while let open = line.firstOffset(of: UInt8(ascii: "("), in: from..<limit) {
            from = open + 1
            guard line[open - 1].isASCIISpaceOrTab else { continue }
            if !line[0].isASCIIDigit, line.firstOffset(of: UInt8(ascii: "\t"), in: 0..<open) == nil { return nil }
            if let shape = requestShape(line, open: open) { return shape }
        }
        return nil
    }

    /// `Www Mmm dd hh:mm:ss UTC yyyy : ` → the offset after it. Lenient about the day name
    /// (a Knowledge Center example has `WE`), strict about `hh:mm:ss`, the year and ` : `.
    @inline(__always)
    private static func consoleMessageStart(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
        let limit = min(line.count - 2, 40)
        guard limit > 20 else { return nil }
        for colon in 19..<limit where line[colon] == UInt8(ascii: ":") {
            guard line[colon - 1] == 0x20, line[colon + 1] == 0x20, line[colon - 6] == 0x20,
                (colon - 5..<colon - 1).allSatisfy({ line[$0].isASCIIDigit })
            else { continue }
            // A time (hh:mm:ss) must stand before the time zone and year.
            let head = UnsafeBufferPointer(rebasing: line[0..<(colon - 6)])
            guard let time = head.firstOffset(of: UInt8(ascii: ":"), in: 0..<head.count),
                time >= 2, time + 5 < head.count, head[time + 3] == UInt8(ascii: ":")
            else { return nil }
            return colon + 2
        }
        return nil
    }

    /// Whether all eight bytes of `word` are bytes a request id may hold (`isRequestID`'s rule),
    /// tested at once. With every byte below 0x80 (checked first), adding a per-byte constant below
    /// 0x80 never carries into the next byte, so each byte's top bit answers for that byte alone:
    /// `x + (0x80 - low)` has it set when `x >= low`, `x + (0x7F - high)` when `x > high`.
    @inline(__always)
    private static func idWord(_ word: UInt64) -> Bool {
        let top: UInt64 = 0x8080_8080_8080_8080
        guard word & top == 0 else { return false }
        @inline(__always) func atLeast(_ x: UInt64, _ low: UInt64) -> UInt64 { (x &+ (0x80 &- low) &* 0x0101_0101_0101_0101) & top }
        @inline(__always) func above(_ x: UInt64, _ high: UInt64) -> UInt64 { (x &+ (0x7F &- high) &* 0x0101_0101_0101_0101) & top }
        @inline(__always) func equal(_ x: UInt64, _ byte: UInt64) -> UInt64 { ~((x ^ (byte &* 0x0101_0101_0101_0101)) &+ 0x7F7F_7F7F_7F7F_7F7F) & top }
        let digit = atLeast(word, 0x30) & ~above(word, 0x39)
        // Setting 0x20 folds `A-Z` onto `a-z`; no other byte lands there.
        let folded = word | 0x2020_2020_2020_2020
        let letter = atLeast(folded, 0x61) & ~above(folded, 0x7A)
        // `+ - /` are the odd bytes of 0x2B...0x2F.
        let odd = (word << 7) & top
        let sign = atLeast(word, 0x2B) & ~above(word, 0x2F) & odd
        return digit | letter | sign | equal(word, 0x3D) | equal(word, 0x5F) == top
    }

    /// Bytes a request id may hold, as bit masks over 0–63 and 64–127: `+ - / 0-9 =` and
    /// `A-Z _ a-z`. One shift and test per byte; this runs once per request of a multi-GB log.
    private static let lowIDBytes: UInt64 = 1 << 0x2B | 1 << 0x2D | 1 << 0x2F | 0x3FF << 0x30 | 1 << 0x3D
    private static let highIDBytes: UInt64 = 0x3FF_FFFF << (0x41 - 64) | 1 << (0x5F - 64) | 0x3FF_FFFF << (0x61 - 64)

}
