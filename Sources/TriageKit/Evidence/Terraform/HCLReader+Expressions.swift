import Foundation

/// The values of attributes: literals, lists, objects, templates, heredocs, references and calls.
extension HCLReader {
    /// One expression. A value followed by an operator (`a ? b : c`, `x + 1`, `a == b`) is kept
    /// whole as `${...}` text: the checks only read literals, references and templates.
    mutating func expression() throws(HCLReadError) -> DocumentNode {
        try checkBudget()
        skipInline()
        let start = index
        let line = currentLine
        let value = try primary()
        skipInline()
        if atExpressionEnd { return value }
        try skipRawExpression()
        return DocumentNode(.string("${\(rawText(from: start))}"), line: line)
    }

    /// Whether the expression ends here: a line break, a separator or a closing bracket.
    var atExpressionEnd: Bool {
        guard let byte = peek else { return true }
        return [0x0A, 0x0D, UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ")")].contains(byte)
    }

    private mutating func primary() throws(HCLReadError) -> DocumentNode {
        let line = currentLine
        guard let byte = peek else { throw failure("a value is missing") }
        switch byte {
        case UInt8(ascii: "\""):
            return DocumentNode(.string(try quotedText()), line: line)
        case UInt8(ascii: "<") where peek(1) == UInt8(ascii: "<"):
            return DocumentNode(.string(try heredoc()), line: line)
        case UInt8(ascii: "["):
            return try bracketed(line: line, closing: UInt8(ascii: "]")) { reader throws(HCLReadError) in
                try reader.tuple(line: line)
            }
        case UInt8(ascii: "{"):
            return try bracketed(line: line, closing: UInt8(ascii: "}")) { reader throws(HCLReadError) in
                try reader.object(line: line)
            }
        case UInt8(ascii: "("):
            let start = index
            try skipBalanced()
            return DocumentNode(.string("${\(rawText(from: start))}"), line: line)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return DocumentNode(.number(number()), line: line)
        case UInt8(ascii: "-") where (peek(1).map { $0 >= 0x30 && $0 <= 0x39 } ?? false):
            index += 1
            return DocumentNode(.number("-" + number()), line: line)
        default:
            guard Self.isIdentifierStart(byte) else {
                if byte == UInt8(ascii: "!") || byte == UInt8(ascii: "-") {
                    let start = index
                    try skipRawExpression()
                    return DocumentNode(.string("${\(rawText(from: start))}"), line: line)
                }
                throw failure("expected a value, found \(found)")
            }
            return try named(line: line)
        }
    }

    /// `[` or `{`: a `for` expression is kept as text; anything else is read as a list or object.
    private mutating func bracketed(
        line: Int, closing: UInt8, read: (inout HCLReader) throws(HCLReadError) -> DocumentNode
    ) throws(HCLReadError) -> DocumentNode {
        let start = index
        var probe = index + 1
        while let byte = byte(at: probe), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { probe += 1 }
        let isFor =
            byte(at: probe) == UInt8(ascii: "f") && byte(at: probe + 1) == UInt8(ascii: "o")
            && byte(at: probe + 2) == UInt8(ascii: "r") && (byte(at: probe + 3).map { $0 == 0x20 || $0 == 0x09 } ?? false)
        if isFor {
            try skipBalanced()
            return DocumentNode(.string("${\(rawText(from: start))}"), line: line)
        }
        return try read(&self)
    }

    private mutating func tuple(line: Int) throws(HCLReadError) -> DocumentNode {
        index += 1
        try enter()
        defer { depth -= 1 }
        var elements: [DocumentNode] = []
        while true {
            skipTrivia()
            if peek == UInt8(ascii: "]") {
                index += 1
                return DocumentNode(.array(elements), line: line)
            }
            guard peek != nil else { throw failure("the list opened at line \(line) never closes", final: true) }
            elements.append(try expression())
            skipTrivia()
            if peek == UInt8(ascii: ",") {
                index += 1
            } else if peek != UInt8(ascii: "]") {
                throw failure("expected , or ] in the list opened at line \(line), found \(found)")
            }
        }
    }

    private mutating func object(line: Int) throws(HCLReadError) -> DocumentNode {
        index += 1
        try enter()
        defer { depth -= 1 }
        var members: [DocumentNode.Member] = []
        while true {
            skipTrivia()
            if peek == UInt8(ascii: "}") {
                index += 1
                return DocumentNode(.object(members), line: line)
            }
            guard peek != nil else { throw failure("the object opened at line \(line) never closes", final: true) }
            let keyLine = currentLine
            let key: String
            if peek == UInt8(ascii: "\"") {
                key = try quotedText()
            } else if peek == UInt8(ascii: "(") {
                let start = index
                try skipBalanced()
                key = "${\(rawText(from: start))}"
            } else if let name = identifier() {
                key = name
            } else {
                throw failure("expected a key in the object opened at line \(line), found \(found)")
            }
            skipInline()
            guard peek == UInt8(ascii: "=") || peek == UInt8(ascii: ":") else {
                throw failure("expected = or : after the key \(key), found \(found)")
            }
            index += 1
            members.append(DocumentNode.Member(key: key, line: keyLine, value: try expression()))
            skipInline()
            if peek == UInt8(ascii: ",") { index += 1 }
        }
    }

    /// A keyword, a reference (`aws_lambda_function.orders.arn`, `var.x`, `data.a.b.json`) or a
    /// function call.
    private mutating func named(line: Int) throws(HCLReadError) -> DocumentNode {
        let start = index
        guard let name = identifier() else { throw failure("expected a value, found \(found)") }
        if peek == UInt8(ascii: "(") { return try call(name, line: line, start: start) }
        switch name {
        case "true": return DocumentNode(.bool(true), line: line)
        case "false": return DocumentNode(.bool(false), line: line)
        case "null": return DocumentNode(.null, line: line)
        default: break
        }
        // The rest of the traversal: `.name`, `.0`, `.*`, `[index]`, `[*]`.
        while let byte = peek {
            if byte == UInt8(ascii: "."), let next = peek(1),
                Self.isIdentifierPart(next) || next == UInt8(ascii: "*")
            {
                index += 2
                while let part = peek, Self.isIdentifierPart(part) { index += 1 }
            } else if byte == UInt8(ascii: "[") {
                try skipBalanced()
            } else {
                break
            }
        }
        return DocumentNode(.string("${\(rawText(from: start))}"), line: line)
    }

    /// `jsonencode(value)` is the value itself (what matters in a policy is its structure);
    /// any other call is kept as text.
    private mutating func call(_ name: String, line: Int, start: Int) throws(HCLReadError) -> DocumentNode {
        if name == "jsonencode" {
            index += 1
            try enter()
            defer { depth -= 1 }
            skipTrivia()
            let value = try expression()
            skipTrivia()
            if peek == UInt8(ascii: ",") { index += 1; skipTrivia() }
            guard peek == UInt8(ascii: ")") else { throw failure("expected ) to close jsonencode, found \(found)") }
            index += 1
            return value
        }
        try skipBalanced()
        return DocumentNode(.string("${\(rawText(from: start))}"), line: line)
    }

    private mutating func number() -> String {
        let start = index
        while let byte = peek, (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: ".") { index += 1 }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            index += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
            while let byte = peek, byte >= 0x30 && byte <= 0x39 { index += 1 }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    func rawText(from start: Int) -> String {
        String(decoding: bytes[start..<index], as: UTF8.self).trimmedOfWhitespace()
    }

    // MARK: - Skipping what is kept as text

    /// Skips a bracketed part (`(...)`, `[...]`, `{...}`) with everything nested inside it, strings
    /// and heredocs included, without recursion.
    mutating func skipBalanced() throws(HCLReadError) {
        let line = currentLine
        var open = 0
        repeat {
            try checkBudget()
            guard let byte = peek else { throw failure("the bracket opened at line \(line) never closes", final: true) }
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                open += 1
                index += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                open -= 1
                index += 1
            case UInt8(ascii: "\""):
                _ = try quotedText()
            case UInt8(ascii: "<") where peek(1) == UInt8(ascii: "<") && open > 0:
                _ = try heredoc()
            default:
                if !skipComment() { index += 1 }
            }
        } while open > 0
    }

    /// Skips the rest of an expression up to its end at this nesting level.
    mutating func skipRawExpression() throws(HCLReadError) {
        while !atExpressionEnd {
            guard let byte = peek else { return }
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): try skipBalanced()
            case UInt8(ascii: "\""): _ = try quotedText()
            case UInt8(ascii: "<") where peek(1) == UInt8(ascii: "<"): _ = try heredoc()
            default: if !skipComment() { index += 1 } else { return }
            }
        }
    }
}
