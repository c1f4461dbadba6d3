/// Learn mode (`--explain`): how the latest answers moved the session through the tree, so a
/// trainee sees the rule behind each step, not only the next question.
public struct RouteNote: Sendable, Equatable {
    /// The question's short title.
    public var question: String
    public var answer: String
    /// The route's condition in words (`yes`, `finding lambda-timeout`), or `otherwise`.
    public var condition: String
    /// The node the route leads to, as the map names it (`FIX Declare the method response`).
    public var destination: String
    /// Nil when the user answered; else what answered (`known fact api_type`).
    public var answeredBy: String?
    /// For automatic answers: why the question exists, since the user never saw it.
    public var why: String?

    /// The note as one sentence (or two), for any front end to wrap.
    public var sentence: String {
        if let answeredBy {
            var text = "\"\(question)\" was answered for you: \(answer) (\(answeredBy)). Rule \"\(condition)\" leads to \"\(destination)\"."
            if let why, !why.isEmpty { text += " The question exists because: " + why.trimmedTrailing }
            return text
        }
        return "Your answer \"\(answer)\" to \"\(question)\" follows the rule \"\(condition)\" to \"\(destination)\"."
    }
}

extension Engine {
    /// Notes for the moves since (and including) the user's last answer. Empty at the start.
    /// After a fact question (which is not a tree node) there is no new move to explain.
    public func routeNotes(for state: SessionState) -> [RouteNote] {
        if let last = state.path.last(where: { $0.source.isUser }), case .fact = last.position { return [] }
        let edges = pathEdges(of: state)
        let known = facts(in: state).mapValues(\.value)
        guard let lastUser = edges.lastIndex(where: { $0.source.isUser }) else { return [] }
        return edges[lastUser...].map { edge in
            let node = tree.node(edge.from)
            let condition: String = switch edge.choice {
            case .route(let index): node?.routes?[index].when.summary ?? "?"
            case .otherwise: "otherwise"
            case nil: "a jump to a named branch"
            }
            let automatic = !edge.source.isUser
            return RouteNote(
                question: node?.shortTitle ?? edge.from, answer: edge.answer.isEmpty ? "(unknown)" : edge.answer,
                condition: condition, destination: tree.node(edge.to).map { label(of: $0, facts: known) } ?? edge.to,
                answeredBy: automatic ? describe(edge.source) : nil, why: automatic ? node?.why : nil)
        }
    }
}
