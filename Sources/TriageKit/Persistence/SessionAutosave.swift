import Foundation

/// Saves one session as it goes: what a front end calls after every change of state.
///
/// The state is masked before it is written (unless masking is off), so a state file never
/// holds more of a secret than a report would.
public struct SessionAutosave: Sendable {
    public let store: SessionStore
    public let id: String
    public let created: Date
    public let engine: Engine
    public let masker: SecretMasker

    public init(store: SessionStore, id: String, created: Date, engine: Engine, masker: SecretMasker) {
        self.store = store
        self.id = id
        self.created = created
        self.engine = engine
        self.masker = masker
    }

    /// Saves the state, once it has an answer (or once the session is on disk, when resumed);
    /// returns whether it was written.
    @discardableResult
    public func save(_ state: SessionState, at date: Date) throws(SessionStoreError) -> Bool {
        guard state.hasUserAnswers || store.exists(id: id) else { return false }
        try store.save(SavedSession(
            id: id, created: created, updated: date, finished: engine.isFinished(state),
            summary: Self.summary(of: state, engine: engine), state: masker.mask(state)))
        return true
    }

    /// Where a session stands, in words: `step 4: Proxy integration?` or `fix: Let API Gateway invoke…`.
    public static func summary(of state: SessionState, engine: Engine) -> String {
        switch engine.screen(for: state).body {
        case .question(let question): "step \(state.stepNumber): \(question.title)"
        case .outcome(let fix): (fix.kind == .fix ? "fix: " : "outcome: ") + fix.title
        }
    }
}
