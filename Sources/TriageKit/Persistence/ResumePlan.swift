/// How a saved session continues on the content loaded now.
public enum ResumePlan: Equatable, Sendable {
    /// The saved state fits the content as it is: continue exactly where it stopped.
    case exact(SessionState)
    /// The content changed. `state` holds every saved answer that still fits, replayed on the
    /// new content; `note` says what changed and where the session continues.
    case adapted(SessionState, note: String)
    /// Nothing of the saved path fits the content; `reason` says why.
    case impossible(reason: String)
}

extension Engine {
    /// Decides how to resume a saved state on this engine's content.
    ///
    /// - Same content version, and every position on the path still in the tree: exact.
    /// - Otherwise the saved answers are replayed from the start on the new content, with the
    ///   same given facts and evidence, for as long as each one is still asked where it was
    ///   (answers now given by a fact or evidence are skipped). The session continues at the
    ///   first question that no longer fits; every earlier answer stays remembered, so a
    ///   question met again later is pre-filled.
    public func resumePlan(for saved: SessionState) -> ResumePlan {
        if saved.contentVersion == tree.version, positionsExist(in: saved) {
            return .exact(saved)
        }
        var state = start(givenFacts: saved.givenFacts, evidence: saved.evidence)
        let answers = saved.path.filter(\.source.isUser)
        var replayed = 0
        for step in answers {
            guard let next = replay(step, on: state) else { break }
            state = next
            replayed += 1
        }
        state.transcript = saved.transcript
        state.remembered = saved.remembered.merging(state.remembered) { _, new in new }

        let change = "The content changed from \(saved.contentVersion) to \(tree.version)"
        if replayed == answers.count {
            return .adapted(state, note: "\(change); every saved answer still fits.")
        }
        let stuck = answers[replayed]
        if replayed == 0 {
            return .impossible(reason: "\(change), and the first saved answer no longer fits: "
                + "\"\(questionTitle(stuck.position))\" is not asked at the start any more.")
        }
        return .adapted(state, note: "\(change). \(replayed) of \(answers.count) saved answers still fit; "
            + "\"\(questionTitle(stuck.position))\" is no longer asked there, so the session continues at step \(state.stepNumber).")
    }

    /// Applies one saved answer if its question is the one the new content asks now.
    private func replay(_ step: Step, on state: SessionState) -> SessionState? {
        if step.source == .branch { return try? apply(.branch(step.answer), to: state) }
        if alreadyAnswered(step, in: state) { return state }
        guard state.current == step.position else { return nil }
        return try? apply(.answer(step.answer), to: state)
    }

    /// The new content answers this question automatically (a fact or evidence now does).
    private func alreadyAnswered(_ step: Step, in state: SessionState) -> Bool {
        state.path.contains { $0.position == step.position && !$0.source.isUser }
    }

    /// Every node the saved state names is still in the tree (a content folder edited without
    /// changing its version must not resume into a missing node).
    private func positionsExist(in state: SessionState) -> Bool {
        (state.path.map(\.position) + [state.current]).allSatisfy { position in
            switch position {
            case .node(let id): tree.node(id) != nil
            case .fact(let key, let fix): tree.fact(key) != nil && tree.node(fix) != nil
            case .failure(let next): tree.node(next) != nil
            }
        }
    }
}
