/// Just enough of the POSIX shell's quoting rules to break a command line where the shell will
/// read the break as a continuation: outside single and double quotes, and not after a `\\`.
enum ShellQuoting {
    /// Indices of the spaces that separate words (not quoted, not escaped).
    static func unquotedSpaces(in text: String) -> [String.Index] {
        var spaces: [String.Index] = []
        scan(text) { index, character, quote in
            if quote == nil, character == " " { spaces.append(index) }
        }
        return spaces
    }

    /// The quote character still open at the end of `text`, if any.
    static func openQuote(after text: String) -> Character? {
        var open: Character?
        scan(text) { _, _, quote in open = quote }
        return open
    }

    /// Calls `body` for every character that is not escaped, with the quote open after it.
    private static func scan(_ text: String, _ body: (String.Index, Character, Character?) -> Void) {
        var quote: Character?
        var escaped = false
        for index in text.indices {
            let character = text[index]
            if escaped {
                escaped = false
                continue
            }
            switch quote {
            case nil:
                if character == "\\" {
                    escaped = true
                } else if character == "'" || character == "\"" {
                    quote = character
                }
            case "'":
                if character == "'" { quote = nil }
            default:
                if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    quote = nil
                }
            }
            body(index, character, quote)
        }
    }
}
