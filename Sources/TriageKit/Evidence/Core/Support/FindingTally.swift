/// Groups per-request diagnoses into findings: one per cause, with a count.
///
/// - The status is the one most requests of the group got; the confidence the highest seen.
/// - Example lines and facts come from the first request of the group with its highest confidence
///   (the request that shows the cause best; among equals the first, which keeps output stable).
/// - Details (e.g. Lambda exception names) are collected, at most three, for the summary.
struct FindingTally {
    private struct Group {
        var count = 0
        var statuses: [Int: Int] = [:]
        var confidence = Confidence.low
        var evidence: [EvidenceLine] = []
        var facts: [String: String] = [:]
        var details: [String] = []
        var request: RequestKeys?
    }

    private var groups: [String: Group] = [:]

    var isEmpty: Bool { groups.isEmpty }

    /// Whether a request with this cause and confidence would become its group's example (so its
    /// lines and facts are worth working out).
    func wantsExample(cause: String, confidence: Confidence) -> Bool {
        guard let group = groups[cause] else { return true }
        return confidence > group.confidence
    }

    /// Counts one more request of a cause whose group wants no new example (`wantsExample` is
    /// false): what `add` would do, without building the diagnosis's evidence and facts.
    mutating func count(cause: String, status: Int?, detail: String?) {
        var group = groups[cause] ?? Group()
        group.count += 1
        if let status { group.statuses[status, default: 0] += 1 }
        if let detail, !group.details.contains(detail), group.details.count < 3 { group.details.append(detail) }
        groups[cause] = group
    }

    mutating func add(_ diagnosis: RequestDiagnosis) {
        var group = groups[diagnosis.cause] ?? Group()
        if group.count == 0 || diagnosis.confidence > group.confidence {
            group.evidence = diagnosis.evidence
            group.facts = diagnosis.facts
            group.request = diagnosis.request
            group.confidence = diagnosis.confidence
        }
        group.count += 1
        if let status = diagnosis.status { group.statuses[status, default: 0] += 1 }
        if let detail = diagnosis.detail, !group.details.contains(detail), group.details.count < 3 {
            group.details.append(detail)
        }
        groups[diagnosis.cause] = group
    }

    /// Adds the groups of `later`, a tally of the requests that came after this one's (a later part
    /// of the same file, its line numbers shifted by `lineOffset`): the same as adding its
    /// diagnoses one by one, since each group keeps its first example of its highest confidence.
    mutating func merge(_ later: FindingTally, lineOffset: Int) {
        for (cause, next) in later.groups {
            var next = next
            next.evidence = next.evidence.map { $0.shifted(by: lineOffset) }
            guard var group = groups[cause], group.count > 0 else {
                groups[cause] = next
                continue
            }
            if next.confidence > group.confidence {
                group.evidence = next.evidence
                group.facts = next.facts
                group.request = next.request
                group.confidence = next.confidence
            }
            group.count += next.count
            group.statuses.merge(next.statuses, uniquingKeysWith: +)
            for detail in next.details where !group.details.contains(detail) && group.details.count < 3 {
                group.details.append(detail)
            }
            groups[cause] = group
        }
    }

    /// The findings, most significant first (confidence, then count, then cause id).
    /// `noun` names what was counted: "request", "response".
    func findings(counting noun: String) -> [Finding] {
        groups.map { cause, group in
            let status = group.statuses.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
            var summary = "\(CountText.counted(group.count, noun)) "
            summary += status.map { "ended in \($0)" } ?? "failed"
            if let example = group.evidence.first, example.line >= 1 { summary += "; example at line \(CountText.grouped(example.line))" }
            if !group.details.isEmpty { summary += " (\(group.details.joined(separator: "; ")))" }
            return Finding(
                cause: cause, status: status, confidence: group.confidence, count: group.count,
                evidence: group.evidence, facts: group.facts, summary: summary + ".", request: group.request)
        }.sorted(by: Finding.moreSignificant)
    }
}

extension Finding {
    /// Order of significance: higher confidence, then more occurrences, then cause id (stable).
    public static func moreSignificant(_ left: Finding, _ right: Finding) -> Bool {
        if left.confidence != right.confidence { return left.confidence > right.confidence }
        if left.count != right.count { return left.count > right.count }
        return left.cause < right.cause
    }
}

extension EvidenceLine {
    /// The same line with its number moved by `offset` (a line that stands for the whole file,
    /// number 0, stays so).
    func shifted(by offset: Int) -> EvidenceLine {
        var line = self
        if line.line >= 1 { line.line += offset }
        return line
    }
}
