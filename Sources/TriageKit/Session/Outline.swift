/// One line of the tree's outline: a node under the edge that leads to it.
public struct OutlineLine: Sendable, Equatable {
    public enum Mark: String, Sendable {
        case none
        /// The session's path goes through this edge.
        case path
        /// The edge into the node the session stands at.
        case current
    }

    /// 0 for the start node; each level is one question further.
    public var depth: Int
    public var mark: Mark
    /// The condition that leads here from the line's parent (`yes`, `500`, `otherwise`); nil at the start.
    public var edge: String?
    public var nodeID: String
    /// `Status code`, `FIX Return a valid proxy response`, `END Not a 5xx`.
    public var label: String
    /// True when the node was shown in full higher up and this line only refers to it.
    public var isReference: Bool
}

extension Engine {
    /// The whole tree as an indented outline from the start node, each shared node shown in full
    /// once (the first time a depth-first walk meets it) and referred to afterwards. With a
    /// session state, the edges its path took are marked, and the edge into where it stands.
    ///
    /// Titles are filled with the facts the session knows, placeholders otherwise.
    public func outline(for state: SessionState? = nil) -> [OutlineLine] {
        let known = state.map { self.facts(in: $0).mapValues(\.value) } ?? [:]
        let edges = state.map(pathEdges(of:)) ?? []
        var marks: [String: [RouteChoice: OutlineLine.Mark]] = [:]
        for (offset, edge) in edges.enumerated() {
            guard let choice = edge.choice else { continue }
            marks[edge.from, default: [:]][choice] = offset == edges.count - 1 ? .current : .path
        }
        let rootMark: OutlineLine.Mark = state == nil ? .none : (edges.isEmpty ? .current : .path)

        var lines: [OutlineLine] = []
        var shown: Set<String> = []
        func visit(_ id: String, depth: Int, edge: String?, mark: OutlineLine.Mark) {
            guard shown.insert(id).inserted else {
                lines.append(OutlineLine(depth: depth, mark: mark, edge: edge, nodeID: id, label: "", isReference: true))
                return
            }
            let node = tree.node(id)
            lines.append(OutlineLine(
                depth: depth, mark: mark, edge: edge, nodeID: id, label: node.map { label(of: $0, facts: known) } ?? id,
                isReference: false))
            guard let node else { return }
            for (index, route) in (node.routes ?? []).enumerated() {
                visit(route.to, depth: depth + 1, edge: route.when.summary, mark: marks[id]?[.route(index)] ?? .none)
            }
            if let next = node.default {
                visit(next, depth: depth + 1, edge: "otherwise", mark: marks[id]?[.otherwise] ?? .none)
            }
        }
        visit(tree.startID, depth: 0, edge: nil, mark: rootMark)
        return lines
    }

    /// A node as the map and learn mode name it: its title with facts filled, fixes and ends marked.
    func label(of node: Node, facts: [String: String]) -> String {
        let title = Template.fill(node.shortTitle, facts: facts) { tree.fact($0)?.placeholder ?? "<\($0)>" }.text
        switch node.kind {
        case .fix: return "FIX " + title
        case .end: return "END " + title
        default: return title
        }
    }
}

/// The outline as plain text: a mark column (`*` path, `>` here), then two spaces per level.
public enum OutlineText {
    public static let legend = "Map of the decision tree: * marks the path taken, > where you are; \"→ see ID\" refers to a node shown above."

    public static func render(_ lines: [OutlineLine]) -> String {
        lines.map { line in
            let mark = switch line.mark {
            case .none: "  "
            case .path: "* "
            case .current: "> "
            }
            let indent = String(repeating: "  ", count: line.depth)
            let edge = line.edge.map { "\($0): " } ?? ""
            let body = line.isReference ? "→ see \(line.nodeID)" : "\(line.label) [\(line.nodeID)]"
            return mark + indent + edge + body + "\n"
        }.joined()
    }
}
