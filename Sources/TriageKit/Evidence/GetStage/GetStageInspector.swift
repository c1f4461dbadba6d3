/// Reads `aws apigateway get-stage` output: whether the stage can show a 5xx's cause at all.
///
/// A stage setting causes no 5xx by itself, so this inspector reports no findings; its description
/// says what evidence the stage produces:
/// - execution logging (`methodSettings` → `loggingLevel`, `dataTraceEnabled`; OFF means no
///   execution log to read),
/// - the access log and whether its `format` carries the integration fields that name a cause
///   (`$context.integrationErrorMessage` / `$context.integration.error`, `$context.integrationStatus`,
///   `$context.error.responseType`),
/// - X-Ray tracing, and the stage variables (which integrations may reference).
/// Facts: `stage`, `log_group`, and the Region and account of the access-log destination.
public struct GetStageInspector: EvidenceInspector {
    public let kind = "get-stage"

    public init() {}

    /// Access-log variables that tell why an integration failed; a format without any of a group
    /// cannot show that part.
    static let integrationFieldGroups: [(name: String, variables: [String])] = [
        ("integration error", ["$context.integrationErrorMessage", "$context.integration.error"]),
        ("integration status", ["$context.integrationStatus", "$context.integration.integrationStatus", "$context.integration.status"]),
        ("error type", ["$context.error.responseType"]),
    ]

    public func detect(_ sample: EvidenceSample) -> Int? {
        guard let root = DocumentSniffer.json(sample), Self.isStage(root) else { return nil }
        return ConfigDetectionScore.certain
    }

    static func isStage(_ node: DocumentNode) -> Bool {
        node["stageName"]?.string != nil && node.member("deploymentId") != nil
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        try ConfigInspection.run(file, kind: kind, as: .json, inspect: inspect)
    }

    func inspect(_ document: ConfigDocument) -> EvidenceReport {
        let root = document.root
        guard Self.isStage(root) else {
            return ConfigInspection.unusable(
                document.path, kind: kind, problem: "it has no stageName and deploymentId at the top level",
                lines: document.lineCount)
        }
        let stage = root["stageName"]?.string ?? ""
        var facts: [String: String] = ["stage": stage, "api_type": "rest"]
        var notes = ["stage \(stage)"]
        notes.append(Self.executionLogging(root["methodSettings"]))
        notes.append(Self.accessLogging(root["accessLogSettings"], facts: &facts))
        notes.append(root["tracingEnabled"]?.bool == true ? "X-Ray tracing on" : "X-Ray tracing off")
        let variables = root["variables"]?.keys ?? []
        if !variables.isEmpty { notes.append("stage variables \(variables.joined(separator: ", "))") }
        return EvidenceReport(
            path: document.path, kind: kind,
            description: ([ConfigInspection.label(kind)] + notes).joined(separator: ", "),
            lines: document.lineCount, facts: facts)
    }

    /// The stage-wide (`*/*`) logging level, and methods that override it.
    static func executionLogging(_ settings: DocumentNode?) -> String {
        let all = settings?["*/*"]
        let level = all?["loggingLevel"]?.string ?? "OFF"
        var text = level == "OFF" ? "execution logging OFF (no execution log to read)" : "execution logging \(level)"
        if level != "OFF", all?["dataTraceEnabled"]?.bool == true {
            text += " with full request and response data"
        }
        let overrides = (settings?.members ?? []).filter { $0.key != "*/*" && $0.value["loggingLevel"] != nil }
        if !overrides.isEmpty {
            text += " (\(overrides.count) method\(overrides.count == 1 ? "" : "s") override it)"
        }
        return text
    }

    /// Whether there is an access log, and which cause-naming fields its format lacks.
    static func accessLogging(_ settings: DocumentNode?, facts: inout [String: String]) -> String {
        guard let settings, let destination = settings["destinationArn"]?.string else { return "no access log" }
        if let arn = AmazonResourceName(destination) {
            facts.merge(arn.facts) { held, _ in held }
            if arn.service == "logs", arn.resource.hasPrefix("log-group:") {
                facts["log_group"] = String(arn.resource.dropFirst("log-group:".count))
            }
        }
        let format = settings["format"]?.string ?? ""
        let missing = integrationFieldGroups.filter { group in !group.variables.contains { format.contains($0) } }
        if missing.isEmpty { return "access log with integration fields" }
        return "access log without \(missing.map(\.name).joined(separator: ", ")) fields"
    }
}
