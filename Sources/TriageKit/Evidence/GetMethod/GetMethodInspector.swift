/// Reads `aws apigateway get-method` output: the method, its method responses and the integration
/// inside it (`methodIntegration`).
///
/// - The integration gets every `RestIntegrationChecks` check; on top, an integration response whose
///   status has no method response is `status-code-mapping` with high confidence (the log would say
///   `Output mapping refers to an invalid method response`).
/// - Facts: `http_method`, `authorizer_id`, and the integration's facts.
/// - Recognised by `httpMethod` with `authorizationType` (and usually `methodIntegration`).
public struct GetMethodInspector: EvidenceInspector {
    public let kind = "get-method"

    public init() {}

    public func detect(_ sample: EvidenceSample) -> Int? {
        guard let root = DocumentSniffer.json(sample), Self.isMethod(root) else { return nil }
        return ConfigDetectionScore.certain
    }

    static func isMethod(_ node: DocumentNode) -> Bool {
        node["httpMethod"]?.string != nil && node["authorizationType"]?.string != nil
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        try ConfigInspection.run(file, kind: kind, as: .json, inspect: inspect)
    }

    func inspect(_ document: ConfigDocument) -> EvidenceReport {
        let root = document.root
        guard Self.isMethod(root) else {
            return ConfigInspection.unusable(
                document.path, kind: kind, problem: "it has no httpMethod and authorizationType at the top level",
                lines: document.lineCount)
        }
        let method = root["httpMethod"]?.string ?? ""
        var facts: [String: String] = ["api_type": "rest", "http_method": method]
        var notes = ["\(method) method"]

        let authorization = root["authorizationType"]?.string ?? "NONE"
        if let authorizer = root["authorizerId"]?.scalarText {
            facts["authorizer_id"] = authorizer
            notes.append("\(authorization) authorizer \(authorizer) runs first")
        } else if authorization != "NONE" {
            notes.append("\(authorization) authorization")
        }

        var collector = FindingCollector()
        if let integrationNode = root["methodIntegration"] {
            let integration = RestIntegration(apiOutput: integrationNode)
            let declared = Set(root["methodResponses"]?.keys ?? [])
            let checks = RestIntegrationChecks(document: document, operation: nil, methodResponses: declared)
            collector.add(checks.findings(for: integration))
            facts.merge(RestIntegrationChecks.facts(for: integration)) { held, _ in held }
            facts.merge(IntegrationShapeFacts.facts(for: integration)) { held, _ in held }
            if let namespace = integration.cacheNamespace?.text, GetIntegrationInspector.looksLikeResourceId(namespace) {
                facts["resource_id"] = namespace
            }
            notes += RestIntegrationChecks.notes(for: integration)
            let statuses = declared.sorted()
            notes.append(statuses.isEmpty ? "no method responses" : "method responses \(statuses.joined(separator: ", "))")
        } else {
            notes.append("no integration yet")
        }
        return EvidenceReport(
            path: document.path, kind: kind,
            description: ([ConfigInspection.label(kind)] + notes).joined(separator: ", "),
            lines: document.lineCount, findings: collector.findings, facts: facts)
    }
}
