extension ScanSummary {
    /// Failures no file explains, grouped across files by status, API type and candidates: the
    /// causes still possible and what would decide between them.
    public struct Undetermined: Encodable, Sendable, Equatable {
        public var status: Int
        public var apiType: String?
        public var count: Int
        /// Cause ids, likeliest first (see `CandidateCauses`).
        public var candidates: [String]
        /// The files or commands that would decide (see `DecidingEvidence`).
        public var next: [String]
        /// At most `ScanSummary.maxEvidence` lines.
        public var evidence: [EvidenceLine]
        /// What the files show that narrows the causes (text output only).
        public var clues: [String]

        enum CodingKeys: String, CodingKey {
            case status, apiType = "api_type", count, candidates, next, evidence
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(status, forKey: .status)
            try container.encode(apiType, forKey: .apiType)
            try container.encode(count, forKey: .count)
            try container.encode(candidates, forKey: .candidates)
            try container.encode(next, forKey: .next)
            try container.encode(evidence, forKey: .evidence)
        }
    }

    static func groupUndetermined(_ failures: [UndeterminedFailure], catalogue: [Cause], facts: [String: String]) -> [Undetermined] {
        var order: [String] = []
        var groups: [String: Undetermined] = [:]
        for failure in failures where failure.count > 0 {
            let candidates = CandidateCauses.candidates(for: failure, catalogue: catalogue)
            let key = "\(failure.status) \(failure.apiType ?? "-") \(candidates.joined(separator: ","))"
            guard var group = groups[key] else {
                order.append(key)
                groups[key] = Undetermined(
                    status: failure.status, apiType: failure.apiType, count: failure.count, candidates: candidates,
                    next: DecidingEvidence.next(for: failure, candidates: candidates, facts: facts),
                    evidence: Array(failure.evidence.prefix(maxEvidence)), clues: failure.clues)
                continue
            }
            group.count += failure.count
            group.evidence += failure.evidence.prefix(max(0, maxEvidence - group.evidence.count))
            group.clues += failure.clues.filter { !group.clues.contains($0) }
            groups[key] = group
        }
        return order.compactMap { groups[$0] }.sorted { left, right in
            left.count != right.count ? left.count > right.count : left.status < right.status
        }
    }
}
