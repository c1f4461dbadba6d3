/// Who or what gave an answer.
public enum AnswerSource: Codable, Sendable, Equatable {
    /// The user typed or chose it.
    case user
    /// A fact already known answered the question (the fact's key).
    case fact(String)
    /// A finding from evidence answered it (the cause id).
    case finding(String)
    /// An `auto` rule on facts answered it (the rule's condition, in words).
    case rule(String)
    /// An evidence file of the kind a file question wants was given (the file's path).
    case evidence(String)
    /// `--start BRANCH` chose the branch.
    case branch

    public var isUser: Bool { self == .user || self == .branch }
}

/// Where the session stands: at a node of the tree, or asking for a fact a fix needs.
public enum Position: Codable, Sendable, Equatable, Hashable {
    case node(String)
    /// A question the engine makes up for a fact the fix `fix` needs and nobody has given.
    case fact(key: String, fix: String)
    /// The question the engine makes up when the evidence shows more than one failure ("which one
    /// are you troubleshooting?"); the session goes on at `next` once it is answered.
    case failure(next: String)

    /// The id used for this position in answers and transcripts (`fact:api_id` for fact questions).
    public var id: String {
        switch self {
        case .node(let id): id
        case .fact(let key, _): "fact:\(key)"
        case .failure: "failure"
        }
    }

    /// True for the "which failure?" question.
    public var isFailureChoice: Bool {
        if case .failure = self { return true }
        return false
    }
}

/// One answered question on the path from the start to where the session stands.
public struct Step: Codable, Sendable, Equatable {
    public var position: Position
    /// The normalised answer: `yes`/`no`, a choice value, typed text (empty = unknown), a path or `skip`.
    public var answer: String
    public var source: AnswerSource
    /// The user's own answer that evidence added later replaced (shown as a note; Back restores it).
    public var replaced: String?

    public init(position: Position, answer: String, source: AnswerSource, replaced: String? = nil) {
        self.position = position
        self.answer = answer
        self.source = source
        self.replaced = replaced
    }
}

/// A fact value with where it came from.
public struct FactValue: Codable, Sendable, Equatable {
    public enum Origin: Codable, Sendable, Equatable {
        /// Given up front (`--fact K=V`).
        case given
        /// Stated by an evidence file (its path).
        case evidence(String)
        /// The answer to a question (the position's id).
        case answer(String)
    }

    public var value: String
    public var origin: Origin

    public init(value: String, origin: Origin) {
        self.value = value
        self.origin = origin
    }
}

/// One line of the session's record: every question asked and answered, every back and restart.
public struct TranscriptEntry: Codable, Sendable, Equatable {
    public enum Event: String, Codable, Sendable {
        case answered, autoAnswered, back, restart, jump, evidence, fact
    }

    public var event: Event
    public var position: String?
    /// The question's text, as shown (placeholders filled).
    public var question: String?
    public var answer: String?
    /// Why an automatic answer was taken, or what evidence was added.
    public var note: String?

    public init(event: Event, position: String? = nil, question: String? = nil, answer: String? = nil, note: String? = nil) {
        self.event = event
        self.position = position
        self.question = question
        self.answer = answer
        self.note = note
    }
}

/// Everything a session is: what it was built on, the path taken, what is known and the record.
///
/// Codable so a session can be saved and resumed. Facts are not stored as such: they are derived
/// from the given facts, the evidence and the answers on the current path (see `Engine.facts`),
/// so going back can never leave a stale fact behind.
public struct SessionState: Codable, Sendable, Equatable {
    public var contentVersion: String
    /// The answered questions from the start to the current position.
    public var path: [Step]
    public var current: Position
    /// The last answer given at each position, kept after going back (to pre-fill the question).
    public var remembered: [String: String]
    /// Facts given up front (`--fact K=V`).
    public var givenFacts: [String: String]
    public var evidence: [EvidenceReport]
    public var transcript: [TranscriptEntry]
    /// Questions the user went back to over an automatic answer: they are asked, not answered
    /// again by the same evidence (position ids).
    public var declined: Set<String>

    public init(contentVersion: String, current: Position, givenFacts: [String: String] = [:], evidence: [EvidenceReport] = []) {
        self.contentVersion = contentVersion
        self.path = []
        self.current = current
        self.remembered = [:]
        self.givenFacts = givenFacts
        self.evidence = evidence
        self.transcript = []
        self.declined = []
    }

    private enum CodingKeys: String, CodingKey {
        case contentVersion, path, current, remembered, givenFacts, evidence, transcript, declined
    }

    // Sessions saved before `declined` existed have no such key: read them as declining nothing.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        contentVersion = try container.decode(String.self, forKey: .contentVersion)
        path = try container.decode([Step].self, forKey: .path)
        current = try container.decode(Position.self, forKey: .current)
        remembered = try container.decode([String: String].self, forKey: .remembered)
        givenFacts = try container.decode([String: String].self, forKey: .givenFacts)
        evidence = try container.decode([EvidenceReport].self, forKey: .evidence)
        transcript = try container.decode([TranscriptEntry].self, forKey: .transcript)
        declined = try container.decodeIfPresent(Set<String>.self, forKey: .declined) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(contentVersion, forKey: .contentVersion)
        try container.encode(path, forKey: .path)
        try container.encode(current, forKey: .current)
        try container.encode(remembered, forKey: .remembered)
        try container.encode(givenFacts, forKey: .givenFacts)
        try container.encode(evidence, forKey: .evidence)
        try container.encode(transcript, forKey: .transcript)
        // Sorted, so a saved session is the same bytes for the same state; left out when empty.
        if !declined.isEmpty { try container.encode(declined.sorted(), forKey: .declined) }
    }

    /// 1-based number of the screen the user is on: the questions the user saw and answered, plus
    /// this one. Automatic answers and `--start` are not screens; a fix's ids are one screen (the
    /// form), however many there are and even when `skip all` left them empty.
    public var stepNumber: Int {
        var screens = 0
        var form: String?
        for step in path where step.source == .user {
            if case .fact(_, let fix) = step.position {
                if form != fix { screens += 1 }
                form = fix
            } else {
                form = nil
                screens += 1
            }
        }
        // Still inside the form whose first ids are on the path (plain mode's sequence).
        if case .fact(_, let fix) = current, form == fix { return screens }
        return screens + 1
    }
}
