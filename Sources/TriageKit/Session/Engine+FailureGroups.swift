/// The failing request: which failure of the evidence the session is about.
///
/// Evidence with more than one failure group (status × route) makes the engine ask which one the
/// user is troubleshooting, before anything else is settled; from then on only that group's
/// findings route, and its example request's facts fill the commands. A group whose status
/// contradicts the status the user gave is not applied: the screen says so, and the user may take
/// the evidence's status (`acceptEvidence`).
extension Engine {
    /// The words the engine uses for the failure question and the evidence notes.
    var evidencePrompts: EvidencePromptText { tree.manifest.evidence_prompts ?? .fallback }

    /// Every failure group the session's evidence shows, most requests first.
    public func failureGroups(in state: SessionState) -> [FailureGroup] {
        FailureGroups.build(from: EvidenceRefinement.refine(state.evidence))
    }

    /// The group the session is about: the one the user chose, else the only one there is.
    public func chosenGroup(in state: SessionState) -> FailureGroup? { scope(of: state).chosen }

    /// The chosen group unless it contradicts the status the user gave.
    func appliedGroup(in state: SessionState) -> FailureGroup? { scope(of: state).applied }

    /// The chosen group and the status the user gave, when the two differ.
    func contradiction(in state: SessionState) -> (group: FailureGroup, given: String)? { scope(of: state).contradiction }

    /// The status the user stated (`--fact status=`, `--start`, or an answer), never one evidence gave.
    func statedStatus(in state: SessionState) -> String? {
        var status = state.givenFacts["status"].flatMap { $0.isEmpty ? nil : $0 }
        for step in state.path where step.source.isUser && factKey(of: step) == "status" && fits(step.answer, fact: "status") {
            status = step.answer
        }
        return status
    }

    /// The evidence as routing, facts and fix screens see it (see `EvidenceScope.evidence`).
    public func scopedEvidence(in state: SessionState) -> [EvidenceReport] { scope(of: state).evidence }

    /// The groups, the choice and what it leaves of the evidence, worked out in one pass (facts
    /// are asked for many times per question, and grouping refines the evidence every time).
    func scope(of state: SessionState) -> EvidenceScope {
        let groups = failureGroups(in: state)
        guard !groups.isEmpty else { return EvidenceScope(chosen: nil, contradiction: nil, evidence: state.evidence) }
        let chosen: FailureGroup?
        if let choice = state.path.last(where: { $0.position.isFailureChoice }) {
            chosen = groups.first { $0.key == choice.answer }
        } else {
            chosen = groups.count == 1 ? groups.first : nil
        }
        var contradiction: (group: FailureGroup, given: String)?
        if let chosen, let given = statedStatus(in: state), given != String(chosen.status) { contradiction = (chosen, given) }
        let applied = contradiction == nil ? chosen : nil
        func keep(_ status: Int, _ request: RequestKeys?) -> Bool {
            guard let applied else { return false }
            return FailureGroups.belongs(status: status, request: request, to: applied)
        }
        let evidence = state.evidence.map { report in
            let showsFailures = report.findings.contains { FailureGroups.isObserved($0, in: report) } || !report.undetermined.isEmpty
            guard showsFailures else { return report }
            var report = report
            // The integration facts some finding states for its own request are that request's, not the file's.
            let statedPerRequest = Set(report.findings.flatMap(\.facts.keys)).intersection(FailureGroup.integrationFactKeys)
            report.findings = report.findings.filter { finding in
                !FailureGroups.isObserved(finding, in: report) || keep(finding.status ?? 0, finding.request)
            }
            report.undetermined = report.undetermined.filter { keep($0.status, $0.request) }
            report.facts = report.facts.filter { !FailureGroup.requestFactKeys.contains($0.key) && !statedPerRequest.contains($0.key) }
            return report
        }
        return EvidenceScope(chosen: chosen, contradiction: contradiction, evidence: evidence)
    }

    /// Whether the failure question must be asked now: several groups and no choice yet.
    func needsFailureChoice(_ state: SessionState) -> Bool {
        !state.path.contains { $0.position.isFailureChoice } && failureGroups(in: state).count > 1
    }

    /// The groups in the order the failure question lists them: those with the status the user
    /// gave first (the first of them is the default, selected as the question opens), then the
    /// rest, most requests first.
    func failureChoiceOrder(in state: SessionState) -> [FailureGroup] {
        let groups = failureGroups(in: state)
        guard let stated = statedStatus(in: state) else { return groups }
        return groups.filter { String($0.status) == stated } + groups.filter { String($0.status) != stated }
    }

    /// The failure question's items, in the content's words.
    func failureChoices(_ groups: [FailureGroup]) -> [Choice] {
        let prompts = evidencePrompts
        return groups.map { group in
            var words = [
                "status": String(group.status), "route": group.route ?? prompts.unknown_route,
                "requests": CountText.counted(group.count, "request"),
            ]
            var text = prompts.item
            if let time = group.firstTime {
                // `2026-12-03T10:02:11Z` reads as `10:02:11Z` in a list of one day's failures.
                words["time"] = time.split(separator: "T", maxSplits: 1).last.map(String.init) ?? time
                text += prompts.item_time
            }
            return Choice(value: group.key, label: Template.fill(text, facts: words) { "<\($0)>" }.text)
        }
    }

    /// The group key for what the user typed: a number, a key, or Enter for the pre-selected one.
    func failureAnswer(_ raw: String, in state: SessionState) throws(SessionError) -> String {
        let groups = failureChoiceOrder(in: state)
        let text = raw.trimmedOfWhitespaceAndNewlines()
        let remembered = state.remembered[state.current.id].flatMap { key in groups.first { $0.key == key } }
        if text.isEmpty, let preset = remembered ?? groups.first {
            return preset.key
        }
        return try AnswerParser.parseChoice(text, choices: failureChoices(groups)).get()
    }

    /// The failure question as a front end shows it: a choice over the groups.
    func failureQuestion(in state: SessionState) -> QuestionView {
        let prompts = evidencePrompts
        let groups = failureChoiceOrder(in: state)
        // Only an answer given before is a prefill; the default is simply listed first.
        let previous = state.remembered[state.current.id].flatMap { key in groups.first { $0.key == key }?.key }
        return QuestionView(
            position: state.current, kind: .choice, title: prompts.failure_title, text: prompts.failure_text,
            why: prompts.failure_why, hint: prompts.failure_hint, command: nil, choices: failureChoices(groups), example: nil,
            optional: false, evidenceKinds: [], prefill: previous, isFactQuestion: false)
    }

    /// Takes the evidence's status over the user's: the answer that stated it is replaced by the
    /// group's status (remembering the user's, which Back restores), and the session settles on.
    func acceptEvidence(in state: inout SessionState) throws(SessionError) {
        guard let (group, given) = contradiction(in: state) else { throw .nothingToAccept }
        let status = String(group.status)
        state.givenFacts["status"] = nil
        state.transcript.append(TranscriptEntry(
            event: .fact, position: "fact:status", answer: status, note: "took the status \(status) from \(group.file) over \(given)"))
        let choices = state.path.filter { $0.position.isFailureChoice }
        guard let index = state.path.firstIndex(where: { $0.source.isUser && factKey(of: $0) == "status" }),
            case .node(let id) = state.path[index].position, let node = tree.node(id)
        else {
            state.path = choices
            settle(&state, at: tree.startID)
            return
        }
        state.path = Array(state.path[..<index].filter { !$0.position.isFailureChoice }) + choices
        state.declined.remove(id)
        record(Step(position: .node(id), answer: status, source: .fact("status"), replaced: given), in: &state)
        settle(&state, at: route(from: node, answer: status, in: state))
    }
}
