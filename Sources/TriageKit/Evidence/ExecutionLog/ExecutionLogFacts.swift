/// The facts one request's execution-log lines state (keys from `Content/facts.yaml`).
///
/// - `X-Amz-Source-Arn=arn:aws:execute-api:REGION:ACCOUNT:APIID/STAGE/METHOD/PATH` in the endpoint
///   request headers gives the API, stage, method and resource path (§2.6). A console or CLI test
///   call has the stage `test-invoke-stage` (`null` in older logs), which is not the real stage:
///   it is left out.
/// - `HTTP Method: GET, Resource Path: /echo` gives method and path when the ARN is missing.
/// - The Lambda ARN in `Endpoint request URI:` / `Sending request to` gives the function; any other
///   URI is an HTTP backend.
/// - The API's Region wins over the function's when both are known (they differ across Regions).
enum ExecutionLogFacts {
    static func facts(of request: RequestLines) -> [String: String] {
        var facts: [String: String] = ["api_type": "rest"]
        func set(_ key: String, _ value: String?) {
            if let value, !value.isEmpty, facts[key] == nil { facts[key] = value }
        }
        // A console test's `test-request` is no id to search the logs for.
        if request.requestID != "test-request", AWSIdentifiers.isRequestID(request.requestID[...]) {
            set("request_id", request.requestID)
        }

        if let headers = request.message(startingWith: "Endpoint request headers:") {
            let text = request.lines[headers].message
            if let arn = AWSIdentifiers.executeAPIArn(in: text) {
                set("api_id", arn.apiID)
                set("region", arn.region)
                set("account_id", arn.account)
                if let stage = arn.stage, !Self.testInvokeStages.contains(stage), AWSIdentifiers.isStage(stage[...]) {
                    set("stage", stage)
                }
                set("http_method", arn.method)
                set("resource_path", arn.path)
            }
            if let api = AWSIdentifiers.value(after: "x-amzn-apigateway-api-id=", in: text), AWSIdentifiers.isAPIID(api[...]) {
                set("api_id", api)
            }
        }
        if let line = request.message(startingWith: "HTTP Method:") {
            let text = request.lines[line].message
            if let method = AWSIdentifiers.value(after: "HTTP Method: ", in: text), AWSIdentifiers.isHTTPMethod(method[...]) {
                set("http_method", method)
            }
            if let path = AWSIdentifiers.value(after: "Resource Path: ", in: text), path.hasPrefix("/") { set("resource_path", path) }
        }
        endpointFacts(request, set)
        lambdaRequestID(request).map { set("lambda_request_id", $0) }
        if let line = request.first(.assumeRoleDenied), let role = AWSIdentifiers.roleArn(in: request.lines[line].message) {
            set("role_arn", role.arn)
            set("role_name", role.name)
        }
        if let line = request.message(startingWith: "Starting authorizer: "),
            let id = AWSIdentifiers.value(after: "Starting authorizer: ", in: request.lines[line].message),
            (6...10).contains(id.count), id.utf8.allSatisfy({ $0.isASCIIDigit || ($0 >= 0x61 && $0 <= 0x7A) })
        {
            set("authorizer_id", id)
        }
        return facts
    }

    /// The stage names a test invoke puts in `X-Amz-Source-Arn`: not a deployed stage.
    static let testInvokeStages: Set<String> = ["null", "test-invoke-stage"]

    private static func endpointFacts(_ request: RequestLines, _ set: (String, String?) -> Void) {
        guard let line = request.message(startingWith: "Endpoint request URI:") ?? request.message(startingWith: "Sending request to")
        else { return }
        let text = request.lines[line].message
        if let arn = AWSIdentifiers.lambdaArn(in: text) {
            set("function_name", arn.functionName)
            set("stage_variable", arn.stageVariable)
            set("region", arn.region)
            set("account_id", arn.account)
            return
        }
        let start = text.firstOffset(of: "https://") ?? text.firstOffset(of: "http://")
        guard let start else { return }
        let url = text.text(start..<text.count).prefix { !$0.isWhitespace }
        set("backend_url", String(url))
        let host = url.drop { $0 != "/" }.dropFirst(2).prefix { $0 != "/" && $0 != "?" }
        if !host.isEmpty { set("backend_host", String(host)) }
    }

    /// `Lambda request id: X` on a failure line, or `x-amzn-RequestId=X` in Lambda's response headers.
    static func lambdaRequestID(_ request: RequestLines) -> String? {
        for line in request.lines where !line.isContinuation {
            if let value = AWSIdentifiers.value(after: ExecutionLogCatalogue.lambdaRequestID, in: line.message),
                case let id = value.hasSuffix(".") ? String(value.dropLast()) : value,
                AWSIdentifiers.isLambdaRequestID(id[...])
            {
                return id
            }
        }
        guard let headers = request.message(startingWith: "Endpoint response headers:"),
            let uri = request.message(startingWith: "Endpoint request URI:") ?? request.message(startingWith: "Sending request to"),
            request.lines[uri].message.firstOffset(of: "arn:aws:lambda:") != nil,
            let id = AWSIdentifiers.value(after: "x-amzn-RequestId=", in: request.lines[headers].message),
            AWSIdentifiers.isLambdaRequestID(id[...])
        else { return nil }
        return id
    }
}
