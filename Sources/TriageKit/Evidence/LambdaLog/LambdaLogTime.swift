import Foundation

/// A Lambda log line's timestamp as ISO 8601 UTC, whichever way the printer wrote it, for the
/// request join by time (`RequestKeys.time`).
///
/// `2026-11-30T10:00:01.123Z` (the runtimes), `2026-11-30T10:00:01.123000+00:00` (`aws logs
/// tail`), `2026-11-30T10:00:01.123000` (`sam logs`), `2026-11-30 10:00:01.123 (+00:00)`
/// (`serverless logs`, Logs Insights), `1764496801123` or `[1764496801123]` (epoch milliseconds).
/// A time with another UTC offset, or anything else, gives nil: a wrong time would join wrongly.
enum LambdaLogTime {
    static func iso(_ raw: some StringProtocol) -> String? {
        var text = String(raw).trimmedOfWhitespace()
        if text.hasPrefix("["), text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        if text.utf8.count >= 10, text.utf8.count <= 13, text.utf8.allSatisfy(\.isASCIIDigit), let millis = Double(text) {
            let date = Date(timeIntervalSince1970: millis / (text.utf8.count == 13 ? 1000 : 1))
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            return formatter.string(from: date)
        }
        text = text.replacingOccurrences(of: " (+00:00)", with: "Z").replacingOccurrences(of: "+00:00", with: "Z")
        if let space = text.firstIndex(of: " ") { text.replaceSubrange(space...space, with: "T") }
        let bytes = Array(text.utf8)
        // yyyy-mm-ddThh:mm:ss, then optional fraction, then optional Z.
        guard bytes.count >= 19, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == UInt8(ascii: "T"), bytes[13] == 0x3A,
            bytes[16] == 0x3A
        else { return nil }
        var end = 19
        if end < bytes.count, bytes[end] == UInt8(ascii: ".") {
            end += 1
            while end < bytes.count, bytes[end].isASCIIDigit { end += 1 }
        }
        let rest = bytes[end...]
        guard rest.isEmpty || rest.elementsEqual("Z".utf8) else { return nil }
        return String(decoding: bytes[..<end], as: UTF8.self) + "Z"
    }
}
