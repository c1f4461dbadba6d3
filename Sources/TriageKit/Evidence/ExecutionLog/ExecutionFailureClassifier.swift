/// Names the cause of one failed request from its execution-log lines (domain reference §3.3,
/// with the §15 disambiguation notes).
///
/// - Rules run most specific first; the first that holds decides. A role or authorizer failure
///   comes before the permission line that often precedes it; an old-style throttle (Lambda's 429
///   body seen as a malformed proxy response) before "malformed".
/// - `high` confidence only when a line states the cause; `medium` or `low` when it is inferred
///   (an internal error without a VPC link in sight, a function that returned 5xx itself).
/// - Returns nil when no line explains the failure (e.g. an ERROR-level log without the cause, or
///   a backend that answered 500 on its own); the caller reports those apart.
enum ExecutionFailureClassifier {
    private typealias Catalogue = ExecutionLogCatalogue

    /// One decision: the cause, how sure, the telling line and the lines that back it.
    private struct Verdict {
        var cause: String
        var confidence: Confidence
        var telling: Int?
        var supporting: [Int?] = []
        var detail: String? = nil
        /// The status the client gets for this cause when the log does not say (§3.3).
        var usualStatus: Int = 500
    }

    /// The request's cause, or nil when no line explains it.
    ///
    /// `wantsExample` says whether the caller will keep this request as its cause's example; when it
    /// will not, the quotes and facts (the costly part, on a log with many failures) are skipped.
    static func classify(
        _ request: RequestLines, wantsExample: (_ cause: String, _ confidence: Confidence) -> Bool = { _, _ in true }
    ) -> RequestDiagnosis? {
        guard let verdict = verdict(for: request) else { return nil }
        var diagnosis = RequestDiagnosis(
            cause: verdict.cause, confidence: verdict.confidence, status: request.status ?? verdict.usualStatus,
            evidence: [], facts: [:], detail: verdict.detail)
        guard wantsExample(verdict.cause, verdict.confidence) else { return diagnosis }
        var indices: [Int] = []
        for index in [verdict.telling] + verdict.supporting + [request.message(startingWith: "Method completed with status:")] {
            if let index, !indices.contains(index) { indices.append(index) }
        }
        diagnosis.evidence = indices.prefix(maxEvidence).map(request.evidence)
        diagnosis.facts = ExecutionLogFacts.facts(of: request)
        diagnosis.request = ExecutionLogRequestKeys.keys(of: request)
        if verdict.cause == "stage-variable-permission" || verdict.cause == "invalid-endpoint" {
            diagnosis.facts["function_name"] = nil  // the name the variable resolved to is the unknown
        }
        if verdict.cause == "authorizer-error", request.first(.invalidPermissions) != nil {
            // The permission line before "Authorizer error" answers the tree's follow-up question.
            diagnosis.facts["authorizer_failure"] = "perm"
        }
        return diagnosis
    }

    static let maxEvidence = 3

    private static func verdict(for request: RequestLines) -> Verdict? {
        let context = Context(request)
        return configurationVerdict(request, context) ?? lambdaVerdict(request, context)
            ?? integrationVerdict(request, context) ?? backendAnswerVerdict(request, context)
    }

    /// Roles, authorizers and permissions: API Gateway could not call what it should.
    private static func configurationVerdict(_ request: RequestLines, _ context: Context) -> Verdict? {
        if let role = request.first(.assumeRoleDenied) {
            return Verdict(
                cause: "integration-role", confidence: .high, telling: role,
                supporting: [request.first(.authorizerError), request.message(startingWith: "Gateway response type:")])
        }
        let permission = request.first(.invalidPermissions)
        if let authorizer = request.first(.authorizerError) ?? request.first(.authorizerGatewayResponse) {
            let confidence: Confidence = request.lines[authorizer].signal == .authorizerError ? .high : .medium
            return Verdict(
                cause: "authorizer-error", confidence: confidence, telling: authorizer,
                supporting: [permission, request.first(.authorizerGatewayResponse)],
                detail: permission != nil ? "the authorizer function lacks the invoke permission" : nil)
        }
        if let permission {
            if context.usesStageVariable {
                return Verdict(cause: "stage-variable-permission", confidence: .high, telling: permission, supporting: [context.endpoint])
            }
            // Console tests call with the stage `test-invoke-stage` (`null` before about 2018).
            let consoleStage = request.anyLine(containing: "/test-invoke-stage/") != nil
                ? "test-invoke-stage" : request.anyLine(containing: "/null/") != nil ? "null" : nil
            return Verdict(
                cause: "lambda-invoke-permission", confidence: .high, telling: permission,
                detail: consoleStage.map { "the call came from the console test (stage \($0))" })
        }
        return nil
    }

    /// The Lambda service and the function: invocation failures, throttles, function errors, output.
    private static func lambdaVerdict(_ request: RequestLines, _ context: Context) -> Verdict? {
        if let invocation = request.first(where: { if case .invocationFailed = $0 { true } else { false } }),
            case .invocationFailed(let code) = request.lines[invocation].signal
        {
            return invocationVerdict(code: code, at: invocation, request, context)
        }
        if let rate = request.first(.rateExceeded) {
            return Verdict(cause: "backend-throttling", confidence: .high, telling: rate)
        }
        if let malformed = request.first(.malformedProxyResponse) {
            if let throttle = context.oldThrottleLine {
                return Verdict(
                    cause: "backend-throttling", confidence: .high, telling: malformed, supporting: [throttle],
                    detail: "Lambda's 429 answer read as a proxy response (the older signature)", usualStatus: 502)
            }
            if let exception = context.lambdaException {
                return Verdict(
                    cause: "lambda-service-error", confidence: .medium, telling: malformed, supporting: [exception.line],
                    detail: exception.name, usualStatus: 502)
            }
            if let errorObject = context.functionErrorObject {
                // The function failed and Lambda's error object was judged as its response (content
                // review §2 item 7): the failure is the function's, not the shape of its output.
                return Verdict(
                    cause: errorObject.cause, confidence: context.functionErrorHeader != nil ? .high : .medium,
                    telling: errorObject.line, supporting: [context.functionErrorHeader, malformed],
                    detail: "Lambda's error object reached API Gateway as the response", usualStatus: 502)
            }
            return Verdict(cause: "lambda-response-format", confidence: .high, telling: malformed, supporting: [context.body], usualStatus: 502)
        }
        if let failure = request.first(where: { if case .customerFunctionError = $0 { true } else { false } }),
            case .customerFunctionError(let kind) = request.lines[failure].signal
        {
            let cause = switch kind {
            case .taskTimedOut: "lambda-timeout"
            case .responseTooLarge: "lambda-response-too-large"
            case .other: "lambda-function-error"
            }
            return Verdict(cause: cause, confidence: .high, telling: failure, usualStatus: 502)
        }
        return nil
    }

    /// `Lambda invocation failed with status: <code>` (§15: 429, 403 + "Unable to determine…", 500, others).
    private static func invocationVerdict(code: Int, at line: Int, _ request: RequestLines, _ context: Context) -> Verdict {
        switch code {
        case 429:
            return Verdict(cause: "backend-throttling", confidence: .high, telling: line, supporting: [request.first(.rateExceeded)])
        case 403 where context.unableToDetermineOperation != nil:
            return Verdict(cause: "integration-method-not-post", confidence: .high, telling: line, supporting: [context.unableToDetermineOperation])
        case 500:
            return Verdict(
                cause: "internal-service-failure", confidence: .medium, telling: line,
                detail: "Lambda answered 500 (ServiceException), a failure inside Lambda")
        default:
            let exception = context.lambdaException ?? context.exceptionNamedInBody
            return Verdict(
                cause: "lambda-service-error", confidence: exception == nil ? .medium : .high, telling: line,
                supporting: [exception?.line ?? context.body], detail: exception?.name ?? "Lambda answered \(code)")
        }
    }

    /// The integration itself: timeouts, mappings, endpoints, TLS, VPC links, network, WAF.
    private static func integrationVerdict(_ request: RequestLines, _ context: Context) -> Verdict? {
        let direct: [(ExecutionLogCatalogue.Signal, String, Int)] = [
            (.timeout, "integration-timeout", 504),
            (.outputMapping, "status-code-mapping", 500),
            (.mappingTemplate, "mapping-template-error", 500),
            (.invalidEndpoint, "invalid-endpoint", 500),
            (.integrationResponseTooLarge, "payload-too-large", 500),
            (.backendTLS, "backend-tls", 500),
            (.vpcLinkError, "private-integration", 500),
            (.networkError, "backend-network-error", 504),
            (.wafError, "internal-service-failure", 500),
        ]
        for (signal, cause, status) in direct {
            if let line = request.first(signal) {
                return Verdict(cause: cause, confidence: .high, telling: line, usualStatus: status)
            }
        }
        if let internalError = request.first(.internalError) {
            // §15: a VPC link makes it the private integration; without one it is AWS's own failure.
            if context.hasVPCLinkHint {
                return Verdict(cause: "private-integration", confidence: .medium, telling: internalError, supporting: [context.endpoint])
            }
            if context.isLambda {
                return Verdict(
                    cause: "internal-service-failure", confidence: .medium, telling: internalError, supporting: [context.endpoint],
                    detail: "a Lambda integration, so no VPC link is involved")
            }
            return Verdict(
                cause: "private-integration", confidence: .low, telling: internalError, supporting: [context.endpoint],
                detail: "or internal-service-failure if the integration uses no VPC link")
        }
        if let exception = context.lambdaException {
            return Verdict(cause: "lambda-service-error", confidence: .medium, telling: exception.line, detail: exception.name)
        }
        return nil
    }

    /// No failure line: the backend answered the status itself (§15 backend-unavailable; §4.4 first row).
    private static func backendAnswerVerdict(_ request: RequestLines, _ context: Context) -> Verdict? {
        guard let status = request.status, request.first(.otherExecutionFailure) == nil else { return nil }
        let backendStatus = context.backendStatus
        if status == 503 {
            if backendStatus?.status == 503 {
                return Verdict(cause: "backend-unavailable", confidence: .high, telling: backendStatus?.line, usualStatus: 503)
            }
            return Verdict(cause: "backend-unavailable", confidence: .medium, telling: request.message(startingWith: "Method completed"), usualStatus: 503)
        }
        guard context.isLambda else { return nil }
        if let header = context.functionErrorHeader {
            return Verdict(cause: "lambda-function-error", confidence: .medium, telling: header, usualStatus: 502)
        }
        if let backendStatus, backendStatus.status == status {
            return Verdict(
                cause: "lambda-function-error", confidence: .medium, telling: backendStatus.line,
                detail: "the function itself returned statusCode \(status)", usualStatus: status)
        }
        return nil
    }

    /// Facts about the request that several rules consult, found once.
    private struct Context {
        var endpoint: Int?
        var body: Int?
        var isLambda = false
        var usesStageVariable = false
        var hasVPCLinkHint = false
        var oldThrottleLine: Int?
        var unableToDetermineOperation: Int?
        /// A Lambda service exception in the response headers (`x-amzn-ErrorType=`) or recognised by
        /// its message. The body alone is not trusted: a function's own output may name, say,
        /// DynamoDB's `ResourceNotFoundException`.
        var lambdaException: (name: String, line: Int)?
        /// A Lambda exception named in the response body: trusted only once Lambda refused the invoke.
        var exceptionNamedInBody: (name: String, line: Int)?
        var functionErrorHeader: Int?
        /// A Lambda error object (`errorMessage` with `errorType`, or with `X-Amz-Function-Error`) as
        /// the response body, and the cause its message names.
        var functionErrorObject: (cause: String, line: Int)?
        /// The status the backend answered: an HTTP integration's `Received response. Status:` or a
        /// Lambda proxy body's `statusCode`.
        var backendStatus: (status: Int, line: Int)?

        init(_ request: RequestLines) {
            endpoint = request.message(startingWith: "Endpoint request URI:") ?? request.message(startingWith: "Sending request to")
            body = request.message(startingWith: "Endpoint response body before transformations:")
            let headers = request.message(startingWith: "Endpoint response headers:")
            if let endpoint {
                let uri = request.lines[endpoint].message
                isLambda = uri.firstOffset(of: "arn:aws:lambda:") != nil || uri.firstOffset(of: "/functions/") != nil
                usesStageVariable = uri.firstOffset(of: "stageVariables.") != nil
            }
            hasVPCLinkHint = Self.vpcLinkMarkers.contains { request.anyLine(containing: $0) != nil }
            unableToDetermineOperation = request.block(at: body, containing: Catalogue.unableToDetermineOperation)
            let throttleInBody = request.block(at: body, containing: Catalogue.reservedConcurrencyThrottle)
                ?? request.block(at: body, containing: "LimitExceeded")
            let throttleInHeaders = request.block(at: headers, containing: Catalogue.tooManyRequests)
            oldThrottleLine = throttleInBody ?? throttleInHeaders
            lambdaException = Self.lambdaException(request, headers: headers)
            for name in Catalogue.lambdaExceptionNames {
                if let line = request.block(at: body, containing: name) {
                    exceptionNamedInBody = (name.description, line)
                    break
                }
            }
            functionErrorHeader = request.block(at: headers, containing: Catalogue.functionErrorHeader)
            if let line = request.block(at: body, containing: "\"errorMessage\""),
                functionErrorHeader != nil || request.block(at: body, containing: "\"errorType\"") != nil
            {
                let cause =
                    request.block(at: body, containing: Catalogue.taskTimedOut) != nil
                    ? "lambda-timeout"
                    : request.block(at: body, containing: Catalogue.payloadTooLarge) != nil
                        ? "lambda-response-too-large" : "lambda-function-error"
                functionErrorObject = (cause, line)
            }
            backendStatus = Self.backendStatus(request, body: body, isLambda: isLambda)
        }

        private static let vpcLinkMarkers: [StaticString] = [".elb.", "vpce-", "VPC link", "vpc link", "VpcLink", "VPC_LINK"]

        /// A Lambda Invoke exception (§5.6) in `x-amzn-ErrorType=`, or recognised by its message.
        private static func lambdaException(_ request: RequestLines, headers: Int?) -> (name: String, line: Int)? {
            if let line = request.block(at: headers, containing: "x-amzn-ErrorType=") {
                // Lambda may append `:http://internal.amazon.com/…` to the type.
                let named = AWSIdentifiers.value(after: "x-amzn-ErrorType=", in: request.lines[line].message)?
                    .split(separator: ":").first.map(String.init)
                if let named, Catalogue.lambdaExceptionNames.contains(where: { $0.description == named }) {
                    return (named, line)
                }
            }
            for (text, name) in Catalogue.lambdaExceptionMessages {
                if let line = request.anyLine(containing: text) { return (name, line) }
            }
            return nil
        }

        private static func backendStatus(_ request: RequestLines, body: Int?, isLambda: Bool) -> (status: Int, line: Int)? {
            if isLambda, let body, let offset = request.lines[body].message.firstOffset(of: "\"statusCode\":") {
                let message = request.lines[body].message
                if let code = ExecutionLogCatalogue.leadingNumber(message, at: offset + "\"statusCode\":".utf8.count) {
                    return (code, body)
                }
            }
            guard !isLambda, let received = request.message(startingWith: "Received response. Status:") else { return nil }
            let message = request.lines[received].message
            return ExecutionLogCatalogue.leadingNumber(message, at: "Received response. Status:".utf8.count).map { ($0, received) }
        }
    }
}
