/// Reads `aws apigateway get-vpc-links` / `get-vpc-link` (REST: `items` of `id`, `targetArns`,
/// `status`) and `aws apigatewayv2 get-vpc-links` / `get-vpc-link` (`Items` of `VpcLinkId`,
/// `VpcLinkStatus`) output: the VPC links a private integration can go through, and their state.
///
/// - A link whose status is `FAILED` or `INACTIVE` → `private-integration`, low: the link cannot
///   carry traffic, but the listing is the account's, so it does not show that the failing
///   integration uses this link (the integration's `connectionId` does).
/// - Facts: `vpc_link_id` when it shows one link.
public struct VpcLinksInspector: EvidenceInspector {
    public let kind = "vpc-links"

    public init() {}

    /// The statuses in which a link carries no traffic (both APIs spell them the same).
    static let broken: Set<String> = ["FAILED", "INACTIVE"]

    public func detect(_ sample: EvidenceSample) -> Int? {
        let cli = CLIListing.score(
            sample, service: "apigateway", operations: ["get-vpc-links", "get-vpc-link", "create-vpc-link"],
            apiOperations: ["GetVpcLinks", "GetVpcLink"], shape: Self.isShape)
        let v2 = CLIListing.score(
            sample, service: "apigatewayv2", operations: ["get-vpc-links", "get-vpc-link", "create-vpc-link"],
            apiOperations: ["GetVpcLinks", "GetVpcLink"], shape: Self.isShape)
        return [cli, v2].compactMap { $0 }.max()
    }

    static func isShape(_ root: DocumentNode) -> Bool {
        if let items = CLIListing.items(root, ["items", "item", "Items"]) { return CLIListing.all(items, isLink) }
        return isLink(root)
    }

    static func isLink(_ node: DocumentNode) -> Bool {
        isRestLink(node) || (node["VpcLinkId"]?.string != nil && (node.member("VpcLinkStatus") != nil || node.member("SubnetIds") != nil))
    }

    static func isRestLink(_ node: DocumentNode) -> Bool {
        node["id"]?.string != nil && node["targetArns"]?.isArray == true
    }

    static func id(_ link: DocumentNode) -> String? {
        (isRestLink(link) ? link["id"] : link["VpcLinkId"])?.string
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        try ConfigInspection.run(file, kind: kind, as: .json, inspect: inspect)
    }

    func inspect(_ document: ConfigDocument) -> EvidenceReport {
        guard Self.isShape(document.root) else {
            return ConfigInspection.unusable(document.path, kind: kind, problem: "it has no VPC link", lines: document.lineCount)
        }
        let links = CLIListing.items(document.root, ["items", "item", "Items"]) ?? [document.root]
        var notes: [String] = []
        var findings: [Finding] = []
        for link in links {
            let rest = Self.isRestLink(link)
            let id = Self.id(link) ?? "?"
            let name = (rest ? link["name"] : link["Name"])?.string
            let statusMember = link.member(rest ? "status" : "VpcLinkStatus")
            let status = statusMember?.value.string ?? "status not shown"
            notes.append("\(name.map { "\($0) " } ?? "")(\(id)) \(status)")
            guard let statusMember, Self.broken.contains(status) else { continue }
            let message = (rest ? link["statusMessage"] : link["VpcLinkStatusMessage"])?.string
            findings.append(
                Finding(
                    cause: "private-integration", confidence: .low,
                    evidence: [document.evidence(line: statusMember.line)], facts: ["vpc_link_id": id],
                    summary: "VPC link \(id) is \(status)\(message.map { " (\($0))" } ?? ""): a private integration through it "
                        + "cannot reach its backend; the integration's connectionId shows whether the failing one uses it."))
        }
        var facts: [String: String] = [:]
        if links.count == 1, let id = Self.id(links[0]) { facts["vpc_link_id"] = id }
        return EvidenceReport(
            path: document.path, kind: kind,
            description: "\(ConfigInspection.label(kind)), \(ConfigInspection.counted(links.count, "link")): \(notes.prefix(5).joined(separator: "; "))",
            lines: document.lineCount, findings: findings, facts: facts)
    }
}
