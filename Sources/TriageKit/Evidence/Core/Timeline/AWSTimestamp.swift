import Foundation

/// A time as AWS CLI outputs print it, turned into ISO 8601 UTC (`2026-11-30T14:05:00Z`).
///
/// The CLI prints timestamps as ISO 8601 with an offset (`2026-11-30T14:05:00.123000+00:00`, CLI v2
/// and most v1 outputs) or as the wire value, epoch seconds (`1764511500.0`) or milliseconds. Done
/// by hand with integer arithmetic: no formatter, nothing locale-dependent.
enum AWSTimestamp {
    /// Seconds since 1970 for `node`'s text or number, or nil when it is no time we read.
    static func seconds(_ node: DocumentNode?) -> Int? {
        guard let node else { return nil }
        if case .number(let text) = node.value { return epoch(text) }
        guard let text = node.string else { return nil }
        if let parsed = iso(text) { return parsed }
        return epoch(text)
    }

    /// The ISO 8601 UTC form of `node`'s time.
    static func utc(_ node: DocumentNode?) -> String? {
        seconds(node).map(format)
    }

    static func epoch(_ text: String) -> Int? {
        guard let value = Double(text.trimmedOfWhitespace()), value.isFinite, value > 0 else { return nil }
        // Milliseconds are 13 digits today; seconds 10.
        let seconds = value > 1e11 ? value / 1000 : value
        guard seconds < 1e11 else { return nil }
        return Int(seconds)
    }

    /// `YYYY-MM-DDTHH:MM:SS[.fff][Z|±HH:MM]` (a space instead of `T` is accepted).
    static func iso(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 19 else { return nil }
        func number(_ from: Int, _ length: Int) -> Int? {
            var value = 0
            for index in from..<(from + length) {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0, 4), bytes[4] == 45, let month = number(5, 2), bytes[7] == 45,
            let day = number(8, 2), bytes[10] == 84 || bytes[10] == 32, let hour = number(11, 2), bytes[13] == 58,
            let minute = number(14, 2), bytes[16] == 58, let second = number(17, 2),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        if index < bytes.count, bytes[index] == 46 {
            index += 1
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
        }
        var offset = 0
        if index < bytes.count {
            let sign = bytes[index]
            if sign == 43 || sign == 45, index + 6 <= bytes.count, let hours = number(index + 1, 2),
                bytes[index + 3] == 58, let minutes = number(index + 4, 2)
            {
                offset = (hours * 60 + minutes) * 60 * (sign == 45 ? -1 : 1)
            } else if sign != 90 {
                return nil
            }
        }
        return days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second - offset
    }

    /// Days since 1970-01-01 of a civil date.
    static func days(year: Int, month: Int, day: Int) -> Int {
        Int(CivilDate.days(year: Int64(year), month: Int64(month), day: Int64(day)))
    }

    /// `2026-11-30T14:05:00Z`.
    static func format(_ seconds: Int) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let date = CivilDate.date(fromDays: Int64(days))
        let (year, month, day) = (Int(date.year), Int(date.month), Int(date.day))
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let year4 = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        let clock = "\(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60))"
        return "\(year4)-\(two(month))-\(two(day))T\(clock)Z"
    }
}
