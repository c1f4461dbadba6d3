/// Wraps prose to a width at word boundaries. Commands are never passed through this.
///
/// Content is written with source line breaks inside paragraphs, so single newlines are joined;
/// a blank line separates paragraphs, and a line that starts a list item ("- ", "* ", "1. ")
/// starts a new line.
public enum TextWrap {
    public static func wrap(_ text: String, width: Int, indent: String = "") -> String {
        paragraphs(of: text).map { paragraph in
            paragraph.isEmpty ? "" : wrapLine(paragraph, width: width, indent: indent)
        }.joined(separator: "\n")
    }

    /// Logical lines: joined source lines, with "" standing for a paragraph break.
    static func paragraphs(of text: String) -> [String] {
        var lines: [String] = []
        var current: [Substring] = []
        func flush() {
            if !current.isEmpty { lines.append(current.joined(separator: " ")) }
            current = []
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.drop { $0 == " " || $0 == "\t" }
            if line.isEmpty {
                flush()
                if lines.last != "" { lines.append("") }
            } else if startsListItem(line) {
                flush()
                current = [line]
            } else {
                current.append(line)
            }
        }
        flush()
        while lines.last == "" { lines.removeLast() }
        while lines.first == "" { lines.removeFirst() }
        return lines
    }

    private static func startsListItem(_ line: Substring) -> Bool {
        if line.hasPrefix("- ") || line.hasPrefix("* ") { return true }
        let digits = line.prefix { $0.isNumber }
        return !digits.isEmpty && digits.count <= 2 && line.dropFirst(digits.count).hasPrefix(". ")
    }

    private static func wrapLine(_ paragraph: String, width: Int, indent: String) -> String {
        let words = paragraph.split(separator: " ", omittingEmptySubsequences: true)
        guard !words.isEmpty else { return "" }
        var lines: [String] = []
        var line = indent
        for word in words {
            let candidate = line == indent ? line + word : line + " " + word
            if candidate.count > width, line != indent {
                lines.append(line)
                line = indent + word
            } else {
                line = candidate
            }
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }
}
