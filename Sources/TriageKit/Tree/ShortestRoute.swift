/// The shortest way through the tree from one node to another, over routes and defaults,
/// whatever their conditions: the fewest questions anyone could answer to get there.
public enum ShortestRoute {
    /// Node ids from `start` to `target`, both included, or nil when `target` cannot be reached.
    /// Breadth-first, trying each node's routes in their written order, so among equally short
    /// ways the one the content lists first wins (stable across runs).
    public static func path(in tree: DecisionTree, from start: String, to target: String) -> [String]? {
        var cameFrom: [String: String] = [:]
        var seen: Set<String> = [start]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let id = queue[head]
            head += 1
            if id == target {
                var path = [id]
                while let previous = cameFrom[path[0]] { path.insert(previous, at: 0) }
                return path
            }
            for next in tree.node(id)?.targets ?? [] where seen.insert(next).inserted {
                cameFrom[next] = id
                queue.append(next)
            }
        }
        return nil
    }

    /// The questions on the shortest way from the start to the fix for `cause` (the fix excluded).
    public static func questions(in tree: DecisionTree, toCause cause: String) -> [String]? {
        guard let fix = tree.fixNode(forCause: cause) else { return nil }
        return path(in: tree, from: tree.startID, to: fix.id).map { Array($0.dropLast()) }
    }
}
