/// The cross-file rule for a policy that names another API: the function's resource policy lets
/// API Gateway in only from API X (every allowing statement's `AWS:SourceArn` names X), while the
/// API the evidence was collected for (a collect MANIFEST's header, or a get-rest-api / get-api
/// output) is Y. Calls from Y match no statement, so API Gateway gets "Invalid permissions on
/// Lambda function" (500): the policy report gets `lambda-invoke-permission`, quoting both lines.
///
/// High, unless some file shows a role (`role_arn`): an integration that calls with credentials
/// needs no resource policy, and then the policy proves less.
enum PolicySourceApiRefinement {
    /// Kinds that state the API being diagnosed, most telling first.
    static let apiKinds = [CollectManifest.reportKind, "rest-api", "v2-api"]

    static func refine(_ reports: [EvidenceReport]) -> [EvidenceReport] {
        guard let (api, apiLine) = collectedApi(reports) else { return reports }
        let withRole = reports.contains { !($0.facts["role_arn"] ?? "").isEmpty }
        return reports.map { report in
            guard report.kind == "lambda-policy", let named = report.facts["api_id"], named != api,
                let anchor = report.facts.first(where: { $0.key.hasPrefix(LambdaPolicyInspector.soleApiLinePrefix) }),
                let line = Int(anchor.key.dropFirst(LambdaPolicyInspector.soleApiLinePrefix.count)),
                !report.findings.contains(where: { $0.cause == "lambda-invoke-permission" && $0.confidence >= .medium })
            else { return report }
            var report = report
            var facts = ["api_id": api]
            if let function = report.facts["function_name"] { facts["function_name"] = function }
            report.findings.append(
                Finding(
                    cause: "lambda-invoke-permission", status: 500, confidence: withRole ? .medium : .high,
                    evidence: [EvidenceLine(file: report.path, line: line, text: anchor.value), apiLine], facts: facts,
                    summary: "The function's policy lets API Gateway invoke it only from API \(named) (its AWS:SourceArn), "
                        + "but the API collected is \(api): calls from \(api) match no statement, so API Gateway gets "
                        + "Invalid permissions on Lambda function (500). Add a permission whose source ARN names \(api)."))
            return report
        }
    }

    /// The API id the evidence is about, with the line stating it (line 0, the whole file, when the
    /// report keeps no line); nil when no file says, or two say different APIs.
    static func collectedApi(_ reports: [EvidenceReport]) -> (String, EvidenceLine)? {
        let stating = reports.filter { apiKinds.contains($0.kind ?? "") && !($0.facts["api_id"] ?? "").isEmpty }
        guard let first = stating.min(by: { rank($0) < rank($1) }), let api = first.facts["api_id"],
            stating.allSatisfy({ $0.facts["api_id"] == api })
        else { return nil }
        if first.kind == CollectManifest.reportKind, let line = first.facts[CollectManifest.headerLineFact] {
            let parts = line.split(separator: "\t", maxSplits: 1)
            if parts.count == 2, let number = Int(parts[0]) {
                return (api, EvidenceLine(file: first.path, line: number, text: String(parts[1])))
            }
        }
        return (api, EvidenceLine(file: first.path, line: 0, text: first.description))
    }

    private static func rank(_ report: EvidenceReport) -> Int {
        apiKinds.firstIndex(of: report.kind ?? "") ?? apiKinds.count
    }
}
