import Foundation

/// JSON text the program prints or saves, with every control character escaped.
///
/// `JSONEncoder` escapes C0 controls but leaves DEL, the C1 controls (U+0080-009F, which some
/// terminals read as CSI and OSC) and the bidi overrides raw; a `jq` or `cat` of the output would
/// hand them to the terminal. Those characters only ever stand inside JSON strings, so replacing
/// each with its `\uXXXX` escape keeps the document valid and equal once decoded.
public enum JSONOutputText {
    /// Encodes `value` as pretty, sorted JSON (the form every command prints) with all control
    /// characters escaped.
    public static func encode<T: Encodable>(_ value: T, dates: JSONEncoder.DateEncodingStrategy? = nil) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        if let dates { encoder.dateEncodingStrategy = dates }
        return escapingControls(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// Data from any `JSONEncoder`, with the characters it leaves raw escaped.
    public static func escapingControls(_ data: Data) -> Data {
        let text = String(decoding: data, as: UTF8.self)
        let escaped = escapingControls(text)
        return escaped.utf8.count == data.count && escaped == text ? data : Data(escaped.utf8)
    }

    /// JSON text with DEL, C1 controls, bidi controls and the line and paragraph separators as `\uXXXX`.
    public static func escapingControls(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: needsEscape) else { return json }
        var result = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if needsEscape(scalar) {
                let hex = String(scalar.value, radix: 16)
                result.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    // C0 controls are already escaped by the encoder (and the pretty printer's own newlines must stay).
    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: true
        default: false
        }
    }
}
