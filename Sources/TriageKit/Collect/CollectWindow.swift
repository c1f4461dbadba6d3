import Foundation

/// The time window the script reads logs, metrics and CloudTrail for, fixed when the script is
/// written: the script carries literal times (ISO 8601 for metrics and CloudTrail, epoch
/// milliseconds for CloudWatch Logs), so it needs no `date` arithmetic, which differs between GNU and
/// BSD systems.
public struct CollectWindow: Sendable, Equatable {
    public var since: Date
    public var until: Date

    public init(since: Date, until: Date) {
        self.since = since
        self.until = until
    }

    /// Reads `--since` and `--until`: a duration back from `now` (`30m`, `2h`, `1d`, `90s`, `1w`) or an
    /// ISO 8601 time (`2026-11-30T10:00:00Z`, also without seconds or zone: UTC). `until` defaults
    /// to `now`, `since` to one hour before `until` (a day when only a request id is known).
    public static func parse(since: String?, until: String?, now: Date, hasRequestID: Bool) throws(CollectError) -> CollectWindow {
        let end = try until.map { text throws(CollectError) in try time(text, now: now, option: "--until") } ?? now
        let defaultSpan: TimeInterval = hasRequestID ? 86_400 : 3_600
        let start = try since.map { text throws(CollectError) in try time(text, now: now, option: "--since") }
            ?? end.addingTimeInterval(-defaultSpan)
        guard start < end else { throw .invalid("--since (\(iso(start))) must be before --until (\(iso(end))).") }
        return CollectWindow(since: start, until: end)
    }

    public var sinceISO: String { Self.iso(since) }
    public var untilISO: String { Self.iso(until) }
    public var sinceMilliseconds: Int64 { Int64((since.timeIntervalSince1970 * 1000).rounded()) }
    public var untilMilliseconds: Int64 { Int64((until.timeIntervalSince1970 * 1000).rounded()) }

    /// A metric period that keeps every statistic call under CloudWatch's 1,440 data points, in whole minutes.
    public var metricPeriodSeconds: Int {
        let seconds = max(until.timeIntervalSince(since), 60)
        let minutes = Int((seconds / 1_440 / 60).rounded(.up))
        return max(60, minutes * 60)
    }

    private static func time(_ text: String, now: Date, option: String) throws(CollectError) -> Date {
        let trimmed = text.trimmedOfWhitespace()
        if let last = trimmed.last, let unit = units[last], let amount = Double(trimmed.dropLast()), amount >= 0 {
            return now.addingTimeInterval(-amount * unit)
        }
        for format in formats {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = format
            if let date = formatter.date(from: trimmed) { return date }
        }
        throw .invalid(
            "\(option) \(trimmed): give a duration back from now (30m, 2h, 1d) or an ISO 8601 time (2026-11-30T10:00:00Z).")
    }

    private static let units: [Character: TimeInterval] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400, "w": 604_800]
    private static let formats = [
        "yyyy-MM-dd'T'HH:mm:ssXXXXX", "yyyy-MM-dd'T'HH:mm:ss.SSSXXXXX", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd",
    ]

    static func iso(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'"
        return formatter.string(from: date)
    }
}

/// A `collect` option that cannot be used, in the user's words.
public enum CollectError: Error, Equatable, CustomStringConvertible {
    case invalid(String)

    public var description: String {
        switch self {
        case .invalid(let message): message
        }
    }
}
