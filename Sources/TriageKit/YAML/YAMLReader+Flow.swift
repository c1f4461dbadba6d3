/// Flow collections: `[a, b]` and `{a: 1, b: [x]}`, which may span lines and nest.
extension YAMLReader {
    /// Blanks, line breaks and comments between flow tokens.
    mutating func skipFlowSpace() throws(YAMLError) {
        skipToContent()
        if atDocumentBoundary { throw error("a document marker inside a flow collection (a bracket is not closed)") }
    }

    mutating func flowCollection(depth: Int) throws(YAMLError) -> YAMLNode {
        guard depth < ParserLimits.nestingDepth else { throw error(ParserLimits.tooDeep("YAML", line: line)) }
        let startLine = line
        let startColumn = column + 1
        let isMapping = byte == UInt8(ascii: "{")
        let closing = isMapping ? UInt8(ascii: "}") : UInt8(ascii: "]")
        position += 1
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        while true {
            try skipFlowSpace()
            guard !atEnd else {
                throw YAMLError("a flow \(isMapping ? "mapping '{'" : "sequence '['") is not closed", line: startLine, column: startColumn)
            }
            if byte == closing {
                position += 1
                break
            }
            if atExplicitKey { position += 1 }
            let first = try flowNode(depth: depth)
            try skipFlowSpace()
            if byte == UInt8(ascii: ":") {
                position += 1
                try skipFlowSpace()
                let value: YAMLNode
                if byte == UInt8(ascii: ",") || byte == closing {
                    value = finish(YAMLNode(.scalar("", .plain), line: line, column: column + 1), properties: Properties(), since: nodeCount)
                } else {
                    value = try flowNode(depth: depth)
                }
                if isMapping {
                    pairs.append(YAMLPair(key: first, value: value))
                } else {
                    // `[a: 1]`: a single-pair mapping inside a sequence.
                    items.append(counted(YAMLNode(.mapping([YAMLPair(key: first, value: value)]), line: first.line, column: first.column)))
                }
            } else if isMapping {
                let empty = finish(YAMLNode(.scalar("", .plain), line: line, column: column + 1), properties: Properties(), since: nodeCount)
                pairs.append(YAMLPair(key: first, value: empty))
            } else {
                items.append(first)
            }
            try skipFlowSpace()
            if byte == UInt8(ascii: ",") {
                position += 1
            } else if byte != closing {
                guard !atEnd else { continue }
                throw error("expected ',' or '\(String(decoding: [closing], as: UTF8.self))' in a flow collection")
            }
        }
        let content: YAMLNode.Content = isMapping ? .mapping(pairs) : .sequence(items)
        return counted(YAMLNode(content, line: startLine, column: startColumn))
    }

    /// One node inside a flow collection.
    mutating func flowNode(depth: Int) throws(YAMLError) -> YAMLNode {
        let before = nodeCount
        let startLine = line
        let startColumn = column + 1
        let properties = try readProperties()
        try skipFlowSpace()
        var node: YAMLNode
        switch byte {
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            node = try flowCollection(depth: depth + 1)
        case UInt8(ascii: "*"):
            return try alias()
        case UInt8(ascii: "\""):
            node = try doubleQuoted()
        case UInt8(ascii: "'"):
            node = try singleQuoted()
        case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ":"):
            guard properties.isPresent else { throw error("expected a value in a flow collection") }
            node = YAMLNode(.scalar("", .plain), line: startLine, column: startColumn)
        default:
            node = try plainScalar(parentIndent: -1, inFlow: true)
        }
        if properties.isPresent {
            node.line = startLine
            node.column = startColumn
        }
        return finish(node, properties: properties, since: before)
    }
}
