/// Reads YAML text into `YAMLNode` trees: block and flow collections, plain, quoted and block
/// scalars, comments, several documents, anchors and aliases, tags, merge keys (kept as written).
///
/// It works on the UTF-8 bytes with one cursor and no regular expressions, so loading the built-in
/// content stays a small part of start-up. Bounds: nesting deeper than `ParserLimits.nestingDepth`
/// and aliases copying more than `ParserLimits.yamlAliasExpansions` nodes are refused with a
/// `YAMLError` naming the line and column, never a crash.
public struct YAMLReader {
    /// The bytes, with CRLF and lone CR turned into LF (so line numbers match an editor's) and a
    /// leading byte order mark dropped.
    let bytes: [UInt8]
    var position = 0
    /// 1-based line of `position`.
    var line = 1
    /// Index of the first byte of the current line (columns are counted from it).
    var lineStart = 0
    var anchors: [String: (node: YAMLNode, weight: Int)] = [:]
    /// Nodes made so far in this document; an alias adds its anchor's node count.
    var nodeCount = 0
    /// Nodes copied through aliases so far in this document.
    var copied = 0

    init(_ text: String) {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.contains(UInt8(ascii: "\r")) {
            var normalised: [UInt8] = []
            normalised.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\r") {
                    normalised.append(UInt8(ascii: "\n"))
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
                } else {
                    normalised.append(byte)
                }
                index += 1
            }
            bytes = normalised
        }
        self.bytes = bytes
    }

    /// Every document of `text`, in order (an empty text has none).
    public static func documents(_ text: String) throws(YAMLError) -> [YAMLNode] {
        var reader = YAMLReader(text)
        return try reader.readStream()
    }

    /// The first document of `text`, or nil when it holds none.
    public static func firstDocument(_ text: String) throws(YAMLError) -> YAMLNode? {
        try documents(text).first
    }

    /// The only document of `text` (nil for none); more than one is an error, as for a decoder.
    public static func singleDocument(_ text: String) throws(YAMLError) -> YAMLNode? {
        var reader = YAMLReader(text)
        let documents = try reader.readStream()
        if documents.count > 1 {
            throw YAMLError("expected a single document, found \(documents.count)", line: documents[1].line, column: documents[1].column)
        }
        return documents.first
    }

    // MARK: Documents

    mutating func readStream() throws(YAMLError) -> [YAMLNode] {
        var documents: [YAMLNode] = []
        while true {
            skipToContent()
            if atEnd { break }
            if column == 0, byte == UInt8(ascii: "%") {
                skipRestOfLine()
                continue
            }
            if atDocumentMarker(UInt8(ascii: ".")) {
                position += 3
                try expectLineEnd(after: "the document end marker '...'")
                continue
            }
            anchors = [:]
            nodeCount = 0
            copied = 0
            var explicitStart = false
            if atDocumentMarker(UInt8(ascii: "-")) {
                position += 3
                explicitStart = true
            }
            let document: YAMLNode
            if explicitStart {
                document = try blockValue(parentIndent: -1, sequenceAtParent: false, mappingInline: false, depth: 0)
            } else {
                document = try node(atIndent: column, parentIndent: -1, properties: Properties(), mappingAllowed: true, depth: 0)
            }
            documents.append(document)
            skipToContent()
            if atEnd || atDocumentMarker(UInt8(ascii: "-")) || atDocumentMarker(UInt8(ascii: ".")) { continue }
            throw error("unexpected content after the document's top-level node (bad indentation?)")
        }
        return documents
    }

    // MARK: Block structure

    /// The node after `key:`, `- ` or `---`: on the same line, on the lines below indented deeper
    /// than `parentIndent` (or a `- ` sequence at the parent's indent, after a mapping key), or empty.
    mutating func blockValue(parentIndent: Int, sequenceAtParent: Bool, mappingInline: Bool, depth: Int) throws(YAMLError) -> YAMLNode {
        skipSpaces()
        let startLine = line
        let startColumn = column + 1
        let properties = try readProperties()
        if atLineEndOrComment {
            skipToContent()
            let indent = column
            let nested =
                !atEnd && !atDocumentBoundary
                && (indent > parentIndent || (sequenceAtParent && indent == parentIndent && atSequenceEntry))
            if nested {
                var node = try self.node(atIndent: indent, parentIndent: parentIndent, properties: properties, mappingAllowed: true, depth: depth)
                if properties.isPresent { place(&node, line: startLine, column: startColumn, anchor: properties.anchor) }
                return node
            }
            return finish(YAMLNode(.scalar("", .plain), line: startLine, column: startColumn), properties: properties, since: nodeCount)
        }
        if !mappingInline, atSequenceEntry {
            throw error("a sequence entry on the same line as its key (start it on the next line)")
        }
        var node = try self.node(
            atIndent: column, parentIndent: parentIndent, properties: properties, mappingAllowed: mappingInline, depth: depth)
        if properties.isPresent { place(&node, line: startLine, column: startColumn, anchor: properties.anchor) }
        return node
    }

    /// A node with properties starts where they do; its anchor's copy starts there too.
    mutating func place(_ node: inout YAMLNode, line: Int, column: Int, anchor: String?) {
        node.line = line
        node.column = column
        if let anchor { anchors[anchor]?.node = node }
    }

    /// The node starting at the cursor (a content byte at column `indent`).
    mutating func node(atIndent indent: Int, parentIndent: Int, properties: Properties, mappingAllowed: Bool, depth: Int) throws(YAMLError) -> YAMLNode {
        let before = nodeCount
        guard depth < ParserLimits.nestingDepth else { throw error(ParserLimits.tooDeep("YAML", line: line)) }
        if atSequenceEntry {
            return finish(try blockSequence(indent: indent, depth: depth + 1), properties: properties, since: before)
        }
        if mappingAllowed, atImplicitKey() || atExplicitKey {
            return finish(try blockMapping(indent: indent, depth: depth + 1), properties: properties, since: before)
        }
        let node: YAMLNode
        switch byte {
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            // A block scalar ends at the start of the next less-indented line: nothing to check after it.
            return finish(try blockScalar(parentIndent: parentIndent), properties: properties, since: before)
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            node = try flowCollection(depth: depth + 1)
        case UInt8(ascii: "*"):
            return try alias()
        case UInt8(ascii: "\""):
            node = try doubleQuoted()
        case UInt8(ascii: "'"):
            node = try singleQuoted()
        default:
            node = try plainScalar(parentIndent: parentIndent, inFlow: false)
        }
        try expectLineEnd(after: "a value")
        return finish(node, properties: properties, since: before)
    }

    mutating func blockSequence(indent: Int, depth: Int) throws(YAMLError) -> YAMLNode {
        let startLine = line
        var items: [YAMLNode] = []
        while true {
            position += 1  // the "-"
            items.append(try blockValue(parentIndent: indent, sequenceAtParent: false, mappingInline: true, depth: depth))
            skipToContent()
            if atEnd || atDocumentBoundary || column < indent { break }
            if column > indent { throw error("bad indentation of a sequence entry (expected column \(indent + 1))") }
            if !atSequenceEntry { break }
        }
        return counted(YAMLNode(.sequence(items), line: startLine, column: indent + 1))
    }

    mutating func blockMapping(indent: Int, depth: Int) throws(YAMLError) -> YAMLNode {
        let startLine = line
        var pairs: [YAMLPair] = []
        var seen: Set<String> = []
        while true {
            let keyLine = line
            let keyColumn = column + 1
            let key: YAMLNode
            if atExplicitKey {
                position += 1
                key = try blockValue(parentIndent: indent, sequenceAtParent: false, mappingInline: true, depth: depth)
                skipToContent()
                guard !atEnd, column == indent, byte == UInt8(ascii: ":") else {
                    pairs.append(YAMLPair(key: key, value: counted(YAMLNode(.scalar("", .plain), line: line, column: column + 1))))
                    if atEnd || atDocumentBoundary || column < indent { break }
                    if column > indent { throw error("bad indentation of a mapping entry (expected column \(indent + 1))") }
                    continue
                }
            } else {
                key = try implicitKey()
                skipSpaces()
                guard byte == UInt8(ascii: ":") else { throw error("expected ':' after the mapping key") }
            }
            position += 1  // the ":"
            if let text = key.scalarText, !key.isMergeKey {
                if !seen.insert(text).inserted {
                    throw YAMLError("duplicate mapping key '\(text)'", line: keyLine, column: keyColumn)
                }
            }
            let value = try blockValue(parentIndent: indent, sequenceAtParent: true, mappingInline: false, depth: depth)
            pairs.append(YAMLPair(key: key, value: value))
            skipToContent()
            if atEnd || atDocumentBoundary || column < indent { break }
            if column > indent { throw error("bad indentation of a mapping entry (expected column \(indent + 1))") }
            if atSequenceEntry { throw error("a sequence entry where a mapping key was expected") }
        }
        return counted(YAMLNode(.mapping(pairs), line: startLine, column: indent + 1))
    }

    /// A key on the current line: properties, then a quoted or plain scalar or an alias, before ':'.
    mutating func implicitKey() throws(YAMLError) -> YAMLNode {
        let before = nodeCount
        let properties = try readProperties()
        let key: YAMLNode
        switch byte {
        case UInt8(ascii: "\""): key = try doubleQuoted()
        case UInt8(ascii: "'"): key = try singleQuoted()
        case UInt8(ascii: "*"): return try alias()
        default: key = try plainScalar(parentIndent: Int.max, inFlow: false)
        }
        return finish(key, properties: properties, since: before)
    }

    // MARK: Properties, aliases, counting

    /// A node's tag and anchor, written before it in either order.
    struct Properties {
        var tag: String?
        var anchor: String?
        var isPresent: Bool { tag != nil || anchor != nil }
    }

    mutating func readProperties() throws(YAMLError) -> Properties {
        var properties = Properties()
        while !atEnd {
            if byte == UInt8(ascii: "!"), properties.tag == nil {
                properties.tag = readTag()
            } else if byte == UInt8(ascii: "&"), properties.anchor == nil {
                position += 1
                let name = readName()
                if name.isEmpty { throw error("an anchor '&' without a name") }
                properties.anchor = name
            } else {
                break
            }
            skipSpaces()
        }
        return properties
    }

    /// `!Ref`, `!!str` (the standard prefix), `!<verbatim>`, `!`: the tag text up to a blank.
    mutating func readTag() -> String {
        let start = position
        if peek(1) == UInt8(ascii: "<") {
            while !atEnd, byte != UInt8(ascii: ">"), !isBreak(byte) { position += 1 }
            if !atEnd, byte == UInt8(ascii: ">") { position += 1 }
            return String(decoding: bytes[(start + 2)..<max(start + 2, position - 1)], as: UTF8.self)
        }
        while !atEnd, !isBlankOrBreak(byte), !isFlowIndicator(byte) { position += 1 }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if text.hasPrefix("!!") { return YAMLTag.prefix + text.dropFirst(2) }
        return text
    }

    /// An anchor or alias name: up to a blank or a flow indicator.
    mutating func readName() -> String {
        let start = position
        while !atEnd, !isBlankOrBreak(byte), !isFlowIndicator(byte) { position += 1 }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    mutating func alias() throws(YAMLError) -> YAMLNode {
        let aliasLine = line
        let aliasColumn = column + 1
        position += 1
        let name = readName()
        guard let (node, weight) = anchors[name] else {
            throw YAMLError("alias '*\(name)' names no anchor defined before it", line: aliasLine, column: aliasColumn)
        }
        copied += weight
        nodeCount += weight
        if copied > ParserLimits.yamlAliasExpansions {
            throw YAMLError(YAMLAliasBudget.bombMessage, line: aliasLine, column: aliasColumn)
        }
        // The copy keeps the anchor's position, as Yams' did (the alias shares the anchored node).
        return node
    }

    /// Counts one more node (the reader's cost bound) and returns it.
    mutating func counted(_ node: YAMLNode) -> YAMLNode {
        nodeCount += 1
        return node
    }

    /// Applies properties to a node just read and records its anchor, weighed by the nodes made
    /// since `before` (aliases inside it included), so an alias of it costs what a copy costs.
    mutating func finish(_ node: YAMLNode, properties: Properties, since before: Int) -> YAMLNode {
        var node = node
        if case .scalar = node.content { nodeCount += 1 }
        if let tag = properties.tag { node.tag = tag }
        if let anchor = properties.anchor {
            anchors[anchor] = (node, max(1, nodeCount - before))
        }
        return node
    }
}
