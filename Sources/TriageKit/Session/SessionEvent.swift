/// What can happen to a session. The engine turns (state, event) into the next state.
public enum SessionEvent: Sendable, Equatable {
    /// An answer to the current question, as typed (the engine normalises and validates it).
    case answer(String)
    /// Go back to the previous question the user answered; its answer is kept for pre-filling.
    case back
    /// Start again from the first question, keeping given facts and evidence.
    case restart
    /// Jump to a named branch of the manifest (`--start 502`), as if the first question chose it.
    case branch(String)
    /// An evidence file was inspected; its facts and findings may answer questions.
    case addEvidence(EvidenceReport)
    /// A fact given during the session (`set key=value`).
    case setFact(key: String, value: String)
    /// Stop asking for the facts a fix needs and show it with placeholders.
    case skipFacts
    /// Take the evidence's status over the one the user gave, when they disagree (the note on
    /// the screen offers it); Back restores the user's.
    case acceptEvidence
    /// The ids a fix still needs, given together from the full-screen form (key → value as typed;
    /// a missing or empty value leaves the placeholder). All are checked before any is taken.
    case answerFacts([String: String])
}

/// Why the engine refused an event. The state is unchanged; the front end shows the message.
public enum SessionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The answer is not valid for the question; `reason` says why, to show before asking again.
    case invalidAnswer(reason: String)
    /// Back on the first question.
    case atFirstQuestion
    /// The session has reached a fix or an end; only back or restart apply.
    case finished
    case unknownBranch(String, known: [String])
    case unknownFact(String)
    case invalidFact(key: String, reason: String)
    /// `acceptEvidence` with no disagreement between the evidence and the answers.
    case nothingToAccept

    public var description: String {
        switch self {
        case .invalidAnswer(let reason): reason
        case .atFirstQuestion: "This is the first question; there is nothing to go back to."
        case .finished: "The session has reached its outcome; go back or restart to change an answer."
        case .unknownBranch(let name, let known): "No branch '\(name)'. Branches: \(known.joined(separator: ", "))."
        case .unknownFact(let key): "'\(key)' is not a fact the wizard knows (see Content/facts.yaml)."
        case .invalidFact(let key, let reason): "\(key): \(reason)"
        case .nothingToAccept: "The evidence agrees with your answers; there is nothing to take from it."
        }
    }
}
