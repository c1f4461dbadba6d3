import Foundation

/// Reads `aws iam get-role` output: can API Gateway assume this role (`RoleTrustPolicy`)?
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
        guard let policy = RoleTrustPolicy(document: trust) else {
            return EvidenceReport(
                path: document.path, kind: kind,
                description: ConfigInspection.label(kind) + ", role \(name) with a trust policy that has no Statement",
                lines: document.lineCount, facts: facts)
        }
        let trustEvidence = document.evidence(line: trustMember.line, focus: "AssumeRolePolicyDocument")
        let finding: Finding?
        let note: String
        switch policy.verdict {
        case .trusted:
            finding = nil
            note = "trusts apigateway.amazonaws.com"
        case .notTrusted(let trusts):
            note = "does not trust apigateway.amazonaws.com (trusts \(trusts.isEmpty ? "no service" : trusts.joined(separator: ", ")))"
            finding = Finding(
                cause: "integration-role", status: 500, confidence: .low, evidence: [trustEvidence], facts: facts,
                summary: Text.notTrusted(name, trusts: trusts.isEmpty ? ["no service"] : trusts))
        case .unsatisfiableCondition(let key, let values, let line):
            note = "trusts apigateway.amazonaws.com only under a condition it cannot meet (\(key))"
            finding = Finding(
                cause: "integration-role", status: 500, confidence: .medium,
                evidence: Self.quoting(line, naming: key, in: document, inline: trustMember.value.isObject) + [trustEvidence],
                facts: facts,
                summary: Text.unsatisfiable(name, key: key, values: values))
        case .denied(let line):
            note = "denies apigateway.amazonaws.com"
            finding = Finding(
                cause: "integration-role", status: 500, confidence: .high,
                evidence: Self.quoting(line, naming: "Deny", in: document, inline: trustMember.value.isObject) + [trustEvidence],
                facts: facts, summary: Text.denied(name))
        }
        return EvidenceReport(
            path: document.path, kind: kind, description: ConfigInspection.label(kind) + ", role \(name) \(note)",
            lines: document.lineCount, findings: finding.map { [$0] } ?? [], facts: facts)
    }

    /// The line that proves a verdict, when the policy is an object in this file; lines of the
    /// URL-encoded string IAM sometimes returns are lines of the decoded text, not of the file.
    static func quoting(_ line: Int, naming key: String, in document: ConfigDocument, inline: Bool) -> [EvidenceLine] {
        guard inline else { return [] }
        return [document.evidence(line: document.line(naming: key, from: line))]
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

        static func unsatisfiable(_ role: String, key: String, values: [String]) -> String {
            let named = values.isEmpty ? "" : " (\(values.joined(separator: ", ")))"
            return "The trust policy of \(role) trusts apigateway.amazonaws.com only with the condition \(key)\(named), "
                + "a key API Gateway does not send when it assumes an integration's or authorizer's role, so it "
                + "cannot assume it and calls that use it end in a 500."
        }

        static func denied(_ role: String) -> String {
            "The trust policy of \(role) denies apigateway.amazonaws.com sts:AssumeRole: calls that use it as "
                + "credentials end in a 500."
        }
    }
}
