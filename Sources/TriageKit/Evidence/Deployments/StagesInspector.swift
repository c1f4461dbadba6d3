/// Reads `aws apigateway get-stages` output (`item`, a list of stages): each stage as `get-stage`
/// reads it, plus when it was last updated (a timeline event) and its canary (`canarySettings`: a
/// share of calls goes to another deployment, so failures that hit only some calls may be it).
public struct StagesInspector: EvidenceInspector {
    public let kind = "stages"

    public init() {}

    public func detect(_ sample: EvidenceSample) -> Int? {
        CLIListing.score(
            sample, service: "apigateway", operations: ["get-stages"], apiOperations: ["GetStages"], shape: Self.isShape)
    }

    static func isShape(_ root: DocumentNode) -> Bool {
        guard let items = CLIListing.items(root, ["item"]) else { return false }
        return CLIListing.all(items, allowEmpty: root.keys == ["item"], GetStageInspector.isStage)
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        try ConfigInspection.run(file, kind: kind, as: .json, inspect: inspect)
    }

    func inspect(_ document: ConfigDocument) -> EvidenceReport {
        guard Self.isShape(document.root), let stages = CLIListing.items(document.root, ["item"]) else {
            return ConfigInspection.unusable(document.path, kind: kind, problem: "it has no item list of stages", lines: document.lineCount)
        }
        var notes: [String] = []
        var timeline: [TimelineEvent] = []
        var facts: [String: String] = ["api_type": "rest"]
        for stage in stages {
            let name = stage["stageName"]?.string ?? "?"
            var note = "\(name) on deployment \(stage["deploymentId"]?.string ?? "?")"
            if let canary = stage["canarySettings"] {
                let share = canary["percentTraffic"]?.scalarText ?? "?"
                note += ", canary \(share) % to deployment \(canary["deploymentId"]?.string ?? "?")"
            }
            note += ", " + GetStageInspector.executionLogging(stage["methodSettings"])
            notes.append(note)
            if let member = stage.member("lastUpdatedDate"), let time = AWSTimestamp.utc(member.value) {
                timeline.append(
                    TimelineEvent(
                        time: time, kind: .change, text: "Stage \(name) last updated (deployment \(stage["deploymentId"]?.string ?? "?"))",
                        source: document.evidence(line: member.line)))
            }
        }
        if stages.count == 1, let name = stages[0]["stageName"]?.string { facts["stage"] = name }
        return EvidenceReport(
            path: document.path, kind: kind,
            description: ConfigInspection.label(kind) + ", " + (notes.isEmpty ? "no stage" : notes.joined(separator: "; ")),
            lines: document.lineCount, facts: facts, timeline: timeline.sorted { $0.time < $1.time })
    }
}
