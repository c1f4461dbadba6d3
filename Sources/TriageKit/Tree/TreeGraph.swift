/// The decision tree as a graph: nodes with their kind and cause, edges with their condition.
/// Exported as JSON (`Codable`), Graphviz dot and Mermaid.
public struct TreeGraph: Codable, Sendable {
    public struct GraphNode: Codable, Sendable, Equatable {
        public var id: String
        public var kind: NodeKind
        public var title: String
        public var cause: String?
        public var file: String
        public var reachable: Bool
    }

    public struct Edge: Codable, Sendable, Equatable {
        public var from: String
        public var to: String
        /// The route's condition in words, or `default`.
        public var label: String
    }

    public var start: String
    public var version: String
    public var nodes: [GraphNode]
    public var edges: [Edge]

    public init(tree: DecisionTree) {
        let reachable = ContentValidator.reachableIDs(tree)
        start = tree.startID
        version = tree.version
        nodes = tree.nodes.map {
            GraphNode(id: $0.id, kind: $0.kind, title: $0.shortTitle, cause: $0.cause, file: $0.file, reachable: reachable.contains($0.id))
        }
        edges = tree.nodes.flatMap { node in
            (node.routes ?? []).map { Edge(from: node.id, to: $0.to, label: $0.when.summary) }
                + (node.default.map { [Edge(from: node.id, to: $0, label: "default")] } ?? [])
        }
    }

    public func dot() -> String {
        var out = "digraph apigw_triage {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n"
        for node in nodes {
            let shape = switch node.kind {
            case .fix: "box, style=filled, fillcolor=\"#e8f4e8\""
            case .end: "box, style=dashed"
            default: "ellipse"
            }
            let label = node.cause.map { "\(node.title)\\n[\($0)]" } ?? node.title
            out += "  \(quoted(node.id)) [label=\(quoted(label)), shape=\(shape)];\n"
        }
        for edge in edges {
            out += "  \(quoted(edge.from)) -> \(quoted(edge.to)) [label=\(quoted(edge.label))];\n"
        }
        return out + "}\n"
    }

    public func mermaid() -> String {
        var out = "flowchart LR\n"
        let ids = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1.id, "n\($0)") })
        for node in nodes {
            let text = mermaidText(node.cause.map { "\(node.title) [\($0)]" } ?? node.title)
            let id = ids[node.id] ?? node.id
            out += node.kind.isQuestion ? "  \(id){{\"\(text)\"}}\n" : "  \(id)[\"\(text)\"]\n"
        }
        for edge in edges {
            guard let from = ids[edge.from], let to = ids[edge.to] else { continue }
            out += "  \(from) -->|\"\(mermaidText(edge.label))\"| \(to)\n"
        }
        return out
    }

    private func quoted(_ text: String) -> String {
        "\"" + text.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
    }

    private func mermaidText(_ text: String) -> String {
        text.replacingAll("\"", with: "#quot;")
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
