/// One access-log entry, with the `$context` variables that matter for 5xx under one name each
/// (domain reference §4.1), whatever the log format called them.
struct AccessLogEntry {
    var status: Int?
    /// `$context.integrationStatus`: for Lambda proxy, the Lambda *service's* status.
    var integrationStatus: Int?
    /// `$context.integration.status`: the status the integration (the function's `statusCode`) returned.
    var integrationResponseStatus: Int?
    /// `$context.integrationErrorMessage` / `$context.integration.error`, or CLF's trailing text.
    var integrationError: String?
    /// `$context.error.message`: the gateway response's message.
    var errorMessage: String?
    /// `$context.error.responseType` (e.g. `API_CONFIGURATION_ERROR`, `AUTHORIZER_CONFIGURATION_ERROR`).
    var errorType: String?
    var authorizerError: String?
    /// `$context.authorize.error` / `$context.authenticate.error`: other authorization phases.
    var authorizeError: String?
    var integrationLatency: Int?
    var requestID: String?
    /// `$context.extendedRequestId` (the `x-amz-apigw-id` header).
    var extendedRequestID: String?
    var lambdaRequestID: String?
    /// `$context.xrayTraceId`.
    var traceID: String?
    /// `$context.requestTime` (CLF time) or `$context.requestTimeEpoch`, as logged.
    var requestTime: String?
    var apiID: String?
    var stage: String?
    var httpMethod: String?
    var resourcePath: String?
    var routeKey: String?

    /// The request's ids for joining it with other files: request ids, the Lambda request id, the
    /// trace, the time (ISO 8601 UTC) and the route (`GET /orders` or the HTTP API route key).
    var requestKeys: RequestKeys? {
        var keys = RequestKeys()
        if let id = requestID, AWSIdentifiers.isRequestID(id[...]) { keys.apiGatewayRequestId = id }
        if let id = extendedRequestID, AWSIdentifiers.isRequestID(id[...]) { keys.extendedRequestId = id }
        if let id = lambdaRequestID, AWSIdentifiers.isLambdaRequestID(id.lowercased()[...]) { keys.lambdaRequestId = id.lowercased() }
        keys.traceId = traceID.flatMap { TraceIdentifier.root(in: $0) }
        keys.time = requestTime.flatMap(RequestTime.normalized)
        if let route = routeKey, !route.isEmpty, route != "-" {
            keys.route = route
        } else if let method = httpMethod, AWSIdentifiers.isHTTPMethod(method[...]), let path = resourcePath, path.hasPrefix("/") {
            keys.route = "\(method) \(path)"
        }
        return keys.isEmpty ? nil : keys
    }

    /// `http` or `rest` when the entry shows it: a route key means an HTTP API, a resource path REST.
    var apiType: String? {
        if let routeKey, !routeKey.isEmpty { return "http" }
        if resourcePath != nil { return "rest" }
        return nil
    }
}

extension AccessLogEntry {
    /// The entry in a JSON line, or nil when the line has no status field.
    init?(json: FlatJSONLine, line: UnsafeBufferPointer<UInt8>) {
        guard let cause = AccessLogEntry(causeIn: json, line: line) else { return nil }
        self = cause
        func text(_ names: [StaticString]) -> String? { Self.text(names, in: json, line: line) }
        requestID = text(Keys.requestID)
        extendedRequestID = text(Keys.extendedRequestID)
        lambdaRequestID = text(Keys.lambdaRequestID)
        traceID = text(Keys.traceID)
        requestTime = text(Keys.requestTime)
        apiID = text(Keys.apiID)
        stage = text(Keys.stage)
        httpMethod = text(Keys.httpMethod)
    }

    /// The fields of a JSON line that name a failure's cause: the statuses, error texts, latency,
    /// and what the API type is read from. All that `AccessLogInterpreter.guess` and `candidates`
    /// read, so a failure that is only counted skips the ids, time and route. nil as `init(json:line:)`.
    init?(causeIn json: FlatJSONLine, line: UnsafeBufferPointer<UInt8>) {
        func text(_ names: [StaticString]) -> String? { Self.text(names, in: json, line: line) }
        func number(_ names: [StaticString]) -> Int? {
            text(names).flatMap { Int($0.trimmingTrailingWhitespace()) }
        }
        guard let statusField = json.field(Keys.status) else { return nil }
        status = FlatJSONLine.text(of: statusField, in: line).flatMap { Int($0) }
        integrationStatus = number(Keys.integrationStatus)
        integrationResponseStatus = number(Keys.integrationResponseStatus)
        integrationError = text(Keys.integrationError)
        errorMessage = text(Keys.errorMessage)
        errorType = text(Keys.errorType)
        authorizerError = text(Keys.authorizerError)
        authorizeError = text(Keys.authorizeError)
        integrationLatency = number(Keys.integrationLatency)
        resourcePath = text(Keys.resourcePath)
        routeKey = text(Keys.routeKey)
    }

    /// The text of the first of `names` the line has.
    private static func text(_ names: [StaticString], in json: FlatJSONLine, line: UnsafeBufferPointer<UInt8>) -> String? {
        json.field(names).flatMap { FlatJSONLine.text(of: $0, in: line) }
    }

    /// The fields of a JSON line that explain a 5xx, as `key=value` in the line's own spelling,
    /// e.g. `status=500 integrationStatus=429 integrationErrorMessage=Rate Exceeded.`; nil when
    /// the line is not JSON.
    static func condensed(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { line -> String? in
            var json = FlatJSONLine()
            guard let open = line.firstOffset(of: UInt8(ascii: "{"), in: 0..<line.count),
                json.parse(UnsafeBufferPointer(rebasing: line[open...]))
            else { return nil }
            let object = UnsafeBufferPointer(rebasing: line[open...])
            let telling = Keys.status + Keys.integrationStatus + Keys.integrationResponseStatus + Keys.integrationError
                + Keys.errorMessage + Keys.errorType + Keys.authorizerError + Keys.authorizeError + Keys.integrationLatency
            let parts = json.fields.compactMap { field -> String? in
                guard json.field(field, isOneOf: telling), let value = FlatJSONLine.text(of: field, in: object) else { return nil }
                return "\(object.text(field.name))=\(value)"
            }
            return parts.isEmpty ? nil : parts.joined(separator: " ")
        }
    }

    /// Key spellings, normalised as `FlatJSONLine` does (lower case, `-`/`_` → `.`).
    enum Keys {
        static let status: [StaticString] = ["status", "statuscode", "httpstatus", "response.status"]
        static let integrationStatus: [StaticString] = ["integrationstatus", "integration.integrationstatus"]
        static let integrationResponseStatus: [StaticString] = ["integration.status"]
        static let integrationError: [StaticString] = [
            "integrationerrormessage", "integrationerror", "integration.error", "integration.errormessage",
        ]
        static let errorMessage: [StaticString] = ["error.message", "errormessage", "error.messagestring"]
        static let errorType: [StaticString] = ["error.responsetype", "errorresponsetype", "errortype", "responsetype"]
        static let authorizerError: [StaticString] = ["authorizer.error", "authorizererror"]
        static let authorizeError: [StaticString] = ["authorize.error", "authorizeerror", "authenticate.error", "authenticateerror"]
        static let integrationLatency: [StaticString] = ["integrationlatency", "integration.latency"]
        static let requestID: [StaticString] = ["requestid", "request.id"]
        static let lambdaRequestID: [StaticString] = ["integration.requestid", "awsendpointrequestid", "integrationrequestid"]
        static let extendedRequestID: [StaticString] = ["extendedrequestid", "extended.request.id"]
        static let traceID: [StaticString] = ["xraytraceid", "xray.traceid", "traceid"]
        static let requestTime: [StaticString] = ["requesttime", "requesttimeepoch", "timestamp", "time"]
        static let apiID: [StaticString] = ["apiid", "api.id"]
        static let stage: [StaticString] = ["stage"]
        static let httpMethod: [StaticString] = ["httpmethod", "http.method", "method"]
        static let resourcePath: [StaticString] = ["resourcepath", "resource.path"]
        static let routeKey: [StaticString] = ["routekey", "route.key"]
    }
}
