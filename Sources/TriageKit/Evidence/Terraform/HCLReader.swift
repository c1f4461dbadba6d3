import Foundation

/// A small, tolerant reader for HCL, the language of Terraform's `.tf` files: blocks with labels,
/// attributes, strings with `${...}` interpolation, heredocs (`<<EOT`, `<<-EOT`), numbers, booleans,
/// lists, objects, function calls and comments (`#`, `//`, `/* */`). It keeps the line of every
/// attribute, so a finding quotes the line that sets the value.
///
/// It is not an evaluator: see `HCLDocument` for how expressions are kept. It is bounded whatever
/// the file holds: nesting deeper than `maximumDepth`, more than `maximumItems` values or a read
/// longer than `timeLimit` stops the read with a problem, never a crash or a hang. A block that
/// cannot be read is reported and skipped: reading resumes at the next line that starts a
/// top-level block, so one broken block does not hide the rest of the file.
struct HCLReader {
    static let maximumDepth = 64
    static let maximumItems = 1_000_000
    static let timeLimit: Duration = .seconds(5)
    /// After this many unreadable blocks the file is not worth reading further.
    static let maximumProblems = 10

    let bytes: [UInt8]
    var index = 0
    var depth = 0
    var items = 0
    private let lineStarts: [Int]
    private let deadline: ContinuousClock.Instant

    init(_ text: String) {
        bytes = Array(text.utf8)
        lineStarts = HCLLineIndex.lineStarts(bytes)
        deadline = ContinuousClock.now.advanced(by: Self.timeLimit)
    }

    /// Reads `text` as far as it can.
    static func read(_ text: String) -> HCLDocument {
        var reader = HCLReader(text)
        return reader.document()
    }

    mutating func document() -> HCLDocument {
        var blocks: [HCLBlock] = []
        var attributes: [DocumentNode.Member] = []
        var problems: [String] = []
        while true {
            do {
                guard let item = try topLevelItem() else { break }
                switch item {
                case .block(let block): blocks.append(block)
                case .attribute(let member): attributes.append(member)
                }
            } catch {
                problems.append(error.description)
                if error.isFinal || problems.count >= Self.maximumProblems {
                    if !error.isFinal { problems.append("Stopped reading after \(problems.count) unreadable parts") }
                    break
                }
                depth = 0
                resynchronise()
            }
        }
        return HCLDocument(blocks: blocks, attributes: attributes, problems: problems)
    }

    // MARK: - Blocks and attributes

    enum Item {
        case block(HCLBlock)
        case attribute(DocumentNode.Member)
    }

    /// The next block or attribute at the top level; nil at the end of the file.
    private mutating func topLevelItem() throws(HCLReadError) -> Item? {
        skipTrivia()
        guard index < bytes.count else { return nil }
        if peek == UInt8(ascii: "}") { throw failure("a closing brace with no block to close") }
        return try item()
    }

    /// One attribute (`name = value`) or block (`type "label" { ... }`).
    private mutating func item() throws(HCLReadError) -> Item {
        try checkBudget()
        let line = currentLine
        guard let name = identifier() else { throw failure("expected an attribute or a block, found \(found)") }
        skipInline()
        if peek == UInt8(ascii: "="), peek(1) != UInt8(ascii: "=") {
            index += 1
            let value = try expression()
            skipInline()
            guard atLineEnd || peek == UInt8(ascii: "}") else {
                throw failure("expected a line break after the value of \(name), found \(found)")
            }
            return .attribute(DocumentNode.Member(key: name, line: line, value: value))
        }
        var labels: [String] = []
        while index < bytes.count, peek != UInt8(ascii: "{") {
            if peek == UInt8(ascii: "\"") {
                labels.append(try quotedText())
            } else if let label = identifier() {
                labels.append(label)
            } else {
                throw failure("expected = or a block's labels and {, found \(found)")
            }
            skipInline()
        }
        guard peek == UInt8(ascii: "{") else { throw failure("the block \(name) has no body", line: line) }
        index += 1
        let members = try blockBody(opening: line)
        return .block(HCLBlock(type: name, labels: labels, line: line, body: DocumentNode(.object(members), line: line)))
    }

    /// The items of a block up to its closing brace, nested blocks as members.
    private mutating func blockBody(opening line: Int) throws(HCLReadError) -> [DocumentNode.Member] {
        try enter()
        defer { depth -= 1 }
        var members: [DocumentNode.Member] = []
        while true {
            skipTrivia()
            guard index < bytes.count else { throw failure("the block opened at line \(line) never closes", final: true) }
            if peek == UInt8(ascii: "}") {
                index += 1
                return members
            }
            switch try item() {
            case .attribute(let member): members.append(member)
            case .block(let block): members.append(DocumentNode.Member(key: block.type, line: block.line, value: block.body))
            }
        }
    }

    /// Moves to the start of the next line that looks like a top-level block (`resource "..."`,
    /// `locals {`), after a part that could not be read.
    private mutating func resynchronise() {
        var line = lineIndex(of: index) + 1
        while line < lineStarts.count {
            let start = lineStarts[line]
            if let first = byte(at: start), Self.isIdentifierStart(first) {
                var end = start
                while let byte = byte(at: end), Self.isIdentifierPart(byte) { end += 1 }
                while byte(at: end) == 0x20 || byte(at: end) == 0x09 { end += 1 }
                if byte(at: end) == UInt8(ascii: "\"") || byte(at: end) == UInt8(ascii: "{") {
                    index = start
                    return
                }
            }
            line += 1
        }
        index = bytes.count
    }

    // MARK: - Bounds

    mutating func enter() throws(HCLReadError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw failure("nested more than \(Self.maximumDepth) levels deep", final: true)
        }
    }

    mutating func checkBudget() throws(HCLReadError) {
        items += 1
        if items > Self.maximumItems { throw failure("more than \(Self.maximumItems) values", final: true) }
        if items & 1023 == 0, ContinuousClock.now > deadline {
            throw failure("reading took longer than \(Self.timeLimit)", final: true)
        }
    }

    // MARK: - Characters

    func byte(at offset: Int) -> UInt8? {
        offset >= 0 && offset < bytes.count ? bytes[offset] : nil
    }

    var peek: UInt8? { byte(at: index) }

    func peek(_ offset: Int) -> UInt8? { byte(at: index + offset) }

    var atLineEnd: Bool {
        guard let byte = peek else { return true }
        return byte == 0x0A || byte == 0x0D
    }

    /// What the reader found, for messages: the character, or "the end of the file".
    var found: String {
        guard let byte = peek else { return "the end of the file" }
        if byte == 0x0A || byte == 0x0D { return "a line break" }
        let scalar = Unicode.Scalar(byte)
        return byte < 0x80 && byte >= 0x20 ? "'\(Character(scalar))'" : "byte 0x\(String(byte, radix: 16))"
    }

    var currentLine: Int { lineIndex(of: index) + 1 }

    func lineIndex(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    func failure(_ message: String, line: Int? = nil, final: Bool = false) -> HCLReadError {
        HCLReadError(message: message, line: line ?? currentLine, isFinal: final)
    }

    static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "_")
    }

    static func isIdentifierPart(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-")
    }

    mutating func identifier() -> String? {
        guard let first = peek, Self.isIdentifierStart(first) else { return nil }
        let start = index
        while let byte = peek, Self.isIdentifierPart(byte) { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// Skips blanks, line breaks and comments.
    mutating func skipTrivia() {
        while let byte = peek {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0xEF && peek(1) == 0xBB {
                index += byte == 0xEF ? 3 : 1
            } else if !skipComment() {
                return
            }
        }
    }

    /// Skips blanks and comments on the current line, stopping before its line break.
    mutating func skipInline() {
        while let byte = peek {
            if byte == 0x20 || byte == 0x09 {
                index += 1
            } else if byte == 0x0D, peek(1) != 0x0A {
                index += 1
            } else if !skipComment() {
                return
            }
        }
    }

    /// Skips one comment; false when there is none here. A line comment stops before its line break.
    mutating func skipComment() -> Bool {
        if peek == UInt8(ascii: "#") || (peek == UInt8(ascii: "/") && peek(1) == UInt8(ascii: "/")) {
            while let byte = peek, byte != 0x0A { index += 1 }
            return true
        }
        if peek == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*") {
            index += 2
            while index < bytes.count, !(peek == UInt8(ascii: "*") && peek(1) == UInt8(ascii: "/")) { index += 1 }
            index = min(index + 2, bytes.count)
            return true
        }
        return false
    }
}

