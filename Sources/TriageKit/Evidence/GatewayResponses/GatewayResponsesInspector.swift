/// Reads `aws apigateway get-gateway-responses` and `get-gateway-response` output: which response
/// types were customised, and to what status.
///
/// A customised status changes what clients see for a cause: with `INTEGRATION_FAILURE` set to 504,
/// Lambda throttles (500 by default) reach clients as 504 (domain reference §2.4, §6). The file
/// causes nothing by itself, so it has no finding; it states each customised status as a fact
/// `gateway_response:<TYPE>` (read by `EvidenceRefinement`, which explains the status on the
/// findings of other files), and its description lists them.
public struct GatewayResponsesInspector: EvidenceInspector {
    public let kind = "gateway-responses"

    public init() {}

    /// The status each 5xx-relevant type has by default (§6); DEFAULT_5XX has none.
    static let defaultStatus: [String: String] = [
        "API_CONFIGURATION_ERROR": "500", "AUTHORIZER_CONFIGURATION_ERROR": "500", "AUTHORIZER_FAILURE": "500",
        "INTEGRATION_FAILURE": "504", "INTEGRATION_TIMEOUT": "504", "ACCESS_DENIED": "403", "THROTTLED": "429",
        "QUOTA_EXCEEDED": "429", "MISSING_AUTHENTICATION_TOKEN": "403", "UNAUTHORIZED": "401",
        "RESOURCE_NOT_FOUND": "404", "EXPIRED_TOKEN": "403", "INVALID_API_KEY": "403", "INVALID_SIGNATURE": "403",
        "BAD_REQUEST_PARAMETERS": "400", "BAD_REQUEST_BODY": "400", "REQUEST_TOO_LARGE": "413",
        "UNSUPPORTED_MEDIA_TYPE": "415", "WAF_FILTERED": "403",
    ]

    /// The fact key prefix for a customised status: `gateway_response:INTEGRATION_FAILURE` = `504`.
    public static let factPrefix = "gateway_response:"

    public func detect(_ sample: EvidenceSample) -> Int? {
        CLIListing.score(
            sample, service: "apigateway", operations: ["get-gateway-responses", "get-gateway-response"],
            apiOperations: ["GetGatewayResponses", "GetGatewayResponse"], shape: Self.isShape)
    }

    static func isShape(_ root: DocumentNode) -> Bool {
        if let items = CLIListing.items(root, ["items"]) { return CLIListing.all(items, isResponse) }
        return isResponse(root)
    }

    static func isResponse(_ node: DocumentNode) -> Bool {
        node["responseType"]?.string != nil && (node.member("defaultResponse") != nil || node.member("statusCode") != nil)
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        try ConfigInspection.run(file, kind: kind, as: .json, inspect: inspect)
    }

    func inspect(_ document: ConfigDocument) -> EvidenceReport {
        let responses = CLIListing.items(document.root, ["items"]) ?? [document.root]
        guard Self.isShape(document.root) else {
            return ConfigInspection.unusable(
                document.path, kind: kind, problem: "it has no responseType entries", lines: document.lineCount)
        }
        var facts: [String: String] = ["api_type": "rest"]
        var customised: [String] = []
        for response in responses {
            guard let type = response["responseType"]?.string else { continue }
            // AWS lists every type; the ones left as they are say `defaultResponse: true`.
            if response["defaultResponse"]?.bool == true { continue }
            let status = response["statusCode"]?.scalarText ?? ""
            let usual = Self.defaultStatus[type]
            guard !status.isEmpty else {
                customised.append("\(type) (body or headers only)")
                continue
            }
            // Customised even to its documented default: a Lambda throttle (500 while
            // INTEGRATION_FAILURE is left alone) then reaches clients with this status (§2.4).
            facts[Self.factPrefix + type] = status
            customised.append("\(type) → \(status)\(usual.map { $0 == status ? "" : " (default \($0))" } ?? "")")
        }
        var description = ConfigInspection.label(kind)
        description += customised.isEmpty
            ? ", every response type as AWS sets it" : ", customised: \(customised.joined(separator: ", "))"
        if facts[Self.factPrefix + "INTEGRATION_FAILURE"] != nil || facts[Self.factPrefix + "DEFAULT_5XX"] != nil {
            description += "; Lambda throttles and integration failures reach clients with the customised status"
        }
        return EvidenceReport(
            path: document.path, kind: kind, description: description, lines: document.lineCount, facts: facts)
    }

}
