/// The ids of one execution-log request, for joining it with other files (`RequestKeys`).
///
/// - The request id in the line prefix is API Gateway's (a console test's `test-request` is none);
///   `Extended Request Id:` gives the extended one.
/// - The Lambda request id: `Lambda request id:` on a failure line, or `x-amzn-RequestId=` in
///   Lambda's response headers (`ExecutionLogFacts.lambdaRequestID`).
/// - The trace id: `X-Amzn-Trace-Id=Root=…` in the endpoint request or response headers.
/// - The time: SigV4's `X-Amz-Date=` in the endpoint request headers, Lambda's `Date=` in the
///   response headers, or the timestamp an export put in front of the first line.
/// - The route: the template the usage-plan check names, or `HTTP Method: GET, Resource Path: /x`
///   with the path parameters put back (`ExecutionLogRouteTemplate`), else the source ARN's method and path.
///
/// `AWS Integration Endpoint RequestId` and `X-ray Tracing ID` are logged after `Method completed`,
/// when the request is already closed; the same ids are read from the lines above instead.
enum ExecutionLogRequestKeys {
    static func keys(of request: RequestLines) -> RequestKeys? {
        var keys = RequestKeys()
        if request.requestID != "test-request", AWSIdentifiers.isRequestID(request.requestID[...]) {
            keys.apiGatewayRequestId = request.requestID
        }
        keys.lambdaRequestId = ExecutionLogFacts.lambdaRequestID(request)
        if let line = request.message(startingWith: "Extended Request Id:"),
            let id = AWSIdentifiers.value(after: "Extended Request Id: ", in: request.lines[line].message), AWSIdentifiers.isRequestID(id[...])
        {
            keys.extendedRequestId = id
        }
        for line in request.lines where !line.isContinuation {
            if keys.traceId == nil, let at = line.message.firstOffset(of: "Trace-Id=") {
                keys.traceId = TraceIdentifier.root(in: line.message.text(at + 9..<min(line.message.count, at + 80)))
            }
        }
        keys.time = time(of: request)
        keys.route = route(of: request)
        return keys.isEmpty ? nil : keys
    }

    private static func time(of request: RequestLines) -> String? {
        if let headers = request.message(startingWith: "Endpoint request headers:"),
            let date = AWSIdentifiers.value(after: "X-Amz-Date=", in: request.lines[headers].message),
            let time = RequestTime.normalized(date)
        {
            return time
        }
        if let headers = request.message(startingWith: "Endpoint response headers:") {
            let text = request.lines[headers].message
            if let start = text.firstOffset(of: "Date="), let comma = text.firstOffset(of: UInt8(ascii: ","), in: start + 5..<text.count),
                let time = RequestTime.normalized(text.text(start + 5..<min(text.count, comma + 26)))
            {
                return time
            }
        }
        // An export's timestamp in front of the line: `2026-01-10T11:04:45.123Z (id) message`.
        guard let first = request.lines.first, first.text.count > 20, first.text[0].isASCIIDigit else { return nil }
        let prefix = first.text.text(0..<min(first.text.count, 40)).prefix { $0 != " " && $0 != "\t" }
        return RequestTime.normalized(String(prefix))
    }

    private static func route(of request: RequestLines) -> String? {
        if let line = request.message(startingWith: "API Key "), let route = ExecutionLogRouteTemplate.stated(in: request.lines[line].message) {
            return route
        }
        if let line = request.message(startingWith: "HTTP Method:") {
            let text = request.lines[line].message
            if let method = AWSIdentifiers.value(after: "HTTP Method: ", in: text), AWSIdentifiers.isHTTPMethod(method[...]),
                let path = AWSIdentifiers.value(after: "Resource Path: ", in: text), path.hasPrefix("/")
            {
                let parameters = request.message(startingWith: "Method request path: ").map {
                    ExecutionLogRouteTemplate.parameters(in: request.lines[$0].message)
                }
                return "\(method) \(parameters.flatMap { ExecutionLogRouteTemplate.template(of: path, parameters: $0) } ?? path)"
            }
        }
        if let headers = request.message(startingWith: "Endpoint request headers:"),
            let arn = AWSIdentifiers.executeAPIArn(in: request.lines[headers].message), let method = arn.method, let path = arn.path
        {
            return "\(method) \(path)"
        }
        return nil
    }
}
