/// Gathers what the responses of one capture file prove into a report's parts, the same way for
/// every capture format: findings (with the example request's ids), undetermined failures grouped
/// by status and API type, the file's facts, and the `status` fact.
struct CaptureTally {
    private var tally = FindingTally()
    /// Per cause, the example request's ids and the confidence it was chosen at (as `FindingTally`
    /// chooses its example: the first with the highest confidence).
    private var examples: [String: (confidence: Confidence, request: RequestKeys?)] = [:]
    private var undetermined: [UndeterminedFailure] = []
    private var facts: [String: String] = [:]
    private var statusFacts: [Int] = []
    private(set) var responses = 0
    private(set) var failed = 0

    mutating func add(_ proof: ResponseProof) {
        responses += 1
        // A request id names one response; only a finding's example lends it.
        facts.merge(proof.facts().filter { $0.key != "request_id" }) { first, _ in first }
        if let status = proof.statusFact { statusFacts.append(status) }
        if proof.response.status >= 500 { failed += 1 }
        switch proof.outcome {
        case .proven(let diagnosis):
            if tally.wantsExample(cause: diagnosis.cause, confidence: diagnosis.confidence) {
                examples[diagnosis.cause] = (diagnosis.confidence, proof.requestKeys)
            }
            tally.add(diagnosis)
        case .undetermined(let failure):
            if let index = undetermined.firstIndex(where: { $0.status == failure.status && $0.apiType == failure.apiType }) {
                undetermined[index].count += 1
            } else {
                undetermined.append(failure)
            }
        case .none:
            break
        }
    }

    /// The findings, most significant first, each with its example request's ids.
    func findings(counting noun: String) -> [Finding] {
        tally.findings(counting: noun).map { finding in
            var finding = finding
            finding.request = examples[finding.cause]?.request
            return finding
        }
    }

    var undeterminedFailures: [UndeterminedFailure] { undetermined }

    /// The file's facts over its top finding's, plus `status` when the failures agree on one:
    /// the 5xx when there are any, else a 200 carrying a Lambda error, else a 429 or 403.
    func reportFacts(findings: [Finding]) -> [String: String] {
        var merged = ReportFacts.merge(fileLevel: facts, findings: findings)
        if findings.isEmpty, let example = undetermined.first?.request?.apiGatewayRequestId {
            merged["request_id"] = example
        }
        for tier in [statusFacts.filter { $0 >= 500 }, statusFacts.filter { $0 == 200 }, statusFacts.filter { $0 < 500 && $0 != 200 }] {
            let distinct = Set(tier)
            if distinct.count == 1, let status = distinct.first {
                merged["status"] = String(status)
                break
            }
            if distinct.count > 1 { break }
        }
        return merged
    }

    /// `502, 502, 200, …`: the statuses seen, for the description.
    static func statusList(_ statuses: [Int]) -> String {
        statuses.prefix(5).map(String.init).joined(separator: ", ") + (statuses.count > 5 ? ", …" : "")
    }
}
