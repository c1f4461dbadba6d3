/// Wraps prose from content to a width, reflowing it the way a reader expects.
///
/// Content keeps YAML literal blocks (`|`) with hard line breaks inside sentences; on screen those
/// breaks would leave ragged lines, so single line breaks are joined. Kept as written: blank lines
/// (paragraphs), lines starting a list item (`- `, `* `, `1. `) and indented lines.
enum ProseWrap {
    static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var output: [String] = []
        for line in logicalLines(text) {
            if line.isEmpty {
                output.append("")
            } else {
                output += wrapLine(line, width: width)
            }
        }
        while output.last == "" { output.removeLast() }
        while output.first == "" { output.removeFirst() }
        return output
    }

    /// Source lines joined into the lines a reader sees before wrapping.
    private static func logicalLines(_ text: String) -> [String] {
        var result: [String] = []
        var current: String?
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            let trimmed = line.trimmingTrailingSpaces
            if trimmed.isEmpty {
                if let paragraph = current { result.append(paragraph) }
                current = nil
                if result.last != "" { result.append("") }
            } else if let paragraph = current, !startsOwnLine(line) {
                current = paragraph + " " + trimmed.trimmingLeadingSpaces
            } else {
                if let paragraph = current { result.append(paragraph) }
                current = trimmed
            }
        }
        if let paragraph = current { result.append(paragraph) }
        return result
    }

    private static func startsOwnLine(_ line: String) -> Bool {
        if line.first == " " { return true }
        if line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("• ") { return true }
        let digits = line.prefix { $0.isNumber }
        return !digits.isEmpty && line.dropFirst(digits.count).hasPrefix(". ")
    }

    /// Word wrap with a hanging indent matching the line's own indent; words longer than the width
    /// are cut (prose has no tokens that must stay whole; commands never come here).
    private static func wrapLine(_ line: String, width: Int) -> [String] {
        let indent = String(line.prefix { $0 == " " })
        let hanging = DisplayWidth.of(indent) < width / 2 ? indent : ""
        var lines: [String] = []
        var current = indent
        for word in line.split(separator: " ") {
            var word = String(word)
            let separator = current.trimmingLeadingSpaces.isEmpty ? "" : " "
            if DisplayWidth.of(current + separator + word) <= width {
                current += separator + word
                continue
            }
            if !current.trimmingLeadingSpaces.isEmpty {
                lines.append(current)
                current = hanging
            }
            while DisplayWidth.of(current + word) > width {
                let room = width - DisplayWidth.of(current)
                let piece = DisplayWidth.prefix(word, fitting: max(1, room))
                lines.append(current + piece)
                word = String(word.dropFirst(piece.count))
                current = hanging
            }
            current += word
        }
        if !current.trimmingLeadingSpaces.isEmpty { lines.append(current) }
        return lines
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var text = Substring(self)
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text = text.dropLast() }
        return String(text)
    }

    var trimmingLeadingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" })
    }
}
