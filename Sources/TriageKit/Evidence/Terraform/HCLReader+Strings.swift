import Foundation

/// Quoted templates and heredocs. Interpolations (`${...}`) and directives (`%{...}`) are kept as
/// written, nested strings and braces included, so references inside them can be resolved later.
extension HCLReader {
    /// A quoted string at the current `"`, with its escapes decoded.
    mutating func quotedText() throws(HCLReadError) -> String {
        let line = currentLine
        index += 1
        var text: [UInt8] = []
        while true {
            guard let byte = peek else { throw failure("the string opened at line \(line) never closes", final: true) }
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: text, as: UTF8.self)
            case 0x0A:
                throw failure("the string opened at line \(line) is not closed on its line", line: line)
            case UInt8(ascii: "\\"):
                index += 1
                text += escape()
            case UInt8(ascii: "$"), UInt8(ascii: "%"):
                if peek(1) == UInt8(ascii: "{") {
                    let start = index
                    index += 1
                    try skipInterpolation(opened: line)
                    text += bytes[start..<index]
                } else if peek(1) == byte, peek(2) == UInt8(ascii: "{") {
                    // `$${` and `%%{` are a literal `${` and `%{`: kept escaped so they are never resolved.
                    text += bytes[index..<index + 3]
                    index += 3
                } else {
                    text.append(byte)
                    index += 1
                }
            default:
                text.append(byte)
                index += 1
            }
        }
    }

    /// The bytes an escape stands for, after its backslash.
    private mutating func escape() -> [UInt8] {
        guard let byte = peek else { return [] }
        index += 1
        switch byte {
        case UInt8(ascii: "n"): return [0x0A]
        case UInt8(ascii: "t"): return [0x09]
        case UInt8(ascii: "r"): return [0x0D]
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let digits = byte == UInt8(ascii: "u") ? 4 : 8
            let end = min(index + digits, bytes.count)
            let hex = String(decoding: bytes[index..<end], as: UTF8.self)
            guard let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else { return [byte] }
            index = end
            return Array(String(Character(scalar)).utf8)
        default: return [byte]
        }
    }

    /// Skips `{ ... }` after a `$` or `%`, with nested braces and strings, stopping after the `}`.
    private mutating func skipInterpolation(opened line: Int) throws(HCLReadError) {
        var open = 0
        repeat {
            guard let byte = peek else { throw failure("the interpolation opened at line \(line) never closes", final: true) }
            switch byte {
            case UInt8(ascii: "{"):
                open += 1
                index += 1
            case UInt8(ascii: "}"):
                open -= 1
                index += 1
            case UInt8(ascii: "\""):
                _ = try quotedText()
            case 0x0A:
                throw failure("the interpolation opened at line \(line) is not closed on its line", line: line)
            default:
                index += 1
            }
        } while open > 0
    }

    /// A heredoc at the current `<<`: `<<EOT` keeps its lines as they are, `<<-EOT` removes the
    /// indentation they all share. The value is the lines between the marker line and `EOT`.
    mutating func heredoc() throws(HCLReadError) -> String {
        let line = currentLine
        index += 2
        let indented = peek == UInt8(ascii: "-")
        if indented { index += 1 }
        guard let marker = identifier() else { throw failure("expected a heredoc marker after <<, found \(found)") }
        skipInline()
        guard peek == 0x0A || (peek == 0x0D && peek(1) == 0x0A) else {
            throw failure("expected a line break after <<\(marker), found \(found)")
        }
        index += peek == 0x0D ? 2 : 1
        var lines: [Substring] = []
        while index < bytes.count {
            try checkBudget()
            var end = index
            while let byte = byte(at: end), byte != 0x0A { end += 1 }
            var content = String(decoding: bytes[index..<end], as: UTF8.self)[...]
            if content.last == "\r" { content = content.dropLast() }
            index = min(end + 1, bytes.count)
            if content.trimmedOfWhitespace() == marker {
                // The closing marker ends the value; what follows it on the line is the expression's.
                index = end
                return Self.joined(lines, dedent: indented)
            }
            lines.append(content)
        }
        throw failure("the heredoc <<\(marker) opened at line \(line) never closes", line: line, final: true)
    }

    private static func joined(_ lines: [Substring], dedent: Bool) -> String {
        guard dedent else { return lines.map { $0 + "\n" }.joined() }
        let indents = lines.filter { !$0.allSatisfy(\.isWhitespace) }.map { $0.prefix { $0 == " " || $0 == "\t" }.count }
        let common = indents.min() ?? 0
        return lines.map { $0.dropFirst(min(common, $0.prefix { $0 == " " || $0 == "\t" }.count)) + "\n" }.joined()
    }
}
