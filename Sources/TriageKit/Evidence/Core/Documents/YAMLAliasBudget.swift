/// Refuses a YAML text whose aliases would copy more than `ParserLimits.yamlAliasExpansions`
/// nodes, by looking at its bytes before the reader copies anything.
///
/// The "billion laughs" template defines an anchor, then anchors that alias the previous one nine
/// times, nine levels deep: 524 bytes that expand to 9^9 nodes. The check finds anchors (`&name`)
/// and aliases (`*name`) outside quotes and comments, keeps the anchors still open (by indentation
/// in block style, by brackets in flow style), counts the nodes each anchor holds (a line in block
/// style, an item or bracket in flow style), and adds each alias's whole expansion to every anchor
/// it sits in: so one alias of a large anchor costs as much as a ladder of small ones. It errs on the side of counting more (a plain scalar holding ` &x` counts as an
/// anchor), which only matters for files with thousands of aliases, which templates never have.
/// Cost: one pass over the bytes.
struct YAMLAliasBudget {
    private struct OpenAnchor {
        var name: Substring
        var indent: Int
        var flowDepth: Int
        var inner = 0
    }

    private var expansions: [Substring: Int] = [:]
    private var open: [OpenAnchor] = []
    private var total = 0

    /// Throws when the text's aliases would expand beyond the budget, or when its flow
    /// collections nest deeper than `ParserLimits.nestingDepth` (the reader reads them recursively).
    static func check(_ text: String) throws(YAMLDocumentError) {
        var budget = YAMLAliasBudget()
        try budget.scan(text)
    }

    private mutating func scan(_ text: String) throws(YAMLDocumentError) {
        let bytes = Array(text.utf8)
        var index = 0
        var line = 1
        var indent = 0
        var atLineStart = true
        var flowDepth = 0
        var previous: UInt8 = UInt8(ascii: "\n")
        var quote: UInt8?
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == UInt8(ascii: "\\"), open == UInt8(ascii: "\"") {
                    index += 2
                    continue
                }
                if byte == open { quote = nil }
                if byte == UInt8(ascii: "\n") { line += 1 }
                previous = byte
                index += 1
                continue
            }
            if byte == UInt8(ascii: "\n") {
                line += 1
                indent = 0
                atLineStart = true
                previous = byte
                index += 1
                continue
            }
            if atLineStart {
                if byte == UInt8(ascii: " ") {
                    indent += 1
                    index += 1
                    continue
                }
                atLineStart = false
                if byte != UInt8(ascii: "#"), flowDepth == 0 {
                    let startsItem = byte == UInt8(ascii: "-") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: " ")
                    closeBlockAnchors(indent: indent, startsItem: startsItem)
                    node()
                }
            }
            switch byte {
            case UInt8(ascii: "#") where Self.isSpace(previous):
                // A comment: skip to the end of the line.
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
                continue
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if Self.startsToken(previous) { quote = byte }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                flowDepth += 1
                node()
                if flowDepth > ParserLimits.nestingDepth {
                    throw YAMLDocumentError(message: ParserLimits.tooDeep("brackets", line: nil), line: line)
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                flowDepth = max(0, flowDepth - 1)
                closeFlowAnchors { $0.flowDepth > flowDepth }
            case UInt8(ascii: ","):
                if flowDepth > 0 {
                    closeFlowAnchors { $0.flowDepth >= flowDepth }
                    node()
                }
            case UInt8(ascii: "&"), UInt8(ascii: "*"):
                guard Self.startsToken(previous) else { break }
                var end = index + 1
                while end < bytes.count, !Self.endsName(bytes[end]) { end += 1 }
                guard end > index + 1 else { break }
                let name = Substring(String(decoding: bytes[(index + 1)..<end], as: UTF8.self))
                if byte == UInt8(ascii: "&") {
                    try anchor(name, indent: indent, flowDepth: flowDepth, line: line)
                } else {
                    try alias(name, line: line)
                }
                previous = bytes[end - 1]
                index = end
                continue
            default:
                break
            }
            previous = byte
            index += 1
        }
    }

    private mutating func anchor(_ name: Substring, indent: Int, flowDepth: Int, line: Int) throws(YAMLDocumentError) {
        guard open.count < ParserLimits.yamlOpenAnchors else {
            throw YAMLDocumentError(
                message: "anchors nested more than \(ParserLimits.yamlOpenAnchors) deep (the limit for YAML aliases)", line: line)
        }
        open.append(OpenAnchor(name: name, indent: indent, flowDepth: flowDepth))
    }

    /// One more node inside every open anchor.
    private mutating func node() {
        for position in open.indices { open[position].inner += 1 }
    }

    private mutating func alias(_ name: Substring, line: Int) throws(YAMLDocumentError) {
        // An alias to an anchor still open (or unknown) counts once: the reader refuses those anyway.
        let weight = expansions[name] ?? 1
        total += weight
        for position in open.indices { open[position].inner += weight }
        if total > ParserLimits.yamlAliasExpansions || open.contains(where: { $0.inner > ParserLimits.yamlAliasExpansions }) {
            throw YAMLDocumentError(message: Self.bombMessage, line: line)
        }
    }

    static let bombMessage =
        "its aliases would copy more than \(CountText.grouped(ParserLimits.yamlAliasExpansions)) nodes "
        + "(the limit for YAML aliases; a \"billion laughs\" alias bomb looks like this), so it was refused before expanding them"

    /// Block style: a line at or left of an anchor's line ends it, except a `- ` item at the same
    /// indent (YAML lets a sequence under a key start at the key's indent).
    private mutating func closeBlockAnchors(indent: Int, startsItem: Bool) {
        while let last = open.last, last.flowDepth == 0, indent < last.indent || (indent == last.indent && !startsItem) {
            close(open.removeLast())
        }
        // Anchors opened inside a flow collection close with it (handled at the bracket).
    }

    /// Flow style: anchors inside a collection close at its bracket or at the next comma.
    private mutating func closeFlowAnchors(where isClosed: (OpenAnchor) -> Bool) {
        while let last = open.last, isClosed(last) { close(open.removeLast()) }
    }

    private mutating func close(_ anchor: OpenAnchor) {
        expansions[anchor.name] = 1 + anchor.inner
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
    }

    /// Anchors, aliases and quotes start a token: after a space, a line start or flow punctuation.
    private static func startsToken(_ previous: UInt8) -> Bool {
        isSpace(previous) || previous == UInt8(ascii: "[") || previous == UInt8(ascii: "{") || previous == UInt8(ascii: ",")
            || previous == UInt8(ascii: ":") || previous == UInt8(ascii: "-") || previous == UInt8(ascii: "?")
    }

    private static func endsName(_ byte: UInt8) -> Bool {
        isSpace(byte) || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "[")
            || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")
    }
}
