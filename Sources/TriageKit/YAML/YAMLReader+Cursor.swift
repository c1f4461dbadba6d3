/// The reader's cursor: looking at bytes, skipping blanks and comments, keeping line and column.
extension YAMLReader {
    var atEnd: Bool { position >= bytes.count }

    /// The byte at the cursor, or 0 at the end (0 is never meaningful YAML syntax).
    var byte: UInt8 { position < bytes.count ? bytes[position] : 0 }

    func peek(_ offset: Int) -> UInt8 {
        let index = position + offset
        return index < bytes.count ? bytes[index] : 0
    }

    /// 0-based byte column of the cursor.
    var column: Int { position - lineStart }

    func isBreak(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "\n") }

    func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    /// Blank, line break, or the end (0).
    func isBlankOrBreak(_ byte: UInt8) -> Bool { isBlank(byte) || byte == UInt8(ascii: "\n") || byte == 0 }

    func isFlowIndicator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
            || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")
    }

    /// `- ` (or `-` at a line end): a block sequence entry.
    var atSequenceEntry: Bool { byte == UInt8(ascii: "-") && isBlankOrBreak(peek(1)) }

    /// `? `: an explicit mapping key.
    var atExplicitKey: Bool { byte == UInt8(ascii: "?") && isBlankOrBreak(peek(1)) }

    /// `---` or `...` at column 0 followed by a blank or the end.
    func atDocumentMarker(_ mark: UInt8) -> Bool {
        column == 0 && byte == mark && peek(1) == mark && peek(2) == mark && isBlankOrBreak(peek(3))
    }

    var atDocumentBoundary: Bool { atDocumentMarker(UInt8(ascii: "-")) || atDocumentMarker(UInt8(ascii: ".")) }

    /// At a line break, the end, or a comment (a `#` here always follows a blank or starts the line).
    var atLineEndOrComment: Bool { atEnd || isBreak(byte) || byte == UInt8(ascii: "#") }

    mutating func skipSpaces() {
        while position < bytes.count, isBlank(bytes[position]) { position += 1 }
    }

    /// Consumes a line break, moving the line counters.
    mutating func consumeBreak() {
        position += 1
        line += 1
        lineStart = position
    }

    mutating func skipRestOfLine() {
        while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
    }

    /// Skips blanks, comments and line breaks up to the next content byte (or the end).
    mutating func skipToContent() {
        while position < bytes.count {
            let current = bytes[position]
            if isBlank(current) {
                position += 1
            } else if current == UInt8(ascii: "\n") {
                consumeBreak()
            } else if current == UInt8(ascii: "#"), position == lineStart || isBlank(bytes[position - 1]) {
                skipRestOfLine()
            } else {
                return
            }
        }
    }

    /// After a node in block context only blanks and a comment may follow on its line.
    mutating func expectLineEnd(after what: String) throws(YAMLError) {
        skipSpaces()
        if atLineEndOrComment { return }
        if byte == UInt8(ascii: ":") { throw error("unexpected ':' after \(what) (a key on the same line as another key's value?)") }
        throw error("unexpected '\(String(decoding: [byte], as: UTF8.self))' after \(what)")
    }

    /// Whether a simple key starts here: a quoted or plain scalar, or an alias, followed on the same
    /// line by ':' and a blank or the line end. Looks ahead without moving the cursor.
    func atImplicitKey() -> Bool {
        var index = position
        func at(_ offset: Int) -> UInt8 { index + offset < bytes.count ? bytes[index + offset] : 0 }
        // Properties in front of the key.
        while at(0) == UInt8(ascii: "!") || at(0) == UInt8(ascii: "&") {
            while !isBlankOrBreak(at(0)) { index += 1 }
            while isBlank(at(0)) { index += 1 }
        }
        let first = at(0)
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            index += 1
            while index < bytes.count {
                let current = bytes[index]
                if current == UInt8(ascii: "\n") { return false }
                if first == UInt8(ascii: "\""), current == UInt8(ascii: "\\") {
                    index += 2
                    continue
                }
                if current == first {
                    if first == UInt8(ascii: "'"), at(1) == UInt8(ascii: "'") {
                        index += 2
                        continue
                    }
                    index += 1
                    break
                }
                index += 1
            }
            while isBlank(at(0)) { index += 1 }
            return at(0) == UInt8(ascii: ":") && isBlankOrBreak(at(1))
        }
        if first == UInt8(ascii: "[") || first == UInt8(ascii: "{") || first == UInt8(ascii: "|")
            || first == UInt8(ascii: ">") || first == UInt8(ascii: "#") || isBlankOrBreak(first)
        {
            return false
        }
        while index < bytes.count {
            let current = bytes[index]
            if current == UInt8(ascii: "\n") { return false }
            if current == UInt8(ascii: ":"), isBlankOrBreak(at(1)) { return true }
            if current == UInt8(ascii: "#"), index > position, isBlank(bytes[index - 1]) { return false }
            index += 1
        }
        return false
    }

    /// An error at the cursor.
    func error(_ message: String) -> YAMLError {
        YAMLError(message, line: line, column: column + 1)
    }
}
