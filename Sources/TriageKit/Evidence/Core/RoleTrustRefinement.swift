/// The cross-file rule for integration roles: `iam get-role` shows a trust policy API Gateway
/// cannot satisfy, and another file (get-integration, get-authorizers, an export, a template)
/// shows that very role as an integration's or authorizer's `credentials`: the cause is
/// integration-role, with high confidence, quoting both files.
enum RoleTrustRefinement {
    static func refine(_ reports: [EvidenceReport]) -> [EvidenceReport] {
        var reports = reports
        for (index, report) in reports.enumerated() where report.kind == "iam-role" {
            guard let role = report.facts["role_arn"],
                let user = reports.first(where: { $0.path != report.path && $0.facts["role_arn"] == role })
            else { continue }
            let use = user.findings.first { $0.cause == "integration-role" }?.evidence.first
            reports[index].findings = report.findings.map { finding in
                guard finding.cause == "integration-role" else { return finding }
                var finding = finding
                finding.confidence = .high
                if let use { finding.evidence.append(use) }
                finding.summary += " \(user.path) uses this role as credentials, so calls through it end in a 500."
                return finding
            }
        }
        return reports
    }
}
