/// One crumb of the path so far: the question's short title and the answer it got.
public struct Breadcrumb: Codable, Sendable, Equatable {
    public var title: String
    public var answer: String
    /// True when a fact, a finding or evidence answered it instead of the user.
    public var automatic: Bool
    /// What answered it automatically, in words (`known fact api_type`).
    public var source: String?
}

/// A question answered automatically just before the current one, for the "skipped" notice.
public struct SkipNotice: Codable, Sendable, Equatable {
    public var title: String
    public var question: String
    public var answer: String
    /// What answered it, in words, with where that came from (`known fact api_type (from execution.log)`).
    public var reason: String
}

/// The current question as a front end shows it.
public struct QuestionView: Codable, Sendable, Equatable {
    public var position: Position
    public var kind: NodeKind
    public var title: String
    public var text: String
    public var why: String
    public var hint: String?
    /// A command that fetches the answer, facts filled in.
    public var command: String?
    public var choices: [Choice]
    public var example: String?
    public var optional: Bool
    /// Evidence kinds a file question wants, with their descriptions.
    public var evidenceKinds: [String]
    /// The answer given before (after going back), to pre-fill or highlight.
    public var prefill: String?
    /// True for the questions the engine asks for a fix's missing facts.
    public var isFactQuestion: Bool
    /// For those: every id the fix still needs, asked as one form ("3 of 8").
    public var form: FactForm? = nil
}

/// What the front end shows: a question or an outcome, with the path so far and the facts.
public struct ScreenModel: Codable, Sendable, Equatable {
    public enum Body: Codable, Sendable, Equatable {
        case question(QuestionView)
        case outcome(RenderedFix)
    }

    public var stepNumber: Int
    public var breadcrumbs: [Breadcrumb]
    /// Questions answered automatically since the user's last answer.
    public var skipped: [SkipNotice]
    public var body: Body
    /// Known facts as (key, value, origin in words), in vocabulary order.
    public var facts: [KnownFact]
    /// True when back would do something (an answer, the user's or the evidence's, is on the path).
    public var canGoBack: Bool
    /// Where the evidence and the answers disagree: shown on the screen, never applied silently.
    public var notes: [EvidenceNote] = []
}

/// A fact as shown to the user.
public struct KnownFact: Codable, Sendable, Equatable {
    public var key: String
    public var label: String
    public var value: String
    public var origin: String
}

extension Engine {
    /// The screen for the state: the front ends draw this and nothing else.
    public func screen(for state: SessionState) -> ScreenModel {
        let facts = facts(in: state)
        return ScreenModel(
            stepNumber: state.stepNumber,
            breadcrumbs: state.path.filter(isWorthACrumb).map(breadcrumb),
            skipped: skippedNotices(in: state, facts: facts),
            body: body(for: state, facts: facts),
            facts: knownFacts(facts),
            canGoBack: backTarget(in: state) != nil,
            notes: evidenceNotes(in: state))
    }

    /// The fix for a cause, rendered with the given facts (for `apigw-triage fix`).
    public func renderFix(cause: String, facts: [String: String], evidence: [EvidenceReport] = []) -> RenderedFix? {
        guard let node = tree.fixNode(forCause: cause) else { return nil }
        let findings = Self.routableCauses(in: evidence)
        return FixRenderer.render(
            node, tree: tree, facts: facts, evaluator: ConditionEvaluator(facts: facts, findings: findings),
            evidence: supportingLines(cause: cause, in: evidence))
    }

    private func body(for state: SessionState, facts: [String: FactValue]) -> ScreenModel.Body {
        switch state.current {
        case .failure:
            return .question(failureQuestion(in: state))
        case .fact(let key, let fix):
            let words = factQuestion(key: key, fix: fix, facts: facts.mapValues(\.value))
            let fact = tree.fact(key)
            var view = QuestionView(
                position: state.current, kind: .input, title: words.title, text: words.text, why: words.why,
                hint: words.hint, command: nil, choices: [], example: fact?.example, optional: true, evidenceKinds: [],
                prefill: state.remembered[state.current.id], isFactQuestion: true)
            view.form = factForm(for: state, fix: fix, facts: facts.mapValues(\.value))
            return .question(view)
        case .node(let id):
            guard let node = tree.node(id) else {
                return .outcome(RenderedFix(
                    node: id, kind: .end, cause: nil, causeTitle: nil, title: id, explanation: "", steps: [],
                    verify: nil, query: nil, docs: [], missingFacts: [], evidence: []))
            }
            let values = facts.mapValues(\.value)
            if node.kind.isQuestion {
                return .question(questionView(node, state: state, facts: values))
            }
            return .outcome(FixRenderer.render(
                node, tree: tree, facts: values, evaluator: evaluator(for: state, answer: nil),
                evidence: node.cause.map { supportingLines(cause: $0, in: scopedEvidence(in: state)) } ?? []))
        }
    }

    private func questionView(_ node: Node, state: SessionState, facts: [String: String]) -> QuestionView {
        let filled = FactDefaults.apply(to: facts, tree: tree)
        func fill(_ text: String?) -> String? {
            text.map { Template.fill($0, facts: filled) { tree.fact($0)?.placeholder ?? "<\($0)>" }.text }
        }
        let evaluator = evaluator(for: state, answer: nil)
        return QuestionView(
            position: .node(node.id), kind: node.kind, title: node.shortTitle, text: fill(node.text) ?? node.id,
            why: fill(node.why) ?? "", hint: fill(node.hint), command: fill(node.command?.select(evaluator.evaluate)), choices: node.choices ?? [],
            example: node.example ?? node.fact.flatMap { tree.fact($0)?.example }, optional: node.isOptional,
            evidenceKinds: node.evidence ?? [], prefill: state.remembered[node.id], isFactQuestion: false)
    }

    /// Fact questions left empty said nothing about the path; the fix lists those facts instead.
    private func isWorthACrumb(_ step: Step) -> Bool {
        if case .fact = step.position { return !step.answer.isEmpty }
        return true
    }

    private func breadcrumb(_ step: Step) -> Breadcrumb {
        Breadcrumb(
            title: questionTitle(step.position), answer: step.answer.isEmpty ? "(unknown)" : step.answer,
            automatic: !step.source.isUser, source: step.source.isUser ? nil : describe(step.source))
    }

    private func skippedNotices(in state: SessionState, facts: [String: FactValue]) -> [SkipNotice] {
        let trailing = state.path.reversed().prefix { !$0.source.isUser }.reversed()
        return trailing.map { step in
            var reason = describe(step.source)
            if case .fact(let key) = step.source, let origin = facts[key]?.origin { reason += " (\(describe(origin)))" }
            return SkipNotice(title: questionTitle(step.position), question: questionText(step.position), answer: step.answer, reason: reason)
        }
    }

    private func knownFacts(_ facts: [String: FactValue]) -> [KnownFact] {
        let order = tree.facts.map(\.key)
        let keys = facts.keys.sorted { (order.firstIndex(of: $0) ?? .max, $0) < (order.firstIndex(of: $1) ?? .max, $1) }
        return keys.map { key in
            KnownFact(key: key, label: tree.fact(key)?.label ?? key, value: facts[key]!.value, origin: describe(facts[key]!.origin))
        }
    }

    func describe(_ origin: FactValue.Origin) -> String {
        switch origin {
        case .given: "given"
        case .evidence(let path): "from \(path)"
        case .answer(let id): "answered at \(questionTitle(id.hasPrefix("fact:") ? .fact(key: String(id.dropFirst(5)), fix: "") : .node(id)))"
        }
    }

    /// Evidence lines from every finding of a cause, at most a few per file.
    private func supportingLines(cause: String, in evidence: [EvidenceReport]) -> [EvidenceLine] {
        EvidenceRefinement.refine(evidence).flatMap { report in report.findings.filter { $0.cause == cause }.flatMap(\.evidence).prefix(3) }
    }
}
