/// Reads `aws apigateway get-authorizers` / `get-authorizer` and `aws apigatewayv2 get-authorizers`
/// / `get-authorizer` output: each Lambda authorizer's function, its role, its identity source and
/// cache TTL.
///
/// - Facts: `authorizer_id` and `authorizer_function` when there is one Lambda authorizer,
///   `role_arn` of its credentials.
/// - An authorizer with a credentials role → `integration-role`, low (the role must trust
///   apigateway.amazonaws.com, which `iam get-role` shows; the refinement joins the two).
/// - Without a role, the function's policy must allow the source ARN `…/authorizers/<id>`: said in
///   the description, since a policy written for methods does not cover it.
public struct AuthorizersInspector: EvidenceInspector {
    public let kind: String
    /// Whether this reads HTTP/WebSocket API (apigatewayv2, PascalCase) output.
    let isV2: Bool

    public init() { self.init(v2: false) }

    init(v2: Bool) {
        isV2 = v2
        kind = v2 ? "v2-authorizers" : "authorizers"
    }

    var keys: (list: String, id: String, type: String, uri: String, role: String, source: String, ttl: String) {
        isV2
            ? ("Items", "AuthorizerId", "AuthorizerType", "AuthorizerUri", "AuthorizerCredentialsArn", "IdentitySource", "AuthorizerResultTtlInSeconds")
            : ("items", "id", "type", "authorizerUri", "authorizerCredentials", "identitySource", "authorizerResultTtlInSeconds")
    }

    public func detect(_ sample: EvidenceSample) -> Int? {
        CLIListing.score(
            sample, service: isV2 ? "apigatewayv2" : "apigateway", operations: ["get-authorizers", "get-authorizer"],
            apiOperations: ["GetAuthorizers", "GetAuthorizer"], shape: isShape)
    }

    func isShape(_ root: DocumentNode) -> Bool {
        if let items = CLIListing.items(root, [keys.list]) { return CLIListing.all(items, isAuthorizer) }
        return isAuthorizer(root)
    }

    func isAuthorizer(_ node: DocumentNode) -> Bool {
        guard let type = node[keys.type]?.string else { return false }
        let types: Set<String> = isV2 ? ["REQUEST", "JWT"] : ["TOKEN", "REQUEST", "COGNITO_USER_POOLS"]
        return types.contains(type) && node.member(keys.id) != nil
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        try ConfigInspection.run(file, kind: kind, as: .json, inspect: inspect)
    }

    func inspect(_ document: ConfigDocument) -> EvidenceReport {
        guard isShape(document.root) else {
            return ConfigInspection.unusable(document.path, kind: kind, problem: "it has no authorizers", lines: document.lineCount)
        }
        let authorizers = CLIListing.items(document.root, [keys.list]) ?? [document.root]
        var notes: [String] = []
        var collector = FindingCollector()
        var lambdaAuthorizers: [(id: String, function: String)] = []
        var facts = FactCollector()
        for authorizer in authorizers {
            let id = authorizer[keys.id]?.string ?? "?"
            let type = authorizer[keys.type]?.string ?? "?"
            var note = "\(id) \(type)"
            if let uri = authorizer[keys.uri]?.string, let function = LambdaFunctionTarget(uri: uri) {
                note += " → \(function.name)"
                lambdaAuthorizers.append((id, function.name))
                var found = function.facts
                found.removeValue(forKey: "function_name")
                facts.add(found)
            }
            let source = authorizer[keys.source]
            let sources = source?.isArray == true ? source!.elements.compactMap(\.string) : [source?.string].compactMap { $0 }
            if !sources.isEmpty { note += ", identity \(sources.joined(separator: ", "))" }
            if let ttl = authorizer[keys.ttl]?.scalarText { note += ", cache \(ttl) s" }
            if let role = authorizer.member(keys.role), let arn = role.value.string, arn.contains(":role/") {
                note += ", role \(arn)"
                facts.add(["role_arn": arn])
                collector.add(
                    Finding(
                        cause: "integration-role", status: 500, confidence: .low,
                        evidence: [document.evidence(line: role.line, focus: keys.role)], facts: ["role_arn": arn],
                        summary: "The authorizer \(id) is invoked as the role \(arn), whose trust policy must let "
                            + "apigateway.amazonaws.com assume it, or calls end in a 500 (Authorizer error)."))
            } else if lambdaAuthorizers.last?.id == id {
                note += ", no role: its function's policy must allow the source ARN …/authorizers/\(id)"
            }
            notes.append(note)
        }
        if lambdaAuthorizers.count == 1 {
            facts.add(["authorizer_id": lambdaAuthorizers[0].id, "authorizer_function": lambdaAuthorizers[0].function])
        }
        var all = facts.facts
        // apigatewayv2 authorizers belong to HTTP or WebSocket APIs; the file does not say which.
        if !isV2 { all["api_type"] = "rest" }
        return EvidenceReport(
            path: document.path, kind: kind, description: ([ConfigInspection.label(kind)] + notes).joined(separator: ", "),
            lines: document.lineCount, findings: collector.findings, facts: all)
    }
}

/// `aws apigatewayv2 get-authorizers` output, read by `AuthorizersInspector` in its PascalCase form.
public struct V2AuthorizersInspector: EvidenceInspector {
    private let reader = AuthorizersInspector(v2: true)
    public var kind: String { reader.kind }

    public init() {}

    public func detect(_ sample: EvidenceSample) -> Int? { reader.detect(sample) }
    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport { try reader.inspect(file) }
}
