/// Reads one access-log entry that ended in a 5xx into a cause, with the §4.4 matrix of the domain
/// reference.
///
/// - An integration error message is read with the execution-log catalogue (the same
///   `Execution failed …` texts), so it names the cause at `high` confidence.
/// - Without one, the statuses decide: the Lambda service's 429 is a throttle; a function that
///   answered 5xx itself (integrationStatus 200, integration.status 5xx) is the application; a
///   latency at the timeout is a timeout. These are inferred, so `medium`.
/// - With only the client status, the §1.1 signatures give a `low` guess (`ClientSignature`).
enum AccessLogInterpreter {
    /// The REST default integration timeout is 29 s; HTTP APIs allow at most 30 s (§7). A latency
    /// this close to it is the timeout; one community source says timeouts log -1.
    static let timeoutLatency = 28_500

    static func diagnose(_ entry: AccessLogEntry, path: String, line: Int, text: String) -> RequestDiagnosis? {
        guard let status = entry.status, status >= 500, let guess = guess(entry, status: status) else { return nil }
        var facts: [String: String] = [:]
        if let type = entry.apiType { facts["api_type"] = type }
        if let id = entry.requestID, AWSIdentifiers.isRequestID(id[...]) { facts["request_id"] = id }
        if let id = entry.lambdaRequestID, AWSIdentifiers.isLambdaRequestID(id[...]) { facts["lambda_request_id"] = id }
        if let api = entry.apiID, AWSIdentifiers.isAPIID(api[...]) { facts["api_id"] = api }
        if let stage = entry.stage, AWSIdentifiers.isStage(stage[...]) { facts["stage"] = stage }
        if let method = entry.httpMethod, AWSIdentifiers.isHTTPMethod(method[...]) { facts["http_method"] = method }
        if let path = entry.resourcePath, path.hasPrefix("/") { facts["resource_path"] = path }
        if let route = entry.routeKey, !route.isEmpty {
            facts["route_key"] = route
            if let space = route.firstIndex(of: " ") { facts["resource_path"] = String(route[route.index(after: space)...]) }
        }
        return RequestDiagnosis(
            cause: guess.cause, confidence: guess.confidence, status: status,
            evidence: [EvidenceLine(file: path, line: line, text: EvidenceText.quote(text, limit: EvidenceText.maxRecordCharacters))], facts: facts,
            detail: guess.detail, request: entry.requestKeys)
    }

    /// The cause a failed entry shows, without its evidence and facts (for counting the
    /// failures after a cause's example is kept).
    static func guess(_ entry: AccessLogEntry) -> ClientSignature.Guess? {
        guard let status = entry.status, status >= 500 else { return nil }
        return guess(entry, status: status)
    }

    /// `guess(_:)`, with its message and client-signature steps answered through `cache` (the same
    /// answers, remembered).
    static func guess(_ entry: AccessLogEntry, cache: inout AccessLogGuessCache) -> ClientSignature.Guess? {
        guard let status = entry.status, status >= 500 else { return nil }
        return guess(entry, status: status, cache: &cache)
    }

    private static func guess(_ entry: AccessLogEntry, status: Int) -> ClientSignature.Guess? {
        var once = AccessLogGuessCache()
        return guess(entry, status: status, cache: &once)
    }

    private static func guess(_ entry: AccessLogEntry, status: Int, cache: inout AccessLogGuessCache) -> ClientSignature.Guess? {
        if let authorizer = authorizerGuess(entry, status: status) { return authorizer }
        if entry.integrationStatus == 429 {
            // §4.4: Lambda's 429; REST logs `Rate Exceeded.` as the integration error.
            let stated = entry.integrationError?.contains("Rate Exceeded") == true
            return .init(cause: "backend-throttling", confidence: stated ? .high : .medium, detail: "Lambda answered 429")
        }
        if let message = entry.integrationError, let fromMessage = cache.guess(message: message, messageGuess) { return fromMessage }
        if entry.integrationStatus == 200, let answered = entry.integrationResponseStatus, answered >= 500 {
            return answered == 503
                ? .init(cause: "backend-unavailable", confidence: .medium, detail: "the function returned statusCode 503 itself")
                : .init(cause: "lambda-function-error", confidence: .medium, detail: "the function returned statusCode \(answered) itself")
        }
        if entry.errorType == "INTEGRATION_TIMEOUT" {
            return .init(cause: "integration-timeout", confidence: .high, detail: nil)
        }
        if status == 504 || (status == 503 && entry.apiType == "http"), let latency = entry.integrationLatency,
            latency >= timeoutLatency || latency == -1
        {
            return .init(cause: "integration-timeout", confidence: .medium, detail: "integration latency \(latency) ms")
        }
        if entry.errorType == "INTEGRATION_FAILURE", status == 504 {
            return .init(cause: "backend-network-error", confidence: .medium, detail: "gateway response INTEGRATION_FAILURE")
        }
        if status == 503, entry.integrationStatus == 503 || entry.integrationResponseStatus == 503 {
            return .init(cause: "backend-unavailable", confidence: .medium, detail: "the backend answered 503")
        }
        return cache.guess(ClientSignature(status: status, apiType: entry.apiType, message: entry.errorMessage, errorType: nil))
    }

    /// A 5xx no field explains: the status, what the entry does show, and the causes it narrows to.
    static func undetermined(_ entry: AccessLogEntry, path: String, line: Int, text: String) -> UndeterminedFailure? {
        guard let status = entry.status, status >= 500 else { return nil }
        var clues: [String] = []
        if let integration = entry.integrationStatus { clues.append("integrationStatus \(integration)") }
        if let latency = entry.integrationLatency { clues.append("integration latency \(latency) ms") }
        if let message = entry.errorMessage, !message.isEmpty, message != "-" { clues.append("error message \"\(EvidenceText.quote(message))\"") }
        return UndeterminedFailure(
            status: status, apiType: entry.apiType,
            evidence: [EvidenceLine(file: path, line: line, text: EvidenceText.quote(text, limit: EvidenceText.maxRecordCharacters))],
            request: entry.requestKeys, clues: clues, candidates: candidates(entry, status: status))
    }

    /// The causes the entry narrows an unexplained failure to; empty when it does not narrow them.
    static func candidates(_ entry: AccessLogEntry, status: Int) -> [String] {
        // Lambda's service answered 200, so the function ran: the failure is in what it did or returned.
        entry.integrationStatus == 200 && status == 502 ? lambdaSide : []
    }

    /// The causes of a 502 once Lambda is known to have run the function (§4.4, §15).
    static let lambdaSide = ["lambda-function-error", "lambda-timeout", "lambda-response-format", "lambda-response-too-large"]

    private static func authorizerGuess(_ entry: AccessLogEntry, status: Int) -> ClientSignature.Guess? {
        if let type = entry.errorType, type.hasPrefix("AUTHORIZER_") {
            return .init(cause: "authorizer-error", confidence: .high, detail: "gateway response \(type)")
        }
        if let error = entry.authorizerError {
            return .init(cause: "authorizer-error", confidence: .medium, detail: EvidenceText.quote(error))
        }
        if status == 500, entry.authorizeError != nil {
            return .init(cause: "authorizer-error", confidence: .low, detail: "the authorization phase logged an error")
        }
        return nil
    }

    /// An integration error message: the execution-log catalogue first, then the HTTP API texts.
    private static func messageGuess(_ message: String) -> ClientSignature.Guess? {
        var bytes = Array(message.utf8)
        let fromCatalogue = bytes.withUnsafeBufferPointer { text in
            ExecutionFailureClassifier.classify(
                RequestLines(path: "", requestID: "", status: nil, lines: [(number: 0, text: text, message: 0)]))
        }
        if let fromCatalogue { return .init(cause: fromCatalogue.cause, confidence: fromCatalogue.confidence, detail: fromCatalogue.detail) }
        bytes = Array(message.lowercased().utf8)
        return bytes.withUnsafeBufferPointer { text in
            if text.firstOffset(of: "doesn't have permissions to call the integration") != nil {
                return .init(
                    cause: "lambda-invoke-permission", confidence: .medium,
                    detail: "HTTP API IAM-role message; on a role in credentials, see integration-role too")
            }
            if text.firstOffset(of: "invalid permissions") != nil {
                return .init(cause: "lambda-invoke-permission", confidence: .high, detail: nil)
            }
            if text.firstOffset(of: "timed out") != nil || text.firstOffset(of: "timeout") != nil {
                return .init(cause: "integration-timeout", confidence: .medium, detail: nil)
            }
            return nil
        }
    }
}
