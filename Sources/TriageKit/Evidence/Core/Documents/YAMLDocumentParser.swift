import Foundation
import Yams

/// Reads YAML (templates, exports) into a `DocumentNode` tree with line numbers.
///
/// Yams composes nodes without constructing Swift values, so tags it does not know never fail the
/// read. CloudFormation's short forms become the long forms a JSON template would use:
/// `!Ref X` → `{"Ref": "X"}`, `!GetAtt Fn.Arn` → `{"Fn::GetAtt": ["Fn", "Arn"]}`,
/// `!Sub "..."` → `{"Fn::Sub": "..."}`; any other local tag `!Name` → `{"Fn::Name": ...}`.
enum YAMLDocumentParser {
    /// Parses the first YAML document in `text`.
    static func parse(_ text: String) throws(YAMLDocumentError) -> DocumentNode {
        // Before Yams sees the text: an alias bomb is refused in one pass over the bytes.
        try YAMLAliasBudget.check(text)
        let root: Yams.Node?
        do {
            let parser = try Parser(yaml: text)
            root = try parser.nextRoot()
        } catch let error as YamlError {
            throw YAMLDocumentError(error)
        } catch {
            throw YAMLDocumentError(message: "\(error)", line: nil)
        }
        guard let root else { throw YAMLDocumentError(message: "the file is empty", line: nil) }
        var budget = ParserLimits.yamlNodes
        return try convert(root, depth: 0, budget: &budget)
    }

    /// CloudFormation tags whose long form is not simply `Fn::` + the tag's name.
    private static let longForms: [String: String] = ["Ref": "Ref", "Condition": "Condition"]

    /// Converts a node, spending one unit of `budget` per node (aliases are converted as copies,
    /// so this bounds what any alias structure the pre-check let through can cost).
    private static func convert(_ node: Yams.Node, depth: Int, budget: inout Int) throws(YAMLDocumentError) -> DocumentNode {
        let line = node.mark?.line ?? 1
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
        let tag = node.tag.rawValue
        // Local tags start with a single "!" (`!Ref`); "!!str" and friends are YAML's own.
        guard tag.hasPrefix("!"), !tag.hasPrefix("!!"), tag.count > 1 else { return plain }
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

    private static func plainValue(_ node: Yams.Node, line: Int, depth: Int, budget: inout Int) throws(YAMLDocumentError) -> DocumentNode {
        switch node {
        case .scalar(let scalar):
            return DocumentNode(scalarValue(scalar, tag: node.tag), line: line)
        case .mapping(let mapping):
            var members: [DocumentNode.Member] = []
            for (key, value) in mapping {
                members.append(
                    DocumentNode.Member(
                        key: key.string ?? key.any as? String ?? "\(key)", line: key.mark?.line ?? line,
                        value: try convert(value, depth: depth + 1, budget: &budget)))
            }
            return DocumentNode(.object(members), line: line)
        case .sequence(let sequence):
            var elements: [DocumentNode] = []
            for element in sequence { elements.append(try convert(element, depth: depth + 1, budget: &budget)) }
            return DocumentNode(.array(elements), line: line)
        case .alias:
            // Yams resolves aliases while composing; an alias node here has nothing to show.
            return DocumentNode(.null, line: line)
        }
    }

    /// Plain scalars get YAML's implicit types; quoted ones and tagged ones stay strings.
    private static func scalarValue(_ scalar: Yams.Node.Scalar, tag: Yams.Tag) -> DocumentNode.Value {
        guard scalar.style == .plain || scalar.style == .any else { return .string(scalar.string) }
        switch tag.rawValue {
        case Tag.Name.null.rawValue: return .null
        case Tag.Name.bool.rawValue:
            return Bool.construct(from: scalar).map(DocumentNode.Value.bool) ?? .string(scalar.string)
        case Tag.Name.int.rawValue, Tag.Name.float.rawValue: return .number(scalar.string)
        default: return .string(scalar.string)
        }
    }
}

/// Why a text is not readable YAML, with the line when libyaml gives one.
struct YAMLDocumentError: Error, Equatable, CustomStringConvertible {
    var message: String
    var line: Int?

    init(message: String, line: Int?) {
        self.message = message
        self.line = line
    }

    init(_ error: YamlError) {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            self.init(message: problem, line: mark.line)
        case .duplicatedKeysInMapping(let duplicates, let context):
            self.init(message: "duplicate keys \(duplicates.joined(separator: ", "))", line: context.mark.line)
        default:
            self.init(message: "\(error)", line: nil)
        }
    }

    var description: String {
        if let line { return "not valid YAML: \(message) at line \(line)" }
        return "not valid YAML: \(message)"
    }
}
