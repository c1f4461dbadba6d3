/// One API event of a Serverless Framework function: `http` (REST), `httpApi` or `websocket`,
/// in its short (`http: GET orders`) or long (`http: { path, method, integration }`) form.
struct ServerlessEvent {
    enum Kind: String {
        case http, httpApi, websocket

        /// What API Gateway waits for the function, at most.
        var integrationTimeoutMs: Int {
            self == .httpApi ? TemplateLambdaChecks.httpDefaultTimeoutMs : TemplateLambdaChecks.restDefaultTimeoutMs
        }

        var apiType: String {
            switch self {
            case .http: "rest"
            case .httpApi: "http"
            case .websocket: "websocket"
            }
        }
    }

    var kind: Kind
    var line: Int
    var method: String?
    var path: String?
    /// `lambda-proxy` (the default), `lambda`, `http`, `http-proxy`, `mock`.
    var integration: LocatedValue?
    var hasAuthorizer: Bool
    var hasResponseMappings: Bool

    init?(_ element: DocumentNode) {
        guard let member = element.members.first, let kind = Kind(rawValue: member.key) else { return nil }
        self.kind = kind
        line = member.line
        let value = member.value
        if let short = value.string {
            // `GET orders/{id}` (http), `GET /orders` (httpApi), or a route (`$connect`).
            let parts = short.split(separator: " ", maxSplits: 1).map(String.init)
            method = parts.count == 2 ? parts[0] : nil
            path = parts.last
            integration = nil
            hasAuthorizer = false
            hasResponseMappings = false
            return
        }
        method = value["method"]?.scalarText
        path = value["path"]?.scalarText ?? value["route"]?.scalarText
        integration = LocatedValue(value.member("integration"))
        hasAuthorizer = value.member("authorizer") != nil
        hasResponseMappings = value["response"]?["statusCodes"] != nil
    }

    /// `integration: lambda` (or `aws`): a non-proxy Lambda integration.
    var isNonProxyLambda: Bool {
        guard kind == .http, let text = integration?.text.lowercased() else { return false }
        return text == "lambda" || text == "aws"
    }

    /// `GET /orders`, `$connect`, or the event kind when the file does not say.
    var label: String {
        let route = [method?.uppercased(), path.map { kind == .http && !$0.hasPrefix("/") ? "/" + $0 : $0 }]
            .compactMap { $0 }.joined(separator: " ")
        return route.isEmpty ? kind.rawValue : route
    }
}
