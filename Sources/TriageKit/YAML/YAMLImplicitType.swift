/// The type YAML 1.1 gives a plain scalar without a tag (Yams' default resolver, matched by hand
/// rather than with regular expressions): null, bool, number (int or float), or string.
enum YAMLImplicitType: Equatable {
    case null
    case bool(Bool)
    case number
    case string

    static func of(_ text: String) -> YAMLImplicitType {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON": return .bool(true)
        case "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN": return .number
        default: return isNumber(Array(text.utf8)) ? .number : .string
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Yams' int and float patterns: binary, octal, hex, decimal with `_`, sexagesimal, and
    /// `digits[.digits][e±digits]` or `.digits[e±digits]`.
    private static func isNumber(_ bytes: [UInt8]) -> Bool {
        var index = 0
        let count = bytes.count
        if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        let body = bytes[index...]
        guard let first = body.first else { return false }
        func all(_ slice: ArraySlice<UInt8>, _ allowed: (UInt8) -> Bool) -> Bool { !slice.isEmpty && slice.allSatisfy(allowed) }
        if first == UInt8(ascii: "0"), body.count > 2 {
            let marker = body[body.startIndex + 1]
            let rest = body.dropFirst(2)
            if marker == UInt8(ascii: "b"), all(rest, { $0 == 0x30 || $0 == 0x31 || $0 == UInt8(ascii: "_") }) { return true }
            if marker == UInt8(ascii: "x"), all(rest, { hexOrUnderscore($0) }) { return true }
            if marker == UInt8(ascii: "o"), all(rest, { octalOrUnderscore($0) }) { return true }
        }
        if body.contains(UInt8(ascii: ":")) { return isSexagesimal(body) }
        // digits[_]* [. digits_*] [e[-+]digits]   or   . digits_* [e[-+]digits]
        var position = body.startIndex
        var integerDigits = 0
        while position < count, isDigit(bytes[position]) || (integerDigits > 0 && bytes[position] == UInt8(ascii: "_")) {
            integerDigits += 1
            position += 1
        }
        var fraction = false
        if position < count, bytes[position] == UInt8(ascii: ".") {
            fraction = true
            position += 1
            var fractionDigits = 0
            while position < count, isDigit(bytes[position]) || bytes[position] == UInt8(ascii: "_") {
                fractionDigits += 1
                position += 1
            }
            if integerDigits == 0, fractionDigits == 0 { return false }
        }
        guard integerDigits > 0 || fraction else { return false }
        if position < count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            let signed = position < count && (bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "+"))
            // `.5e3` needs the sign in Yams' pattern; `1e3` does not.
            if integerDigits == 0, !signed { return false }
            if signed { position += 1 }
            let exponentStart = position
            while position < count, isDigit(bytes[position]) { position += 1 }
            if position == exponentStart { return false }
        }
        if integerDigits == 0, index > 0, fraction { return false }  // `-.5` is not in the pattern
        return position == count
    }

    private static func hexOrUnderscore(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
            || byte == UInt8(ascii: "_")
    }

    private static func octalOrUnderscore(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "7")) || byte == UInt8(ascii: "_")
    }

    /// `[1-9][0-9_]*(:[0-5]?[0-9])+` with an optional `.digits` fraction at the end.
    private static func isSexagesimal(_ body: ArraySlice<UInt8>) -> Bool {
        var parts = body.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        guard parts.count >= 2, let head = parts.first, let lead = head.first, lead != UInt8(ascii: "0"),
            head.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: "_") }), isDigit(lead)
        else { return false }
        parts.removeFirst()
        var last = parts.removeLast()
        if let dot = last.firstIndex(of: UInt8(ascii: ".")) {
            guard last[(dot + 1)...].allSatisfy({ isDigit($0) || $0 == UInt8(ascii: "_") }) else { return false }
            last = last[..<dot]
        }
        for part in parts + [last] {
            guard (1...2).contains(part.count), part.allSatisfy(isDigit) else { return false }
            if part.count == 2, part.first! > UInt8(ascii: "5") { return false }
        }
        return true
    }
}
