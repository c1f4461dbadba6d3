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
        case .unsatisfiableCondition(let key, let line):
            findings.append(
                Finding(
                    cause: "integration-role", confidence: .medium,
                    evidence: [document.evidence(line: Self.conditionLine(key, near: line, in: document)), uses],
                    facts: found, summary: "\(label): " + Text.roleCondition(name, key: key)))
        case .denied(let line):
            findings.append(
                Finding(
                    cause: "integration-role", confidence: .high, evidence: [document.evidence(line: line), uses],
                    facts: found, summary: "\(label): " + Text.roleDenied(name)))
        }
    }

    /// The line naming the condition key, searched from the statement's line (a policy written with
    /// `jsonencode` or a heredoc has it a few lines below), or the statement's own line.
    static func conditionLine(_ key: String, near line: Int, in document: ConfigDocument) -> Int {
        let start = max(line - 1, 0)
        let end = min(start + 40, document.lines.count)
        guard start < end else { return line }
        for number in start..<end where document.lines[number].lowercased().contains(key.lowercased()) {
            return number + 1
        }
        return line
    }
}
