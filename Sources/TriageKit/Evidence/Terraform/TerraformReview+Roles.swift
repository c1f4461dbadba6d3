/// The trust policy of a role an integration or authorizer calls with (`credentials`), read with
/// `RoleTrustPolicy`: whether API Gateway can assume it at all.
extension TerraformReview {
    mutating func checkRole(credentials: LocatedValue, label: String) {
        guard let role = configuration.role(namedBy: credentials.text),
            let policy = TerraformPolicyDocument.trustPolicy(of: role, configuration: configuration)
        else { return }
        let policyLine = role.values.member("assume_role_policy")?.line ?? role.line
        let name = role.text("name").flatMap { FactText.isConcrete($0) ? $0 : nil } ?? role.address
        var found: [String: String] = ["role_name": name]
        if !FactText.isConcrete(name) { found = [:] }
        let uses = document.evidence(line: credentials.line, focus: credentials.key)
        switch policy.verdict {
        case .trusted:
            return
        case .notTrusted(let trusted):
            findings.append(
                Finding(
                    cause: "integration-role", confidence: .high,
                    evidence: [document.evidence(line: policyLine, focus: "assume_role_policy"), uses], facts: found,
                    summary: "\(label): " + Text.roleNotTrusted(name, trusted: trusted)))
        case .unsatisfiableCondition(let key, _, let line):
            findings.append(
                Finding(
                    cause: "integration-role", confidence: .medium,
                    evidence: [document.evidence(line: document.line(naming: key, from: line)), uses],
                    facts: found, summary: "\(label): " + Text.roleCondition(name, key: key)))
        case .denied(let line):
            findings.append(
                Finding(
                    cause: "integration-role", confidence: .high, evidence: [document.evidence(line: line), uses],
                    facts: found, summary: "\(label): " + Text.roleDenied(name)))
        }
    }
}
