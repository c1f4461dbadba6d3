/// What one captured response proves: the single place where a status, body, `x-amzn-ErrorType`,
/// API type and response time become a finding, an undetermined failure or nothing, for every
/// capture format (curl, httpie, wget, HAR, Postman/Newman).
///
/// - A finding only where the response itself names the cause (domain reference §1.1, §2.13):
///   `x-amzn-ErrorType: AuthorizerConfigurationException`, `{"message":null}` on a REST 500, the
///   bodies `Endpoint request timed out` and `Network error communicating with endpoint`, a REST
///   503 (always the backend's, §2.12), a REST 504 after about 29 s, an HTTP API 503 after about
///   30 s, and a 200 whose body is a Lambda error object (a non-proxy integration).
/// - Any other 5xx is an `UndeterminedFailure` with what the response does show as clues; the
///   join with a log for the same request ids may settle it.
/// - `statusFact` is the status the response answers the wizard's status question with: every
///   5xx, 429 and 403 from API Gateway, and 200 when the body is a Lambda error.
struct ResponseProof {
    enum Outcome {
        case proven(RequestDiagnosis)
        case undetermined(UndeterminedFailure)
        /// Not a failure this tool diagnoses (2xx, 3xx, most 4xx).
        case none
    }

    let response: CapturedResponse
    let body: ResponseBody

    /// The REST default integration timeout is 29 s; a REST 504 this slow is the timeout firing.
    static let restTimeoutMilliseconds = 28_500.0
    /// HTTP APIs time out at 30 s at most and answer 503.
    static let httpTimeoutMilliseconds = 29_500.0

    init(_ response: CapturedResponse) {
        self.response = response
        body = ResponseBody(response.body)
    }

    /// Whether the response came through API Gateway: an `execute-api` host or one of its headers.
    var isAPIGateway: Bool {
        if let host = response.host, host.contains(".execute-api.") { return true }
        return Self.gatewayHeaders.contains { response.header($0) != nil }
    }

    static let gatewayHeaders = ["x-amzn-requestid", "x-amz-apigw-id", "apigw-requestid", "x-amzn-errortype"]

    /// `http` when the response carries `apigw-requestid` (HTTP APIs); `rest` for `x-amzn-RequestId`,
    /// `x-amz-apigw-id` or `x-amzn-ErrorType`; else from the body's spelling (`Internal Server Error`
    /// is the HTTP API's, `Internal server error` REST's).
    var apiType: String? {
        if response.header("apigw-requestid") != nil { return "http" }
        if response.header("x-amz-apigw-id") != nil || response.header("x-amzn-errortype") != nil
            || response.header("x-amzn-requestid") != nil
        {
            return "rest"
        }
        if body.message == "Internal Server Error" || body.message == "Service Unavailable" { return "http" }
        if body.message == "Internal server error" { return "rest" }
        return nil
    }

    /// The error type without the `:http://internal.amazon.com/…` suffix some responses carry.
    var errorType: String? {
        response.header("x-amzn-errortype").map { String($0.value.prefix { $0 != ":" }) }
    }

    var outcome: Outcome {
        if response.status == 200, let lambda = body.lambdaError, lambda.isCertain {
            return .proven(diagnosis(cause: lambda.cause, confidence: .medium, lead: [response.bodyLine], detail: lambda.type))
        }
        guard response.status >= 500 else { return .none }
        if let timed = timedOut { return .proven(timed) }
        let signature = ClientSignature(
            status: response.status, apiType: apiType, message: body.message, messageIsNull: body.messageIsNull,
            errorType: errorType)
        // The signature table may also guess from a bare status (`low`): that is not proof. Nor is an
        // HTTP API's 503 without its time: the integration timeout and the backend's own 503 look
        // alike (§15), and only the ~30 s tells them apart (`timedOut`).
        let isHTTP503 = response.status == 503 && apiType == "http"
        if let guess = signature.guess(), guess.confidence >= .medium, !isHTTP503 {
            var lead: [EvidenceLine?] = []
            if guess.cause == "authorizer-error" { lead.append(response.header("x-amzn-errortype")?.line) }
            if ["integration-timeout", "backend-network-error"].contains(guess.cause) {
                lead.append(response.bodyLine)
            }
            return .proven(diagnosis(cause: guess.cause, confidence: guess.confidence, lead: lead, detail: guess.detail))
        }
        return .undetermined(
            UndeterminedFailure(
                status: response.status, apiType: apiType, evidence: evidence(lead: [response.elapsedLine]),
                request: requestKeys, clues: clues))
    }

    /// A 504 (REST) or 503 (HTTP API) that took as long as the integration timeout.
    private var timedOut: RequestDiagnosis? {
        guard let elapsed = response.elapsedMilliseconds else { return nil }
        let seconds = TimeText.seconds(elapsed)
        switch (response.status, apiType) {
        case (504, "rest"), (504, nil):
            guard elapsed >= Self.restTimeoutMilliseconds else { return nil }
            let bodySays = body.message?.lowercased().contains("endpoint request timed out") == true
            return diagnosis(
                cause: "integration-timeout", confidence: bodySays ? .high : .medium,
                lead: bodySays ? [response.bodyLine, response.elapsedLine] : [response.elapsedLine],
                detail: "answered after \(seconds), the REST integration timeout (29 s by default)")
        case (503, "http"):
            guard elapsed >= Self.httpTimeoutMilliseconds else { return nil }
            return diagnosis(
                cause: "integration-timeout", confidence: .high, lead: [response.elapsedLine],
                detail: "an HTTP API answered 503 after \(seconds): its 30 s integration timeout")
        default:
            return nil
        }
    }

    private func diagnosis(cause: String, confidence: Confidence, lead: [EvidenceLine?], detail: String?) -> RequestDiagnosis {
        RequestDiagnosis(
            cause: cause, confidence: confidence, status: response.status, evidence: evidence(lead: lead),
            facts: facts(), detail: detail)
    }

    /// The lines that show the response, most telling first, without repeats.
    private func evidence(lead: [EvidenceLine?]) -> [EvidenceLine] {
        var lines = lead.compactMap { $0 }
        lines.append(response.statusLine)
        if let errorType = response.header("x-amzn-errortype") { lines.append(errorType.line) }
        if let bodyLine = response.bodyLine { lines.append(bodyLine) }
        if let elapsed = response.elapsedLine { lines.append(elapsed) }
        var unique: [EvidenceLine] = []
        for line in lines where !unique.contains(line) { unique.append(line) }
        return Array(unique.prefix(ExecutionFailureClassifier.maxEvidence + 1))
    }

    /// What the response shows that narrows the causes, in the project's words.
    var clues: [String] {
        var clues: [String] = []
        if let type = apiType {
            clues.append(type == "http" ? "an HTTP API (apigw-requestid header)" : "a REST API (x-amzn-RequestId / x-amz-apigw-id header)")
        }
        if body.messageIsNull {
            clues.append("the body is {\"message\":null}")
        } else if let message = body.message {
            clues.append("the body says \"\(EvidenceText.quote(message, limit: 120))\"")
        }
        if let errorType { clues.append("x-amzn-ErrorType: \(errorType)") }
        if let elapsed = response.elapsedMilliseconds { clues.append("answered after \(TimeText.seconds(elapsed))") }
        if let method = response.method, let path = response.path { clues.append("request \(method) \(path)") }
        return clues
    }

    /// The status this response answers the status question with (see the type's summary).
    var statusFact: Int? {
        if response.status >= 500 { return response.status }
        if response.status == 200, body.lambdaError?.isCertain == true { return 200 }
        if [403, 429].contains(response.status), isAPIGateway { return response.status }
        return nil
    }

    // MARK: - Ids and facts

    /// The ids that follow this request into logs: request ids, trace id, time, route.
    var requestKeys: RequestKeys? {
        var keys = RequestKeys()
        if let id = (response.header("x-amzn-requestid") ?? response.header("apigw-requestid"))?.value,
            AWSIdentifiers.isRequestID(id[...])
        {
            keys.apiGatewayRequestId = id
        }
        if let id = response.header("x-amz-apigw-id")?.value, AWSIdentifiers.isRequestID(id[...]) {
            keys.extendedRequestId = id
        }
        if let trace = response.header("x-amzn-trace-id")?.value { keys.traceId = Self.traceRoot(trace) }
        keys.time = response.startedAt ?? response.header("date").flatMap { TimeText.iso8601(httpDate: $0.value) }
        if let method = response.method, AWSIdentifiers.isHTTPMethod(method[...]), let path = resourcePath {
            keys.route = "\(method) \(path)"
        }
        return keys.isEmpty ? nil : keys
    }

    /// `Root=1-6932a1b7-0d9f…;Sampled=0` → `1-6932a1b7-0d9f…` (lower case), the part every file shares.
    static func traceRoot(_ header: String) -> String? {
        let lower = header.lowercased()
        let start = lower.range(of: "root=").map(\.upperBound) ?? lower.startIndex
        let root = lower[start...].prefix { $0 != ";" && !$0.isWhitespace }
        let parts = root.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "1", parts[1].count == 8, parts[2].count == 24,
            parts.dropFirst().allSatisfy({ $0.allSatisfy(\.isHexDigit) })
        else { return nil }
        return String(root)
    }

    /// The stage, when the path of a REST call on an `execute-api` host starts with one.
    private var stage: String? {
        guard apiType != "http", executeAPI != nil, let path = response.path else { return nil }
        guard let first = path.split(separator: "/").first, AWSIdentifiers.isStage(first) else { return nil }
        return String(first)
    }

    /// The path below the stage for a REST call on an `execute-api` host, else the whole path.
    private var resourcePath: String? {
        guard let path = response.path else { return nil }
        guard let stage else { return path }
        let rest = path.dropFirst(stage.count + 1)
        return rest.isEmpty ? "/" : String(rest)
    }

    private var executeAPI: (apiID: String, region: String)? {
        guard let host = response.host else { return nil }
        let bytes = Array(host.utf8)
        return bytes.withUnsafeBufferPointer { AWSIdentifiers.executeAPIHost(in: $0) }
    }

    /// api_type, api_id and region (from an `execute-api` host), stage and resource path (from the
    /// path of a REST call, `/STAGE/RESOURCE`), method and the request id. Header values other than
    /// the ids (never `Authorization` or `Cookie`) do not become facts.
    func facts() -> [String: String] {
        var facts: [String: String] = [:]
        if let type = apiType { facts["api_type"] = type }
        if let api = executeAPI {
            facts["api_id"] = api.apiID
            facts["region"] = api.region
            if let stage {
                facts["stage"] = stage
                facts["resource_path"] = resourcePath
            }
        }
        if let method = response.method, AWSIdentifiers.isHTTPMethod(method[...]) { facts["http_method"] = method }
        if let id = requestKeys?.apiGatewayRequestId { facts["request_id"] = id }
        return facts
    }
}
