import Foundation

/// Whether API Gateway can assume a role, from the role's trust policy (`AssumeRolePolicyDocument`).
///
/// API Gateway assumes an integration's or authorizer's `credentials` role as the service principal
/// `apigateway.amazonaws.com`. It fails ("API Gateway does not have permission to assume the
/// provided role", 500) when no statement trusts that principal for `sts:AssumeRole`, or when every
/// statement that does has a condition the call does not meet: `aws:SourceAccount` naming another
/// account, `aws:SourceArn` naming no API of the role's account, or keys API Gateway never sends
/// (`sts:ExternalId`, `aws:PrincipalOrgID`).
struct RoleTrustCheck {
    enum Verdict: Equatable {
        /// A statement trusts API Gateway without conditions, or with ones it meets.
        case trusted
        /// A statement trusts API Gateway, but only under conditions whose values look right;
        /// whether API Gateway's call carries them is not certain.
        case conditional(String)
        /// No statement trusts API Gateway: the principals it does trust are listed.
        case notTrusted(trusts: [String])
        /// The statements that trust API Gateway all have a condition it cannot meet.
        case unsatisfiable(String)
    }

    var verdict: Verdict
    /// The line of the statement (its condition, or its principal) the verdict is about.
    var line: Int?

    init(document: DocumentNode, roleAccount: String?) {
        let nodes = document["Statement"].map { $0.isArray ? $0.elements : [$0] } ?? []
        var trusted: [(node: DocumentNode, statement: LambdaResourcePolicy.Statement)] = []
        var principals: [String] = []
        for node in nodes {
            guard let statement = try? LambdaResourcePolicy(document: DocumentNode(.object([
                DocumentNode.Member(key: "Statement", line: node.line, value: node)
            ]), line: node.line)).statements.first else { continue }
            principals += statement.services
            let assumes = statement.actions.contains { SourceArnMatcher.matches(pattern: $0.lowercased(), arn: "sts:assumerole") }
            guard statement.effect.caseInsensitiveCompare("Allow") == .orderedSame, statement.coversAPIGateway, assumes
            else { continue }
            trusted.append((node, statement))
        }
        guard !trusted.isEmpty else {
            verdict = .notTrusted(trusts: principals.isEmpty ? ["no service"] : principals)
            line = nodes.first?.member("Principal")?.line ?? nodes.first?.line
            return
        }
        var problems: [(String, Int)] = []
        var conditions: [(String, Int)] = []
        for (node, statement) in trusted {
            let conditionLine = node.member("Condition")?.line ?? node.line
            if let problem = Self.problem(statement, roleAccount: roleAccount) {
                problems.append((problem, conditionLine))
            } else if !statement.sourceAccounts.isEmpty || !statement.sourceArnPatterns.isEmpty {
                let keys = (statement.sourceAccounts.isEmpty ? [] : ["aws:SourceAccount"])
                    + (statement.sourceArnPatterns.isEmpty ? [] : ["aws:SourceArn"])
                conditions.append((keys.joined(separator: " and "), conditionLine))
            } else {
                verdict = .trusted
                line = node.line
                return
            }
        }
        if let condition = conditions.first {
            verdict = .conditional(condition.0)
            line = condition.1
        } else {
            verdict = .unsatisfiable(problems.map(\.0).joined(separator: "; "))
            line = problems.first?.1
        }
    }

    /// Why API Gateway cannot meet the statement's conditions, or nil when it can.
    static func problem(_ statement: LambdaResourcePolicy.Statement, roleAccount: String?) -> String? {
        if let unknown = statement.otherConditions.first {
            return "the condition \(unknown) is one API Gateway's call never carries"
        }
        if let roleAccount, !statement.sourceAccounts.isEmpty, !statement.sourceAccounts.contains(roleAccount) {
            return "aws:SourceAccount allows \(statement.sourceAccounts.joined(separator: ", ")), not the role's account \(roleAccount)"
        }
        if !statement.sourceArnPatterns.isEmpty {
            let fits = statement.sourceArnPatterns.contains { pattern in
                guard let arn = AmazonResourceName(pattern) else { return pattern == "*" }
                let service = SourceArnMatcher.matches(pattern: arn.service, arn: "execute-api")
                let account = roleAccount.map { SourceArnMatcher.matches(pattern: arn.account, arn: $0) } ?? true
                return service && account
            }
            if !fits {
                return "aws:SourceArn allows \(statement.sourceArnPatterns.joined(separator: ", ")), which names no API of the role's account"
            }
        }
        return nil
    }
}
