/// Checks between an integration and the Lambda function it invokes, when the file defines both:
/// the function's `aws_lambda_permission` resources (a missing one, or source ARNs that name
/// another API, stage, method or path) and the timeouts, with `TimeoutComparison`.
extension TerraformReview {
    /// One integration that invokes a function of the file.
    struct Link {
        var label: String
        var function: TerraformResource
        var uri: LocatedValue?
        var integrationLine: Int
        /// The integration timeout, explicit or the API type's default.
        var timeoutMs: Int
        var timeout: LocatedValue?
        var apiType: String
        var callsWithRole: Bool
        /// The API, as `TerraformConfiguration.apiToken` names it.
        var api: String?
        var method: String?
        var path: String?
        var isDefaultRoute: Bool
    }

    mutating func checkLambda(_ link: Link) {
        let function = link.function
        var found: [String: String] = [:]
        if let name = function.text("function_name"), FactText.isConcrete(name) { found["function_name"] = name }
        if !link.callsWithRole { checkPermissions(link, facts: found) }

        let timeout = function.values.member("timeout")
        let seconds = timeout?.value.integer ?? Self.lambdaDefaultTimeout
        var evidence = [
            document.evidence(line: link.timeout?.line ?? link.integrationLine, focus: link.timeout?.key),
            document.evidence(line: timeout?.line ?? function.line, focus: timeout?.key),
        ]
        if evidence[0] == evidence[1] { evidence.removeLast() }
        var comparison = TimeoutComparison.compare(
            integrationTimeoutMs: link.timeoutMs, functionTimeoutSeconds: seconds, apiType: link.apiType, evidence: evidence)
        comparison.summary = "\(link.label): " + comparison.summary.prefix(1).lowercased() + comparison.summary.dropFirst()
        if timeout == nil, comparison.summary.hasSuffix(".") {
            comparison.summary = comparison.summary.dropLast()
                + " (\(function.address) sets no timeout, so Lambda's default of 3 s applies)."
        }
        comparison.facts.merge(found) { $1 }
        findings.append(comparison)
    }

    private mutating func checkPermissions(_ link: Link, facts found: [String: String]) {
        let permissions = configuration.apiGatewayPermissions(for: link.function)
        let anchor = document.evidence(line: link.uri?.line ?? link.integrationLine, focus: link.uri?.key)
        guard !permissions.isEmpty else {
            // A permission whose function the file cannot name (`function_name = var.arn`) may be this one.
            let unlinked = configuration.resources(ofType: "aws_lambda_permission").contains { permission in
                TerraformConfiguration.statement(for: permission).isForAPIGateway
                    && permission.text("function_name").map { configuration.function(namedBy: $0) == nil } != false
            }
            if unlinked { return }
            findings.append(
                Finding(
                    cause: "lambda-invoke-permission", confidence: .medium, evidence: [anchor], facts: found,
                    summary: "\(link.label): " + Text.noPermission(link.function.address)))
            return
        }
        var refusals: [(line: EvidenceLine, reason: String)] = []
        for permission in permissions {
            guard let source = configuration.value("source_arn", of: permission),
                let arn = TerraformSourceArn(source.text, configuration: configuration)
            else { return }  // No source ARN, or one the file cannot settle: nothing to hold against it.
            let line = document.evidence(line: source.line, focus: source.key)
            if let named = arn.api, let own = link.api, named != own, named.hasPrefix("id:") == own.hasPrefix("id:") {
                refusals.append((line, Text.otherAPI(source.text, named: named, own: own)))
                continue
            }
            let stages = configuration.stages(ofAPI: link.api)
            let calls = (stages.isEmpty ? [nil] : stages.map(Optional.some)).map { stage in
                link.isDefaultRoute
                    ? arn.defaultRouteCall(stage: stage) : arn.call(stage: stage, method: link.method, path: link.path)
            }
            if calls.contains(where: arn.allows) { return }
            refusals.append((line, Text.callNotCovered(source.text, call: calls[0])))
        }
        findings.append(
            Finding(
                cause: "lambda-invoke-permission", confidence: .high, evidence: refusals.map(\.line) + [anchor], facts: found,
                summary: "\(link.label): " + refusals.map(\.reason).joined(separator: "; ") + Text.refusalConsequence))
    }
}

extension TerraformReview {
    /// The words of the Terraform checks, kept together.
    enum Text {
        static func noPermission(_ function: String) -> String {
            "no aws_lambda_permission in this file lets apigateway.amazonaws.com invoke \(function), so calls end in a "
                + "500 (Invalid permissions on Lambda function) unless the permission is granted elsewhere."
        }

        static func otherAPI(_ sourceArn: String, named: String, own: String) -> String {
            "the permission's source_arn \(sourceArn) names \(apiName(named)), but the integration belongs to \(apiName(own))"
        }

        static func callNotCovered(_ sourceArn: String, call: String) -> String {
            // The stage the file does not name is shown as such, not as the placeholder matched with.
            let shown = call.hasPrefix("x/") ? "<stage>" + call.dropFirst() : call
            return "the permission's source_arn \(sourceArn) does not cover calls to \(shown) (stage/METHOD/path)"
        }

        static let refusalConsequence =
            ", so API Gateway gets Invalid permissions on Lambda function and answers 500."

        static func apiName(_ token: String) -> String {
            token.hasPrefix("id:") ? "the API \(token.dropFirst(3))" : token
        }

        static func timeoutAboveLimit(_ millis: Int, limit: Int) -> String {
            "timeout_milliseconds = \(millis), but this API type waits at most \(limit) ms: API Gateway refuses the "
                + "value, and calls slower than \(limit / 1000) s end in a timeout from API Gateway whatever it says."
        }

        static func authorizerWithoutPermission(_ function: String) -> String {
            "neither an authorizer role nor an aws_lambda_permission in this file lets API Gateway invoke \(function), "
                + "so requests end in a 500 (Authorizer error) unless the permission is granted elsewhere."
        }

        static func roleNotTrusted(_ role: String, trusted: [String]) -> String {
            let others = trusted.isEmpty ? "" : " (it trusts \(trusted.joined(separator: ", ")))"
            return "API Gateway calls as the role \(role), whose trust policy does not let apigateway.amazonaws.com "
                + "assume it\(others), so every call ends in a 500 (API Gateway does not have permission to assume "
                + "the provided role)."
        }

        static func roleCondition(_ role: String, key: String) -> String {
            "the trust policy of \(role) lets apigateway.amazonaws.com assume it only with a \(key) condition, a key "
                + "API Gateway does not send when it assumes an integration role, so the call is refused and ends "
                + "in a 500 (API Gateway does not have permission to assume the provided role)."
        }

        static func roleDenied(_ role: String) -> String {
            "the trust policy of \(role) denies apigateway.amazonaws.com, so every call ends in a 500."
        }
    }
}
