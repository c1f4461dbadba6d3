/// A failure a file shows without proving its cause: a status (perhaps a body, a time, a request
/// id), but no line that names why. A curl 500, a HAR entry with a 502, an access-log 5xx with no
/// integration error.
///
/// Inspectors report these instead of guessing a cause; `ScanSummary` turns them into an
/// "undetermined" diagnosis with the candidate causes for the status and the file or command that
/// would decide, and the request join may settle them with another file's finding for the same
/// request.
public struct UndeterminedFailure: Codable, Sendable, Equatable {
    /// The status the client saw.
    public var status: Int
    /// `rest`, `http` or `websocket`, when the file says (headers, log shape).
    public var apiType: String?
    /// How many requests in the file show this status without a cause.
    public var count: Int
    /// The lines that show the status (the status line, the body, the timing), most telling first.
    public var evidence: [EvidenceLine]
    /// The example request's ids, for the join with other files.
    public var request: RequestKeys?
    /// What the file does show that narrows the causes, in the project's words
    /// (e.g. "the body is {\"message\": \"Internal server error\"}", "answered after 29.0 s").
    public var clues: [String]
    /// The causes the file narrows the failure to (cause ids), when it can: an access-log 502 with
    /// integrationStatus 200 is the function's doing, not the gateway's. Empty: every cause the
    /// catalogue gives for the status and API type (see `CandidateCauses`).
    public var candidates: [String]

    public init(
        status: Int, apiType: String? = nil, count: Int = 1, evidence: [EvidenceLine] = [], request: RequestKeys? = nil,
        clues: [String] = [], candidates: [String] = []
    ) {
        self.status = status
        self.apiType = apiType
        self.count = count
        self.evidence = evidence
        self.request = request
        self.clues = clues
        self.candidates = candidates
    }

    private enum CodingKeys: String, CodingKey { case status, apiType, count, evidence, request, clues, candidates }

    // Reports saved before `candidates` existed have no such key: read them as narrowing nothing.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        status = try container.decode(Int.self, forKey: .status)
        apiType = try container.decodeIfPresent(String.self, forKey: .apiType)
        count = try container.decode(Int.self, forKey: .count)
        evidence = try container.decode([EvidenceLine].self, forKey: .evidence)
        request = try container.decodeIfPresent(RequestKeys.self, forKey: .request)
        clues = try container.decodeIfPresent([String].self, forKey: .clues) ?? []
        candidates = try container.decodeIfPresent([String].self, forKey: .candidates) ?? []
    }
}
