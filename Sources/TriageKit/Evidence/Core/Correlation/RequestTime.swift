/// The time of a request in the spellings evidence uses, read into one form (ISO 8601 UTC) so
/// files can be joined by time.
///
/// Read: ISO 8601 (`2026-11-30T10:00:01.123Z`, a space for `T`, an offset such as `+01:00`), the
/// access log's CLF time (`30/Nov/2026:10:00:01 +0000`), an HTTP `Date` header (`Sat, 10 Jan
/// 2026 11:04:45 GMT`), SigV4's `X-Amz-Date` (`20260110T110445Z`) and epoch seconds or
/// milliseconds (`$context.requestTimeEpoch`). Written by hand (no formatter objects), so it is
/// cheap and behaves the same on every platform.
public enum RequestTime {
    /// The time as ISO 8601 UTC (`2026-11-30T10:00:01Z`, with milliseconds when the text has
    /// them), or nil when the text is not a time this reads.
    public static func normalized(_ text: String) -> String? {
        milliseconds(text).map(iso)
    }

    /// Milliseconds since 1970 for a time in any of the spellings read.
    public static func milliseconds(_ text: String) -> Int64? {
        let text = text.trimmingTrailingWhitespace().drop { $0 == " " || $0 == "\"" }
        let trimmed = String(text.hasSuffix("\"") ? text.dropLast() : text)
        if trimmed.isEmpty { return nil }
        if trimmed.allSatisfy(\.isASCIIDigitCharacter) { return epoch(trimmed) }
        return iso8601(trimmed) ?? commonLog(trimmed) ?? httpDate(trimmed) ?? amzDate(trimmed)
    }

    /// Milliseconds since 1970 as ISO 8601 UTC.
    public static func iso(_ milliseconds: Int64) -> String {
        let seconds = milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
        let fraction = milliseconds - seconds * 1000
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let inDay = seconds - days * 86_400
        let (year, month, day) = CivilDate.date(fromDays: days)
        var text = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(inDay / 3600, 2)):\(pad(inDay % 3600 / 60, 2)):\(pad(inDay % 60, 2))"
        if fraction != 0 { text += "." + pad(fraction, 3) }
        return text + "Z"
    }

    // MARK: - Spellings

    private static func epoch(_ digits: String) -> Int64? {
        guard let value = Int64(digits) else { return nil }
        switch digits.count {
        case 10: return value * 1000
        case 13: return value
        default: return nil
        }
    }

    /// `2026-11-30T10:00:01.123Z`, `2026-11-30 10:00:01`, `2026-11-30T10:00:01+01:00`.
    private static func iso8601(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 19, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54 || bytes[10] == 0x20,
            bytes[13] == 0x3A, bytes[16] == 0x3A,
            let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let day = number(bytes, 8, 2),
            let hour = number(bytes, 11, 2), let minute = number(bytes, 14, 2), let second = number(bytes, 17, 2)
        else { return nil }
        var index = 19
        var fraction: Int64 = 0
        if index < bytes.count, bytes[index] == 0x2E || bytes[index] == 0x2C {
            index += 1
            var digits = 0
            while index < bytes.count, bytes[index].isASCIIDigit {
                if digits < 3 { fraction = fraction * 10 + Int64(bytes[index] - 0x30) }
                digits += 1
                index += 1
            }
            while digits < 3 {
                fraction *= 10
                digits += 1
            }
        }
        var offset: Int64 = 0
        if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D, bytes.count >= index + 5,
            let hours = number(bytes, index + 1, 2)
        {
            let minutesAt = bytes[index + 3] == 0x3A ? index + 4 : index + 3
            let minutes = number(bytes, minutesAt, 2) ?? 0
            offset = (hours * 60 + minutes) * 60_000 * (bytes[index] == 0x2D ? -1 : 1)
        }
        return compose(year, month, day, hour, minute, second).map { $0 + fraction - offset }
    }

    /// `30/Nov/2026:10:00:01 +0000`, possibly in brackets.
    private static func commonLog(_ text: String) -> Int64? {
        let bytes = Array(text.utf8.drop { $0 == 0x5B })
        guard bytes.count >= 20, bytes[2] == 0x2F, bytes[6] == 0x2F, bytes[11] == 0x3A,
            let day = number(bytes, 0, 2), let month = monthNumber(bytes[3..<6]), let year = number(bytes, 7, 4),
            let hour = number(bytes, 12, 2), let minute = number(bytes, 15, 2), let second = number(bytes, 18, 2)
        else { return nil }
        var offset: Int64 = 0
        if bytes.count >= 26, bytes[21] == 0x2B || bytes[21] == 0x2D, let hours = number(bytes, 22, 2), let minutes = number(bytes, 24, 2) {
            offset = (hours * 60 + minutes) * 60_000 * (bytes[21] == 0x2D ? -1 : 1)
        }
        return compose(year, month, day, hour, minute, second).map { $0 - offset }
    }

    /// `Sat, 10 Jan 2026 11:04:45 GMT`.
    private static func httpDate(_ text: String) -> Int64? {
        let words = text.split(separator: " ")
        guard words.count >= 5, words[0].hasSuffix(","), let day = Int64(words[1]),
            let month = monthNumber(Array(words[2].utf8)[...]), let year = Int64(words[3])
        else { return nil }
        let clock = Array(words[4].utf8)
        guard clock.count == 8, let hour = number(clock, 0, 2), let minute = number(clock, 3, 2), let second = number(clock, 6, 2)
        else { return nil }
        return compose(year, month, day, hour, minute, second)
    }

    /// `20260110T110445Z`.
    private static func amzDate(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count == 16, bytes[8] == 0x54, bytes[15] == 0x5A,
            let year = number(bytes, 0, 4), let month = number(bytes, 4, 2), let day = number(bytes, 6, 2),
            let hour = number(bytes, 9, 2), let minute = number(bytes, 11, 2), let second = number(bytes, 13, 2)
        else { return nil }
        return compose(year, month, day, hour, minute, second)
    }

    // MARK: - Arithmetic

    private static func compose(_ year: Int64, _ month: Int64, _ day: Int64, _ hour: Int64, _ minute: Int64, _ second: Int64) -> Int64? {
        guard (1970...9999).contains(year), (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        let days = CivilDate.days(year: year, month: month, day: day)
        return ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000
    }

    private static func number(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int64? {
        guard start + count <= bytes.count else { return nil }
        var value: Int64 = 0
        for byte in bytes[start..<start + count] {
            guard byte.isASCIIDigit else { return nil }
            value = value * 10 + Int64(byte - 0x30)
        }
        return value
    }

    private static func monthNumber(_ bytes: ArraySlice<UInt8>) -> Int64? {
        let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        guard bytes.count == 3 else { return nil }
        let name = String(decoding: bytes, as: UTF8.self).lowercased()
        return names.firstIndex(of: name).map { Int64($0 + 1) }
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}

extension Character {
    fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
