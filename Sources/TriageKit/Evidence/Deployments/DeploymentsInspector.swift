/// Reads `aws apigateway get-deployments` (and `get-deployment`, `create-deployment`) output: when
/// the API was deployed. Each deployment is a timeline event, so one made just before the first
/// 5xx shows in `scan`. A deployment causes nothing by itself: no finding.
public struct DeploymentsInspector: EvidenceInspector {
    public let kind = "deployments"

    public init() {}

    static let deploymentKeys: Set<String> = ["id", "description", "createdDate", "apiSummary"]

    public func detect(_ sample: EvidenceSample) -> Int? {
        CLIListing.score(
            sample, service: "apigateway", operations: ["get-deployments", "get-deployment", "create-deployment"],
            apiOperations: ["GetDeployments", "GetDeployment"], shape: Self.isShape)
    }

    static func isShape(_ root: DocumentNode) -> Bool {
        if let items = CLIListing.items(root, ["items"]) { return CLIListing.all(items, isDeployment) }
        return isDeployment(root)
    }

    static func isDeployment(_ node: DocumentNode) -> Bool {
        node["id"]?.string != nil && node.member("createdDate") != nil && Set(node.keys).isSubset(of: deploymentKeys)
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        try ConfigInspection.run(file, kind: kind, as: .json, inspect: inspect)
    }

    func inspect(_ document: ConfigDocument) -> EvidenceReport {
        guard Self.isShape(document.root) else {
            return ConfigInspection.unusable(document.path, kind: kind, problem: "it has no deployments", lines: document.lineCount)
        }
        let deployments = CLIListing.items(document.root, ["items"]) ?? [document.root]
        let timeline: [TimelineEvent] = deployments.compactMap { deployment in
            guard let member = deployment.member("createdDate"), let time = AWSTimestamp.utc(member.value) else { return nil }
            let id = deployment["id"]?.string ?? "?"
            let note = deployment["description"]?.string.flatMap { $0.isEmpty ? nil : " (\($0))" } ?? ""
            return TimelineEvent(
                time: time, kind: .deployment, text: "Deployment \(id)\(note)",
                source: document.evidence(line: member.line))
        }.sorted { $0.time < $1.time }
        var description = ConfigInspection.label(kind) + ", \(deployments.count) deployment\(deployments.count == 1 ? "" : "s")"
        if let last = timeline.last { description += ", latest \(last.time)" }
        return EvidenceReport(
            path: document.path, kind: kind, description: description, lines: document.lineCount,
            facts: ["api_type": "rest"], timeline: timeline)
    }
}
