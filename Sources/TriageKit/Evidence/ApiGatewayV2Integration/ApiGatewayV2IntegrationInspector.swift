/// Reads `aws apigatewayv2 get-integration` (one integration) or `get-integrations` (`Items`) output.
///
/// - Facts: `integration_id`, `payload_format_version`, `integration_timeout_ms`, the function from
///   `IntegrationUri`, `vpc_link_id`, `role_arn`, and the shape (`integration_type`,
///   `connection_type`, `integration_uri`) — each only when the integrations agree on it.
///   `api_type` is `http` (WebSocket integrations, which carry templates and selection expressions,
///   set none).
/// - Findings: a stage variable in `IntegrationUri` (`stage-variable-permission` for Lambda,
///   `invalid-endpoint` for HTTP backends). Payload format, timeout and VPC link are reported in
///   the description: they decide how a failure looks, they do not cause one.
public struct ApiGatewayV2IntegrationInspector: EvidenceInspector {
    public let kind = "apigatewayv2-integration"

    public init() {}

    static let webSocketKeys: Set<String> = [
        "TemplateSelectionExpression", "IntegrationResponseSelectionExpression", "ContentHandlingStrategy",
        "RequestTemplates", "PassthroughBehavior",
    ]

    public func detect(_ sample: EvidenceSample) -> Int? {
        guard let root = DocumentSniffer.json(sample), !Self.integrations(in: root).isEmpty else { return nil }
        return ConfigDetectionScore.certain
    }

    /// The integration objects of a `get-integration` or `get-integrations` output.
    static func integrations(in root: DocumentNode) -> [DocumentNode] {
        if let items = root["Items"], items.isArray {
            return items.elements.filter(isIntegration)
        }
        return isIntegration(root) ? [root] : []
    }

    static func isIntegration(_ node: DocumentNode) -> Bool {
        node["IntegrationType"]?.string != nil
            && (node.member("IntegrationId") != nil || node.member("PayloadFormatVersion") != nil
                || node.member("IntegrationUri") != nil)
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        try ConfigInspection.run(file, kind: kind, as: .json, inspect: inspect)
    }

    func inspect(_ document: ConfigDocument) -> EvidenceReport {
        let integrations = Self.integrations(in: document.root)
        if integrations.isEmpty {
            if document.root["Items"]?.elements.isEmpty == true {
                return EvidenceReport(
                    path: document.path, kind: kind, description: "\(ConfigInspection.label(kind)), no integrations",
                    lines: document.lineCount)
            }
            return ConfigInspection.unusable(
                document.path, kind: kind, problem: "it has no IntegrationType at the top level or in Items",
                lines: document.lineCount)
        }
        var collector = FindingCollector()
        var facts = FactCollector()
        var notes: [String] = []
        let isWebSocket = integrations.contains { !Self.webSocketKeys.isDisjoint(with: $0.keys) }
        for integration in integrations {
            let (found, integrationFacts, note) = check(integration, in: document)
            collector.add(found)
            facts.add(integrationFacts)
            notes.append(note)
        }
        var allFacts = facts.facts
        if !isWebSocket { allFacts["api_type"] = "http" }
        let count = integrations.count == 1 ? "" : "\(integrations.count) integrations: "
        return EvidenceReport(
            path: document.path, kind: kind,
            description: "\(ConfigInspection.label(kind)), \(count)\(notes.joined(separator: "; "))",
            lines: document.lineCount, findings: collector.findings, facts: allFacts)
    }

    private func check(_ node: DocumentNode, in document: ConfigDocument) -> ([Finding], [String: String], String) {
        let type = node["IntegrationType"]?.string ?? ""
        let uri = node.member("IntegrationUri")
        let uriText = uri?.value.string ?? ""
        let function = LambdaFunctionTarget(uri: uriText)
        var facts: [String: String] = [:]
        if let id = node["IntegrationId"]?.scalarText { facts["integration_id"] = id }
        if let version = node["PayloadFormatVersion"]?.scalarText { facts["payload_format_version"] = version }
        if let timeout = node["TimeoutInMillis"]?.integer { facts["integration_timeout_ms"] = String(timeout) }
        if let function {
            facts.merge(function.facts) { $1 }
            if let region = function.region, FactText.isConcrete(region) { facts["region"] = region }
        } else if let arn = AmazonResourceName(uriText) {
            facts.merge(arn.facts) { $1 }
        }
        let connection = node["ConnectionType"]?.string ?? "INTERNET"
        facts.merge(IntegrationShapeFacts.facts(type: type, connection: connection, uri: uriText)) { held, _ in held }
        if connection == "VPC_LINK", let link = node["ConnectionId"]?.scalarText, FactText.isConcrete(link) {
            facts["vpc_link_id"] = link
        }
        if let role = node["CredentialsArn"]?.scalarText, role.contains(":role/"), FactText.isConcrete(role) {
            facts["role_arn"] = role
        }

        var findings: [Finding] = []
        if let uri, let variable = StageVariableReference.names(in: uriText).first {
            let isLambda = type == "AWS_PROXY" && (function != nil || uriText.contains(":lambda:"))
            let cause = isLambda ? "stage-variable-permission" : "invalid-endpoint"
            findings.append(
                Finding(
                    cause: cause, status: 500, confidence: .low,
                    evidence: [document.evidence(line: uri.line, focus: uri.key)],
                    facts: facts.merging(["stage_variable": variable]) { $1 },
                    summary: isLambda ? Text.stageVariableFunction(variable) : Text.stageVariableEndpoint(variable)))
        }

        var note = type
        if let function { note += " Lambda integration to \(function.name)" }
        if let version = facts["payload_format_version"] { note += ", payload \(version)" }
        if let timeout = facts["integration_timeout_ms"] { note += ", timeout \(timeout) ms" }
        if connection == "VPC_LINK" { note += ", through VPC link \(node["ConnectionId"]?.scalarText ?? "?")" }
        return (findings, facts, note)
    }
}

extension ApiGatewayV2IntegrationInspector {
    /// The words of this inspector, kept together.
    enum Text {
        static func stageVariableFunction(_ variable: String) -> String {
            "The stage variable \(variable) picks the function, so every function it can name needs its own "
                + "invoke permission for apigateway.amazonaws.com, or calls end in a 500."
        }

        static func stageVariableEndpoint(_ variable: String) -> String {
            "The backend address comes from the stage variable \(variable); a stage that does not define it "
                + "cannot reach the backend."
        }
    }
}
