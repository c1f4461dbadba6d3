/// The ids a fix still needs, asked together: one form in full screen, a short numbered sequence
/// in plain mode ("3 of 8"). The engine still records one step per id; the form only groups them.
public struct FactForm: Codable, Sendable, Equatable {
    /// One id of the form.
    public struct Field: Codable, Sendable, Equatable {
        public var key: String
        public var label: String
        public var example: String?
        /// What the fix's commands show while the id is unknown (`<api-id>`).
        public var placeholder: String
        /// The value given before (after going back), to pre-fill the field.
        public var prefill: String?
    }

    /// The fix node the ids are for, and its title with the known facts filled in.
    public var fix: String
    public var fixTitle: String
    /// Every id of the group: the ones already given in this sequence, then the ones still asked.
    public var fields: [Field]
    /// The index in `fields` of the id asked now (0 in the full-screen form, which asks all at once).
    public var current: Int

    /// "3 of 8": 1-based number of the id asked now, and how many the fix needs in all.
    public var number: Int { current + 1 }
    public var count: Int { fields.count }
    /// The ids not given yet, from the one asked now: the fields the full-screen form edits.
    public var open: ArraySlice<Field> { fields[min(current, fields.count)...] }
}

extension Engine {
    /// The form for the ids `fix` still needs, when the session is asking for one of them.
    func factForm(for state: SessionState, fix: String, facts: [String: String]) -> FactForm {
        let given = trailingFactSteps(of: fix, in: state.path).map { step -> String in
            if case .fact(let key, _) = step.position { return key }
            return ""
        }
        let keys = given + missingFactKeys(forFix: fix, in: state)
        let fields = keys.map { key in
            let definition = tree.fact(key)
            return FactForm.Field(
                key: key, label: definition?.label ?? key, example: definition?.example,
                placeholder: definition?.placeholder ?? "<\(key)>", prefill: state.remembered["fact:\(key)"])
        }
        let title = factQuestion(key: keys.first ?? "", fix: fix, facts: facts)
        let fixTitle = tree.node(fix)?.title.map { title in
            Template.fill(title, facts: facts) { tree.fact($0)?.placeholder ?? "<\($0)>" }.text
        } ?? title.title
        return FactForm(fix: fix, fixTitle: fixTitle, fields: fields, current: given.count)
    }

    /// `.answerFacts`: every id still open for the fix at once (missing ones are left as placeholders).
    /// All values are checked before any is taken, so a refusal leaves the session as it was.
    func answerFacts(_ values: [String: String], in state: inout SessionState) throws(SessionError) {
        guard case .fact(_, let fix) = state.current else {
            throw .invalidAnswer(reason: "There are no ids to give here.")
        }
        var answers: [(key: String, value: String)] = []
        for key in missingFactKeys(forFix: fix, in: state) {
            switch AnswerParser.parseFact(values[key] ?? "", key: key, in: tree) {
            case .success(let value): answers.append((key, value))
            case .failure(let error): throw .invalidFact(key: key, reason: error.description)
            }
        }
        for answer in answers {
            record(Step(position: .fact(key: answer.key, fix: fix), answer: answer.value, source: .user), in: &state)
        }
        settle(&state, at: fix)
    }

    /// Back treats a fix's ids as one screen. From the fix (its ids just given, or skipped with
    /// `skip all`) it returns to the first id of the form and returns true. In the middle of the
    /// ids (plain mode's sequence) it drops the ones given so far and returns false, so the
    /// ordinary back then leaves the form for the question before it.
    func backOverFactForm(in state: inout SessionState) -> Bool {
        if case .fact(_, let fix) = state.current {
            state.path.removeLast(trailingFactSteps(of: fix, in: state.path).count)
            return false
        }
        guard let last = state.path.last(where: { $0.source.isUser }), case .fact(_, let fix) = last.position,
            state.path.last == last
        else { return false }
        let steps = trailingFactSteps(of: fix, in: state.path)
        guard let first = steps.first else { return false }
        state.path.removeLast(steps.count)
        state.current = first.position
        state.transcript.append(TranscriptEntry(event: .back, position: first.position.id, note: "back to the ids for the fix"))
        return true
    }

    /// The fact steps for `fix` at the end of the path: the ids of one form, given or skipped.
    func trailingFactSteps(of fix: String, in path: [Step]) -> ArraySlice<Step> {
        let start = path.lastIndex { step in
            if case .fact(_, let other) = step.position, other == fix { return false }
            return true
        }.map { $0 + 1 } ?? 0
        return path[start...]
    }
}
