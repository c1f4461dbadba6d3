/// Evidence that arrives later, and going back over what evidence answered.
///
/// - A file added mid-session re-settles the answers already given: an earlier answer of the
///   user's that the file now answers otherwise is replaced, and the step keeps the user's answer
///   (`Step.replaced`) so the screen can say what changed and from which file, and Back restores it.
///   The status is not replaced this way: a status the evidence contradicts stays the user's,
///   with a note (see `Engine+FailureGroups`).
/// - Back undoes automatic answers too: with no answer of the user's to go back to, it goes to
///   the last question evidence or a fact answered, and that question is then asked
///   (`SessionState.declined`) instead of answered again.
extension Engine {
    /// The index of the step Back returns to: the last answer of the user's or the last answer
    /// evidence replaced, else the last automatic answer; nil on the first question.
    func backTarget(in state: SessionState) -> Int? {
        state.path.lastIndex { $0.source.isUser || $0.replaced != nil } ?? state.path.indices.last
    }

    /// Replaces the first earlier answer of the user's that the evidence now answers otherwise,
    /// and settles on from there. Returns false when no answer changed.
    func resettleAnswers(_ state: inout SessionState, file: String) -> Bool {
        for index in state.path.indices {
            let step = state.path[index]
            guard step.source == .user, !state.declined.contains(step.position.id), case .node(let id) = step.position,
                let node = tree.node(id), node.kind.isQuestion, node.kind != .file, factKey(of: step) != "status"
            else { continue }
            var before = state
            before.path = Array(state.path[..<index])
            guard let (value, source) = automaticAnswer(for: node, in: before), value != step.answer else { continue }
            state.path.removeSubrange(index...)
            state.transcript.append(TranscriptEntry(
                event: .autoAnswered, position: id, question: questionText(step.position), answer: value,
                note: "\(file) replaced the answer \(step.answer)"))
            record(Step(position: step.position, answer: value, source: source, replaced: step.answer), in: &state)
            settle(&state, at: route(from: node, answer: value, in: state))
            return true
        }
        return false
    }
}
