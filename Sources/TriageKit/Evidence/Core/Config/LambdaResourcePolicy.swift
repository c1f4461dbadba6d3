import Foundation

/// A Lambda function's resource-based policy — the JSON string in the `Policy` field of
/// `aws lambda get-policy` — read for what matters to API Gateway: may it invoke the function,
/// and from which source ARNs.
///
/// - A statement counts for API Gateway when its principal is the service
///   `apigateway.amazonaws.com` (or anyone, `*`) and its action covers `lambda:InvokeFunction`
///   (`lambda:*`, `*` and other wildcards included).
/// - `AWS:SourceArn` conditions under `ArnLike`, `ArnEquals`, `StringLike` (wildcards) or
///   `StringEquals` (exact) are evaluated with `SourceArnMatcher`; `AWS:SourceAccount` is compared
///   with the account in the source ARN. Other condition keys are listed, not evaluated.
/// - Condition keys are case-insensitive, as in IAM.
public struct LambdaResourcePolicy: Sendable, Equatable {
    /// One statement of the policy, reduced to what decides an API Gateway invoke.
    public struct Statement: Sendable, Equatable {
        public var sid: String?
        /// `Allow` or `Deny`.
        public var effect: String
        /// `Principal.Service` values; `*` when the principal is anyone.
        public var services: [String]
        public var actions: [String]
        public var resource: String?
        /// Patterns an `AWS:SourceArn` condition allows (any one must match).
        public var sourceArnPatterns: [String]
        /// Whether `sourceArnPatterns` are exact strings (`StringEquals`) rather than wildcard patterns.
        public var sourceArnIsExact: Bool
        /// Accounts an `AWS:SourceAccount` condition allows.
        public var sourceAccounts: [String]
        /// Conditions this reader does not evaluate, as `Operator:key`.
        public var otherConditions: [String]

        /// Whether the statement is about API Gateway invoking the function.
        public var isForAPIGateway: Bool {
            coversAPIGateway && coversInvoke
        }

        var coversAPIGateway: Bool {
            services.contains { $0 == "*" || $0.caseInsensitiveCompare(LambdaResourcePolicy.apiGatewayService) == .orderedSame }
        }

        var coversInvoke: Bool {
            actions.contains { action in
                SourceArnMatcher.matches(pattern: action.lowercased(), arn: "lambda:invokefunction")
            }
        }

        /// Whether this statement's conditions hold for a call with this source ARN.
        public func conditionsHold(forSourceArn arn: String) -> Bool {
            if !sourceArnPatterns.isEmpty {
                let matched = sourceArnPatterns.contains { pattern in
                    sourceArnIsExact ? pattern == arn : SourceArnMatcher.matches(pattern: pattern, arn: arn)
                }
                if !matched { return false }
            }
            if !sourceAccounts.isEmpty {
                guard let account = AmazonResourceName(arn)?.account, sourceAccounts.contains(account) else {
                    return false
                }
            }
            return true
        }
    }

    /// What the policy says about one invoke from API Gateway.
    public enum Verdict: Sendable, Equatable {
        /// A statement (named by its `Sid`, when it has one) allows the call.
        case allowed(sid: String?)
        /// A `Deny` statement refuses the call.
        case denied(sid: String?)
        /// No statement allows it: API Gateway gets `Invalid permissions on Lambda function`.
        case noStatementMatches
    }

    public static let apiGatewayService = "apigateway.amazonaws.com"

    public var statements: [Statement]

    public init(statements: [Statement]) {
        self.statements = statements
    }

    /// Reads a policy document (the string inside `get-policy`'s `Policy` field).
    public init(json: String) throws(LambdaPolicyError) {
        let root: DocumentNode
        do {
            root = try JSONDocumentParser.parse(json)
        } catch {
            throw LambdaPolicyError(reason: error.description)
        }
        try self.init(document: root)
    }

    init(document root: DocumentNode) throws(LambdaPolicyError) {
        guard let statementNode = root["Statement"] else {
            throw LambdaPolicyError(reason: "the policy has no Statement")
        }
        let nodes = statementNode.isArray ? statementNode.elements : [statementNode]
        statements = nodes.map(Self.statement)
    }

    /// The statements that concern API Gateway invoking the function.
    public var apiGatewayStatements: [Statement] {
        statements.filter(\.isForAPIGateway)
    }

    /// Whether API Gateway may invoke the function when it calls with `sourceArn`.
    public func verdict(forSourceArn sourceArn: String) -> Verdict {
        let applicable = apiGatewayStatements.filter { $0.conditionsHold(forSourceArn: sourceArn) }
        if let deny = applicable.first(where: { $0.effect.caseInsensitiveCompare("Deny") == .orderedSame }) {
            return .denied(sid: deny.sid)
        }
        if let allow = applicable.first(where: { $0.effect.caseInsensitiveCompare("Allow") == .orderedSame }) {
            return .allowed(sid: allow.sid)
        }
        return .noStatementMatches
    }

    private static func statement(_ node: DocumentNode) -> Statement {
        var statement = Statement(
            sid: node["Sid"]?.scalarText, effect: node["Effect"]?.scalarText ?? "Allow",
            services: PolicyValues.services(node["Principal"]), actions: PolicyValues.strings(node["Action"]),
            resource: node["Resource"]?.scalarText, sourceArnPatterns: [], sourceArnIsExact: false,
            sourceAccounts: [], otherConditions: [])
        for condition in node["Condition"]?.members ?? [] {
            // `ArnLikeIfExists` and `ForAnyValue:StringLike` behave like their plain operator here.
            let operatorName = condition.key.replacingOccurrences(of: "IfExists", with: "")
                .split(separator: ":").last.map(String.init) ?? condition.key
            for test in condition.value.members {
                let key = test.key.lowercased()
                let values = PolicyValues.strings(test.value)
                if key == "aws:sourcearn", ["ArnLike", "ArnEquals", "StringLike", "StringEquals"].contains(operatorName) {
                    statement.sourceArnPatterns += values
                    statement.sourceArnIsExact = operatorName == "StringEquals"
                } else if key == "aws:sourceaccount", ["StringEquals", "StringLike"].contains(operatorName) {
                    statement.sourceAccounts += values
                } else {
                    statement.otherConditions.append("\(condition.key):\(test.key)")
                }
            }
        }
        return statement
    }
}

/// A `Policy` string that is not a readable policy document.
public struct LambdaPolicyError: Error, Equatable, CustomStringConvertible {
    public var reason: String
    public var description: String { "The Lambda policy cannot be read: \(reason)." }
}
