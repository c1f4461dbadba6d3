/// An `aws_lambda_permission`'s `source_arn`, split into the API it names and the
/// `stage/METHOD/path` pattern after it, so it can be compared with the integrations that invoke
/// the function.
///
/// `${aws_api_gateway_rest_api.x.execution_arn}/*/*` names "the API `x` of this file, any stage
/// and method"; `arn:aws:execute-api:eu-west-1:111122223333:a1b2c3d4e5/prod/POST/orders` names the
/// API `a1b2c3d4e5`, stage `prod`, `POST /orders`.
struct TerraformSourceArn: Equatable {
    /// The API, as `TerraformConfiguration.apiToken` names it; nil when any API matches or the
    /// file does not say which.
    var api: String?
    /// The pattern after the API id, without its leading slash; nil when the ARN stops at the API.
    var tail: String?

    init?(_ text: String, configuration: TerraformConfiguration) {
        if text.hasPrefix("${"), let close = text.firstIndex(of: "}") {
            let reference = String(text[...close])
            guard let (resource, attribute) = configuration.referenced(by: reference), attribute == "execution_arn" else {
                return nil
            }
            api = resource.address
            tail = Self.tail(text[text.index(after: close)...])
            return
        }
        guard let arn = AmazonResourceName(text), arn.service == "execute-api" else { return nil }
        let apiPart = String(arn.resource.prefix { $0 != "/" })
        api = apiPart.contains("*") || apiPart.contains("?") ? nil : configuration.apiToken(apiPart)
        tail = Self.tail(arn.resource.dropFirst(apiPart.count))
    }

    /// The part after the API id. What the file leaves unresolved (`${var.stage}`) becomes `*`:
    /// it may be anything, so it is never the reason for a mismatch.
    private static func tail(_ rest: Substring) -> String? {
        guard !rest.isEmpty else { return nil }
        var text = rest.hasPrefix("/") ? String(rest.dropFirst()) : String(rest)
        for expression in TerraformConfiguration.interpolations(in: text) {
            text = text.replacingOccurrences(of: "${\(expression)}", with: "*")
        }
        return text
    }

    /// The call this pattern is judged against: `stage/METHOD/path`, each part filled in from what
    /// the file says, or, when it says nothing, with a value the pattern's own part accepts (so an
    /// unknown stage is never the reason for a mismatch).
    func call(stage: String?, method: String?, path: String?) -> String {
        let parts = (tail ?? "").split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        func part(_ index: Int) -> String {
            guard parts.indices.contains(index) else { return "x" }
            let own = parts[index]
            return own.contains("*") || own.contains("?") ? "x" : own
        }
        let knownMethod = method.flatMap { $0.uppercased() == "ANY" ? nil : $0.uppercased() }
        let route = path.map { $0.hasPrefix("/") ? String($0.dropFirst()) : $0 }
        return [stage ?? part(0), knownMethod ?? part(1), route ?? part(2)].joined(separator: "/")
    }

    /// The call of an HTTP API's `$default` route: `stage/$default`.
    func defaultRouteCall(stage: String?) -> String {
        let own = (tail ?? "").split(separator: "/", maxSplits: 1).first.map(String.init) ?? "x"
        return (stage ?? (own.contains("*") ? "x" : own)) + "/$default"
    }

    /// Whether a call (`prod/POST/orders`) is allowed by this pattern, under Lambda's rules.
    func allows(call: String) -> Bool {
        guard let tail else { return true }
        let statement = LambdaResourcePolicy.Statement(
            sid: nil, effect: "Allow", services: [LambdaResourcePolicy.apiGatewayService],
            actions: ["lambda:InvokeFunction"], resource: nil, sourceArnPatterns: [tail], sourceArnIsExact: false,
            sourceAccounts: [], otherConditions: [])
        return statement.conditionsHold(forSourceArn: call)
    }
}
