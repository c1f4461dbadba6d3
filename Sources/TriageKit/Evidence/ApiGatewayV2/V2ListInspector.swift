/// Reads the small apigatewayv2 listings that place a failing call but cause nothing by themselves:
/// `get-routes`/`get-route` [v2-routes], `get-stages`/`get-stage` [v2-stages] and
/// `get-api-mappings` [api-mappings]. Each states ids as facts (`route_key`, `stage`, `api_id`
/// when there is only one) and describes what it lists; v2 stages also give a timeline event for
/// `LastUpdatedDate` (an auto-deployed stage changes whenever the API does).
public struct V2ListInspector: EvidenceInspector {
    /// Which listing this instance reads.
    enum Listing {
        case routes, stages, mappings
    }

    let listing: Listing
    public var kind: String {
        switch listing {
        case .routes: "v2-routes"
        case .stages: "v2-stages"
        case .mappings: "api-mappings"
        }
    }

    init(_ listing: Listing) { self.listing = listing }

    public static let routes = V2ListInspector(.routes)
    public static let stages = V2ListInspector(.stages)
    public static let mappings = V2ListInspector(.mappings)

    var operations: (cli: Set<String>, api: Set<String>) {
        switch listing {
        case .routes: (["get-routes", "get-route"], ["GetRoutes", "GetRoute"])
        case .stages: (["get-stages", "get-stage"], ["GetStages", "GetStage"])
        case .mappings: (["get-api-mappings", "get-api-mapping"], ["GetApiMappings", "GetApiMapping"])
        }
    }

    public func detect(_ sample: EvidenceSample) -> Int? {
        CLIListing.score(sample, service: "apigatewayv2", operations: operations.cli, apiOperations: operations.api, shape: isShape)
    }

    func isShape(_ root: DocumentNode) -> Bool {
        if let items = CLIListing.items(root, ["Items"]) { return CLIListing.all(items, isEntry) }
        return isEntry(root)
    }

    func isEntry(_ node: DocumentNode) -> Bool {
        switch listing {
        case .routes: node["RouteKey"]?.string != nil && node.member("RouteId") != nil
        case .stages:
            node["StageName"]?.string != nil
                && (node.member("AutoDeploy") != nil || node.member("DefaultRouteSettings") != nil || node.member("LastUpdatedDate") != nil)
        case .mappings: node.member("ApiMappingId") != nil && node.member("ApiId") != nil
        }
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        try ConfigInspection.run(file, kind: kind, as: .json, inspect: inspect)
    }

    func inspect(_ document: ConfigDocument) -> EvidenceReport {
        guard isShape(document.root) else {
            return ConfigInspection.unusable(document.path, kind: kind, problem: "it has none of the entries it lists", lines: document.lineCount)
        }
        let entries = CLIListing.items(document.root, ["Items"]) ?? [document.root]
        var notes: [String] = []
        var facts: [String: String] = [:]
        var timeline: [TimelineEvent] = []
        for entry in entries {
            switch listing {
            case .routes:
                let key = entry["RouteKey"]?.string ?? "?"
                let target = entry["Target"]?.string ?? "no target"
                let auth = entry["AuthorizationType"]?.string.map { $0 == "NONE" ? "" : ", \($0) authorizer" } ?? ""
                notes.append("\(key) → \(target)\(auth)")
                if entries.count == 1 { facts["route_key"] = key }
            case .stages:
                let name = entry["StageName"]?.string ?? "?"
                var note = name + (entry["AutoDeploy"]?.bool == true ? " (auto-deploy)" : "")
                note += entry["AccessLogSettings"]?["Format"] == nil ? ", no access log" : ", access log"
                notes.append(note)
                if entries.count == 1 { facts["stage"] = name }
                if let member = entry.member("LastUpdatedDate"), let time = AWSTimestamp.utc(member.value) {
                    timeline.append(
                        TimelineEvent(time: time, kind: .change, text: "Stage \(name) last updated", source: document.evidence(line: member.line)))
                }
            case .mappings:
                let key = entry["ApiMappingKey"]?.string.flatMap { $0.isEmpty ? nil : "/\($0)" } ?? "/"
                let api = entry["ApiId"]?.string ?? "?"
                notes.append("\(key) → \(api) stage \(entry["Stage"]?.string ?? "?")")
                if entries.count == 1 {
                    facts["api_id"] = api
                    if let stage = entry["Stage"]?.string { facts["stage"] = stage }
                }
            }
        }
        return EvidenceReport(
            path: document.path, kind: kind,
            description: ConfigInspection.label(kind) + ", " + (notes.isEmpty ? "empty" : notes.joined(separator: "; ")),
            lines: document.lineCount, facts: facts, timeline: timeline)
    }
}
