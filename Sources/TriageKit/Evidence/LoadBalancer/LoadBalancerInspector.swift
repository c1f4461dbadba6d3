/// Reads `aws elbv2 describe-listeners`, `describe-target-groups` and `describe-load-balancers`
/// output: what a private integration's load balancer listens on and forwards to.
///
/// These describe the path, not a failure, so there is no finding; the description lists the
/// listeners (port, protocol), the target groups (port, health check) and load balancers (scheme,
/// state). A target group attached to no load balancer is noted: nothing sends it traffic.
/// Facts: `target_group_arn` when there is one target group, `region` and `account_id` from ARNs.
public struct LoadBalancerInspector: EvidenceInspector {
    public let kind = "load-balancer"

    public init() {}

    static let lists: [(key: String, arn: String)] = [
        ("Listeners", "ListenerArn"), ("TargetGroups", "TargetGroupArn"), ("LoadBalancers", "LoadBalancerArn"),
    ]

    public func detect(_ sample: EvidenceSample) -> Int? {
        CLIListing.score(
            sample, service: "elbv2", operations: ["describe-listeners", "describe-target-groups", "describe-load-balancers"],
            apiOperations: ["DescribeListeners", "DescribeTargetGroups", "DescribeLoadBalancers"], shape: Self.isShape)
    }

    static func isShape(_ root: DocumentNode) -> Bool {
        lists.contains { list in
            guard let items = CLIListing.items(root, [list.key]) else { return false }
            return CLIListing.all(items) { $0[list.arn]?.string != nil }
        }
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        try ConfigInspection.run(file, kind: kind, as: .json, inspect: inspect)
    }

    func inspect(_ document: ConfigDocument) -> EvidenceReport {
        let root = document.root
        guard Self.isShape(root) else {
            return ConfigInspection.unusable(
                document.path, kind: kind, problem: "it has no Listeners, TargetGroups or LoadBalancers list",
                lines: document.lineCount)
        }
        var facts = FactCollector()
        var notes: [String] = []
        for listener in CLIListing.items(root, ["Listeners"]) ?? [] {
            let port = listener["Port"]?.scalarText ?? "?"
            let proto = listener["Protocol"]?.string ?? "?"
            notes.append("listener \(proto) \(port)")
            if let arn = listener["ListenerArn"]?.string.flatMap(AmazonResourceName.init) { facts.add(arn.facts) }
        }
        let groups = CLIListing.items(root, ["TargetGroups"]) ?? []
        for group in groups {
            let name = group["TargetGroupName"]?.string ?? "?"
            var note = "target group \(name) \(group["Protocol"]?.string ?? "") \(group["Port"]?.scalarText ?? "")"
            if let path = group["HealthCheckPath"]?.string { note += " (health check \(path))" }
            if group["LoadBalancerArns"]?.elements.isEmpty == true { note += ", attached to no load balancer" }
            notes.append(note)
            if let arn = group["TargetGroupArn"]?.string {
                if groups.count == 1 { facts.add(["target_group_arn": arn]) }
                if let parsed = AmazonResourceName(arn) { facts.add(parsed.facts) }
            }
        }
        for balancer in CLIListing.items(root, ["LoadBalancers"]) ?? [] {
            let name = balancer["LoadBalancerName"]?.string ?? "?"
            let state = balancer["State"]?["Code"]?.string.map { ", \($0)" } ?? ""
            notes.append("load balancer \(name) (\(balancer["Type"]?.string ?? "?"), \(balancer["Scheme"]?.string ?? "?")\(state))")
            if let arn = balancer["LoadBalancerArn"]?.string.flatMap(AmazonResourceName.init) { facts.add(arn.facts) }
        }
        return EvidenceReport(
            path: document.path, kind: kind, description: ([ConfigInspection.label(kind)] + notes).joined(separator: ", "),
            lines: document.lineCount, facts: facts.facts)
    }
}
