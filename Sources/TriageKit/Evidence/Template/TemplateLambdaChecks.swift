/// Checks between an API integration and the Lambda function it invokes, when the template defines both:
/// - the function has no `AWS::Lambda::Permission` for `apigateway.amazonaws.com` (and is not a SAM
///   function with `Api`/`HttpApi` events, for which SAM adds the permission, and the integration
///   does not call with a role) → `lambda-invoke-permission`;
/// - the integration timeout against the function's `Timeout` (`TimeoutComparison`).
struct TemplateLambdaChecks {
    /// One integration that invokes a template function.
    struct Link {
        /// `GET /orders (OrdersGetMethod)`
        var label: String
        var function: TemplateResources.Function
        var uri: LocatedValue?
        var integrationLine: Int
        /// The integration timeout, explicit or the API type's default.
        var timeoutMs: Int
        var timeout: LocatedValue?
        var apiType: String
        var callsWithRole: Bool
    }

    static let restDefaultTimeoutMs = 29_000
    static let httpDefaultTimeoutMs = 30_000

    var document: ConfigDocument
    var resources: TemplateResources

    func findings(for link: Link) -> [Finding] {
        var findings: [Finding] = []
        let function = link.function
        var facts: [String: String] = [:]
        if let name = function.name { facts["function_name"] = name }

        if !link.callsWithRole && !resources.isPermitted(function) {
            let line = link.uri?.line ?? link.integrationLine
            findings.append(
                Finding(
                    cause: "lambda-invoke-permission", status: 500, confidence: .medium,
                    evidence: [document.evidence(line: line, focus: link.uri?.key)], facts: facts,
                    summary: "\(link.label): " + Text.noPermission(function.logicalId)))
        }

        var evidence = [
            document.evidence(line: link.timeout?.line ?? link.integrationLine, focus: link.timeout?.key),
            document.evidence(line: function.timeoutLine, focus: function.timeoutKey),
        ]
        if evidence[0] == evidence[1] { evidence.removeLast() }
        var comparison = TimeoutComparison.compare(
            integrationTimeoutMs: link.timeoutMs, functionTimeoutSeconds: function.timeoutSeconds, apiType: link.apiType,
            evidence: evidence)
        comparison.summary = "\(link.label): " + comparison.summary.prefix(1).lowercased() + comparison.summary.dropFirst()
        if !function.timeoutIsExplicit, comparison.summary.hasSuffix(".") {
            comparison.summary = comparison.summary.dropLast()
                + " (\(function.logicalId) sets no Timeout, so Lambda's default of 3 s applies)."
        }
        comparison.facts.merge(facts) { $1 }
        findings.append(comparison)
        return findings
    }
}

extension TemplateLambdaChecks {
    /// The words of these checks, kept together.
    enum Text {
        static func noPermission(_ function: String) -> String {
            "the template grants API Gateway no AWS::Lambda::Permission on \(function), so calls end in a 500 "
                + "(Invalid permissions on Lambda function) unless the permission is added elsewhere."
        }
    }
}
