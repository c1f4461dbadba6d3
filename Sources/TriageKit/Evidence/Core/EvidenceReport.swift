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
    /// Facts the file states outright (ids, names, region, timeouts), merged over its findings' facts.
    public var facts: [String: String]
    /// Problems reading the file, in the project's words (unreadable, binary, truncated JSON, ...).
    public var problems: [String]

    public init(
        path: String, kind: String?, description: String, lines: Int = 0, requests: Int? = nil,
        failed: Int? = nil, findings: [Finding] = [], facts: [String: String] = [:], problems: [String] = []
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
    }
}
