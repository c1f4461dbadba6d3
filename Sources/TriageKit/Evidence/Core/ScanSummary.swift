/// What `apigw-triage scan` reports over several files: per-file counts, diagnoses grouped by cause
/// across all files, and the facts merged. Encodes to the `scan --format json` shape of
/// `design/product.md` (plus a `problems` list per file).
public struct ScanSummary: Encodable, Sendable, Equatable {
    /// One scanned file.
    public struct File: Encodable, Sendable, Equatable {
        public var path: String
        public var kind: String?
        public var description: String
        public var lines: Int
        public var requests: Int?
        public var failed: Int?
        public var problems: [String]

        enum CodingKeys: String, CodingKey { case path, kind, lines, requests, failed, problems }

        // Absent values are written as null, so every file has the same keys.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(path, forKey: .path)
            try container.encode(kind, forKey: .kind)
            try container.encode(lines, forKey: .lines)
            try container.encode(requests, forKey: .requests)
            try container.encode(failed, forKey: .failed)
            try container.encode(problems, forKey: .problems)
        }
    }

    /// One cause, over every file that shows it.
    public struct Diagnosis: Encodable, Sendable, Equatable {
        public var cause: String
        public var status: Int?
        public var count: Int
        public var confidence: Confidence
        /// At most `ScanSummary.maxEvidence` lines, most telling first.
        public var evidence: [EvidenceLine]
        /// The findings' summaries, for text output (not part of the JSON shape).
        public var summaries: [String]

        enum CodingKeys: String, CodingKey { case cause, status, count, confidence, evidence }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(cause, forKey: .cause)
            try container.encode(status, forKey: .status)
            try container.encode(count, forKey: .count)
            try container.encode(confidence, forKey: .confidence)
            try container.encode(evidence, forKey: .evidence)
        }
    }

    public var files: [File]
    /// Most significant first: confidence, then count, then cause id.
    public var diagnoses: [Diagnosis]
    /// Failures no file explains: their candidate causes and what would decide.
    public var undetermined: [Undetermined]
    /// Facts from every file; for a key two files disagree on, the earlier file wins.
    public var facts: [String: String]
    /// Dated events of every file in time order, changes shortly before the first 5xx marked.
    public var timeline: [TimelineEvent]
    /// Entries of the folders given that were not read, and why.
    public var skipped: [EvidencePaths.Skipped]
    /// What a collect script could not read (from the MANIFEST of a collected folder): the
    /// investigation's gaps, so "nothing found" is not mistaken for "nothing wrong".
    public var gaps: [CollectManifest.Gap] = []

    public static let maxEvidence = 3

    enum CodingKeys: String, CodingKey { case files, skipped, diagnoses, undetermined, facts, timeline, gaps }

    /// `catalogue` (the causes of `Content/causes.yaml`) gives the candidates of undetermined
    /// failures; without it they have none.
    public init(reports: [EvidenceReport], catalogue: [Cause] = [], skipped: [EvidencePaths.Skipped] = []) {
        // Conclusions that take two files (a log line plus the configuration) come first.
        let reports = EvidenceRefinement.refine(reports)
        files = reports.map {
            File(path: $0.path, kind: $0.kind, description: $0.description, lines: $0.lines, requests: $0.requests, failed: $0.failed, problems: $0.problems)
        }
        var facts: [String: String] = [:]
        for report in reports { facts.merge(report.facts.filter { !AnchorFacts.isAnchor($0.key) }) { earlier, _ in earlier } }
        self.facts = facts
        self.skipped = skipped
        diagnoses = Self.group(reports.flatMap(\.findings))
        timeline = Timeline.events(reports)
        undetermined = Self.groupUndetermined(reports.flatMap(\.undetermined), catalogue: catalogue, facts: facts)
    }

    private static func group(_ findings: [Finding]) -> [Diagnosis] {
        var order: [String] = []
        var byCause: [String: (diagnosis: Diagnosis, statusWeights: [Int: Int])] = [:]
        for finding in findings {
            if byCause[finding.cause] == nil {
                order.append(finding.cause)
                byCause[finding.cause] = (
                    Diagnosis(cause: finding.cause, status: nil, count: 0, confidence: finding.confidence, evidence: [], summaries: []), [:]
                )
            }
            var entry = byCause[finding.cause]!
            entry.diagnosis.count += finding.count
            entry.diagnosis.confidence = max(entry.diagnosis.confidence, finding.confidence)
            let room = maxEvidence - entry.diagnosis.evidence.count
            entry.diagnosis.evidence += finding.evidence.prefix(max(room, 0))
            if !finding.summary.isEmpty { entry.diagnosis.summaries.append(finding.summary) }
            if let status = finding.status { entry.statusWeights[status, default: 0] += finding.count }
            entry.diagnosis.status = entry.statusWeights.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
            byCause[finding.cause] = entry
        }
        return order.compactMap { byCause[$0]?.diagnosis }.sorted { left, right in
            if left.confidence != right.confidence { return left.confidence > right.confidence }
            if left.count != right.count { return left.count > right.count }
            return left.cause < right.cause
        }
    }
}
