/// `causes.yaml` read without a YAML parser, when it keeps to the plain shape the catalogue is
/// written in: `scan` needs only the catalogue, and a YAML decoder (its set-up, its type lookups)
/// was a fifth of a small scan's time.
///
/// The shape: comment and blank lines, `causes:`, then per cause `  - id: ...` followed by
/// `    title:`, `    statuses: [502, 500]`, `    api_types: [rest, http]` and `    summary:`,
/// each exactly once. A value is read only where YAML reads it as that very text: a plain scalar
/// starting with a letter, not a word YAML reads as null or a boolean, with no `: ` or ` #` in
/// it; numbers without leading zeros; list items that are lower-case words. Anything else
/// (quotes, comments after a value, other keys, other indentation, tabs, CR) returns nil and the
/// YAML decoder reads the file, with its own messages, so the result is always the decoder's.
enum PlainCauseCatalogue {
    /// The causes, or nil when the text is not in the plain shape.
    static func causes(in text: String) -> [Cause]? {
        guard !hasSpecialCharacters(text) else { return nil }
        var causes: [Cause] = []
        var current: PartialCause?
        var sawHeader = false
        for line in lines(of: text) {
            if isBlankOrComment(line) { continue }
            if !sawHeader {
                guard line == "causes:" else { return nil }
                sawHeader = true
            } else if line.hasPrefix("  - id: ") {
                if let done = current { guard let cause = done.cause else { return nil }; causes.append(cause) }
                guard let id = plainString(line.dropFirst("  - id: ".count)) else { return nil }
                current = PartialCause(id: id)
            } else if line.hasPrefix("    "), current != nil {
                guard current!.take(line.dropFirst(4)) else { return nil }
            } else {
                return nil
            }
        }
        guard let last = current?.cause else { return nil }
        causes.append(last)
        return causes
    }

    /// The lines between `\n`s (CR is refused before this), cut on UTF-8 bytes: splitting on
    /// `Character`s would cost more than the rest of the read.
    private static func lines(of text: String) -> [Substring] {
        var lines: [Substring] = []
        var start = text.startIndex
        for index in text.utf8.indices where text.utf8[index] == UInt8(ascii: "\n") {
            lines.append(text[start..<index])
            start = text.utf8.index(after: index)
        }
        lines.append(text[start...])
        return lines
    }

    /// A cause while its lines come in; `take` refuses an unknown or repeated key.
    private struct PartialCause {
        let id: String
        var title: String?
        var statuses: [Int]?
        var apiTypes: [String]?
        var summary: String?

        init(id: String) { self.id = id }

        var cause: Cause? {
            guard let title, let statuses, let apiTypes, let summary else { return nil }
            return Cause(id: id, title: title, statuses: statuses, api_types: apiTypes, summary: summary)
        }

        mutating func take(_ entry: Substring) -> Bool {
            guard let colon = entry.firstIndex(of: ":"), entry[colon...].hasPrefix(": ") else { return false }
            let value = entry[entry.index(colon, offsetBy: 2)...]
            switch entry[..<colon] {
            case "title" where title == nil: title = PlainCauseCatalogue.plainString(value)
            case "summary" where summary == nil: summary = PlainCauseCatalogue.plainString(value)
            case "statuses" where statuses == nil: statuses = PlainCauseCatalogue.numberList(value)
            case "api_types" where apiTypes == nil: apiTypes = PlainCauseCatalogue.wordList(value)
            default: return false
            }
            return true
        }
    }

    /// Bytes that YAML treats as breaks, BOMs or non-printable (CR, tab, C0 and C1 controls,
    /// DEL, U+2028/U+2029, U+FEFF, U+FFFE/U+FFFF): the decoder decides about those files.
    private static func hasSpecialCharacters(_ text: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\n"): break
            case 0..<0x20, 0x7F: return true
            case 0x80...0x9F where previous.1 == 0xC2: return true
            case 0xA8...0xA9 where previous == (0xE2, 0x80): return true
            case 0xBF where previous == (0xEF, 0xBB): return true
            case 0xBE...0xBF where previous == (0xEF, 0xBF): return true
            default: break
            }
            previous = (previous.1, byte)
        }
        return false
    }

    private static func isBlankOrComment(_ line: Substring) -> Bool {
        let content = line.drop(while: { $0 == " " })
        return content.isEmpty || content.first == "#"
    }

    /// Words a plain scalar reads as null or a boolean (YAML 1.1 and 1.2), compared lower-cased.
    private static let reservedWords: Set<String> = ["null", "true", "false", "yes", "no", "on", "off", "y", "n"]

    /// A plain scalar that YAML reads as exactly this text: it starts with a letter (so it is no
    /// indicator, number, date or `.inf`), is not a reserved word, holds no `: ` or ` #` (a
    /// mapping or a comment) and ends in neither a blank nor a colon.
    static func plainString(_ value: Substring) -> String? {
        guard let first = value.unicodeScalars.first, isLetter(first),
            let last = value.last, last != " ", last != ":",
            !value.contains(": "), !value.contains(" #"),
            !reservedWords.contains(value.lowercased())
        else { return nil }
        return String(value)
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) : scalar.properties.isAlphabetic
    }

    /// `[502, 500]`: decimal numbers without leading zeros (YAML 1.1 reads `012` as octal).
    static func numberList(_ value: Substring) -> [Int]? {
        guard let items = items(value) else { return nil }
        var numbers: [Int] = []
        for item in items {
            guard let first = item.first, first != "0", item.count <= 9, item.allSatisfy({ ("0"..."9").contains($0) }),
                let number = Int(item)
            else { return nil }
            numbers.append(number)
        }
        return numbers
    }

    /// `[rest, http]`: lower-case words (letters, digits, `_`, `-`) that are not reserved words.
    static func wordList(_ value: Substring) -> [String]? {
        guard let items = items(value) else { return nil }
        var words: [String] = []
        for item in items {
            guard let first = item.first, ("a"..."z").contains(first), !reservedWords.contains(String(item)),
                item.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" })
            else { return nil }
            words.append(String(item))
        }
        return words
    }

    /// The items of a one-line flow sequence, blanks around them removed; nil when not `[...]`.
    private static func items(_ value: Substring) -> [Substring]? {
        guard value.first == "[", value.last == "]" else { return nil }
        let inside = value.dropFirst().dropLast()
        if inside.allSatisfy({ $0 == " " }) { return [] }
        return inside.split(separator: ",", omittingEmptySubsequences: false).map { item in
            var item = item
            while item.first == " " { item.removeFirst() }
            while item.last == " " { item.removeLast() }
            return item
        }
    }
}
