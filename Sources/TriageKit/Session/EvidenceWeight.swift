/// How strongly the evidence supports each cause for the failure the user is asking about.
///
/// Content lists routes in order, and for conditions on answers and facts the first that holds
/// wins. For findings, order would let a minority decide: a log where 15 requests failed with a
/// network error and 2 timed out must not go down the timeout branch because the content happens
/// to list it first. Nor may the majority always win: a log full of 502s from other routes must
/// not outvote the 500 the user reported. So when the first route that holds rests on a finding
/// alone, the finding-only routes that hold compete on: the status the user reported (a finding
/// whose requests got that status first), then confidence, then how many requests show it.
/// Content order breaks ties.
struct EvidenceWeight {
    private struct Weight {
        var matchesStatus = false
        var confidence = Confidence.low
        var count = 0
    }

    private var weights: [String: Weight] = [:]

    /// `status` is the status the user reported (the `status` fact), when known.
    init(_ evidence: [EvidenceReport], status: Int? = nil) {
        for finding in EvidenceRefinement.refine(evidence).flatMap(\.findings) {
            var weight = weights[finding.cause] ?? Weight()
            weight.matchesStatus = weight.matchesStatus || (status != nil && finding.status == status)
            weight.confidence = max(weight.confidence, finding.confidence)
            weight.count += finding.count
            weights[finding.cause] = weight
        }
    }

    /// The item to take from those whose condition holds, in content order (see the type's summary).
    func strongest<Item>(_ holding: [Item], condition: (Item) -> Condition) -> Item? {
        guard let first = holding.first else { return nil }
        guard case .finding = condition(first) else { return first }
        var best = first
        for item in holding.dropFirst() {
            guard case .finding(let cause) = condition(item), case .finding(let bestCause) = condition(best) else { continue }
            if isStronger(cause, than: bestCause) { best = item }
        }
        return best
    }

    private func isStronger(_ cause: String, than other: String) -> Bool {
        guard let lhs = weights[cause], let rhs = weights[other] else { return false }
        return (lhs.matchesStatus ? 1 : 0, lhs.confidence, lhs.count) > (rhs.matchesStatus ? 1 : 0, rhs.confidence, rhs.count)
    }
}
