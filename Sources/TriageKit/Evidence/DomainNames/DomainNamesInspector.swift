/// Reads `aws apigatewayv2 get-domain-names` / `get-domain-name` (`DomainName` with
/// `DomainNameConfigurations`) and `aws apigateway get-domain-names` / `get-domain-name`
/// (`domainName` with its regional or CloudFront target) output: the custom domain names a client
/// may call instead of the `execute-api` endpoint, with their endpoint type and status.
///
/// A custom domain routes through its API mappings (another file); a domain alone causes no 5xx,
/// so this places the call and proves no cause: no finding.
public struct DomainNamesInspector: EvidenceInspector {
    public let kind = "domain-names"

    public init() {}

    public func detect(_ sample: EvidenceSample) -> Int? {
        let operations: Set<String> = ["get-domain-names", "get-domain-name", "create-domain-name"]
        let api: Set<String> = ["GetDomainNames", "GetDomainName"]
        let v1 = CLIListing.score(sample, service: "apigateway", operations: operations, apiOperations: api, shape: Self.isShape)
        let v2 = CLIListing.score(sample, service: "apigatewayv2", operations: operations, apiOperations: api, shape: Self.isShape)
        return [v1, v2].compactMap { $0 }.max()
    }

    static func isShape(_ root: DocumentNode) -> Bool {
        if let items = CLIListing.items(root, ["items", "item", "Items"]) { return CLIListing.all(items, isDomain) }
        return isDomain(root)
    }

    static func isDomain(_ node: DocumentNode) -> Bool {
        if node["DomainName"]?.string != nil {
            return node.member("DomainNameConfigurations") != nil || node.member("ApiMappingSelectionExpression") != nil
        }
        guard node["domainName"]?.string != nil else { return false }
        return ["regionalDomainName", "distributionDomainName", "endpointConfiguration", "certificateArn", "regionalCertificateArn"]
            .contains { node.member($0) != nil }
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        try ConfigInspection.run(file, kind: kind, as: .json, inspect: inspect)
    }

    func inspect(_ document: ConfigDocument) -> EvidenceReport {
        guard Self.isShape(document.root) else {
            return ConfigInspection.unusable(document.path, kind: kind, problem: "it has no domain name", lines: document.lineCount)
        }
        let domains = CLIListing.items(document.root, ["items", "item", "Items"]) ?? [document.root]
        let notes = domains.map(Self.note)
        return EvidenceReport(
            path: document.path, kind: kind,
            description: "\(ConfigInspection.label(kind)), \(ConfigInspection.counted(domains.count, "domain")): \(notes.prefix(5).joined(separator: "; "))",
            lines: document.lineCount)
    }

    /// `api.example.com (REGIONAL, AVAILABLE)`.
    static func note(_ domain: DocumentNode) -> String {
        if let name = domain["DomainName"]?.string {
            let configuration = domain["DomainNameConfigurations"]?.elements.first
            let details = [configuration?["EndpointType"]?.string, configuration?["DomainNameStatus"]?.string].compactMap { $0 }
            return details.isEmpty ? name : "\(name) (\(details.joined(separator: ", ")))"
        }
        let name = domain["domainName"]?.string ?? "?"
        let types = (domain["endpointConfiguration"]?["types"]?.elements ?? []).compactMap(\.string)
        let details = types + [domain["domainNameStatus"]?.string].compactMap { $0 }
        return details.isEmpty ? name : "\(name) (\(details.joined(separator: ", ")))"
    }
}
