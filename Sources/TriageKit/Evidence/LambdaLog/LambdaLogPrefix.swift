/// What tools put in front of a Lambda log message, found by shape so every printer reads alike:
///
/// - none: `START RequestId: …` (the log as CloudWatch stores it, or a `get-log-events` message)
/// - `aws logs tail`: `2026-11-30T10:00:01.123000+00:00 2026/11/30/[$LATEST]abcdef… START …`
///   (`--format short`: `2026-11-30T10:00:01 START …`)
/// - `sam logs`: `2026/11/30/[$LATEST]abcdef… 2026-11-30T10:00:01.123000 START …`
/// - `serverless logs`: `2026-11-30 10:00:01.123 (+00:00)\t<request-id>\tERROR\t…`
/// - `zappa tail`: `[1764496801123] START …`; the CloudWatch console copied as columns:
///   `2026-11-30T10:00:01.123Z\tSTART …`
///
/// Up to four leading tokens are skipped when they look like a timestamp, a time zone or a log
/// stream name; a request id (a UUID) is never skipped, it belongs to the message. Reads only the
/// first bytes of a line and never allocates.
struct LambdaLogPrefix: Equatable {
    /// Where the message starts.
    var message: Int
    /// The first timestamp token, when there is one (for the request's time).
    var timestamp: Range<Int>?
    /// The log stream token (`2026/11/30/[$LATEST]abcdef…`), when there is one.
    var stream: Range<Int>?

    /// What `of` gives for a line that starts with `{` (a JSON record): the walk stops at once at
    /// a byte that starts no token it skips, and the runtime-line shortcut needs a digit first.
    static let jsonRecord = LambdaLogPrefix(message: 0)

    private static let maxTokens = 4
    private static let maxPrefixLength = 160

    static func of(_ line: UnsafeBufferPointer<UInt8>) -> LambdaLogPrefix {
        runtimeLine(line) ?? walk(line)
    }

    /// The general reading, token by token (`of` without the shortcut, for the tests).
    static func walk(_ line: UnsafeBufferPointer<UInt8>) -> LambdaLogPrefix {
        var prefix = LambdaLogPrefix(message: 0)
        var position = 0
        var lastEnd = -1  // where the previous skipped token ended
        for _ in 0..<maxTokens {
            while position < line.count, line[position].isASCIISpaceOrTab { position += 1 }
            guard position < line.count, position < maxPrefixLength else { break }
            let first = line[position]
            guard first.isASCIIDigit || first == UInt8(ascii: "[") || first == UInt8(ascii: "(") else { break }
            var end = position
            while end < line.count, !line[end].isASCIISpaceOrTab { end += 1 }
            let token = position..<end
            switch kind(of: UnsafeBufferPointer(rebasing: line[token])) {
            case .timestamp, .zone:
                // `2026-11-30 10:26:02.010 (+00:00)`: consecutive tokens make one timestamp.
                if let stamp = prefix.timestamp, stamp.upperBound == lastEnd {
                    prefix.timestamp = stamp.lowerBound..<end
                } else if prefix.timestamp == nil {
                    prefix.timestamp = token
                }
            case .stream:
                prefix.stream = token
            case .other:
                prefix.message = position
                return prefix
            }
            position = end
            lastEnd = end
            prefix.message = min(position, line.count)
        }
        while prefix.message < line.count, line[prefix.message].isASCIISpaceOrTab { prefix.message += 1 }
        return prefix
    }

    private enum TokenKind { case timestamp, stream, zone, other }

    private static func kind(of token: UnsafeBufferPointer<UInt8>) -> TokenKind {
        guard let first = token.first else { return .other }
        // `(+00:00)`: the zone `serverless logs` prints after the time.
        if first == UInt8(ascii: "(") {
            return token.count <= 10 && (token.hasPrefix("(+", at: 0) || token.hasPrefix("(-", at: 0)) ? .zone : .other
        }
        // `[1764496801123]` (zappa), but not `[ERROR]` or `[$LATEST]`.
        if first == UInt8(ascii: "[") {
            let inner = token.dropFirst().prefix { $0 != UInt8(ascii: "]") }
            return inner.count >= 10 && inner.allSatisfy(\.isASCIIDigit) ? .timestamp : .other
        }
        // A log stream: `2026/11/30/[$LATEST]…` or `2026/11/30/orders[$LATEST]…`.
        if token.count > 11, token[4] == UInt8(ascii: "/"), token[7] == UInt8(ascii: "/"),
            token.firstOffset(of: UInt8(ascii: "["), in: 10..<token.count) != nil
        {
            return .stream
        }
        if isRequestID(token) { return .other }
        // A date, a time or epoch milliseconds: digits with date and time punctuation only.
        let allowed = token.allSatisfy(isStampByte)
        guard allowed else { return .other }
        let punctuated = token.contains(UInt8(ascii: "-")) || token.contains(UInt8(ascii: ":"))
        return punctuated || token.count >= 10 ? .timestamp : .other
    }

    /// A byte of a date, a time or epoch milliseconds: a digit or one of `-:.TZ+/,`.
    @inline(__always)
    private static func isStampByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: "T"),
            UInt8(ascii: "Z"), UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: ","):
            return true
        default: return false
        }
    }

    /// A UUID: 36 bytes, hex digits and dashes at 8, 13, 18, 23. (Runs on most lines: reads
    /// the 36 bytes as three overlapping 16-byte vectors, `UUIDBytes`.)
    static func isRequestID(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
        guard token.count == 36, let base = token.baseAddress else { return false }
        return UUIDBytes.isUUID(base, lowercaseOnly: false)
    }
}
