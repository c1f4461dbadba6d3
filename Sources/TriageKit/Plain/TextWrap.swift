/// Wraps prose to a width at word boundaries. Commands are never passed through this.
public enum TextWrap {
    public static func wrap(_ text: String, width: Int, indent: String = "") -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { paragraph in
            wrapParagraph(String(paragraph), width: width, indent: indent)
        }.joined(separator: "\n")
    }

    private static func wrapParagraph(_ paragraph: String, width: Int, indent: String) -> String {
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
