/// Counts written for people: `3,120 lines`, `1 request`, `41 requests`.
///
/// Fixed grouping with commas, not the locale's, so descriptions read the same in tests, reports
/// and on any machine.
enum CountText {
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }

    /// `1 request`, `2 requests`: the count with the noun in the right number.
    static func counted(_ value: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(grouped(value)) \(value == 1 ? singular : plural ?? singular + "s")"
    }
}
