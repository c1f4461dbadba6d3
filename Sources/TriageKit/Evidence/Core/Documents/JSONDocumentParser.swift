import Foundation

/// Reads JSON into a `DocumentNode` tree that remembers the line of every key and value.
///
/// Foundation's reader forgets where things are, and a finding must quote the line of the key it
/// is about, so the project reads JSON itself. Two modes:
/// - whole documents (`parse`): anything but exactly one JSON value is an error with a line number;
/// - the start of a file (`parsePrefix`), for detection: the 64 KiB sample of a large export stops
///   in the middle, and what was read so far is still worth looking at.
enum JSONDocumentParser {
    /// Deeper nesting than this is refused rather than risking the stack on a hostile file.
    static let maximumDepth = ParserLimits.nestingDepth

    /// Parses one complete JSON document.
    static func parse(_ text: String) throws(JSONDocumentError) -> DocumentNode {
        var reader = Reader(bytes: Array(text.utf8), tolerateEnd: false)
        return try reader.document()
    }

    /// Parses as much of a document as `text` holds; `nil` when it does not start like JSON.
    /// `isComplete` is false when the text stopped inside the value.
    static func parsePrefix(_ text: String) -> (root: DocumentNode, isComplete: Bool, hasMore: Bool)? {
        var reader = Reader(bytes: Array(text.utf8), tolerateEnd: true)
        guard let root = try? reader.value(depth: 0) else { return nil }
        reader.skipWhitespace()
        return (root, !reader.reachedEndEarly, !reader.atEnd)
    }
}

/// Why a text is not one JSON document, with where it went wrong.
struct JSONDocumentError: Error, Equatable, CustomStringConvertible {
    enum Problem: Equatable {
        case empty
        case endedEarly
        case unexpected(String)
        case invalidEscape
        case trailingContent
        case tooDeep
    }

    var problem: Problem
    var line: Int
    var column: Int

    var description: String {
        switch problem {
        case .empty: "the file is empty"
        case .endedEarly: "the JSON stops before it is complete (line \(line)): the file looks cut off or truncated"
        case .unexpected(let found): "not valid JSON: unexpected \(found) at line \(line), column \(column)"
        case .invalidEscape: "not valid JSON: a bad escape sequence at line \(line), column \(column)"
        case .trailingContent:
            "more than one JSON value: something follows the document at line \(line) (JSON lines are not one document)"
        case .tooDeep: "nested more than \(JSONDocumentParser.maximumDepth) levels deep at line \(line)"
        }
    }
}

private struct Reader {
    let bytes: [UInt8]
    /// Prefix mode: the end of the text closes every open value instead of being an error.
    let tolerateEnd: Bool
    var index = 0
    var line = 1
    var lineStart = 0
    private(set) var reachedEndEarly = false

    init(bytes: [UInt8], tolerateEnd: Bool) {
        self.bytes = bytes
        self.tolerateEnd = tolerateEnd
        // A byte-order mark is not content.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3; lineStart = 3 }
    }

    var atEnd: Bool { index >= bytes.count }

    mutating func document() throws(JSONDocumentError) -> DocumentNode {
        skipWhitespace()
        guard !atEnd, let root = try value(depth: 0) else { throw error(.empty) }
        skipWhitespace()
        if !atEnd { throw error(.trailingContent) }
        return root
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\n"):
                index += 1
                line += 1
                lineStart = index
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                index += 1
            default:
                return
            }
        }
    }

    func error(_ problem: JSONDocumentError.Problem) -> JSONDocumentError {
        JSONDocumentError(problem: problem, line: line, column: index - lineStart + 1)
    }

    /// At the end of the text: an error for whole documents, a note for prefixes.
    mutating func endOfText() throws(JSONDocumentError) {
        guard tolerateEnd else { throw error(.endedEarly) }
        reachedEndEarly = true
    }

    func found() -> String {
        guard index < bytes.count else { return "end of file" }
        let byte = bytes[index]
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(UnicodeScalar(byte)))'" }
        return String(format: "byte 0x%02X", byte)
    }

    /// The next value; nil only in prefix mode, when the text ends before the value starts.
    mutating func value(depth: Int) throws(JSONDocumentError) -> DocumentNode? {
        skipWhitespace()
        guard depth < JSONDocumentParser.maximumDepth else { throw error(.tooDeep) }
        guard index < bytes.count else {
            try endOfText()
            return nil
        }
        let startLine = line
        switch bytes[index] {
        case UInt8(ascii: "{"): return DocumentNode(try object(depth: depth), line: startLine)
        case UInt8(ascii: "["): return DocumentNode(try array(depth: depth), line: startLine)
        case UInt8(ascii: "\""): return DocumentNode(.string(try string()), line: startLine)
        case UInt8(ascii: "t"): return DocumentNode(try literal("true", .bool(true)), line: startLine)
        case UInt8(ascii: "f"): return DocumentNode(try literal("false", .bool(false)), line: startLine)
        case UInt8(ascii: "n"): return DocumentNode(try literal("null", .null), line: startLine)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return DocumentNode(try number(), line: startLine)
        default:
            throw error(.unexpected(found()))
        }
    }

    mutating func object(depth: Int) throws(JSONDocumentError) -> DocumentNode.Value {
        index += 1  // {
        var members: [DocumentNode.Member] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count else { try endOfText(); return .object(members) }
            guard bytes[index] == UInt8(ascii: "\"") else { throw error(.unexpected(found())) }
            let keyLine = line
            let key = try string()
            skipWhitespace()
            guard index < bytes.count else { try endOfText(); return .object(members) }
            guard bytes[index] == UInt8(ascii: ":") else { throw error(.unexpected(found())) }
            index += 1
            guard let member = try value(depth: depth + 1) else { return .object(members) }
            members.append(DocumentNode.Member(key: key, line: keyLine, value: member))
            skipWhitespace()
            guard index < bytes.count else { try endOfText(); return .object(members) }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): index += 1; return .object(members)
            default: throw error(.unexpected(found()))
            }
        }
    }

    mutating func array(depth: Int) throws(JSONDocumentError) -> DocumentNode.Value {
        index += 1  // [
        var elements: [DocumentNode] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            guard let element = try value(depth: depth + 1) else { return .array(elements) }
            elements.append(element)
            skipWhitespace()
            guard index < bytes.count else { try endOfText(); return .array(elements) }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): index += 1; return .array(elements)
            default: throw error(.unexpected(found()))
            }
        }
    }

    mutating func literal(_ word: String, _ result: DocumentNode.Value) throws(JSONDocumentError) -> DocumentNode.Value {
        for expected in word.utf8 {
            guard index < bytes.count else { try endOfText(); return .null }
            guard bytes[index] == expected else { throw error(.unexpected(found())) }
            index += 1
        }
        return result
    }

    mutating func number() throws(JSONDocumentError) -> DocumentNode.Value {
        let start = index
        func isNumberByte(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
                UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
                true
            default: false
            }
        }
        while index < bytes.count, isNumberByte(bytes[index]) { index += 1 }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard Self.isJSONNumber(bytes[start..<index]) else {
            if index >= bytes.count && tolerateEnd { reachedEndEarly = true; return .number(text) }
            index = start
            throw error(.unexpected(found()))
        }
        return .number(text)
    }

    /// JSON's number grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    static func isJSONNumber(_ number: ArraySlice<UInt8>) -> Bool {
        var rest = number[...]
        func digits() -> Int {
            var count = 0
            while let byte = rest.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                rest = rest.dropFirst()
                count += 1
            }
            return count
        }
        if rest.first == UInt8(ascii: "-") { rest = rest.dropFirst() }
        if rest.first == UInt8(ascii: "0") {
            rest = rest.dropFirst()
        } else if digits() == 0 {
            return false
        }
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            if digits() == 0 { return false }
        }
        if rest.first == UInt8(ascii: "e") || rest.first == UInt8(ascii: "E") {
            rest = rest.dropFirst()
            if rest.first == UInt8(ascii: "+") || rest.first == UInt8(ascii: "-") { rest = rest.dropFirst() }
            if digits() == 0 { return false }
        }
        return rest.isEmpty
    }

    mutating func string() throws(JSONDocumentError) -> String {
        index += 1  // opening quote
        var scalars: [UInt8] = []
        while true {
            guard index < bytes.count else {
                try endOfText()
                return String(decoding: scalars, as: UTF8.self)
            }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: scalars, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                try escape(into: &scalars)
            case UInt8(ascii: "\n"):
                // JSON strings cannot span lines. Nothing but blanks after it: the text was cut here.
                if bytes[index...].allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
                    index = bytes.count
                    try endOfText()
                    return String(decoding: scalars, as: UTF8.self)
                }
                throw error(.unexpected("a line break inside a string"))
            default:
                // Copy the run of plain bytes up to the next quote, escape or line break at once.
                let start = index
                while index < bytes.count, !Self.endsPlainRun(bytes[index]) { index += 1 }
                scalars.append(contentsOf: bytes[start..<index])
            }
        }
    }

    static func endsPlainRun(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\n")
    }

    mutating func escape(into scalars: inout [UInt8]) throws(JSONDocumentError) {
        guard index < bytes.count else { try endOfText(); return }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(byte)
        case UInt8(ascii: "b"): scalars.append(0x08)
        case UInt8(ascii: "f"): scalars.append(0x0C)
        case UInt8(ascii: "n"): scalars.append(0x0A)
        case UInt8(ascii: "r"): scalars.append(0x0D)
        case UInt8(ascii: "t"): scalars.append(0x09)
        case UInt8(ascii: "u"):
            guard var code = try hexQuad() else { return }
            // A high surrogate followed by a low one is a single character outside the BMP.
            if (0xD800...0xDBFF).contains(code), index + 1 < bytes.count,
                bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            {
                index += 2
                guard let low = try hexQuad() else { return }
                if (0xDC00...0xDFFF).contains(low) {
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
            }
            let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
            scalars.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
            index -= 1
            throw error(.invalidEscape)
        }
    }

    /// Four hex digits of a `\u` escape; nil when the text ends first (prefix mode).
    mutating func hexQuad() throws(JSONDocumentError) -> UInt32? {
        var code: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { try endOfText(); return nil }
            guard let digit = hexValue(bytes[index]) else { throw error(.invalidEscape) }
            code = code * 16 + digit
            index += 1
        }
        return code
    }

    func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
