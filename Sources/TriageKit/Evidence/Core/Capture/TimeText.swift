/// Times as captures write them, turned into what reports and request joins use.
enum TimeText {
    /// `29043.2` ms → `29.0 s`; under a second → `850 ms`.
    static func seconds(_ milliseconds: Double) -> String {
        guard milliseconds.isFinite else { return "?" }
        if milliseconds < 1000 { return "\(Int(milliseconds.rounded())) ms" }
        let tenths = Int((milliseconds / 100).rounded())
        return "\(tenths / 10).\(tenths % 10) s"
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// An HTTP `Date` header (`Sat, 10 Jan 2026 12:00:31 GMT`) as ISO 8601 UTC (`2026-01-10T12:00:31Z`).
    static func iso8601(httpDate text: String) -> String? {
        let words = text.split(separator: " ")
        guard words.count == 6, words[5] == "GMT", let day = Int(words[1]), (1...31).contains(day),
            let month = months.firstIndex(of: String(words[2])), let year = Int(words[3]), (1970...9999).contains(year)
        else { return nil }
        let clock = words[4].split(separator: ":")
        guard clock.count == 3, clock.allSatisfy({ $0.count == 2 && Int($0) != nil }) else { return nil }
        return "\(year)-\(two(month + 1))-\(two(day))T\(clock.joined(separator: ":"))Z"
    }

    /// `2026-11-30 10:00:00` (wget's local clock) → seconds since an arbitrary origin, for durations only.
    static func wallClockSeconds(_ text: Substring) -> Int? {
        let parts = text.split(separator: " ")
        guard parts.count == 2 else { return nil }
        let date = parts[0].split(separator: "-").compactMap { Int($0) }
        let clock = parts[1].split(separator: ":").compactMap { Int($0) }
        guard date.count == 3, clock.count == 3, (1...12).contains(date[1]), (1...31).contains(date[2]) else { return nil }
        // Days from a proleptic calendar are enough for a difference across midnight or month ends.
        let (year, month) = date[1] <= 2 ? (date[0] - 1, date[1] + 9) : (date[0], date[1] - 3)
        let days = 365 * year + year / 4 - year / 100 + year / 400 + (153 * month + 2) / 5 + date[2]
        return ((days * 24 + clock[0]) * 60 + clock[1]) * 60 + clock[2]
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
