/// The cross-file rule for aliases: the integration calls a qualified function (`orders:live`, an
/// alias or version in the URI) while `get-policy` shows statements on the bare function only.
/// A permission on the unqualified ARN does not cover the alias, so API Gateway gets "Invalid
/// permissions on Lambda function" (500): the policy report gets that finding, quoting both files.
enum AliasPermissionRefinement {
    static func refine(_ reports: [EvidenceReport]) -> [EvidenceReport] {
        guard let caller = reports.first(where: { $0.kind != "lambda-policy" && isQualified($0.facts["function_name"]) }),
            let qualified = caller.facts["function_name"]
        else { return reports }
        let bare = String(qualified.prefix { $0 != ":" })
        return reports.map { report in
            guard report.kind == "lambda-policy", report.facts["function_name"] == bare,
                !report.findings.contains(where: { $0.cause == "lambda-invoke-permission" })
            else { return report }
            var report = report
            let quoted = caller.findings.first?.evidence.first
            report.findings.append(
                Finding(
                    cause: "lambda-invoke-permission", status: 500, confidence: .medium,
                    evidence: quoted.map { [$0] } ?? [], facts: ["function_name": qualified],
                    summary: "\(caller.path) calls \(qualified), but the policy's statements are on the unqualified "
                        + "function \(bare): an alias or version needs its own permission (add-permission --qualifier), "
                        + "or API Gateway gets Invalid permissions on Lambda function (500)."))
            return report
        }
    }

    /// `name:alias` (an ARN would hold more colons; facts keep the bare name or `name:qualifier`).
    static func isQualified(_ name: String?) -> Bool {
        guard let name, let colon = name.firstIndex(of: ":") else { return false }
        let qualifier = name[name.index(after: colon)...]
        return !qualifier.isEmpty && !qualifier.contains(":") && FactText.isConcrete(name)
    }
}
