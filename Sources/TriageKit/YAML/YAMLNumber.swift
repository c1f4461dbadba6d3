/// Numbers as YAML writes them in plain scalars: `1_000`, `0x1F`, `0o17`, `0b101`, `-2.5e3`,
/// `.inf`, `.nan` (what the decoder accepts for integer and floating-point fields).
enum YAMLNumber {
    /// Yams' reading: `_` ignored, `0x`/`0b`/`0o` and a leading `0` (octal) as radix prefixes,
    /// `a:b:c` as base 60.
    static func integer<T: FixedWidthInteger>(_ text: String, as type: T.Type) -> T? {
        let signed = text.filter { $0 != "_" }
        if signed == "0" { return 0 }
        let negative = signed.hasPrefix("-")
        var digits = Substring(signed)
        if negative || digits.hasPrefix("+") { digits = digits.dropFirst() }
        for (prefix, radix) in [("0x", 16), ("0b", 2), ("0o", 8), ("0", 8)] where digits.hasPrefix(prefix) {
            let rest = digits.dropFirst(prefix.count)
            guard !rest.isEmpty, rest.first != "+", rest.first != "-" else { return nil }
            return T((negative ? "-" : "") + rest, radix: radix)
        }
        if digits.contains(":") {
            var value: T = 0
            for part in digits.split(separator: ":", omittingEmptySubsequences: false) {
                guard let part = T(part), part >= 0 else { return nil }
                let (shifted, overflow) = value.multipliedReportingOverflow(by: 60)
                let (sum, overflow2) = shifted.addingReportingOverflow(part)
                guard !overflow, !overflow2 else { return nil }
                value = sum
            }
            return negative ? (T.isSigned ? 0 - value : nil) : value
        }
        guard let first = digits.first, first.isASCII, first.isNumber else { return nil }
        return T((negative ? "-" : "") + digits, radix: 10)
    }

    static func double(_ text: String) -> Double? {
        switch text.lowercased() {
        case ".inf", "+.inf": return .infinity
        case "-.inf": return -.infinity
        case ".nan": return .nan
        default:
            let digits = text.filter { $0 != "_" }
            guard !digits.isEmpty, !digits.lowercased().contains("inf"), !digits.lowercased().contains("nan") else { return nil }
            guard digits.contains(":") else { return Double(digits) }
            // Base 60 (`1:30.5`), as Yams reads it.
            let negative = digits.hasPrefix("-")
            var value = 0.0
            for part in digits.drop(while: { $0 == "-" || $0 == "+" }).split(separator: ":", omittingEmptySubsequences: false) {
                guard let part = Double(part), part >= 0 else { return nil }
                value = value * 60 + part
            }
            return negative ? -value : value
        }
    }
}
