/// Text from files (evidence lines, file names, descriptions) made safe to show on a terminal or
/// in a Markdown file: every control character becomes a visible escape.
///
/// A log line can hold an escape sequence that retitles the terminal, moves the cursor, or writes
/// the clipboard through OSC 52; a bidi override can make a line read backwards. Each text channel
/// (scan text, plain mode, Markdown reports, the full-screen grid) passes what it prints through
/// this one function, so no call site can forget; JSON output has `JSONOutputText`.
///
/// - C0 controls, DEL and C1 controls become `\xHH` (`\x1b` for ESC); bidi embeddings, overrides
///   and isolates (U+202A-202E, U+2066-2069) become `\uHHHH` (`\u202e`).
/// - `visible(_:)` escapes newlines and tabs too (a file name holding a newline must not start a
///   fake line); `visibleLines(_:)` keeps the program's own line breaks and tabs.
public enum VisibleText {
    /// `text` with every control character (newlines and tabs included) shown as an escape.
    public static func visible(_ text: String) -> String {
        guard needsEscaping(text, keepingLayout: false) else { return text }
        return escaped(text, keepingLayout: false)
    }

    /// Text of several lines made by the program: its `\n` (and `\r\n`) and tabs stay, every
    /// other control character is shown as an escape.
    public static func visibleLines(_ text: String) -> String {
        guard needsEscaping(text, keepingLayout: true) else { return text }
        return escaped(text, keepingLayout: true)
    }

    /// Whether a scalar is one this type shows as an escape (newline and tab included).
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    private static func isLayout(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\t"
    }

    private static func needsEscaping(_ text: String, keepingLayout: Bool) -> Bool {
        text.unicodeScalars.contains { isUnsafe($0) && !(keepingLayout && isLayout($0)) }
    }

    private static func escaped(_ text: String, keepingLayout: Bool) -> String {
        var result = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if keepingLayout, isLayout(scalar) || (scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n") {
                result.append(scalar)
            } else if isUnsafe(scalar) {
                result.append(contentsOf: escape(scalar).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// `\x1b` for the one-byte range, `\u202e` for the bidi controls.
    static func escape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        if scalar.value <= 0xFF { return "\\x" + (hex.count < 2 ? "0" + hex : hex) }
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
