/// How sure an inspector is that a finding names the real cause.
public enum Confidence: String, Codable, Sendable, Comparable, CaseIterable {
    case low, medium, high

    private var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        }
    }

    public static func < (lhs: Confidence, rhs: Confidence) -> Bool { lhs.rank < rhs.rank }
}

/// One line of a file that supports a finding, quoted as it stands in the file.
public struct EvidenceLine: Codable, Sendable, Equatable, Hashable {
    /// The file's path as the user gave it.
    public var file: String
    /// 1-based line number in the file (for JSON documents, the line where the value starts).
    public var line: Int
    /// The line's text (trimmed of its line ending; long lines are cut with "…").
    public var text: String

    public init(file: String, line: Int, text: String) {
        self.file = file
        self.line = line
        self.text = text
    }

    /// Where the line stands, as every channel prints it: `exec.log:12`, or just the file for a
    /// line that stands for the whole file (a cross-file conclusion uses line 0), never "line 0".
    public var place: String { line >= 1 ? "\(file):\(line)" : file }

    /// `exec.log:12: text`, the way fixes, screens and reports quote a line.
    public var quoted: String { "\(place): \(text)" }
}

/// A diagnosis drawn from one evidence file: a cause from the catalogue, with the lines that show it.
public struct Finding: Codable, Sendable, Equatable {
    /// A cause id from `Content/causes.yaml`.
    public var cause: String
    /// The status the client saw, when the evidence says (e.g. 502).
    public var status: Int?
    public var confidence: Confidence
    /// How many requests (or configuration items) show this cause.
    public var count: Int
    /// A few example lines, most telling first.
    public var evidence: [EvidenceLine]
    /// Facts this finding implies (e.g. `function_name` from the ARN in the same request).
    public var facts: [String: String]
    /// One sentence in the project's words: what the lines mean.
    public var summary: String
    /// The example request's ids, so findings from different files about one request can be joined.
    public var request: RequestKeys?

    public init(
        cause: String, status: Int? = nil, confidence: Confidence, count: Int = 1,
        evidence: [EvidenceLine] = [], facts: [String: String] = [:], summary: String = "",
        request: RequestKeys? = nil
    ) {
        self.cause = cause
        self.status = status
        self.confidence = confidence
        self.count = count
        self.evidence = evidence
        self.facts = facts
        self.summary = summary
        self.request = request
    }
}
