/// Reads YAML (templates, exports) into a `DocumentNode` tree with line numbers.
///
/// `YAMLReader` keeps tags as written, so tags it does not know never fail the read.
/// CloudFormation's short forms become the long forms a JSON template would use:
/// `!Ref X` → `{"Ref": "X"}`, `!GetAtt Fn.Arn` → `{"Fn::GetAtt": ["Fn", "Arn"]}`,
/// `!Sub "..."` → `{"Fn::Sub": "..."}`; any other local tag `!Name` → `{"Fn::Name": ...}`.
enum YAMLDocumentParser {
    /// Parses the first YAML document in `text`.
    static func parse(_ text: String) throws(YAMLDocumentError) -> DocumentNode {
        // Before anything is read: an alias bomb is refused in one pass over the bytes.
        try YAMLAliasBudget.check(text)
        let root: YAMLNode?
        do {
            root = try YAMLReader.firstDocument(text)
        } catch {
            throw YAMLDocumentError(message: error.message, line: error.line)
        }
        guard let root else { throw YAMLDocumentError(message: "the file is empty", line: nil) }
        var budget = ParserLimits.yamlNodes
        return try convert(root, depth: 0, budget: &budget)
    }

    /// CloudFormation tags whose long form is not simply `Fn::` + the tag's name.
    private static let longForms: [String: String] = ["Ref": "Ref", "Condition": "Condition"]

    /// Converts a node, spending one unit of `budget` per node (aliases are converted as copies,
    /// so this bounds what any alias structure the pre-check let through can cost).
    private static func convert(_ node: YAMLNode, depth: Int, budget: inout Int) throws(YAMLDocumentError) -> DocumentNode {
        let line = node.line
        budget -= 1
        guard budget >= 0 else {
            throw YAMLDocumentError(
                message: "it expands to more than \(CountText.grouped(ParserLimits.yamlNodes)) nodes (the limit for one YAML document)",
                line: nil)
        }
        guard depth < ParserLimits.nestingDepth else {
            throw YAMLDocumentError(message: ParserLimits.tooDeep("YAML", line: nil), line: line)
        }
        let plain = try plainValue(node, line: line, depth: depth, budget: &budget)
        // Local tags start with a single "!" (`!Ref`); "!!str" and friends are YAML's own.
        guard let tag = node.tag, tag.hasPrefix("!"), !tag.hasPrefix("!!"), tag.count > 1 else { return plain }
        let name = String(tag.dropFirst())
        let key = longForms[name] ?? "Fn::\(name)"
        var argument = plain
        if name == "GetAtt", let dotted = plain.string, let dot = dotted.firstIndex(of: ".") {
            argument = DocumentNode(
                .array([
                    DocumentNode(.string(String(dotted[..<dot])), line: line),
                    DocumentNode(.string(String(dotted[dotted.index(after: dot)...])), line: line),
                ]), line: line)
        }
        return DocumentNode(.object([DocumentNode.Member(key: key, line: line, value: argument)]), line: line)
    }

    private static func plainValue(_ node: YAMLNode, line: Int, depth: Int, budget: inout Int) throws(YAMLDocumentError) -> DocumentNode {
        switch node.content {
        case .scalar(let text, let style):
            return DocumentNode(scalarValue(text, style: style, tag: node.tag), line: line)
        case .mapping(let pairs):
            var members: [DocumentNode.Member] = []
            for pair in pairs {
                members.append(
                    DocumentNode.Member(
                        key: pair.key.scalarText ?? keyText(pair.key), line: pair.key.line,
                        value: try convert(pair.value, depth: depth + 1, budget: &budget)))
            }
            return DocumentNode(.object(members), line: line)
        case .sequence(let items):
            var elements: [DocumentNode] = []
            for element in items { elements.append(try convert(element, depth: depth + 1, budget: &budget)) }
            return DocumentNode(.array(elements), line: line)
        }
    }

    /// A collection used as a key (rare, and never meaningful to the checks): a short stand-in.
    private static func keyText(_ key: YAMLNode) -> String {
        if case .sequence = key.content { return "[...]" }
        return "{...}"
    }

    /// Plain scalars get YAML's implicit types; quoted ones and tagged ones stay strings.
    private static func scalarValue(_ text: String, style: YAMLScalarStyle, tag: String?) -> DocumentNode.Value {
        guard style == .plain else { return .string(text) }
        let standard = YAMLTag.prefix
        switch tag {
        case nil:
            switch YAMLImplicitType.of(text) {
            case .null: return .null
            case .bool(let value): return .bool(value)
            case .number: return .number(text)
            case .string: return .string(text)
            }
        case standard + "null": return .null
        case standard + "bool":
            switch text.lowercased() {
            case "true", "yes", "on": return .bool(true)
            case "false", "no", "off": return .bool(false)
            default: return .string(text)
            }
        case standard + "int", standard + "float": return .number(text)
        default: return .string(text)
        }
    }
}

/// Why a text is not readable YAML, with the line when the reader gives one.
struct YAMLDocumentError: Error, Equatable, CustomStringConvertible {
    var message: String
    var line: Int?

    init(message: String, line: Int?) {
        self.message = message
        self.line = line
    }

    var description: String {
        if let line { return "not valid YAML: \(message) at line \(line)" }
        return "not valid YAML: \(message)"
    }
}
