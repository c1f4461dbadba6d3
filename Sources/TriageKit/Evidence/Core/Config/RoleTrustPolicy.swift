/// An IAM role's trust policy (`AssumeRolePolicyDocument`), read for one question: can API Gateway
/// assume this role as an integration's or authorizer's `credentials`?
///
/// - A statement counts when it allows `sts:AssumeRole` (or a wildcard covering it) to the service
///   principal `apigateway.amazonaws.com` (or `*`).
/// - `aws:SourceAccount`, `aws:SourceArn`, `aws:SourceOrgID` and `aws:SourceOrgPaths` are not sent
///   by API Gateway when it assumes an integration role, so a statement that requires one of them
///   never matches (seen on real incidents: a confused-deputy condition added to the trust policy
///   turns every call into `API Gateway does not have permission to assume the provided role`),
///   whatever account or ARN it names. Nor are `sts:ExternalId` and `aws:PrincipalOrgID` (a service
///   principal has no organisation). Other condition keys are not judged.
///
/// The one reading of a trust policy: `get-role` output, templates and Terraform all use it.
struct RoleTrustPolicy {
    /// One statement, reduced to what decides the assume-role call.
    struct Statement {
        var effect: String
        var services: [String]
        var actions: [String]
        /// The keys of every condition the statement carries (`aws:SourceAccount`).
        var conditionKeys: [String]
        /// Each condition key's values (`aws:SourceAccount` → the accounts it names).
        var conditionValues: [String: [String]] = [:]
        /// The line the statement starts on, for quoting.
        var line: Int

        var trustsAPIGateway: Bool {
            services.contains { $0 == "*" || $0.caseInsensitiveCompare(LambdaResourcePolicy.apiGatewayService) == .orderedSame }
                && actions.contains { SourceArnMatcher.matches(pattern: $0.lowercased(), arn: "sts:assumerole") }
        }

        /// The condition keys API Gateway never sends with its assume-role call.
        var unsatisfiableKeys: [String] {
            conditionKeys.filter { RoleTrustPolicy.keysAPIGatewayDoesNotSend.contains($0.lowercased()) }
        }
    }

    /// What the policy means for API Gateway assuming the role.
    enum Verdict: Equatable {
        case trusted
        /// No statement names `apigateway.amazonaws.com` (the services it does trust are given).
        case notTrusted(trusted: [String])
        /// The statements that trust API Gateway all require a key API Gateway does not send.
        case unsatisfiableCondition(key: String, values: [String], line: Int)
        /// A `Deny` statement covers API Gateway.
        case denied(line: Int)
    }

    static let keysAPIGatewayDoesNotSend: Set<String> = [
        "aws:sourceaccount", "aws:sourcearn", "aws:sourceorgid", "aws:sourceorgpaths", "sts:externalid",
        "aws:principalorgid",
    ]

    var statements: [Statement]

    /// Reads a policy document (JSON, YAML, or a Terraform `jsonencode` value).
    init?(document root: DocumentNode) {
        guard let node = root["Statement"] else { return nil }
        statements = (node.isArray ? node.elements : [node]).map(Self.statement)
    }

    init(statements: [Statement]) {
        self.statements = statements
    }

    var verdict: Verdict {
        let covering = statements.filter(\.trustsAPIGateway)
        if let deny = covering.first(where: { $0.effect.caseInsensitiveCompare("Deny") == .orderedSame }),
            deny.conditionKeys.isEmpty
        {
            return .denied(line: deny.line)
        }
        let allows = covering.filter { $0.effect.caseInsensitiveCompare("Allow") == .orderedSame }
        guard !allows.isEmpty else {
            return .notTrusted(trusted: statements.flatMap(\.services).filter { $0 != "*" })
        }
        if allows.allSatisfy({ !$0.unsatisfiableKeys.isEmpty }), let first = allows.first,
            let key = first.unsatisfiableKeys.first
        {
            return .unsatisfiableCondition(key: key, values: first.conditionValues[key] ?? [], line: first.line)
        }
        return .trusted
    }

    private static func statement(_ node: DocumentNode) -> Statement {
        let operators = node["Condition"]?.members ?? []
        let keys = operators.flatMap { $0.value.keys }
        var values: [String: [String]] = [:]
        for condition in operators.flatMap(\.value.members) {
            values[condition.key, default: []] += PolicyValues.strings(condition.value)
        }
        return Statement(
            effect: node["Effect"]?.scalarText ?? "Allow", services: PolicyValues.services(node["Principal"]),
            actions: PolicyValues.strings(node["Action"]), conditionKeys: keys, conditionValues: values, line: node.line)
    }
}
