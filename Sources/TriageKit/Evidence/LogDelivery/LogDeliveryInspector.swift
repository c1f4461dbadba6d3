/// Reads `aws logs describe-delivery-sources`, `describe-deliveries` and
/// `describe-delivery-destinations` output: which resources deliver their logs (vended logs) where.
/// The collect script saves them to find an API's logs when they are delivered rather than written
/// to the standard group.
///
/// A delivery configuration causes no 5xx: it tells where the logs are, so no finding. Facts:
/// `api_id` and `stage` when one source names one API Gateway stage.
public struct LogDeliveryInspector: EvidenceInspector {
    public let kind = "log-delivery"

    public init() {}

    /// The list each command prints, with what one entry must hold.
    static let lists: [(key: String, test: @Sendable (DocumentNode) -> Bool)] = [
        ("deliverySources", { $0["name"]?.string != nil && ($0.member("logType") != nil || $0.member("resourceArns") != nil) }),
        ("deliveries", { $0["deliverySourceName"]?.string != nil || $0.member("deliveryDestinationArn") != nil }),
        ("deliveryDestinations", { $0["name"]?.string != nil && ($0.member("deliveryDestinationConfiguration") != nil || $0.member("deliveryDestinationType") != nil) }),
    ]

    public func detect(_ sample: EvidenceSample) -> Int? {
        CLIListing.score(
            sample, service: "logs",
            operations: ["describe-delivery-sources", "describe-deliveries", "describe-delivery-destinations"],
            apiOperations: ["DescribeDeliverySources", "DescribeDeliveries", "DescribeDeliveryDestinations"],
            shape: { Self.list($0) != nil })
    }

    /// The list the document holds and its key; an empty list counts, since the keys are the logs service's own.
    static func list(_ root: DocumentNode) -> (key: String, entries: [DocumentNode])? {
        for list in lists {
            guard let entries = CLIListing.items(root, [list.key]) else { continue }
            return CLIListing.all(entries, allowEmpty: true, list.test) ? (list.key, entries) : nil
        }
        return nil
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        try ConfigInspection.run(file, kind: kind, as: .json, inspect: inspect)
    }

    func inspect(_ document: ConfigDocument) -> EvidenceReport {
        guard let (key, entries) = Self.list(document.root) else {
            return ConfigInspection.unusable(document.path, kind: kind, problem: "it has no delivery list", lines: document.lineCount)
        }
        var facts = FactCollector()
        let notes: [String] = entries.map { entry in
            switch key {
            case "deliverySources":
                let arns = (entry["resourceArns"]?.elements ?? []).compactMap(\.string)
                if entries.count == 1, arns.count == 1, let stage = Self.stage(arns[0]) { facts.add(stage) }
                let what = [entry["service"]?.string, entry["logType"]?.string].compactMap { $0 }.joined(separator: " ")
                return "\(entry["name"]?.string ?? "?")\(what.isEmpty ? "" : " (\(what))")"
            case "deliveries":
                let destination = entry["deliveryDestinationType"]?.string ?? entry["deliveryDestinationArn"]?.string ?? "?"
                return "\(entry["deliverySourceName"]?.string ?? "?") → \(destination)"
            default:
                let target = entry["deliveryDestinationConfiguration"]?["destinationResourceArn"]?.string
                return "\(entry["name"]?.string ?? "?")\(target.map { " → \($0)" } ?? "")"
            }
        }
        let noun = ["deliverySources": "delivery source", "deliveries": "delivery"][key] ?? "delivery destination"
        let counted = entries.count == 1 ? "1 \(noun)" : "\(entries.count) \(noun == "delivery" ? "deliveries" : noun + "s")"
        let description = "\(ConfigInspection.label(kind)), \(counted)"
            + (notes.isEmpty ? " (none configured)" : ": " + notes.prefix(5).joined(separator: "; "))
        return EvidenceReport(path: document.path, kind: kind, description: description, lines: document.lineCount, facts: facts.facts)
    }

    /// `arn:aws:apigateway:eu-west-1::/restapis/a1b2c3d4e5/stages/prod` → api_id, stage, region.
    static func stage(_ arn: String) -> [String: String]? {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[2] == "apigateway" else { return nil }
        let path = parts[5].split(separator: "/").map(String.init)
        guard path.count == 4, path[0] == "restapis" || path[0] == "apis", path[2] == "stages" else { return nil }
        return ["api_id": path[1], "stage": path[3], "region": String(parts[3])].filter { !$0.value.isEmpty }
    }
}
