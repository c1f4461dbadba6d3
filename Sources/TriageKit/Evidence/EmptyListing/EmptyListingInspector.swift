/// Reads an AWS CLI listing that came back empty: `{"items": []}` (apigateway `get-authorizers`,
/// `get-vpc-links`, `get-gateway-responses`, ...), `{"Items": []}` (apigatewayv2 `get-routes`,
/// `get-domain-names`, ...) or `{"events": [], "searchedLogStreams": []}` (`logs filter-log-events`
/// with nothing in the window). The collect script saves one for every call that found nothing.
///
/// An empty list does not say which command printed it, so it proves nothing about the API:
/// its report names what it is, with no finding. Listings whose key is their own (CloudTrail's
/// `Events`, `Aliases`, `TargetHealthDescriptions`) are their inspectors' even when empty.
public struct EmptyListingInspector: EvidenceInspector {
    public let kind = "empty-listing"

    public init() {}

    /// The list keys this reads, with what an empty one means.
    static let lists: [String: String] = [
        "items": "\"items\": [], as apigateway get-authorizers, get-vpc-links and the like print when there is none",
        "item": "\"item\": [], as an apigateway listing prints when there is none",
        "Items": "\"Items\": [], as apigatewayv2 get-routes, get-domain-names and the like print when there is none",
        "events": "no log events in the window (logs filter-log-events)",
    ]

    /// Keys that may stand next to the empty list: pagination tokens and `filter-log-events`'s streams.
    static let companions: Set<String> = ["position", "NextToken", "nextToken", "searchedLogStreams"]

    public func detect(_ sample: EvidenceSample) -> Int? {
        guard let root = DocumentSniffer.json(sample), Self.emptyList(root) != nil else { return nil }
        // Below `certain`: an inspector whose own key this is (allowEmpty) wins.
        return ConfigDetectionScore.likely
    }

    /// The key of the one empty list the document is made of, or nil when it holds anything else.
    static func emptyList(_ root: DocumentNode) -> String? {
        guard root.isObject else { return nil }
        var found: String?
        for member in root.members {
            if lists[member.key] != nil, member.value.isArray, member.value.elements.isEmpty {
                guard found == nil else { return nil }
                found = member.key
            } else if companions.contains(member.key) {
                if member.key == "searchedLogStreams", !member.value.isArray { return nil }
            } else {
                return nil
            }
        }
        if found != "events", root.member("searchedLogStreams") != nil { return nil }
        return found
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        try ConfigInspection.run(file, kind: kind, as: .json, inspect: inspect)
    }

    func inspect(_ document: ConfigDocument) -> EvidenceReport {
        guard let key = Self.emptyList(document.root), let meaning = Self.lists[key] else {
            return ConfigInspection.unusable(document.path, kind: kind, problem: "it is not an empty listing", lines: document.lineCount)
        }
        var description = "\(ConfigInspection.label(kind)): \(meaning)"
        if let command = document.pasted?.command?.name { description += " (\(command))" }
        return EvidenceReport(path: document.path, kind: kind, description: description, lines: document.lineCount)
    }
}
