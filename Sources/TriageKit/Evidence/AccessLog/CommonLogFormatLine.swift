/// An access-log line in the console's CLF presets (domain reference §4.3), read into an entry.
///
/// - REST: `ip caller user [time] "METHOD /resource PROTOCOL" status length requestId extendedRequestId`
/// - HTTP API: `ip - - [time] "METHOD ROUTEKEY PROTOCOL" status length requestId`, where the route
///   key is `$default` or `GET /pets` (so the quoted part has four words).
/// - Either may end with free text: the integration error message when the format adds
///   `$context.integrationErrorMessage` (§2.6).
enum CommonLogFormatLine {
    static func entry(_ line: String) -> AccessLogEntry? {
        guard let open = line.firstRange(of: " ["), let close = line[open.upperBound...].firstRange(of: "] \""),
            let requestEnd = line[close.upperBound...].firstIndex(of: "\"")
        else { return nil }
        let request = line[close.upperBound..<requestEnd].split(separator: " ")
        let rest = line[line.index(after: requestEnd)...].split(separator: " ", omittingEmptySubsequences: true)
        guard request.count >= 2, let status = rest.first.flatMap({ Int($0) }), (100...599).contains(status) else { return nil }

        var entry = AccessLogEntry()
        entry.status = status
        entry.httpMethod = String(request[0])
        if request.count == 4 || request[1] == "$default" {
            entry.routeKey = request.count == 4 ? "\(request[1]) \(request[2])" : "$default"
        } else {
            entry.resourcePath = String(request[1])
        }
        // After status and length: the ids, then any free text.
        var words = rest.dropFirst(2)
        var ids: [String] = []
        while let word = words.first, ids.count < 2, isID(word) {
            ids.append(String(word))
            words = words.dropFirst()
        }
        entry.requestID = ids.first
        if ids.count > 1 { entry.extendedRequestID = ids[1] }
        entry.requestTime = String(line[open.upperBound..<close.lowerBound])
        let text = words.joined(separator: " ")
        if !text.isEmpty, text != "-" { entry.integrationError = text }
        return entry
    }

    /// `entry` read from the line's bytes: for ASCII (where bytes and characters agree) by byte
    /// ranges, making a `String` only of the fields it keeps; any other line goes through `entry`.
    static func entry(bytes line: UnsafeBufferPointer<UInt8>) -> AccessLogEntry? {
        guard let base = line.baseAddress, ByteScan.isASCII(base, count: line.count) else { return entry(line.text(0..<line.count)) }
        guard let open = line.firstOffset(of: " ["), let close = line.firstOffset(of: "] \"", from: open + 2),
            let requestEnd = line.firstOffset(of: UInt8(ascii: "\""), in: (close + 3)..<line.count)
        else { return nil }
        let request = words(line, close + 3..<requestEnd)
        let rest = words(line, requestEnd + 1..<line.count)
        guard request.count >= 2, let status = rest.first.flatMap({ Int(line.text($0)) }), (100...599).contains(status) else { return nil }

        var entry = AccessLogEntry()
        entry.status = status
        entry.httpMethod = line.text(request[0])
        let second = UnsafeBufferPointer(rebasing: line[request[1]])
        if request.count == 4 || (second.count == 8 && second.hasPrefix("$default")) {
            entry.routeKey = request.count == 4 ? "\(line.text(request[1])) \(line.text(request[2]))" : "$default"
        } else {
            entry.resourcePath = line.text(request[1])
        }
        var next = 2
        var ids: [String] = []
        while next < rest.count, ids.count < 2, isID(UnsafeBufferPointer(rebasing: line[rest[next]])) {
            ids.append(line.text(rest[next]))
            next += 1
        }
        entry.requestID = ids.first
        if ids.count > 1 { entry.extendedRequestID = ids[1] }
        entry.requestTime = line.text(open + 2..<close)
        if next < rest.count {
            let text = rest[next...].map { line.text($0) }.joined(separator: " ")
            if text != "-" { entry.integrationError = text }
        }
        return entry
    }

    /// The space-separated words of `range` (empty ones left out), as ranges of `line`.
    private static func words(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var start = range.lowerBound
        while start < range.upperBound {
            let end = line.firstOffset(of: 0x20, in: start..<range.upperBound) ?? range.upperBound
            if end > start { found.append(start..<end) }
            start = end + 1
        }
        return found
    }

    /// `isID` on ASCII bytes.
    private static func isID(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        (8...64).contains(word.count)
            && word.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || $0 == 0x3D || $0 == 0x5F || $0 == 0x2D }
            && word.contains { $0.isASCIIDigit || $0 == 0x3D || $0 == 0x2D }
    }

    /// The status of a plain ASCII CLF line, read from its bytes, when `entry` would read the line
    /// and find exactly that status; nil when only `entry` can tell (then ask it). Lets a scan count
    /// a successful request without building a `String` per line.
    static func quickStatus(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = line.baseAddress, ByteScan.isASCII(base, count: line.count),
            let open = firstOpening(line), let close = firstClosing(line, from: open + 2),
            let requestEnd = line.firstOffset(of: UInt8(ascii: "\""), in: (close + 3)..<line.count),
            words(in: line, close + 3..<requestEnd, atLeast: 2)
        else { return nil }
        // The first word after the request: digits only (a sign or other text: let `entry` judge).
        var start = requestEnd + 1
        while start < line.count, line[start] == 0x20 { start += 1 }
        var end = start
        var status = 0
        while end < line.count, line[end] != 0x20 {
            guard line[end].isASCIIDigit, end - start < 6 else { return nil }
            status = status * 10 + Int(line[end] &- 0x30)
            end += 1
        }
        return end > start && (100...599).contains(status) ? status : nil
    }

    /// `firstOffset(of: " [")`, found by its rarer byte: the first `[` right after a space is where
    /// the first ` [` starts. One `memchr` per `[` instead of one per space plus a compare.
    @inline(__always)
    private static func firstOpening(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
        var from = 1
        while from < line.count, let bracket = line.firstOffset(of: UInt8(ascii: "["), in: from..<line.count) {
            if line[bracket - 1] == 0x20 { return bracket - 1 }
            from = bracket + 1
        }
        return nil
    }

    /// `firstOffset(of: "] \"", from: start)`, found by its first byte (rare in the time before it).
    @inline(__always)
    private static func firstClosing(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var from = start
        while from <= line.count - 3, let bracket = line.firstOffset(of: UInt8(ascii: "]"), in: from..<line.count - 2) {
            if line[bracket + 1] == 0x20, line[bracket + 2] == UInt8(ascii: "\"") { return bracket }
            from = bracket + 1
        }
        return nil
    }

    /// Whether `range` of `line` holds at least `count` words separated by spaces.
    private static func words(in line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, atLeast count: Int) -> Bool {
        var found = 0
        var inWord = false
        for index in range {
            let isSpace = line[index] == 0x20
            if !isSpace, !inWord { found += 1 }
            if found >= count { return true }
            inWord = !isSpace
        }
        return false
    }

    /// Request ids hold a digit, `=` or `-`; an error message's first word does not.
    private static func isID(_ word: Substring) -> Bool {
        AWSIdentifiers.isRequestID(word) && word.contains { $0.isNumber || $0 == "=" || $0 == "-" }
    }
}
