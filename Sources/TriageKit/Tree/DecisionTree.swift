/// The loaded content: every node by id, the cause catalogue, the fact vocabulary and the manifest.
public struct DecisionTree: Sendable {
    public let manifest: Manifest
    public let causes: [Cause]
    public let facts: [FactDefinition]
    /// Nodes in file order, as the author wrote them.
    public let nodes: [Node]
    private let index: [String: Int]
    private let factIndex: [String: Int]

    public init(manifest: Manifest, causes: [Cause], facts: [FactDefinition], nodes: [Node]) {
        self.manifest = manifest
        self.causes = causes
        self.facts = facts
        self.nodes = nodes
        // The first node with an id wins; duplicates are reported by the validator.
        var index: [String: Int] = [:]
        for (position, node) in nodes.enumerated() where index[node.id] == nil { index[node.id] = position }
        self.index = index
        self.factIndex = Dictionary(facts.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public var version: String { manifest.version }
    public var startID: String { manifest.start }

    public func node(_ id: String) -> Node? { index[id].map { nodes[$0] } }
    public func fact(_ key: String) -> FactDefinition? { factIndex[key].map { facts[$0] } }
    public func cause(_ id: String) -> Cause? { causes.first { $0.id == id } }

    /// The fix node for a cause id, if the content has one.
    public func fixNode(forCause cause: String) -> Node? {
        nodes.first { $0.kind == .fix && $0.cause == cause }
    }
}
