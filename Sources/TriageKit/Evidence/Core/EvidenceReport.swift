/// What inspecting one file produced: its kind, counts, findings and the facts it yielded.
///
/// This is the only thing the session engine knows about files: the engine never reads them,
/// it receives reports already made (so it stays a pure state machine).
public struct EvidenceReport: Codable, Sendable, Equatable {
    /// The path as the user gave it.
    public var path: String
    /// The evidence kind detected (e.g. `execution-log`), or `nil` when nothing recognised the file.
    public var kind: String?
    /// A one-line description for the user: "API Gateway execution log, 3,120 lines, 41 requests, 6 failed".
    public var description: String
    public var lines: Int
    /// Requests seen (logs only).
    public var requests: Int?
    /// Requests that ended in a 5xx (logs only).
    public var failed: Int?
    public var findings: [Finding]
    /// Failures the file shows without proving a cause (a status only); see `UndeterminedFailure`.
    public var undetermined: [UndeterminedFailure]
    /// Facts the file states outright (ids, names, region, timeouts), merged over its findings' facts.
    public var facts: [String: String]
    /// Problems reading the file, in the project's words (unreadable, binary, truncated JSON, ...).
    public var problems: [String]
    /// Dated events the file shows (deployments, changes, metric onsets), for the scan's timeline.
    public var timeline: [TimelineEvent]

    public init(
        path: String, kind: String?, description: String, lines: Int = 0, requests: Int? = nil,
        failed: Int? = nil, findings: [Finding] = [], facts: [String: String] = [:], problems: [String] = [],
        undetermined: [UndeterminedFailure] = [], timeline: [TimelineEvent] = []
    ) {
        self.path = path
        self.kind = kind
        self.description = description
        self.lines = lines
        self.requests = requests
        self.failed = failed
        self.findings = findings
        self.facts = facts
        self.problems = problems
        self.undetermined = undetermined
        self.timeline = timeline
    }

    private enum CodingKeys: String, CodingKey {
        case path, kind, description, lines, requests, failed, findings, undetermined, facts, problems, timeline
    }

    // Sessions saved before `undetermined` existed have no such key: read them as having none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        path = try container.decode(String.self, forKey: .path)
        kind = try container.decodeIfPresent(String.self, forKey: .kind)
        description = try container.decode(String.self, forKey: .description)
        lines = try container.decode(Int.self, forKey: .lines)
        requests = try container.decodeIfPresent(Int.self, forKey: .requests)
        failed = try container.decodeIfPresent(Int.self, forKey: .failed)
        findings = try container.decode([Finding].self, forKey: .findings)
        undetermined = try container.decodeIfPresent([UndeterminedFailure].self, forKey: .undetermined) ?? []
        facts = try container.decode([String: String].self, forKey: .facts)
        problems = try container.decode([String].self, forKey: .problems)
        // Nor before `timeline` existed.
        timeline = try container.decodeIfPresent([TimelineEvent].self, forKey: .timeline) ?? []
    }
}
