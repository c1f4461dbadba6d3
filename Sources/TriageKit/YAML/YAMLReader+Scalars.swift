/// Scalars: plain (with line folding), single- and double-quoted (with escapes), literal and folded
/// block scalars (with chomping and indentation indicators), following libyaml's rules.
extension YAMLReader {
    /// A plain scalar. In block context it continues on lines indented deeper than `parentIndent`;
    /// in flow context on any line, up to a flow indicator.
    mutating func plainScalar(parentIndent: Int, inFlow: Bool) throws(YAMLError) -> YAMLNode {
        let startLine = line
        let startColumn = column + 1
        var text: [UInt8] = []
        while true {
            // One line's worth: up to ": ", " #", a line break (and in flow, an indicator).
            let start = position
            while position < bytes.count {
                let current = bytes[position]
                if current == UInt8(ascii: "\n") { break }
                if current == UInt8(ascii: ":") {
                    let next = peek(1)
                    if isBlankOrBreak(next) || (inFlow && isFlowIndicator(next)) { break }
                }
                if current == UInt8(ascii: "#"), position > start, isBlank(bytes[position - 1]) { break }
                if inFlow, isFlowIndicator(current) { break }
                position += 1
            }
            var end = position
            while end > start, isBlank(bytes[end - 1]) { end -= 1 }
            text += bytes[start..<end]
            // A continuation line? Look past the break and any empty lines without committing.
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\n") else { break }
            let saved = (position, line, lineStart)
            var emptyLines = 0
            consumeBreak()
            var continues = false
            while true {
                skipSpaces()
                if atEnd { break }
                if isBreak(byte) {
                    emptyLines += 1
                    consumeBreak()
                    continue
                }
                let content = byte
                continues =
                    (inFlow || column > parentIndent) && !atDocumentBoundary && content != UInt8(ascii: "#")
                    && !(inFlow && (isFlowIndicator(content) || content == UInt8(ascii: ":")))
                break
            }
            guard continues else {
                (position, line, lineStart) = saved
                break
            }
            if emptyLines == 0 {
                text.append(UInt8(ascii: " "))
            } else {
                text += [UInt8](repeating: UInt8(ascii: "\n"), count: emptyLines)
            }
        }
        if text.isEmpty, !inFlow {
            throw YAMLError("expected a value, found '\(String(decoding: [byte], as: UTF8.self))'", line: startLine, column: startColumn)
        }
        return YAMLNode(.scalar(String(decoding: text, as: UTF8.self), .plain), line: startLine, column: startColumn)
    }

    /// Line folding inside quotes: trailing blanks dropped, one break becomes a space, each further
    /// empty line a newline, the next line's leading blanks dropped.
    mutating func foldQuotedBreak(into text: inout [UInt8]) {
        while let last = text.last, isBlank(last) { text.removeLast() }
        consumeBreak()
        var emptyLines = 0
        while true {
            skipSpaces()
            guard !atEnd, isBreak(byte) else { break }
            emptyLines += 1
            consumeBreak()
        }
        if emptyLines == 0 {
            text.append(UInt8(ascii: " "))
        } else {
            text += [UInt8](repeating: UInt8(ascii: "\n"), count: emptyLines)
        }
    }

    mutating func singleQuoted() throws(YAMLError) -> YAMLNode {
        let startLine = line
        let startColumn = column + 1
        position += 1
        var text: [UInt8] = []
        while true {
            guard !atEnd else {
                throw YAMLError("a single-quoted string is not closed", line: startLine, column: startColumn)
            }
            let current = byte
            if current == UInt8(ascii: "'") {
                if peek(1) == UInt8(ascii: "'") {
                    text.append(current)
                    position += 2
                    continue
                }
                position += 1
                break
            }
            if isBreak(current) {
                foldQuotedBreak(into: &text)
                continue
            }
            text.append(current)
            position += 1
        }
        return YAMLNode(.scalar(String(decoding: text, as: UTF8.self), .singleQuoted), line: startLine, column: startColumn)
    }

    mutating func doubleQuoted() throws(YAMLError) -> YAMLNode {
        let startLine = line
        let startColumn = column + 1
        position += 1
        var text: [UInt8] = []
        while true {
            guard !atEnd else {
                throw YAMLError("a double-quoted string is not closed", line: startLine, column: startColumn)
            }
            let current = byte
            if current == UInt8(ascii: "\"") {
                position += 1
                break
            }
            if isBreak(current) {
                foldQuotedBreak(into: &text)
                continue
            }
            if current == UInt8(ascii: "\\") {
                try escape(into: &text)
                continue
            }
            text.append(current)
            position += 1
        }
        return YAMLNode(.scalar(String(decoding: text, as: UTF8.self), .doubleQuoted), line: startLine, column: startColumn)
    }

    /// One escape sequence of a double-quoted string (the cursor is on the backslash).
    mutating func escape(into text: inout [UInt8]) throws(YAMLError) {
        let code = peek(1)
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "0"): 0, UInt8(ascii: "a"): 7, UInt8(ascii: "b"): 8, UInt8(ascii: "t"): 9, 9: 9,
            UInt8(ascii: "n"): 10, UInt8(ascii: "v"): 11, UInt8(ascii: "f"): 12, UInt8(ascii: "r"): 13,
            UInt8(ascii: "e"): 27, UInt8(ascii: " "): 32, UInt8(ascii: "\""): 34, UInt8(ascii: "/"): 47,
            UInt8(ascii: "\\"): 92,
        ]
        if let value = simple[code] {
            text.append(value)
            position += 2
            return
        }
        if isBreak(code) {
            // An escaped line break joins the lines without a space.
            position += 1
            consumeBreak()
            skipSpaces()
            return
        }
        let named: [UInt8: Unicode.Scalar] = [
            UInt8(ascii: "N"): "\u{85}", UInt8(ascii: "_"): "\u{A0}", UInt8(ascii: "L"): "\u{2028}", UInt8(ascii: "P"): "\u{2029}",
        ]
        var scalar: Unicode.Scalar? = named[code]
        var length = 2
        if scalar == nil {
            let digits: Int
            switch code {
            case UInt8(ascii: "x"): digits = 2
            case UInt8(ascii: "u"): digits = 4
            case UInt8(ascii: "U"): digits = 8
            default: throw error("unknown escape '\\\(String(decoding: [code], as: UTF8.self))' in a double-quoted string")
            }
            var value: UInt32 = 0
            for offset in 0..<digits {
                guard let digit = Self.hexValue(peek(2 + offset)) else {
                    throw error("an escape '\\\(String(decoding: [code], as: UTF8.self))' needs \(digits) hexadecimal digits")
                }
                value = value << 4 | UInt32(digit)
            }
            scalar = Unicode.Scalar(value)
            if scalar == nil { throw error("the escape names no Unicode character") }
            length = 2 + digits
        }
        if let scalar { text += Array(String(Character(scalar)).utf8) }
        position += length
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// A `|` or `>` block scalar; its content is indented deeper than `parentIndent`.
    mutating func blockScalar(parentIndent: Int) throws(YAMLError) -> YAMLNode {
        let startLine = line
        let startColumn = column + 1
        let folded = byte == UInt8(ascii: ">")
        position += 1
        var chomping = 0  // -1 strip, 0 clip, +1 keep
        var increment = 0
        for _ in 0..<2 {
            if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") {
                guard chomping == 0 else { throw error("two chomping indicators in a block scalar header") }
                chomping = byte == UInt8(ascii: "+") ? 1 : -1
                position += 1
            } else if byte >= UInt8(ascii: "1"), byte <= UInt8(ascii: "9") {
                guard increment == 0 else { throw error("two indentation indicators in a block scalar header") }
                increment = Int(byte - UInt8(ascii: "0"))
                position += 1
            }
        }
        skipSpaces()
        if byte == UInt8(ascii: "#") { skipRestOfLine() }
        guard atEnd || isBreak(byte) else { throw error("unexpected text after a block scalar's '\(folded ? ">" : "|")' header") }
        if !atEnd { consumeBreak() }

        var indent = increment > 0 ? max(parentIndent, 0) + increment : 0
        var text: [UInt8] = []
        var leadingBreak: [UInt8] = []
        var trailingBreaks: [UInt8] = []
        var leadingBlank = false
        try blockScalarBreaks(indent: &indent, parentIndent: parentIndent, breaks: &trailingBreaks)
        while column == indent, !atEnd, !atDocumentBoundary {
            let trailingBlank = isBlank(byte)
            if folded, leadingBreak.first == UInt8(ascii: "\n"), !leadingBlank, !trailingBlank {
                if trailingBreaks.isEmpty { text.append(UInt8(ascii: " ")) }
                leadingBreak = []
            } else {
                text += leadingBreak
                leadingBreak = []
            }
            text += trailingBreaks
            trailingBreaks = []
            leadingBlank = isBlank(byte)
            let start = position
            skipRestOfLine()
            text += bytes[start..<position]
            if atEnd { break }
            leadingBreak = [UInt8(ascii: "\n")]
            consumeBreak()
            try blockScalarBreaks(indent: &indent, parentIndent: parentIndent, breaks: &trailingBreaks)
        }
        if chomping != -1 { text += leadingBreak }
        if chomping == 1 { text += trailingBreaks }
        return YAMLNode(.scalar(String(decoding: text, as: UTF8.self), folded ? .folded : .literal), line: startLine, column: startColumn)
    }

    /// Skips the indentation and the empty lines before a block scalar's next content line,
    /// collecting one newline per empty line; the first time, finds the content's indentation.
    mutating func blockScalarBreaks(indent: inout Int, parentIndent: Int, breaks: inout [UInt8]) throws(YAMLError) {
        var maxIndent = 0
        while true {
            while (indent == 0 || column < indent), byte == UInt8(ascii: " ") { position += 1 }
            if column > maxIndent { maxIndent = column }
            if (indent == 0 || column < indent), byte == UInt8(ascii: "\t") {
                throw error("a tab where a block scalar's indentation was expected")
            }
            guard !atEnd, isBreak(byte) else { break }
            breaks.append(UInt8(ascii: "\n"))
            consumeBreak()
        }
        if indent == 0 { indent = max(maxIndent, parentIndent + 1, 1) }
    }
}
