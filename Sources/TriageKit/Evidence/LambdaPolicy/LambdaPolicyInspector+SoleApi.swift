extension LambdaPolicyInspector {
    /// The fact key prefix under which a policy that lets API Gateway in from one API only records
    /// the line that says so: `policy_sole_api@<line>` = the quoted line. `PolicySourceApiRefinement`
    /// quotes it when the collected API is another one (as `gateway_response:` facts carry a
    /// customised status to `GatewayResponseRefinement`).
    public static let soleApiLinePrefix = "policy_sole_api@"

    /// The one API every allowing API Gateway statement names in its `AWS:SourceArn`, with the
    /// pattern naming it; nil when a statement allows any source, names no literal API id, or the
    /// statements name different APIs (then calls from another API may still be let in).
    static func soleApi(_ policy: LambdaResourcePolicy) -> (api: String, pattern: String)? {
        let allowing = policy.apiGatewayStatements.filter { $0.effect.caseInsensitiveCompare("Allow") == .orderedSame }
        var found: (api: String, pattern: String)?
        for statement in allowing {
            guard !statement.sourceArnPatterns.isEmpty else { return nil }
            for pattern in statement.sourceArnPatterns {
                guard let arn = AmazonResourceName(pattern), arn.service == "execute-api" else { return nil }
                let api = String(arn.resource.prefix { $0 != "/" })
                guard FactText.isApiId(api), found == nil || found?.api == api else { return nil }
                if found == nil { found = (api, pattern) }
            }
        }
        return found
    }

    /// The anchor fact for `soleApi`: its line, quoted around the pattern.
    static func soleApiFacts(_ policy: LambdaResourcePolicy, document: ConfigDocument, line: Int) -> [String: String] {
        guard let (api, pattern) = soleApi(policy) else { return [:] }
        return ["api_id": api, soleApiLinePrefix + "\(line)": document.evidence(line: line, focus: pattern).text]
    }
}
