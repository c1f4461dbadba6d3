/// How hard a training scenario is, for the list and the order it is shown in.
public enum Difficulty: String, Codable, Sendable, CaseIterable, Comparable {
    case beginner, intermediate, advanced

    private var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: Difficulty, rhs: Difficulty) -> Bool { lhs.rank < rhs.rank }
}

/// One evidence file a scenario offers, with a line saying what it is.
public struct ScenarioFileEntry: Codable, Sendable, Equatable {
    /// The file's name inside the scenario folder.
    public var name: String
    /// One line for the trainee: what the file is and where an engineer would get it.
    public var description: String
}

/// A line of evidence that gives the cause away, quoted exactly as it stands in a file.
public struct KeyEvidence: Codable, Sendable, Equatable {
    public var file: String
    public var text: String
}

/// A training case, as written in a scenario folder's `scenario.yaml`.
///
/// The story is what a ticket would say; the files are what an engineer would collect; the
/// expected cause is the catalogue id the wizard should end on. `misleads` names the cause a scan
/// of the files puts first when the scenario is built to mislead (a noisy log, a red herring).
public struct Scenario: Codable, Sendable, Equatable {
    /// The folder's name; also what `train NAME` takes.
    public var id: String
    public var title: String
    public var difficulty: Difficulty
    /// The status code the customer reports.
    public var status: Int
    /// `rest` or `http`.
    public var api_type: String
    /// The ticket, in the customer's words.
    public var story: String
    /// The cause id (from the catalogue) the trainee should reach.
    public var expected_cause: String
    /// The cause a scan of all the files names first, when that is not the expected one.
    public var misleads: String?
    public var files: [ScenarioFileEntry]
    /// Why the evidence points where it does, and what the trap is: shown at the end.
    public var explanation: String
    /// The lines that give the cause away.
    public var key_evidence: [KeyEvidence]
    /// Facts the ticket states (ids, names, region): what a trainee can answer from the story.
    public var facts: [String: String]?
    /// Answers, by question node id, for questions that neither the story's facts nor the files
    /// answer: the reference walk the tests follow.
    public var answers: [String: String]?
}
