/// Reads `aws apigateway get-integration` output: one REST integration, checked by
/// `RestIntegrationChecks` (Lambda integration not using POST, stage variables in the URI, the
/// credentials role, mapping templates, integration responses).
///
/// - Facts: function, Region and account from the URI, `integration_timeout_ms`, `vpc_link_id`,
///   `role_arn`, `resource_id` from `cacheNamespace` (API Gateway sets it to the resource id), and
///   the integration's shape (`integration_type`, `connection_type`, `integration_uri`).
/// - Recognised by its keys: `type` holding an integration type next to `uri`, `httpMethod`,
///   `passthroughBehavior`, `cacheNamespace` or `cacheKeyParameters`.
public struct GetIntegrationInspector: EvidenceInspector {
    public let kind = "get-integration"

    public init() {}

    static let integrationTypes: Set<String> = ["HTTP", "AWS", "MOCK", "HTTP_PROXY", "AWS_PROXY"]
    static let companionKeys: Set<String> = [
        "uri", "httpMethod", "passthroughBehavior", "cacheNamespace", "cacheKeyParameters", "integrationResponses",
        "connectionType", "timeoutInMillis",
    ]

    public func detect(_ sample: EvidenceSample) -> Int? {
        guard let root = DocumentSniffer.json(sample), Self.isIntegration(root) else { return nil }
        return ConfigDetectionScore.certain
    }

    /// Whether `node` has the shape of a REST integration as the API returns it.
    static func isIntegration(_ node: DocumentNode) -> Bool {
        guard let type = node["type"]?.string, integrationTypes.contains(type) else { return false }
        return !companionKeys.isDisjoint(with: node.keys) && node.member("methodIntegration") == nil
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        try ConfigInspection.run(file, kind: kind, as: .json, inspect: inspect)
    }

    func inspect(_ document: ConfigDocument) -> EvidenceReport {
        guard Self.isIntegration(document.root) else {
            return ConfigInspection.unusable(
                document.path, kind: kind, problem: "it has no integration type and URI at the top level",
                lines: document.lineCount)
        }
        let integration = RestIntegration(apiOutput: document.root)
        var collector = FindingCollector()
        collector.add(RestIntegrationChecks(document: document).findings(for: integration))
        var facts = RestIntegrationChecks.facts(for: integration)
        facts.merge(IntegrationShapeFacts.facts(for: integration)) { held, _ in held }
        facts["api_type"] = "rest"
        // One integration, so its connection type is the API call's: it answers "VPC link?".
        if let connection = integration.connectionType?.text, ["INTERNET", "VPC_LINK"].contains(connection) {
            facts["connection_type"] = connection
        }
        if let namespace = integration.cacheNamespace?.text, Self.looksLikeResourceId(namespace) {
            facts["resource_id"] = namespace
        }
        let notes = RestIntegrationChecks.notes(for: integration)
        return EvidenceReport(
            path: document.path, kind: kind,
            description: ([ConfigInspection.label(kind)] + notes).joined(separator: ", "),
            lines: document.lineCount, findings: collector.findings, facts: facts)
    }

    /// Resource ids are 6 to 10 lower-case letters and digits.
    static func looksLikeResourceId(_ text: String) -> Bool {
        (6...10).contains(text.count) && text.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
    }
}
