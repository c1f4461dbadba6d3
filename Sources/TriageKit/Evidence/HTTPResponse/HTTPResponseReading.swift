/// What one HTTP response from API Gateway says: API type, body message, error type, ids, and the
/// cause its client-visible signature suggests (domain reference §1.1, §1.2).
struct HTTPResponseReading {
    let response: HTTPTranscript.Response

    /// `http` when the response carries `apigw-requestid` (HTTP APIs); `rest` for REST's
    /// `x-amzn-RequestId`, `x-amz-apigw-id` or `x-amzn-ErrorType`; else from the body's spelling
    /// (`Internal Server Error` is the HTTP API's, `Internal server error` REST's).
    var apiType: String? {
        if response.header("apigw-requestid") != nil { return "http" }
        if response.header("x-amz-apigw-id") != nil || response.header("x-amzn-errortype") != nil
            || response.header("x-amzn-requestid") != nil
        {
            return "rest"
        }
        if message == "Internal Server Error" || message == "Service Unavailable" { return "http" }
        if message == "Internal server error" { return "rest" }
        return nil
    }

    /// The body's `message` (or `Message`) when it is JSON, else the body's first line.
    var message: String? { bodyMessage.text }

    private var bodyMessage: (text: String?, isNull: Bool, line: HTTPTranscript.Line?) {
        guard let first = response.body.first else { return (nil, false, nil) }
        let joined = response.body.map(\.text).joined(separator: " ")
        var json = FlatJSONLine()
        let bytes = Array(joined.utf8)
        return bytes.withUnsafeBufferPointer { text in
            guard json.parse(text), let field = json.field(["message"]) else {
                return (EvidenceText.quote(first.text), false, first)
            }
            let value = FlatJSONLine.text(of: field, in: text)
            let isNull = !field.isString && text.text(field.value) == "null"
            let line = response.body.first { $0.text.contains("essage") } ?? first
            return (value, isNull, line)
        }
    }

    func diagnosis(path: String) -> RequestDiagnosis? {
        guard response.status >= 500 else { return nil }
        let errorType = response.header("x-amzn-errortype")
        let body = bodyMessage
        let signature = ClientSignature(
            status: response.status, apiType: apiType, message: body.text, messageIsNull: body.isNull,
            errorType: errorType.map { String($0.value.prefix { $0 != ":" }) })
        guard let guess = signature.guess() else { return nil }
        // Most telling first: the error type for an authorizer, the body when it names the cause.
        var lines: [HTTPTranscript.Line] = []
        if guess.cause == "authorizer-error", let errorType { lines.append(errorType.line) }
        if let line = body.line, ["integration-timeout", "backend-network-error"].contains(guess.cause) { lines.append(line) }
        lines.append(response.statusLine)
        if let errorType { lines.append(errorType.line) }
        if let line = body.line { lines.append(line) }
        var unique: [HTTPTranscript.Line] = []
        for line in lines where !unique.contains(line) { unique.append(line) }
        return RequestDiagnosis(
            cause: guess.cause, confidence: guess.confidence, status: response.status,
            evidence: unique.prefix(ExecutionFailureClassifier.maxEvidence).map {
                EvidenceLine(file: path, line: $0.number, text: EvidenceText.quote($0.text))
            },
            facts: facts(), detail: guess.detail, request: requestKeys)
    }

    /// A 5xx whose answer proves no cause: the status line, the error type and the body, with the
    /// response's ids so the join can find the request in a log.
    func undetermined(path: String) -> UndeterminedFailure? {
        guard response.status >= 500 else { return nil }
        let body = bodyMessage
        let errorType = response.header("x-amzn-errortype")
        let signature = ClientSignature(
            status: response.status, apiType: apiType, message: body.text, messageIsNull: body.isNull,
            errorType: errorType.map { String($0.value.prefix { $0 != ":" }) })
        let lines = [response.statusLine, errorType?.line, body.line].compactMap { $0 }
        return UndeterminedFailure(
            status: response.status, apiType: apiType,
            evidence: lines.map { EvidenceLine(file: path, line: $0.number, text: EvidenceText.quote($0.text)) },
            request: requestKeys, clues: signature.clues())
    }

    /// `x-amzn-RequestId` / `apigw-requestid`, `x-amz-apigw-id`, `X-Amzn-Trace-Id`, `Date`, and the
    /// method and path of the call (for REST, without the stage).
    var requestKeys: RequestKeys? {
        var keys = RequestKeys()
        if let id = response.header("apigw-requestid") ?? response.header("x-amzn-requestid"), AWSIdentifiers.isRequestID(id.value[...]) {
            keys.apiGatewayRequestId = id.value
        }
        if let id = response.header("x-amz-apigw-id"), AWSIdentifiers.isRequestID(id.value[...]) { keys.extendedRequestId = id.value }
        keys.traceId = response.header("x-amzn-trace-id").flatMap { TraceIdentifier.root(in: $0.value) }
        keys.time = response.header("date").flatMap { RequestTime.normalized($0.value) }
        if let method = response.method, AWSIdentifiers.isHTTPMethod(method[...]), let path = response.path {
            let bare = String(path.prefix { $0 != "?" })
            let facts = facts()
            keys.route = "\(method) \(apiType == "http" ? bare : facts["resource_path"] ?? bare)"
        }
        return keys.isEmpty ? nil : keys
    }

    /// api_type, api_id and region (from an `execute-api` host), stage and resource path (from the
    /// path of a REST call, `/STAGE/RESOURCE`), method and the request id.
    func facts() -> [String: String] {
        var facts: [String: String] = [:]
        let type = apiType
        if let type { facts["api_type"] = type }
        if let host = response.host {
            let bytes = Array(host.utf8)
            if let api = bytes.withUnsafeBufferPointer({ AWSIdentifiers.executeAPIHost(in: $0) }) {
                facts["api_id"] = api.apiID
                facts["region"] = api.region
                if type != "http", let path = response.path {
                    let segments = path.split(separator: "/", maxSplits: 1)
                    if let stage = segments.first, AWSIdentifiers.isStage(stage) { facts["stage"] = String(stage) }
                    facts["resource_path"] = segments.count > 1 ? "/" + segments[1] : "/"
                }
            }
        }
        if let method = response.method, AWSIdentifiers.isHTTPMethod(method[...]) { facts["http_method"] = method }
        let id = response.header("apigw-requestid") ?? response.header("x-amzn-requestid")
        if let id, AWSIdentifiers.isRequestID(id.value[...]) { facts["request_id"] = id.value }
        return facts
    }
}
