/// Reads `aws apigatewayv2 get-deployments` / `get-deployment` output (HTTP and WebSocket APIs):
/// when the API was deployed, and whether by auto-deploy. Each deployment is a timeline event, so
/// one made just before the first 5xx shows in `scan`; a deployment causes nothing by itself, and a
/// `FAILED` one left the stage as it was: no finding, its status message is in the description.
public struct V2DeploymentsInspector: EvidenceInspector {
    public let kind = "v2-deployments"

    public init() {}

    public func detect(_ sample: EvidenceSample) -> Int? {
        CLIListing.score(
            sample, service: "apigatewayv2", operations: ["get-deployments", "get-deployment", "create-deployment"],
            apiOperations: ["GetDeployments", "GetDeployment"], shape: Self.isShape)
    }

    static func isShape(_ root: DocumentNode) -> Bool {
        if let items = CLIListing.items(root, ["Items"]) { return CLIListing.all(items, isDeployment) }
        return isDeployment(root)
    }

    static func isDeployment(_ node: DocumentNode) -> Bool {
        node["DeploymentId"]?.string != nil
            && (node.member("CreatedDate") != nil || node.member("DeploymentStatus") != nil || node.member("AutoDeployed") != nil)
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        try ConfigInspection.run(file, kind: kind, as: .json, inspect: inspect)
    }

    func inspect(_ document: ConfigDocument) -> EvidenceReport {
        guard Self.isShape(document.root) else {
            return ConfigInspection.unusable(document.path, kind: kind, problem: "it has no deployments", lines: document.lineCount)
        }
        let deployments = CLIListing.items(document.root, ["Items"]) ?? [document.root]
        var failed: [String] = []
        let timeline: [TimelineEvent] = deployments.compactMap { deployment in
            let id = deployment["DeploymentId"]?.string ?? "?"
            if deployment["DeploymentStatus"]?.string == "FAILED" {
                failed.append(id + (deployment["DeploymentStatusMessage"]?.string.map { " (\($0))" } ?? ""))
            }
            guard let member = deployment.member("CreatedDate"), let time = AWSTimestamp.utc(member.value) else { return nil }
            var text = "Deployment \(id)"
            if deployment["AutoDeployed"]?.bool == true { text += " (auto-deployed)" }
            if let note = deployment["Description"]?.string, !note.isEmpty { text += " (\(note))" }
            return TimelineEvent(time: time, kind: .deployment, text: text, source: document.evidence(line: member.line))
        }.sorted { $0.time < $1.time }
        var description = ConfigInspection.label(kind) + ", " + ConfigInspection.counted(deployments.count, "deployment")
        if let last = timeline.last { description += ", latest \(last.time)" }
        if !failed.isEmpty { description += "; failed: " + failed.prefix(3).joined(separator: ", ") }
        return EvidenceReport(path: document.path, kind: kind, description: description, lines: document.lineCount, timeline: timeline)
    }
}
