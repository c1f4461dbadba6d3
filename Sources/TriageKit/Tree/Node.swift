/// The kinds of node a content author can write (see `Content/README.md`).
public enum NodeKind: String, Codable, Sendable, CaseIterable {
    case yesno, choice, input, file, fix, end

    /// Questions wait for an answer; fixes and ends are where a session stops.
    public var isQuestion: Bool { self != .fix && self != .end }
}

/// One numbered option of a choice question.
public struct Choice: Codable, Sendable, Equatable {
    public var value: String
    public var label: String
}

/// "If this holds, go there." Routes are tried in order; the node's `default` catches the rest.
public struct Route: Codable, Sendable, Equatable {
    public var when: Condition
    public var to: String
}

/// "If this holds, the question is already answered with this value."
public struct AutoAnswer: Codable, Sendable, Equatable {
    public var when: Condition
    public var answer: String
}

/// One step of a fix or an end node: what to do, and the command that does it.
public struct FixStep: Codable, Sendable, Equatable {
    public var text: String
    /// One command, or variants chosen by facts (see `CommandText`).
    public var command: CommandText?
    /// Hides the step when known to be false (unknown facts keep it shown).
    public var when: Condition?
}

/// Where and how to find every other occurrence of a cause.
public struct LogQuery: Codable, Sendable, Equatable {
    public var text: String?
    public var log_group: String?
    public var insights: String?
    public var command: String?
}

/// A node of the decision tree as written in `Content/`: a question, a fix or an end.
///
/// One flat type keeps the YAML forgiving to read; `ContentValidator` checks that each kind
/// carries the keys it needs.
public struct Node: Codable, Sendable, Equatable {
    public var id: String
    public var kind: NodeKind
    public var title: String?
    public var text: String?
    public var why: String?
    public var hint: String?
    /// A command that fetches the answer (questions only); shown as is, never wrapped. Variants
    /// chosen by facts (the API type) keep it one runnable command.
    public var command: CommandText?
    public var fact: String?
    public var choices: [Choice]?
    public var pattern: String?
    public var example: String?
    public var optional: Bool?
    public var evidence: [String]?
    public var auto: [AutoAnswer]?
    public var routes: [Route]?
    public var `default`: String?
    // Fix and end nodes.
    public var cause: String?
    public var explanation: String?
    public var steps: [FixStep]?
    public var verify: FixStep?
    public var query: LogQuery?
    public var docs: [DocReference]?

    /// The content file this node came from (relative to the content folder); set by the loader.
    public var file: String = ""

    private enum CodingKeys: String, CodingKey {
        case id, kind, title, text, why, hint, command, fact, choices, pattern, example, optional, evidence, auto,
            routes, `default`, cause, explanation, steps, verify, query, docs
    }

    /// Every node this one can lead to, in route order, then the default.
    public var targets: [String] {
        (routes ?? []).map(\.to) + (self.default.map { [$0] } ?? [])
    }

    /// The label for breadcrumbs: the title, or the id when the author gave none.
    public var shortTitle: String { title ?? id }

    /// Whether an empty answer is accepted (input questions default to optional).
    public var isOptional: Bool { optional ?? (kind == .input || kind == .file) }
}
