/// Reads a Serverless Framework `serverless.yml` and checks the API events of its functions:
/// - `http` events (REST): `integration: lambda` (or `aws`) is a non-proxy integration, where a
///   function error reaches the client as a 200 unless a response maps it, and a mapped status
///   with no method response is a 500 → `status-code-mapping` risk, low;
/// - the function's timeout (its own, else `provider.timeout`) against what API Gateway waits:
///   29 s for `http` and `websocket`, 30 s for `httpApi` → `TimeoutComparison` (a function allowed
///   to run as long or longer means a 504/503 before it finishes);
/// - facts: `stage`, `region`, `api_id` (`provider.apiGateway.restApiId`), `function_name` (the
///   deployed `service-stage-function` name), `api_type`, `payload_format_version`.
///
/// A configuration value is never a status, so findings carry none.
public struct ServerlessInspector: EvidenceInspector {
    public let kind = "serverless"

    public init() {}

    /// Serverless Framework's defaults when the file does not say.
    static let defaultTimeoutSeconds = 6
    static let defaultStage = "dev"

    public func detect(_ sample: EvidenceSample) -> Int? {
        guard Self.gate(sample), DocumentSniffer.isYAML(sample) else { return nil }
        let keys = DocumentSniffer.yamlTopLevelKeys(sample)
        // docker-compose has `services`, workflows `jobs`, Kubernetes `apiVersion`/`kind`.
        guard keys.contains("service"), keys.contains("provider") || keys.contains("functions"),
            !keys.contains("apiVersion"), !keys.contains("jobs")
        else { return nil }
        let namesAWS = sample.head.contains("name: aws") || sample.head.contains("handler:")
        return namesAWS && keys.contains("provider") ? ConfigDetectionScore.strong : ConfigDetectionScore.likely
    }

    /// Whether the sample can be a Serverless file: detect needs the top-level keys `service` and
    /// `provider` or `functions`, and a key is text of the head, so its bytes must be there
    /// (`mayContain`). Spares every log the YAML key reading.
    static func gate(_ sample: EvidenceSample) -> Bool {
        sample.mayContain(anyOf: ["service"]) && sample.mayContain(anyOf: ["provider", "functions"])
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        try ConfigInspection.run(file, kind: kind, as: .yaml, inspect: inspect)
    }

    func inspect(_ document: ConfigDocument) -> EvidenceReport {
        let root = document.root
        guard root.isObject, root.member("service") != nil else {
            return ConfigInspection.unusable(
                document.path, kind: kind, problem: "it has no service at the top level", lines: document.lineCount)
        }
        var review = ServerlessReview(document: document)
        review.run()
        var collector = FindingCollector()
        collector.add(review.findings)
        return EvidenceReport(
            path: document.path, kind: kind, description: review.description(), lines: document.lineCount,
            findings: collector.findings, facts: review.facts.facts)
    }
}
