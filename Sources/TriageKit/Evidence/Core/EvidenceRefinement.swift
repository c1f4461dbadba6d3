/// Conclusions that need two files: the catalogue's disambiguation rules (§15 of the domain
/// reference) applied across evidence, so `scan` and the wizard reach the same cause.
///
/// - A log says "Invalid permissions on Lambda function" (lambda-invoke-permission) and a
///   configuration file shows the integration URI naming the function through a stage variable:
///   the cause is stage-variable-permission.
/// - A log says "There was an internal error while executing your request"
///   (internal-service-failure) and a configuration file shows the integration uses a VPC link:
///   the cause is private-integration.
/// - `GatewayResponseRefinement`: a customised gateway response explains a status that does not
///   match the cause.
/// - `RoleTrustRefinement`: a role whose trust policy API Gateway cannot satisfy, used as an
///   integration's or authorizer's credentials, is integration-role.
/// - `AliasPermissionRefinement`: an integration calling an alias while the function's policy
///   covers only the bare function is lambda-invoke-permission.
/// - `PolicySourceApiRefinement`: a function policy letting in only another API than the one
///   collected is lambda-invoke-permission.
/// - A failure one file shows without its cause takes the cause another file proves for the same
///   request (`RequestJoin`).
public enum EvidenceRefinement {
    public static func refine(_ reports: [EvidenceReport]) -> [EvidenceReport] {
        var reports = reports
        if let hint = firstFinding("stage-variable-permission", in: reports) {
            reports = relabel("lambda-invoke-permission", as: "stage-variable-permission", in: reports, because: hint)
        }
        if let vpcLink = reports.first(where: { !($0.facts["vpc_link_id"] ?? "").isEmpty }) {
            let because = EvidenceLine(file: vpcLink.path, line: 0, text: "connection through VPC link \(vpcLink.facts["vpc_link_id"]!)")
            reports = relabel("internal-service-failure", as: "private-integration", in: reports, because: because)
        }
        reports = RoleTrustRefinement.refine(reports)
        reports = AliasPermissionRefinement.refine(reports)
        reports = PolicySourceApiRefinement.refine(reports)
        reports = GatewayResponseRefinement.refine(reports)
        // One request followed across files: after the relabelling, so a joined failure takes the refined cause.
        return RequestJoin.join(reports)
    }

    private static func firstFinding(_ cause: String, in reports: [EvidenceReport]) -> EvidenceLine? {
        for report in reports {
            for finding in report.findings where finding.cause == cause {
                return finding.evidence.first ?? EvidenceLine(file: report.path, line: 0, text: finding.summary)
            }
        }
        return nil
    }

    /// Turns the strong findings of `cause` into `refined`, adding the line that decided it.
    private static func relabel(_ cause: String, as refined: String, in reports: [EvidenceReport], because line: EvidenceLine) -> [EvidenceReport] {
        reports.map { report in
            var report = report
            report.findings = report.findings.map { finding in
                guard finding.cause == cause, finding.confidence >= .medium else { return finding }
                var finding = finding
                finding.cause = refined
                if line.line > 0 { finding.evidence.append(line) }
                finding.summary += (finding.summary.isEmpty ? "" : " ") + "Another file decides it: \(line.file)."
                return finding
            }
            return report
        }
    }
}
