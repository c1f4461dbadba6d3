/// A step of a fix with its templates filled in.
public struct RenderedStep: Codable, Sendable, Equatable {
    public var number: Int
    public var text: String
    public var command: String?
}

/// The query that finds every other occurrence of the cause, filled in.
public struct RenderedQuery: Codable, Sendable, Equatable {
    public var text: String?
    public var logGroup: String?
    public var insights: String?
    public var command: String?
}

/// A fact a fix still needs: what it is and the placeholder standing in for it.
public struct MissingFact: Codable, Sendable, Equatable {
    public var key: String
    public var label: String
    public var placeholder: String
}

/// A fix or end node ready to show: every template filled from the facts, and the facts still missing.
public struct RenderedFix: Codable, Sendable, Equatable {
    public var node: String
    public var kind: NodeKind
    /// The catalogue cause (nil for end nodes).
    public var cause: String?
    public var causeTitle: String?
    public var title: String
    public var explanation: String
    public var steps: [RenderedStep]
    public var verify: RenderedStep?
    public var query: RenderedQuery?
    public var docs: [DocReference]
    public var missingFacts: [MissingFact]
    /// Evidence lines from findings for this cause.
    public var evidence: [EvidenceLine]

    /// Every command in order (steps, then verify): what "copy N" numbers.
    public var commands: [String] {
        steps.compactMap(\.command) + [verify?.command].compactMap { $0 }
    }
}

/// Fills a fix node's templates from the known facts.
public enum FixRenderer {
    public static func render(
        _ node: Node, tree: DecisionTree, facts: [String: String], evaluator: ConditionEvaluator,
        evidence: [EvidenceLine] = []
    ) -> RenderedFix {
        let facts = FactDefaults.apply(to: facts, tree: tree)
        var missing: [String] = []
        func fill(_ text: String?) -> String? {
            guard let text else { return nil }
            let result = Template.fill(text, facts: facts) { tree.fact($0)?.placeholder ?? "<\($0)>" }
            for key in result.missing where !missing.contains(key) { missing.append(key) }
            return result.text
        }
        // Filled in reading order, so the missing facts are listed as the user meets them.
        let title = fill(node.title) ?? node.id
        let explanation = fill(node.explanation) ?? ""
        let shown = shownSteps(of: node, evaluator: evaluator)
        let steps = shown.enumerated().map { offset, step in
            RenderedStep(number: offset + 1, text: fill(step.text) ?? "", command: fill(step.command?.select(evaluator.evaluate)))
        }
        let verify = node.verify.map { RenderedStep(
                number: steps.count + 1, text: fill($0.text) ?? "", command: fill($0.command?.select(evaluator.evaluate))) }
        let query = node.query.map {
            RenderedQuery(text: fill($0.text), logGroup: fill($0.log_group), insights: fill($0.insights), command: fill($0.command))
        }
        return RenderedFix(
            node: node.id, kind: node.kind, cause: node.cause, causeTitle: node.cause.flatMap { tree.cause($0)?.title },
            title: title, explanation: explanation, steps: steps, verify: verify, query: query,
            docs: node.docs ?? [],
            missingFacts: missing.map {
                MissingFact(key: $0, label: tree.fact($0)?.label ?? $0, placeholder: tree.fact($0)?.placeholder ?? "<\($0)>")
            },
            evidence: evidence)
    }

    /// Steps whose condition is not known to be false.
    static func shownSteps(of node: Node, evaluator: ConditionEvaluator) -> [FixStep] {
        (node.steps ?? []).filter { step in step.when.map { evaluator.evaluate($0) != false } ?? true }
    }

    /// The fact keys the shown commands and queries use, in order of appearance.
    static func templateKeys(of node: Node, shownBy evaluator: ConditionEvaluator) -> [String] {
        let texts = shownSteps(of: node, evaluator: evaluator).compactMap { $0.command?.select(evaluator.evaluate) }
            + [node.verify?.command?.select(evaluator.evaluate), node.query?.log_group, node.query?.command].compactMap { $0 }
        var keys: [String] = []
        for key in texts.flatMap(Template.placeholders) where !keys.contains(key) { keys.append(key) }
        return keys
    }
}
