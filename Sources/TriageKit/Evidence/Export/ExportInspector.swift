/// Reads an API definition exported by `aws apigateway get-export` (OpenAPI 3 or Swagger 2, with
/// the `integrations` or `apigateway` extensions) or `aws apigatewayv2 export-api`, in JSON or YAML.
///
/// - Every operation's `x-amazon-apigateway-integration` is checked like a `get-integration`
///   (`OpenAPIIntegrations`); one finding per cause, counting the operations that show it.
/// - Facts: `api_id`, `region` and `stage` from the server URL or `host`/`basePath`; `api_type`; and
///   the integrations' facts when they agree (one function for all operations, one timeout).
/// - Recognised by `openapi`/`swagger` with `paths`; strongly when the API Gateway extensions appear.
public struct ExportInspector: EvidenceInspector {
    public let kind = "export"

    public init() {}

    static let versionKeys = ["openapi", "swagger"]

    public func detect(_ sample: EvidenceSample) -> Int? {
        let keys: Set<String>
        if let root = DocumentSniffer.json(sample) {
            keys = Set(root.keys)
        } else if Self.yamlGate(sample), DocumentSniffer.isYAML(sample) {
            keys = DocumentSniffer.yamlTopLevelKeys(sample)
        } else {
            return nil
        }
        guard !keys.isDisjoint(with: Self.versionKeys), keys.contains("paths") || keys.contains("info") else {
            return nil
        }
        return sample.head.contains("x-amazon-apigateway-") ? ConfigDetectionScore.strong : ConfigDetectionScore.possible
    }

    /// Whether a YAML sample can be an export: its top-level keys must include `openapi` or
    /// `swagger`, and a key is text of the head, so its bytes must be there (`mayContain`).
    /// Spares every log the YAML key reading.
    static func yamlGate(_ sample: EvidenceSample) -> Bool {
        sample.mayContain(anyOf: ["openapi", "swagger"])
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        try ConfigInspection.run(file, kind: kind, inspect: inspect)
    }

    func inspect(_ document: ConfigDocument) -> EvidenceReport {
        let root = document.root
        guard let version = Self.versionKeys.lazy.compactMap({ root[$0]?.scalarText }).first else {
            return ConfigInspection.unusable(
                document.path, kind: kind, problem: "it has no openapi or swagger version at the top level",
                lines: document.lineCount)
        }
        let definition = OpenAPIIntegrations(root: root, document: document)
        let outcome = definition.check()
        var facts = outcome.facts
        facts.add(definition.serverFacts)
        facts.add(["api_type": definition.isHTTPAPI ? "http" : "rest"])
        var collector = FindingCollector()
        collector.add(outcome.findings)

        let flavour = root["swagger"] != nil ? "Swagger \(version)" : "OpenAPI \(version)"
        let api = definition.isHTTPAPI ? "HTTP API" : "REST API"
        var notes = [
            "\(flavour) \(api)", ConfigInspection.counted(outcome.operationCount, "operation"),
            "\(outcome.integratedCount) with integrations (\(outcome.lambdaCount) Lambda)",
        ]
        if outcome.integratedCount == 0 && outcome.operationCount > 0 {
            notes.append("export it with extensions='integrations' to see them")
        }
        return EvidenceReport(
            path: document.path, kind: kind,
            description: ([ConfigInspection.label(kind)] + notes).joined(separator: ", "),
            lines: document.lineCount, findings: collector.findings, facts: facts.facts)
    }
}
