import Foundation

/// Reads `aws iam get-role` output: can API Gateway assume this role (`RoleTrustCheck`)?
///
/// - The trust policy names API Gateway but only under a condition it cannot meet (a wrong
///   `aws:SourceAccount`, an `aws:SourceArn` naming no API of the account, `sts:ExternalId`) →
///   `integration-role`, medium: the role is plainly meant for API Gateway and it cannot assume it.
/// - The trust policy does not name `apigateway.amazonaws.com` at all → `integration-role`, low: the
///   file alone does not say the role is used as an integration's credentials (a Lambda execution
///   role trusts lambda.amazonaws.com and is fine). `EvidenceRefinement` raises both to high when
///   another file shows the role as an integration's or authorizer's `credentials`.
/// - Conditions with values that fit the role's account: noted in the description, no finding.
/// - Facts: `role_arn`, `role_name`, `account_id`.
public struct IAMRoleInspector: EvidenceInspector {
    public let kind = "iam-role"

    public init() {}

    public func detect(_ sample: EvidenceSample) -> Int? {
        CLIListing.score(
            sample, service: "iam", operations: ["get-role", "create-role"], apiOperations: ["GetRole"],
            shape: Self.isShape)
    }

    static func isShape(_ root: DocumentNode) -> Bool {
        guard let role = root["Role"] else { return false }
        return role["RoleName"]?.string != nil && (role.member("AssumeRolePolicyDocument") != nil || role["Arn"] != nil)
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        try ConfigInspection.run(file, kind: kind, as: .json, inspect: inspect)
    }

    func inspect(_ document: ConfigDocument) -> EvidenceReport {
        guard Self.isShape(document.root), let role = document.root["Role"] else {
            return ConfigInspection.unusable(document.path, kind: kind, problem: "it has no Role object", lines: document.lineCount)
        }
        let name = role["RoleName"]?.string ?? ""
        let arn = role["Arn"]?.string
        var facts: [String: String] = ["role_name": name]
        if let arn, FactText.isConcrete(arn) {
            facts["role_arn"] = arn
            if let account = AmazonResourceName(arn)?.account, !account.isEmpty { facts["account_id"] = account }
        }
        guard let trustMember = role.member("AssumeRolePolicyDocument"), let trust = Self.trustDocument(trustMember.value)
        else {
            return EvidenceReport(
                path: document.path, kind: kind,
                description: ConfigInspection.label(kind) + ", role \(name) without a readable trust policy",
                lines: document.lineCount, facts: facts)
        }
        let check = RoleTrustCheck(document: trust, roleAccount: facts["account_id"])
        var evidence = [document.evidence(line: trustMember.line, focus: "AssumeRolePolicyDocument")]
        if let line = check.line, line != trustMember.line, trustMember.value.isObject {
            evidence.insert(document.evidence(line: line), at: 0)
        }
        let finding: Finding?
        let note: String
        switch check.verdict {
        case .trusted:
            finding = nil
            note = "trusts apigateway.amazonaws.com"
        case .notTrusted(let trusts):
            note = "does not trust apigateway.amazonaws.com (trusts \(trusts.joined(separator: ", ")))"
            finding = Finding(
                cause: "integration-role", status: 500, confidence: .low, evidence: evidence, facts: facts,
                summary: Text.notTrusted(name, trusts: trusts))
        case .unsatisfiable(let why):
            note = "trusts apigateway.amazonaws.com only under a condition it cannot meet"
            finding = Finding(
                cause: "integration-role", status: 500, confidence: .medium, evidence: evidence, facts: facts,
                summary: Text.unsatisfiable(name, why: why))
        case .conditional(let keys):
            // Right values: nothing proven, so a note rather than a finding.
            note = "trusts apigateway.amazonaws.com under \(keys) conditions whose values fit the role's account"
            finding = nil
        }
        return EvidenceReport(
            path: document.path, kind: kind, description: ConfigInspection.label(kind) + ", role \(name) \(note)",
            lines: document.lineCount, findings: finding.map { [$0] } ?? [], facts: facts)
    }

    /// The trust policy: an object, or the URL-encoded JSON string the IAM API returns.
    static func trustDocument(_ node: DocumentNode) -> DocumentNode? {
        if node.isObject { return node }
        guard let text = node.string else { return nil }
        let decoded = text.removingPercentEncoding ?? text
        return try? JSONDocumentParser.parse(decoded)
    }
}

extension IAMRoleInspector {
    /// The words of this inspector, kept together.
    enum Text {
        static func notTrusted(_ role: String, trusts: [String]) -> String {
            "The trust policy of \(role) lets \(trusts.joined(separator: ", ")) assume it, not apigateway.amazonaws.com: "
                + "used as an integration's or authorizer's credentials, every call ends in a 500 (API Gateway does "
                + "not have permission to assume the provided role)."
        }

        static func unsatisfiable(_ role: String, why: String) -> String {
            "The trust policy of \(role) names apigateway.amazonaws.com, but \(why), so API Gateway cannot assume "
                + "it and calls that use it end in a 500."
        }
    }
}
