/// Reads `aws lambda get-policy` output, whose `Policy` is the resource policy as a JSON *string*.
///
/// - No statement lets `apigateway.amazonaws.com` invoke the function → `lambda-invoke-permission`
///   (medium: an integration that calls with a role needs no resource policy).
/// - Given the source ARN of a failing call (from a log's `X-Amz-Source-Arn`, or built from facts
///   with `SourceArnMatcher.sourceArn(facts:)`), a policy no statement of which matches it →
///   `lambda-invoke-permission` with high confidence.
/// - The description lists the source ARN patterns, and says when console tests (stage `null`) are
///   not covered.
/// - Facts: `function_name`, `region`, `account_id` from the statements' `Resource`; `api_id` when
///   every API Gateway statement names the same API.
public struct LambdaPolicyInspector: EvidenceInspector {
    public let kind = "lambda-policy"
    /// The source ARN of the call being diagnosed, when known.
    public var sourceArn: String?

    public init(sourceArn: String? = nil) {
        self.sourceArn = sourceArn
    }

    public func detect(_ sample: EvidenceSample) -> Int? {
        // `aws lambda get-policy` answering ResourceNotFoundException: the function has no policy.
        if DocumentSniffer.pasted(sample).error?.operation == "GetPolicy" { return ConfigDetectionScore.certain }
        guard let root = DocumentSniffer.json(sample), let policy = root["Policy"]?.string,
            policy.contains("Statement")
        else { return nil }
        // Other services print a policy string the same way: KMS get-key-policy adds PolicyName,
        // and S3 get-bucket-policy has no RevisionId. A Lambda policy names lambda actions or ARNs.
        if root["PolicyName"] != nil { return nil }
        let mentionsLambda = policy.contains("lambda:") || policy.contains(":lambda:")
        guard root["RevisionId"] != nil || mentionsLambda else { return nil }
        return ConfigDetectionScore.certain
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        try ConfigInspection.run(file, kind: kind, as: .json, onError: inspectError, inspect: inspect)
    }

    /// get-policy printed an error: ResourceNotFoundException means the function has no resource
    /// policy at all, so nothing lets API Gateway invoke it; AccessDenied means the caller could not look.
    func inspectError(_ output: CLIErrorOutput) -> EvidenceReport {
        guard output.error.operation == "GetPolicy", output.error.code == "ResourceNotFoundException" else {
            return ConfigInspection.cliError(output, kind: kind)
        }
        let facts = output.pasted.command?.facts ?? [:]
        let finding = Finding(
            cause: "lambda-invoke-permission", status: 500, confidence: .medium, evidence: output.evidence,
            facts: facts, summary: Text.noPolicy)
        return EvidenceReport(
            path: output.path, kind: kind,
            description: ConfigInspection.label(kind) + ": ResourceNotFoundException, the function has no resource policy",
            lines: output.lines, findings: [finding], facts: facts)
    }

    func inspect(_ document: ConfigDocument) -> EvidenceReport {
        guard let member = document.root.member("Policy"), let text = member.value.string else {
            return ConfigInspection.unusable(
                document.path, kind: kind, problem: "it has no Policy string at the top level", lines: document.lineCount)
        }
        let policy: LambdaResourcePolicy
        do {
            policy = try LambdaResourcePolicy(json: text)
        } catch {
            return ConfigInspection.unusable(
                document.path, kind: kind, problem: "its Policy string is not a policy document (\(error.reason))",
                lines: document.lineCount)
        }
        let evidence = [document.evidence(line: member.line, focus: "Policy")]
        let statements = policy.apiGatewayStatements
        var facts = Self.facts(policy)
        facts.merge(Self.soleApiFacts(policy, document: document, line: member.line)) { held, _ in held }

        var findings: [Finding] = []
        if statements.isEmpty {
            findings.append(
                Finding(
                    cause: "lambda-invoke-permission", status: 500, confidence: .medium, evidence: evidence,
                    facts: facts, summary: Text.noStatement(total: policy.statements.count)))
        } else if let sourceArn {
            switch policy.verdict(forSourceArn: sourceArn) {
            case .allowed:
                break
            case .denied(let sid):
                findings.append(
                    Finding(
                        cause: "lambda-invoke-permission", status: 500, confidence: .high, evidence: evidence,
                        facts: facts, summary: Text.denied(sourceArn, sid: sid)))
            case .noStatementMatches:
                findings.append(
                    Finding(
                        cause: "lambda-invoke-permission", status: 500, confidence: .high, evidence: evidence,
                        facts: facts, summary: Text.noMatch(sourceArn, patterns: statements.flatMap(\.sourceArnPatterns))))
            }
        }
        return EvidenceReport(
            path: document.path, kind: kind, description: Text.description(policy, sourceArn: sourceArn),
            lines: document.lineCount, findings: findings, facts: facts)
    }

    /// Facts the statements agree on.
    static func facts(_ policy: LambdaResourcePolicy) -> [String: String] {
        var facts = FactCollector()
        for statement in policy.statements {
            if let resource = statement.resource, let function = LambdaFunctionTarget(uri: resource) {
                var found = function.facts
                if let region = function.region, FactText.isConcrete(region) { found["region"] = region }
                facts.add(found)
            }
        }
        for statement in policy.apiGatewayStatements {
            for pattern in statement.sourceArnPatterns {
                guard let arn = AmazonResourceName(pattern), arn.service == "execute-api" else { continue }
                let api = String(arn.resource.prefix { $0 != "/" })
                if FactText.isApiId(api) { facts.add(["api_id": api]) }
            }
        }
        return facts.facts
    }

    /// Whether a source-ARN pattern lets console test calls (stage `null`) through.
    static func coversConsoleTests(_ pattern: String) -> Bool {
        guard let arn = AmazonResourceName(pattern) else { return false }
        let parts = arn.resource.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        // `api/*` and `api*` cover everything after the API id.
        guard parts.count > 1 else { return arn.resource.hasSuffix("*") }
        return SourceArnMatcher.matches(pattern: String(parts[1]), arn: "null")
    }
}

extension LambdaPolicyInspector {
    /// The words of this inspector, kept together.
    enum Text {
        static let noPolicy =
            "get-policy found no resource policy on the function, so no statement lets apigateway.amazonaws.com "
            + "invoke it: API Gateway gets Invalid permissions on Lambda function (500) unless the integration "
            + "calls with a role."

        static func noStatement(total: Int) -> String {
            let others = total == 0 ? "" : " (its \(total) statement\(total == 1 ? " is" : "s are") for other callers)"
            return "No statement of the function's policy lets apigateway.amazonaws.com invoke it\(others), so "
                + "API Gateway gets Invalid permissions on Lambda function (500) unless the integration calls with a role."
        }

        static func noMatch(_ sourceArn: String, patterns: [String]) -> String {
            let allowed = patterns.isEmpty ? "any source" : patterns.joined(separator: ", ")
            return "The call's source ARN \(sourceArn) matches none of the patterns the policy allows (\(allowed)), "
                + "so API Gateway gets Invalid permissions on Lambda function (500)."
        }

        static func denied(_ sourceArn: String, sid: String?) -> String {
            "A Deny statement\(sid.map { " (\($0))" } ?? "") covers calls from \(sourceArn), so API Gateway may not "
                + "invoke the function (500)."
        }

        static func description(_ policy: LambdaResourcePolicy, sourceArn: String?) -> String {
            let statements = policy.apiGatewayStatements
            var text = ConfigInspection.label("lambda-policy")
            guard !statements.isEmpty else {
                return text + ", no statement for API Gateway among \(policy.statements.count)"
            }
            let patterns = statements.flatMap(\.sourceArnPatterns)
            text += ", \(statements.count) statement\(statements.count == 1 ? "" : "s") for API Gateway"
            text += patterns.isEmpty ? " (any source ARN)" : " (\(patterns.joined(separator: ", ")))"
            // Authorizer permissions (`.../authorizers/<id>`) say nothing about method calls.
            let methodPatterns = patterns.filter { !$0.contains("/authorizers/") }
            let unconditional = statements.contains { $0.sourceArnPatterns.isEmpty }
            if !unconditional, !methodPatterns.isEmpty,
                !methodPatterns.contains(where: LambdaPolicyInspector.coversConsoleTests)
            {
                text += "; console tests (stage null) are not covered"
            }
            if let sourceArn {
                switch policy.verdict(forSourceArn: sourceArn) {
                case .allowed(let sid): text += "; \(sourceArn) is allowed\(sid.map { " by \($0)" } ?? "")"
                case .denied: text += "; \(sourceArn) is denied"
                case .noStatementMatches: text += "; \(sourceArn) is not allowed"
                }
            }
            return text
        }
    }
}
