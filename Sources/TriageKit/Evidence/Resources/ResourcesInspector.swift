/// Reads `aws apigateway get-resources --embed methods` output: every resource, and every method's
/// integration checked as `get-integration` checks one (`RestIntegrationChecks`), so a GET Lambda
/// integration on one method among forty is found and named (`GET /orders: ...`).
///
/// Without `--embed methods` the output lists paths only: the description says to add it.
/// Facts: `resource_id`, `resource_path` and `http_method` when exactly one method has a finding.
public struct ResourcesInspector: EvidenceInspector {
    public let kind = "resources"

    public init() {}

    public func detect(_ sample: EvidenceSample) -> Int? {
        CLIListing.score(
            sample, service: "apigateway", operations: ["get-resources", "get-resource"],
            apiOperations: ["GetResources", "GetResource"], shape: Self.isShape)
    }

    static func isShape(_ root: DocumentNode) -> Bool {
        guard let items = CLIListing.items(root, ["items"]) else { return false }
        return CLIListing.all(items) { $0["id"]?.string != nil && $0["path"]?.string != nil }
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        try ConfigInspection.run(file, kind: kind, as: .json, inspect: inspect)
    }

    func inspect(_ document: ConfigDocument) -> EvidenceReport {
        guard Self.isShape(document.root), let resources = CLIListing.items(document.root, ["items"]) else {
            return ConfigInspection.unusable(document.path, kind: kind, problem: "it has no resources", lines: document.lineCount)
        }
        var collector = FindingCollector()
        var facts = FactCollector()
        var methods = 0
        var integrations = 0
        var failing: [[String: String]] = []
        for resource in resources {
            let path = resource["path"]?.string ?? "?"
            for method in resource["resourceMethods"]?.members ?? [] {
                methods += 1
                guard let integrationNode = method.value["methodIntegration"] else { continue }
                integrations += 1
                let integration = RestIntegration(apiOutput: integrationNode)
                let declared = method.value["methodResponses"].map { Set($0.keys) }
                let checks = RestIntegrationChecks(
                    document: document, operation: "\(method.key) \(path)", methodResponses: declared)
                let found = checks.findings(for: integration)
                collector.add(found)
                let integrationFacts = RestIntegrationChecks.facts(for: integration)
                facts.add(integrationFacts.filter { ["region", "account_id"].contains($0.key) })
                if !found.isEmpty, let id = resource["id"]?.string {
                    failing.append(["resource_id": id, "resource_path": path, "http_method": method.key])
                }
            }
        }
        var all = facts.facts
        all["api_type"] = "rest"
        if failing.count == 1 { all.merge(failing[0]) { held, _ in held } }
        var description = ConfigInspection.label(kind) + ", \(resources.count) resources, \(methods) methods"
        if methods == 0 {
            description += " (no methods shown: run it with --embed methods to see every integration)"
        } else {
            description += ", \(integrations) integrations checked"
        }
        return EvidenceReport(
            path: document.path, kind: kind, description: description, lines: document.lineCount,
            findings: collector.findings, facts: all)
    }
}
