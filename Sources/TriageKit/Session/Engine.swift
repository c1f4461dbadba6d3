/// The session engine: a pure state machine over a decision tree.
///
/// `apply(event, to: state)` returns the next state or a `SessionError`, and never touches the
/// clock, the terminal, the environment or the disk: evidence arrives already inspected. The
/// TUI, plain mode and the tests all drive this same type.
///
/// - Answering routes through the node's ordered conditions, then *settles*: questions whose
///   answer is already known (a fact, a finding, an evidence file) are answered automatically and
///   recorded on the path, until a question needs the user or an outcome is reached.
/// - Before a fix, the engine asks for each fact its commands need that is still unknown.
/// - Back pops automatic steps and the last user answer, and remembers that answer for pre-filling.
public struct Engine: Sendable {
    public let tree: DecisionTree

    public init(tree: DecisionTree) {
        self.tree = tree
    }

    /// A new session at the start, settled (the first questions may already be answered by facts).
    public func start(givenFacts: [String: String] = [:], evidence: [EvidenceReport] = []) -> SessionState {
        var state = SessionState(contentVersion: tree.version, current: .node(tree.startID), givenFacts: givenFacts, evidence: evidence)
        settle(&state, at: tree.startID)
        return state
    }

    public func apply(_ event: SessionEvent, to state: SessionState) throws(SessionError) -> SessionState {
        var next = state
        switch event {
        case .answer(let raw): try answer(raw, in: &next)
        case .back: try back(in: &next)
        case .restart: restart(&next)
        case .branch(let name): try branch(name, in: &next)
        case .addEvidence(let report): addEvidence(report, in: &next)
        case .setFact(let key, let value): try setFact(key, value, in: &next)
        case .skipFacts: try skipFacts(in: &next)
        case .acceptEvidence: try acceptEvidence(in: &next)
        case .answerFacts(let values): try answerFacts(values, in: &next)
        }
        return next
    }

    /// Whether the session has reached a fix or an end node.
    public func isFinished(_ state: SessionState) -> Bool {
        guard case .node(let id) = state.current, let node = tree.node(id) else { return false }
        return !node.kind.isQuestion
    }

    // MARK: - Events

    private func answer(_ raw: String, in state: inout SessionState) throws(SessionError) {
        switch state.current {
        case .node(let id):
            guard let node = tree.node(id), node.kind.isQuestion else { throw .finished }
            let value = try AnswerParser.parse(raw, for: node, in: tree).get()
            record(Step(position: state.current, answer: value, source: .user), in: &state)
            settle(&state, at: route(from: node, answer: value, in: state))
        case .fact(let key, let fix):
            let value = try AnswerParser.parseFact(raw, key: key, in: tree).get()
            record(Step(position: state.current, answer: value, source: .user), in: &state)
            settle(&state, at: fix)
        case .failure(let next):
            let value = try failureAnswer(raw, in: state)
            record(Step(position: state.current, answer: value, source: .user), in: &state)
            settle(&state, at: next)
        }
    }

    private func back(in state: inout SessionState) throws(SessionError) {
        if backOverFactForm(in: &state) { return }
        guard let lastUser = backTarget(in: state) else { throw .atFirstQuestion }
        let step = state.path[lastUser]
        // Questions gone back past are left to the evidence again when the user comes forward.
        for passed in state.path[lastUser...] { state.declined.remove(passed.position.id) }
        state.declined.remove(state.current.id)
        state.path.removeSubrange(lastUser...)
        state.current = step.position
        state.remembered[step.position.id] = step.replaced ?? step.answer
        // An answer evidence gave is undone like any other: the question is asked, not answered again.
        if !step.source.isUser { state.declined.insert(step.position.id) }
        state.transcript.append(TranscriptEntry(event: .back, position: step.position.id, note: "back to \(questionTitle(step.position))"))
    }

    private func restart(_ state: inout SessionState) {
        state.path = []
        state.declined = []
        state.transcript.append(TranscriptEntry(event: .restart))
        settle(&state, at: tree.startID)
    }

    private func branch(_ name: String, in state: inout SessionState) throws(SessionError) {
        guard let target = tree.manifest.branches[name] else {
            throw .unknownBranch(name, known: tree.manifest.branches.keys.sorted())
        }
        state.path = [Step(position: .node(tree.startID), answer: name, source: .branch)]
        state.transcript.append(TranscriptEntry(event: .jump, position: tree.startID, answer: name, note: "started at branch \(name)"))
        settle(&state, at: target)
    }

    private func addEvidence(_ report: EvidenceReport, in state: inout SessionState) {
        state.evidence.removeAll { $0.path == report.path }
        state.evidence.append(report)
        state.transcript.append(TranscriptEntry(event: .evidence, answer: report.path, note: report.description))
        // Earlier answers the file contradicts are replaced (visibly), then the question on screen.
        if resettleAnswers(&state, file: report.path) { return }
        resettle(&state)
    }

    private func setFact(_ key: String, _ value: String, in state: inout SessionState) throws(SessionError) {
        if let error = AnswerParser.validateFact(value, key: key, in: tree) { throw error }
        state.givenFacts[key] = value
        state.transcript.append(TranscriptEntry(event: .fact, position: "fact:\(key)", answer: value))
        resettle(&state)
    }

    private func skipFacts(in state: inout SessionState) throws(SessionError) {
        guard case .fact(_, let fix) = state.current else {
            throw .invalidAnswer(reason: "There are no fact questions to skip here.")
        }
        for key in missingFactKeys(forFix: fix, in: state) {
            state.path.append(Step(position: .fact(key: key, fix: fix), answer: "", source: .user))
        }
        state.current = .node(fix)
    }

    // MARK: - Moving through the tree

    /// Adds an answered step to the path and the transcript.
    func record(_ step: Step, in state: inout SessionState) {
        state.path.append(step)
        state.remembered[step.position.id] = step.answer
        let event: TranscriptEntry.Event = step.source == .user ? .answered : .autoAnswered
        state.transcript.append(TranscriptEntry(
            event: event, position: step.position.id, question: questionText(step.position),
            answer: step.answer, note: step.source == .user ? nil : describe(step.source)))
    }

    /// Goes to `id` and keeps going while the questions met are answered automatically.
    func settle(_ state: inout SessionState, at id: String) {
        // Evidence with several failures first asks which one the session is about.
        if needsFailureChoice(state) {
            state.current = .failure(next: id)
            return
        }
        var target = id
        // Content is acyclic (validated); the bound only guards against a broken tree at run time.
        for _ in 0...max(tree.nodes.count, 1) {
            guard let node = tree.node(target) else {
                state.current = .node(target)
                return
            }
            // Outcomes (fixes and ends) first ask for the facts their commands still need.
            if !node.kind.isQuestion, let key = missingFactKeys(forFix: node.id, in: state).first {
                state.current = .fact(key: key, fix: node.id)
                return
            }
            guard node.kind.isQuestion, !state.declined.contains(node.id),
                let (value, source) = automaticAnswer(for: node, in: state)
            else {
                state.current = .node(node.id)
                return
            }
            record(Step(position: .node(node.id), answer: value, source: source), in: &state)
            target = route(from: node, answer: value, in: state)
        }
    }

    /// After facts or evidence arrive: the current question may now be answered automatically.
    private func resettle(_ state: inout SessionState) {
        switch state.current {
        case .node(let id): settle(&state, at: id)
        case .fact(_, let fix): settle(&state, at: fix)
        case .failure(let next): settle(&state, at: next)
        }
    }

    func route(from node: Node, answer: String, in state: SessionState) -> String {
        let evaluator = evaluator(for: state, answer: answer)
        let holding = (node.routes ?? []).filter { evaluator.evaluate($0.when) == true }
        return evidenceWeight(in: state).strongest(holding, condition: \.when)?.to
            ?? node.default ?? tree.startID
    }

    /// The answer that facts, findings or evidence already give a question, if any.
    func automaticAnswer(for node: Node, in state: SessionState) -> (String, AnswerSource)? {
        let facts = facts(in: state)
        if let key = node.fact, let known = facts[key]?.value, !known.isEmpty,
            case .success(let value) = AnswerParser.parse(known, for: node, in: tree)
        {
            return (value, .fact(key))
        }
        if node.kind == .file, let wanted = node.evidence,
            let report = state.evidence.last(where: { $0.kind.map(wanted.contains) ?? false })
        {
            return (report.path, .evidence(report.path))
        }
        let evaluator = evaluator(for: state, answer: nil)
        let holding = (node.auto ?? []).filter { evaluator.evaluate($0.when) == true }
        guard let rule = evidenceWeight(in: state).strongest(holding, condition: \.when) else { return nil }
        // Name a finding the evidence holds, not merely the first the rule mentions.
        let routable = findingCauses(in: state)
        let firstFinding = rule.when.flattened.lazy.compactMap { condition -> String? in
            if case .finding(let cause) = condition, routable.contains(cause) { return cause }
            return nil
        }.first
        return (rule.answer, firstFinding.map(AnswerSource.finding) ?? .rule(rule.when.summary))
    }

    func evaluator(for state: SessionState, answer: String?) -> ConditionEvaluator {
        ConditionEvaluator(answer: answer, facts: facts(in: state).mapValues(\.value), findings: findingCauses(in: state))
    }

    // MARK: - Facts

    /// Every fact known now: evidence first, then given facts, then answers on the path (later wins).
    public func facts(in state: SessionState) -> [String: FactValue] {
        var facts: [String: FactValue] = [:]
        let scope = scope(of: state)
        for report in scope.evidence {
            for (key, value) in report.facts where !value.isEmpty {
                facts[key] = FactValue(value: value, origin: .evidence(report.path))
            }
        }
        // The failure the session is about states its own request's facts (route, ids, status).
        if let group = scope.applied {
            for (key, value) in group.facts where tree.fact(key) != nil {
                facts[key] = FactValue(value: value, origin: .evidence(group.file))
            }
        }
        for (key, value) in state.givenFacts where !value.isEmpty {
            facts[key] = FactValue(value: value, origin: .given)
        }
        for step in state.path where !step.answer.isEmpty {
            // A step answered *by* a fact adds nothing new; every other answer states the fact.
            if case .fact = step.source { continue }
            // A choice such as "not sure" that does not fit the fact's pattern leaves it unknown.
            guard let key = factKey(of: step), fits(step.answer, fact: key) else { continue }
            facts[key] = FactValue(value: step.answer, origin: .answer(step.position.id))
        }
        return facts
    }

    private func evidenceWeight(in state: SessionState) -> EvidenceWeight {
        EvidenceWeight(scopedEvidence(in: state), status: facts(in: state)["status"].flatMap { Int($0.value) })
    }

    /// The cause ids the evidence supports well enough to route on: medium or high confidence.
    /// Low-confidence findings are pointers for the user (shown with the evidence), not answers.
    public func findingCauses(in state: SessionState) -> Set<String> {
        Self.routableCauses(in: scopedEvidence(in: state))
    }

    static func routableCauses(in evidence: [EvidenceReport]) -> Set<String> {
        Set(EvidenceRefinement.refine(evidence).flatMap { $0.findings.filter { $0.confidence >= .medium }.map(\.cause) })
    }

    func fits(_ value: String, fact key: String) -> Bool {
        guard let pattern = tree.fact(key)?.pattern else { return true }
        return AnswerParser.fullMatch(value, pattern: pattern)
    }

    func factKey(of step: Step) -> String? {
        switch step.position {
        case .fact(let key, _): key
        case .node(let id): tree.node(id)?.fact
        // The chosen failure states its facts through the group, not through this answer.
        case .failure: nil
        }
    }

    /// Facts the fix's shown commands need that are unknown and were not already asked for.
    func missingFactKeys(forFix id: String, in state: SessionState) -> [String] {
        guard let node = tree.node(id) else { return [] }
        let known = facts(in: state)
        let asked = Set(state.path.compactMap { step -> String? in
            if case .fact(let key, _) = step.position { return key }
            return nil
        })
        let evaluator = evaluator(for: state, answer: nil)
        let keys = FactDefaults.neededKeys(
            FixRenderer.templateKeys(of: node, shownBy: evaluator), facts: known.mapValues(\.value), tree: tree)
        return keys.filter {
            known[$0] == nil && !asked.contains($0) && tree.fact($0) != nil
        }
    }

    // MARK: - Words for the record

    func questionTitle(_ position: Position) -> String {
        switch position {
        case .node(let id): tree.node(id)?.shortTitle ?? id
        case .fact(let key, _): tree.fact(key)?.label ?? key
        case .failure: evidencePrompts.failure_title
        }
    }

    func questionText(_ position: Position) -> String {
        switch position {
        case .node(let id): tree.node(id)?.text ?? id
        case .fact(let key, let fix): factQuestion(key: key, fix: fix, facts: [:]).text
        case .failure: evidencePrompts.failure_text
        }
    }

    /// The words of the question for a missing fact, from the manifest's `fact_question`.
    func factQuestion(
        key: String, fix: String, facts: [String: String]
    ) -> (title: String, text: String, why: String, hint: String?) {
        let fact = tree.fact(key)
        let fixTitle = tree.node(fix)?.title.map { title in
            Template.fill(title, facts: facts) { tree.fact($0)?.placeholder ?? "<\($0)>" }.text
        }
        let words = ["label": fact?.label ?? key, "example": fact?.example ?? "", "fix": fixTitle ?? fix]
        let prompt = tree.manifest.fact_question
        func fill(_ text: String) -> String { Template.fill(text, facts: words, placeholder: { "<\($0)>" }).text }
        return (fill(prompt.title), fill(prompt.text), fill(prompt.why), prompt.hint.map(fill))
    }

    func describe(_ source: AnswerSource) -> String {
        switch source {
        case .user: "answered"
        case .fact(let key): "known fact \(key)"
        case .finding(let cause): "evidence finding \(cause)"
        case .rule(let summary): "known: \(summary)"
        case .evidence(let path): "evidence file \(path)"
        case .branch: "--start"
        }
    }
}
