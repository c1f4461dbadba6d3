/// Reads `aws cloudtrail lookup-events` output: what changed, when and by whom, so a change made
/// minutes before the first 5xx stands out in `scan`'s timeline.
///
/// - Every event that changes an API, a stage or a function (`CreateDeployment`, `UpdateStage`,
///   `UpdateFunctionCode`, `UpdateFunctionConfiguration`, `RemovePermission`, `AddPermission`,
///   `PutIntegration`, `UpdateIntegration`, ...) becomes a timeline event quoting its line.
/// - `RemovePermission` on a function → `lambda-invoke-permission`, low: a permission was removed,
///   though the file does not say it was API Gateway's.
/// - Read-only events (`Get*`, `List*`, `Describe*`) are counted, not listed.
public struct CloudTrailInspector: EvidenceInspector {
    public let kind = "cloudtrail"

    public init() {}

    /// Changes that can start 5xx errors, with what they are in a few words.
    static let changes: [String: String] = [
        "CreateDeployment": "deployment", "UpdateStage": "stage updated", "CreateStage": "stage created",
        "DeleteStage": "stage deleted", "UpdateFunctionCode": "function code updated",
        "UpdateFunctionConfiguration": "function configuration updated", "PublishVersion": "function version published",
        "UpdateAlias": "alias updated", "RemovePermission": "permission removed", "AddPermission": "permission added",
        "PutIntegration": "integration put", "UpdateIntegration": "integration updated",
        "PutIntegrationResponse": "integration response put", "UpdateMethod": "method updated",
        "PutMethod": "method put", "DeleteIntegration": "integration deleted", "UpdateAuthorizer": "authorizer updated",
        "PutGatewayResponse": "gateway response put", "UpdateGatewayResponse": "gateway response updated",
        "PutFunctionConcurrency": "function concurrency set", "DeleteFunctionConcurrency": "function concurrency removed",
        "UpdateAssumeRolePolicy": "role trust policy updated", "UpdateVpcLink": "VPC link updated",
        "CreateRoute": "route created", "UpdateRoute": "route updated",
    ]

    public func detect(_ sample: EvidenceSample) -> Int? {
        CLIListing.score(
            sample, service: "cloudtrail", operations: ["lookup-events"], apiOperations: ["LookupEvents"],
            shape: Self.isShape)
    }

    static func isShape(_ root: DocumentNode) -> Bool {
        guard let events = CLIListing.items(root, ["Events"]) else { return false }
        return CLIListing.all(events, allowEmpty: true) { $0["EventName"]?.string != nil && $0.member("EventTime") != nil }
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        try ConfigInspection.run(file, kind: kind, as: .json, inspect: inspect)
    }

    func inspect(_ document: ConfigDocument) -> EvidenceReport {
        guard Self.isShape(document.root), let events = CLIListing.items(document.root, ["Events"]) else {
            return ConfigInspection.unusable(document.path, kind: kind, problem: "it has no Events list", lines: document.lineCount)
        }
        var timeline: [TimelineEvent] = []
        var removals: [EvidenceLine] = []
        var readOnly = 0
        for event in events {
            guard let member = event.member("EventName"), let name = member.value.string else { continue }
            guard let what = Self.changes[name], let time = AWSTimestamp.utc(event["EventTime"]) else {
                readOnly += 1
                continue
            }
            let resources = (event["Resources"]?.elements ?? []).compactMap { $0["ResourceName"]?.string }
            let target = resources.isEmpty ? "" : " on \(resources.prefix(2).joined(separator: ", "))"
            let who = event["Username"]?.string.map { " by \($0)" } ?? ""
            let line = document.evidence(line: member.line)
            timeline.append(
                TimelineEvent(
                    time: time, kind: name == "CreateDeployment" ? .deployment : .change,
                    text: "CloudTrail \(name) (\(what))\(target)\(who)", source: line))
            if name == "RemovePermission" { removals.append(line) }
        }
        var findings: [Finding] = []
        if !removals.isEmpty {
            findings.append(
                Finding(
                    cause: "lambda-invoke-permission", status: 500, confidence: .low, count: removals.count,
                    evidence: Array(removals.prefix(FindingCollector.evidenceLimit)),
                    summary: "A function permission was removed (RemovePermission); if it was the statement for "
                        + "API Gateway, calls now end in Invalid permissions on Lambda function (500)."))
        }
        var description = ConfigInspection.label(kind) + ", \(events.count) event\(events.count == 1 ? "" : "s")"
        description += timeline.isEmpty ? ", no change to APIs or functions" : ", \(timeline.count) change\(timeline.count == 1 ? "" : "s")"
        if let first = timeline.map(\.time).min(), let last = timeline.map(\.time).max() {
            description += first == last ? " at \(first)" : " from \(first) to \(last)"
        }
        return EvidenceReport(
            path: document.path, kind: kind, description: description, lines: document.lineCount, findings: findings,
            timeline: timeline.sorted { $0.time < $1.time })
    }
}
