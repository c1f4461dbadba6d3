
/// Parses a content folder into a `DecisionTree` and validates it.
///
/// - `manifest.yaml`, `causes.yaml` and `facts.yaml` sit at the top of the folder.
/// - Every other YAML file holds nodes: a list under `nodes:`, or one node at its top level.
/// - Parse errors and validation findings come back as `ContentIssue`s naming file and node.
public enum ContentLoader {
    /// Loads and validates; throws `.invalid` when any issue is found, so a session never runs on
    /// broken content. `validating: false` is for content validated when it was built (the copy
    /// in the binary: `lint` and the real-content tests check it in CI), where the validator's
    /// whole-tree checks were a quarter of the wizard's start-up; parse errors still throw.
    public static func load(_ source: ContentSource, validating: Bool = true) throws(ContentLoadError) -> DecisionTree {
        let (tree, issues) = try inspect(source, validating: validating)
        guard let tree, issues.isEmpty else { throw .invalid(issues) }
        return tree
    }

    /// Loads and validates, returning everything found (what `lint` prints).
    public static func inspect(_ source: ContentSource, validating: Bool = true) throws(ContentLoadError) -> (DecisionTree?, [ContentIssue]) {
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
        for decoded in decodeTreeFiles(files.filter { !topLevelFiles.contains($0.path) }) {
            nodes += decoded.nodes
            issues += decoded.issues
        }
        guard let manifest, let causes, let facts else { return (nil, issues) }
        let tree = DecisionTree(manifest: manifest, causes: causes, facts: facts, nodes: nodes)
        if validating { issues += ContentValidator.validate(tree) }
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
    /// Looked for on UTF-8 bytes (splitting the text into `Character` lines took a tenth of the
    /// wizard's start-up). A line starts the text or follows a `\n` that is not part of a CR LF:
    /// the `Character` split this replaces saw CR LF as one character, not as its separator.
    static func isNodeList(_ text: String) -> Bool {
        let key = Array("nodes:".utf8)
        let bytes = Array(text.utf8)
        var lineStart = 0
        while lineStart + key.count <= bytes.count {
            if bytes[lineStart..<lineStart + key.count].elementsEqual(key) { return true }
            var next = lineStart
            repeat {
                guard let newline = bytes[next...].firstIndex(of: UInt8(ascii: "\n")) else { return false }
                next = newline + 1
            } while next >= 2 && bytes[next - 2] == UInt8(ascii: "\r")
            lineStart = next
        }
        return false
    }

    /// Each tree file's nodes and issues, decoded on every core: the files are independent, and
    /// decoding them is most of the wizard's start-up. The results come back in file order, so the
    /// tree and its issues are the same as when decoded one by one.
    static func decodeTreeFiles(_ files: [ContentFile], concurrently: Bool = true) -> [(nodes: [Node], issues: [ContentIssue])] {
        let decode: @Sendable (Int) -> (nodes: [Node], issues: [ContentIssue]) = { index in
            var issues: [ContentIssue] = []
            let nodes = decodeNodes(from: files[index], issues: &issues)
            return (nodes, issues)
        }
        // `decode` never throws, so neither does the map; one by one is the fallback all the same.
        guard concurrently, let decoded = try? ConcurrentWork.map(files.count, decode) else { return (0..<files.count).map(decode) }
        return decoded
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
