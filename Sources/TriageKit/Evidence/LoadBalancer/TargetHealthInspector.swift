/// Reads `aws elbv2 describe-target-health` output: the targets behind a private integration's
/// load balancer, and why the unhealthy ones fail (`Target.FailedHealthChecks`, `Target.Timeout`,
/// `Target.ResponseCodeMismatch`, `Target.NotInUse`, ...).
///
/// - No healthy target → `private-integration`, medium (a VPC link to it has nowhere to send calls).
/// - Some targets unhealthy → `private-integration`, low.
/// - Facts: `target_group_arn` from a pasted command line (the output itself does not name it).
public struct TargetHealthInspector: EvidenceInspector {
    public let kind = "target-health"

    public init() {}

    public func detect(_ sample: EvidenceSample) -> Int? {
        CLIListing.score(
            sample, service: "elbv2", operations: ["describe-target-health"], apiOperations: ["DescribeTargetHealth"],
            shape: Self.isShape)
    }

    static func isShape(_ root: DocumentNode) -> Bool {
        guard let list = root["TargetHealthDescriptions"], list.isArray else { return false }
        return CLIListing.all(list.elements, allowEmpty: true) { $0.member("Target") != nil || $0.member("TargetHealth") != nil }
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        try ConfigInspection.run(file, kind: kind, as: .json, inspect: inspect)
    }

    func inspect(_ document: ConfigDocument) -> EvidenceReport {
        guard Self.isShape(document.root), let targets = document.root["TargetHealthDescriptions"]?.elements else {
            return ConfigInspection.unusable(
                document.path, kind: kind, problem: "it has no TargetHealthDescriptions list", lines: document.lineCount)
        }
        var healthy = 0
        var unhealthy: [(text: String, line: Int)] = []
        for target in targets {
            let health = target["TargetHealth"]
            let state = health?["State"]?.string ?? "unknown"
            if state == "healthy" {
                healthy += 1
                continue
            }
            let id = target["Target"]?["Id"]?.scalarText ?? "?"
            let port = target["Target"]?["Port"]?.scalarText.map { ":\($0)" } ?? ""
            let reason = health?["Reason"]?.string.map { " \($0)" } ?? ""
            let detail = health?["Description"]?.string.map { " (\($0))" } ?? ""
            let line = health?.member("State")?.line ?? target.line
            unhealthy.append(("\(id)\(port) \(state)\(reason)\(detail)", line))
        }
        var description = ConfigInspection.label(kind) + ", \(targets.count) target\(targets.count == 1 ? "" : "s"), \(healthy) healthy"
        if !unhealthy.isEmpty { description += "; " + unhealthy.map(\.text).joined(separator: "; ") }
        var findings: [Finding] = []
        if !unhealthy.isEmpty {
            let none = healthy == 0
            let summary =
                none
                ? "No target of the load balancer is healthy (\(unhealthy.map(\.text).joined(separator: "; "))), so a "
                    + "private integration through it cannot reach the backend (500 or 504 Network error)."
                : "\(unhealthy.count) of \(targets.count) targets are not healthy (\(unhealthy.map(\.text).joined(separator: "; "))); "
                    + "calls a VPC link sends to them can fail."
            findings.append(
                Finding(
                    cause: "private-integration", confidence: none ? .medium : .low, count: unhealthy.count,
                    evidence: unhealthy.prefix(FindingCollector.evidenceLimit).map { document.evidence(line: $0.line) },
                    summary: summary))
        } else if targets.isEmpty {
            description += "; the target group has no registered target"
        }
        return EvidenceReport(
            path: document.path, kind: kind, description: description, lines: document.lineCount, findings: findings)
    }
}
