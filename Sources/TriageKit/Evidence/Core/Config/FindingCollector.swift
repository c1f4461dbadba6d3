/// Gathers the findings of one document, one per cause: an export with six GET-method Lambda
/// integrations is one `integration-method-not-post` finding with a count of six, not six findings.
struct FindingCollector {
    /// Enough example lines to show a pattern without flooding a report.
    static let evidenceLimit = 5

    private var byCause: [String: Finding] = [:]
    private var order: [String] = []

    /// Merges `finding` into the one already held for its cause: counts add up, evidence lines are
    /// appended (up to the limit), the higher confidence wins, and only facts all agree on remain.
    mutating func add(_ finding: Finding) {
        guard var held = byCause[finding.cause] else {
            byCause[finding.cause] = finding
            order.append(finding.cause)
            return
        }
        held.count += finding.count
        for line in finding.evidence where !held.evidence.contains(line) && held.evidence.count < Self.evidenceLimit {
            held.evidence.append(line)
        }
        if finding.confidence > held.confidence {
            held.confidence = finding.confidence
            held.summary = finding.summary
        }
        held.facts = held.facts.filter { finding.facts[$0.key] == $0.value }
        held.status = held.status == finding.status ? held.status : nil
        byCause[finding.cause] = held
    }

    mutating func add(_ findings: [Finding]) {
        findings.forEach { add($0) }
    }

    /// The findings, surest first; among equals, the most frequent, then in the order first seen.
    var findings: [Finding] {
        order.enumerated().compactMap { index, cause in byCause[cause].map { (index, $0) } }
            .sorted { lhs, rhs in
                if lhs.1.confidence != rhs.1.confidence { return lhs.1.confidence > rhs.1.confidence }
                if lhs.1.count != rhs.1.count { return lhs.1.count > rhs.1.count }
                return lhs.0 < rhs.0
            }
            .map { $0.1 }
    }
}
