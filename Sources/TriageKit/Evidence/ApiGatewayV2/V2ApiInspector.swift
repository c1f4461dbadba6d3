/// Reads `aws apigatewayv2 get-api` / `get-apis` output: the API's protocol, which settles the
/// API type (HTTP or WebSocket, whose 5xx causes differ from REST's), its id and endpoint.
/// Facts: `api_id`, `api_type` (`http` or `websocket`), `region` from the endpoint.
public struct V2ApiInspector: EvidenceInspector {
    public let kind = "v2-api"

    public init() {}

    public func detect(_ sample: EvidenceSample) -> Int? {
        CLIListing.score(
            sample, service: "apigatewayv2", operations: ["get-api", "get-apis", "create-api"],
            apiOperations: ["GetApi", "GetApis"], shape: Self.isShape)
    }

    static func isShape(_ root: DocumentNode) -> Bool {
        if let items = CLIListing.items(root, ["Items"]) { return CLIListing.all(items, isApi) }
        return isApi(root)
    }

    static func isApi(_ node: DocumentNode) -> Bool {
        node["ApiId"]?.string != nil && node["ProtocolType"]?.string != nil
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        try ConfigInspection.run(file, kind: kind, as: .json, inspect: inspect)
    }

    func inspect(_ document: ConfigDocument) -> EvidenceReport {
        guard Self.isShape(document.root) else {
            return ConfigInspection.unusable(document.path, kind: kind, problem: "it has no ApiId and ProtocolType", lines: document.lineCount)
        }
        let apis = CLIListing.items(document.root, ["Items"]) ?? [document.root]
        var facts = FactCollector()
        var notes: [String] = []
        for api in apis {
            let id = api["ApiId"]?.string ?? "?"
            let protocolType = api["ProtocolType"]?.string ?? "?"
            notes.append("\(api["Name"]?.string ?? id) (\(id), \(protocolType))")
            if apis.count == 1 {
                facts.add(["api_id": id])
                if protocolType == "HTTP" { facts.add(["api_type": "http"]) }
                if protocolType == "WEBSOCKET" { facts.add(["api_type": "websocket"]) }
                if let endpoint = api["ApiEndpoint"]?.string, let region = Self.region(endpoint) { facts.add(["region": region]) }
            }
            if api["DisableExecuteApiEndpoint"]?.bool == true { notes[notes.count - 1] += ", default endpoint disabled" }
        }
        return EvidenceReport(
            path: document.path, kind: kind, description: ([ConfigInspection.label(kind)] + notes).joined(separator: ", "),
            lines: document.lineCount, facts: facts.facts)
    }

    /// `https://abc.execute-api.eu-west-1.amazonaws.com` → `eu-west-1`.
    static func region(_ endpoint: String) -> String? {
        guard let marker = endpoint.range(of: ".execute-api.") else { return nil }
        let region = endpoint[marker.upperBound...].prefix { $0 != "." }
        return region.isEmpty ? nil : String(region)
    }
}
