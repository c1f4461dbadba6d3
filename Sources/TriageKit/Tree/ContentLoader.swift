
/// Parses a content folder into a `DecisionTree` and validates it.
///
/// - `manifest.yaml`, `causes.yaml` and `facts.yaml` sit at the top of the folder.
/// - Every other YAML file holds nodes: a list under `nodes:`, or one node at its top level.
/// - Parse errors and validation findings come back as `ContentIssue`s naming file and node.
public enum ContentLoader {
    /// Loads and validates; throws `.invalid` when any issue is found, so a session never runs on
    /// broken content.
    public static func load(_ source: ContentSource) throws(ContentLoadError) -> DecisionTree {
        let (tree, issues) = try inspect(source)
        guard let tree, issues.isEmpty else { throw .invalid(issues) }
        return tree
    }

    /// Loads and validates, returning everything found (what `lint` prints).
    public static func inspect(_ source: ContentSource) throws(ContentLoadError) -> (DecisionTree?, [ContentIssue]) {
        let files = try source.read()
        var issues: [ContentIssue] = []
        let byPath = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })

        func required<T: Decodable>(_ path: String, as type: T.Type) -> T? {
            guard let file = byPath[path] else {
                issues.append(ContentIssue(file: path, message: "missing (every content folder needs it)"))
                return nil
            }
            return decode(type, from: file, issues: &issues)
        }
        let manifest = required("manifest.yaml", as: Manifest.self)
        let causes = required("causes.yaml", as: CauseList.self)?.causes
        let facts = required("facts.yaml", as: FactList.self)?.facts

        var nodes: [Node] = []
        for file in files where !topLevelFiles.contains(file.path) {
            nodes += decodeNodes(from: file, issues: &issues)
        }
        guard let manifest, let causes, let facts else { return (nil, issues) }
        let tree = DecisionTree(manifest: manifest, causes: causes, facts: facts, nodes: nodes)
        issues += ContentValidator.validate(tree)
        return (tree, issues)
    }

    /// Just the cause catalogue, without the tree (what `scan` needs for its titles: decoding one
    /// small file instead of loading and validating every node keeps its start-up short).
    public static func causes(_ source: ContentSource) -> [Cause] {
        guard let files = try? source.read(), let file = files.first(where: { $0.path == "causes.yaml" }) else { return [] }
        var issues: [ContentIssue] = []
        return decode(CauseList.self, from: file, issues: &issues)?.causes ?? []
    }

    private static let topLevelFiles: Set<String> = ["manifest.yaml", "causes.yaml", "facts.yaml"]

    private struct CauseList: Decodable { var causes: [Cause] }
    private struct FactList: Decodable { var facts: [FactDefinition] }
    private struct NodeList: Decodable { var nodes: [Node] }

    /// Whether a tree file is a list under `nodes:` rather than one node: a look for the top-level
    /// key, not a second parse of the file (parsing YAML is most of the wizard's start-up).
    private static func isNodeList(_ text: String) -> Bool {
        text.split(separator: "\n").contains { $0.hasPrefix("nodes:") }
    }

    private static func decodeNodes(from file: ContentFile, issues: inout [ContentIssue]) -> [Node] {
        let isList = isNodeList(file.text)
        let decoded: [Node]?
        if isList {
            decoded = decode(NodeList.self, from: file, issues: &issues)?.nodes
        } else {
            decoded = decode(Node.self, from: file, issues: &issues).map { [$0] }
        }
        return (decoded ?? []).map { node in
            var node = node
            node.file = file.path
            return node
        }
    }

    private static func decode<T: Decodable>(_ type: T.Type, from file: ContentFile, issues: inout [ContentIssue]) -> T? {
        do {
            return try YAMLTreeDecoder().decode(type, from: file.text)
        } catch let error as DecodingError {
            issues.append(issue(for: error, in: file))
        } catch {
            // YAMLReader reports syntax errors with their line and column.
            issues.append(ContentIssue(file: file.path, message: "not valid YAML: \(error)"))
        }
        return nil
    }

    /// Turns a decoding error into a message that names the node (found by its list position).
    private static func issue(for error: DecodingError, in file: ContentFile) -> ContentIssue {
        let (path, detail): ([CodingKey], String)
        switch error {
        case .keyNotFound(let key, let context):
            (path, detail) = (context.codingPath, "missing key '\(key.stringValue)'")
        case .typeMismatch(let type, let context):
            (path, detail) = (context.codingPath, "expected \(type): \(context.debugDescription)")
        case .valueNotFound(let type, let context):
            (path, detail) = (context.codingPath, "missing value (\(type))")
        case .dataCorrupted(let context):
            (path, detail) = (context.codingPath, context.debugDescription)
        @unknown default:
            (path, detail) = ([], "\(error)")
        }
        let where_ = path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        let location = where_.isEmpty ? "" : " at \(where_.hasPrefix(".") ? String(where_.dropFirst()) : where_)"
        return ContentIssue(file: file.path, node: nodeID(along: path, in: file), message: detail + location)
    }

    private static func nodeID(along path: [CodingKey], in file: ContentFile) -> String? {
        guard let top = try? YAMLReader.firstDocument(file.text) else { return nil }
        if path.first?.stringValue == "nodes", path.count > 1, let position = path[1].intValue,
            case .sequence(let list)? = top["nodes"]?.content, position < list.count
        {
            return list[position]["id"]?.scalarText
        }
        return top["id"]?.scalarText
    }
}
