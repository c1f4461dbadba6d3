/// Reads `aws apigateway get-rest-api` / `get-rest-apis` output: which REST API this is (id, name),
/// its endpoint type (EDGE, REGIONAL, PRIVATE) and whether the default `execute-api` endpoint is
/// disabled. Facts: `api_id`, `api_name` and `api_type` (`rest`) when it shows one API.
///
/// None of this causes a 5xx (a disabled default endpoint answers 403, a private API is unreachable
/// from outside its VPC endpoint), so it places the API and proves no cause: no finding.
public struct RestApiInspector: EvidenceInspector {
    public let kind = "rest-api"

    public init() {}

    public func detect(_ sample: EvidenceSample) -> Int? {
        CLIListing.score(
            sample, service: "apigateway", operations: ["get-rest-api", "get-rest-apis", "create-rest-api"],
            apiOperations: ["GetRestApi", "GetRestApis"], shape: Self.isShape)
    }

    static func isShape(_ root: DocumentNode) -> Bool {
        if let items = CLIListing.items(root, ["items", "item"]) { return CLIListing.all(items, isRestApi) }
        return isRestApi(root)
    }

    /// An API has an id and a name plus one of the keys only a REST API has (a deployment, a VPC
    /// link or a domain name has an id or a name, never these).
    static func isRestApi(_ node: DocumentNode) -> Bool {
        node["id"]?.string != nil && node["name"]?.string != nil
            && (node.member("rootResourceId") != nil || node.member("apiKeySource") != nil
                || node["endpointConfiguration"]?["types"] != nil)
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        try ConfigInspection.run(file, kind: kind, as: .json, inspect: inspect)
    }

    func inspect(_ document: ConfigDocument) -> EvidenceReport {
        guard Self.isShape(document.root) else {
            return ConfigInspection.unusable(document.path, kind: kind, problem: "it has no REST API id and name", lines: document.lineCount)
        }
        let apis = CLIListing.items(document.root, ["items", "item"]) ?? [document.root]
        var facts = FactCollector()
        var notes: [String] = []
        for api in apis {
            let id = api["id"]?.string ?? "?"
            var note = "\(api["name"]?.string ?? id) (\(id)"
            let types = (api["endpointConfiguration"]?["types"]?.elements ?? []).compactMap(\.string)
            if !types.isEmpty { note += ", \(types.joined(separator: "/")) endpoint" }
            note += ")"
            if api["disableExecuteApiEndpoint"]?.bool == true { note += ", default execute-api endpoint disabled" }
            if types.contains("PRIVATE") { note += ", reachable only through a VPC endpoint" }
            notes.append(note)
            if apis.count == 1 {
                facts.add(["api_id": id, "api_type": "rest"])
                // The fact is the metrics' ApiName dimension, typed without quotes: names with
                // spaces or quotes stay in the description only.
                if let name = api["name"]?.string, !name.contains(where: { $0.isWhitespace || $0 == "'" || $0 == "\"" }) {
                    facts.add(["api_name": name])
                }
            }
        }
        let label = ConfigInspection.label(kind)
        let description = apis.count == 1
            ? "\(label), \(notes[0])"
            : "\(label), \(ConfigInspection.counted(apis.count, "API")): \(notes.prefix(5).joined(separator: "; "))"
        return EvidenceReport(path: document.path, kind: kind, description: description, lines: document.lineCount, facts: facts.facts)
    }
}
