/// Which way out of a node an answer took: one of its routes (by position) or its default.
public enum RouteChoice: Sendable, Equatable, Hashable {
    case route(Int)
    case otherwise
}

/// One move along the session's path through the tree: from a question, with its answer, to the
/// next node.
public struct PathEdge: Sendable, Equatable {
    public var from: String
    public var answer: String
    public var source: AnswerSource
    /// The route taken, or nil when the move follows no route (a `--start` jump).
    public var choice: RouteChoice?
    public var to: String
}

extension Engine {
    /// The moves from the start to where the session stands, one per question answered on the
    /// path (by the user or automatically). Fact questions are not tree nodes and are left out;
    /// while one is asked, the session stands at its fix.
    public func pathEdges(of state: SessionState) -> [PathEdge] {
        var nodes: [(step: Step, id: String)] = []
        for step in state.path {
            if case .node(let id) = step.position { nodes.append((step, id)) }
        }
        let here = currentNodeID(of: state)
        return nodes.enumerated().map { offset, entry in
            let next = offset + 1 < nodes.count ? nodes[offset + 1].id : here
            return PathEdge(
                from: entry.id, answer: entry.step.answer, source: entry.step.source,
                choice: routeChoice(from: entry.id, answer: entry.step.answer, to: next, in: state), to: next)
        }
    }

    /// The tree node the session stands at (the fix, while a fact question for it is asked).
    public func currentNodeID(of state: SessionState) -> String {
        switch state.current {
        case .node(let id): id
        case .fact(_, let fix): fix
        case .failure(let next): next
        }
    }

    /// The route that led from `from` to `to`. Facts may have grown since the answer was given,
    /// so among the routes into `to` the first that holds now is taken, then the default, then
    /// the first route into `to` at all.
    func routeChoice(from id: String, answer: String, to next: String, in state: SessionState) -> RouteChoice? {
        guard let node = tree.node(id) else { return nil }
        let routes = node.routes ?? []
        let evaluator = evaluator(for: state, answer: answer)
        if let index = routes.indices.first(where: { routes[$0].to == next && evaluator.evaluate(routes[$0].when) == true }) {
            return .route(index)
        }
        if node.default == next { return .otherwise }
        return routes.firstIndex { $0.to == next }.map(RouteChoice.route)
    }
}
