/// What one execution-log message says about a failure: the message catalogue of the domain
/// reference (§3.3, §3.4, §5.6), as exact strings.
///
/// - Works on the message's bytes (the text after the request-id or console prefix).
/// - Only says what a single line says; `ExecutionFailureClassifier` weighs the lines of a request
///   together (§15 disambiguation).
/// - The strings are the ones AWS writes, kept together at the bottom of the file.
enum ExecutionLogCatalogue {
    /// A statement one line makes.
    enum Signal: Equatable {
        case invalidPermissions
        case authorizerError
        /// `Gateway response type: AUTHORIZER_…` or an `AuthorizerConfigurationException`.
        case authorizerGatewayResponse
        case assumeRoleDenied
        case malformedProxyResponse
        case customerFunctionError(FunctionErrorKind)
        case invocationFailed(status: Int)
        case rateExceeded
        case timeout
        case outputMapping
        case mappingTemplate
        case invalidEndpoint
        /// `Integration response of reported length N is larger than allowed maximum of 10485760 bytes.`
        case integrationResponseTooLarge
        case backendTLS
        case internalError
        case vpcLinkError
        case networkError
        case wafError
        case keyThrottle
        /// `Execution failed …` with a text this catalogue does not know (or none).
        case otherExecutionFailure
    }

    /// What a `customer function error` says (§15: timeout, oversize response, anything else).
    enum FunctionErrorKind: Equatable {
        case taskTimedOut, responseTooLarge, other
    }

    static func signal(of message: UnsafeBufferPointer<UInt8>) -> Signal? {
        if message.hasPrefix("Execution failed") { return executionFailure(message) }
        if message.hasPrefix("Lambda execution failed"), message.firstOffset(of: customerFunctionError) != nil {
            if message.firstOffset(of: taskTimedOut) != nil { return .customerFunctionError(.taskTimedOut) }
            if message.firstOffset(of: payloadTooLarge) != nil { return .customerFunctionError(.responseTooLarge) }
            return .customerFunctionError(.other)
        }
        if message.hasPrefix(invocationFailed) {
            return .invocationFailed(status: leadingNumber(message, at: invocationFailed.utf8CodeUnitCount) ?? 0)
        }
        if message.hasPrefix("Gateway response type: AUTHORIZER_") { return .authorizerGatewayResponse }
        if message.hasPrefix(keyThrottle) { return .keyThrottle }
        if message.hasPrefix(wafError) { return .wafError }
        if message.hasPrefix(internalError) { return .internalError }
        if message.firstOffset(of: "AuthorizerConfigurationException") != nil { return .authorizerGatewayResponse }
        return nil
    }

    /// The texts that follow `Execution failed due to …`, most specific first.
    private static func executionFailure(_ message: UnsafeBufferPointer<UInt8>) -> Signal {
        let rules: [(StaticString, Signal)] = [
            (assumeRole, .assumeRoleDenied),
            (authorizerError, .authorizerError),
            (invalidPermissions, .invalidPermissions),
            (malformedProxy, .malformedProxyResponse),
            (rateExceeded, .rateExceeded),
            (timeoutError, .timeout),
            (outputMappingInvalid, .outputMapping),
            (outputMappingMissing, .outputMapping),
            (unableToParseStatusCode, .mappingTemplate),
            (unableToTransform, .mappingTemplate),
            (invalidMappingExpression, .mappingTemplate),
            (invalidEndpoint, .invalidEndpoint),
            (integrationResponseTooLarge, .integrationResponseTooLarge),
            (pkixPath, .backendTLS),
            (hostNameMismatch, .backendTLS),
            (sslEngine, .backendTLS),
            (sslHandshake, .backendTLS),
            (internalError, .internalError),
            (vpcLinkError, .vpcLinkError),
            (networkError, .networkError),
            (wafError, .wafError),
        ]
        for (text, signal) in rules where message.firstOffset(of: text) != nil { return signal }
        return .otherExecutionFailure
    }

    /// The decimal number at `offset` (after optional spaces), e.g. the code in `status: 429.`
    static func leadingNumber(_ text: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int? {
        var index = offset
        while index < text.count, text[index] == 0x20 { index += 1 }
        var value = 0
        var digits = 0
        while index < text.count, text[index].isASCIIDigit, digits < 6 {
            value = value * 10 + Int(text[index] &- 0x30)
            index += 1
            digits += 1
        }
        return digits > 0 ? value : nil
    }

    // MARK: - Messages, verbatim (domain reference §2, §3.3, §3.4)

    static let invalidPermissions: StaticString = "Invalid permissions on Lambda function"
    static let authorizerError: StaticString = "Execution failed due to configuration error: Authorizer error"
    static let assumeRole: StaticString = "API Gateway does not have permission to assume the provided role"
    static let malformedProxy: StaticString = "Malformed Lambda proxy response"
    static let customerFunctionError: StaticString = "due to customer function error: "
    static let taskTimedOut: StaticString = "Task timed out"
    /// Both wordings end the same way: the older `Response payload size exceeded maximum allowed
    /// payload size (6291556 bytes).` and the newer `Response payload size (11249613 bytes) exceeded …`,
    /// whose byte count sits between "size" and "exceeded".
    static let payloadTooLarge: StaticString = "exceeded maximum allowed payload size"
    static let invocationFailed: StaticString = "Lambda invocation failed with status:"
    static let lambdaRequestID: StaticString = "Lambda request id: "
    static let rateExceeded: StaticString = "Rate Exceeded."
    static let timeoutError: StaticString = "Execution failed due to a timeout error"
    static let outputMappingInvalid: StaticString = "Output mapping refers to an invalid method response"
    static let outputMappingMissing: StaticString = "No match for output mapping and no default output mapping configured"
    static let unableToParseStatusCode: StaticString = "Unable to parse statusCode"
    static let unableToTransform: StaticString = "Unable to transform request"
    static let invalidMappingExpression: StaticString = "Invalid mapping expression specified"
    static let invalidEndpoint: StaticString = "Invalid endpoint address"
    /// The backend answered more than API Gateway's 10 MB quota (content review 2026-12, §1 row 9).
    static let integrationResponseTooLarge: StaticString = "is larger than allowed maximum of"
    static let pkixPath: StaticString = "PKIX path"
    static let hostNameMismatch: StaticString = "does not match the certificate subject provided by the peer"
    static let sslEngine: StaticString = "General SSLEngine problem"
    /// Not in the reference's catalogue; the Java TLS stack's exception name for the same failures.
    static let sslHandshake: StaticString = "SSLHandshakeException"
    static let internalError: StaticString = "There was an internal error while executing your request"
    static let vpcLinkError: StaticString = "vpc link error"
    static let networkError: StaticString = "network error communicating with endpoint"
    static let wafError: StaticString = "There was an error evaluating the AWS WAF rules associated with this API"
    static let keyThrottle: StaticString = "Key throttle limit exceeded"
    static let unableToDetermineOperation: StaticString = "Unable to determine service/operation name to be authorized"
    static let reservedConcurrencyThrottle: StaticString = "ReservedFunctionConcurrentInvocationLimitExceeded"
    static let tooManyRequests: StaticString = "TooManyRequestsException"
    static let functionErrorHeader: StaticString = "X-Amz-Function-Error="
}

extension ExecutionLogCatalogue {
    /// Lambda Invoke API exceptions that mean the service refused to run the function (§5.6).
    static let lambdaExceptionNames: [StaticString] = [
        "KMSAccessDeniedException", "KMSDisabledException", "KMSInvalidStateException", "KMSNotFoundException",
        "ENILimitReachedException", "SubnetIPAddressLimitReachedException", "EC2ThrottledException",
        "EC2AccessDeniedException", "InvalidSubnetIDException", "InvalidSecurityGroupIDException",
        "ResourceNotReadyException", "ResourceNotFoundException", "InvalidZipFileException", "InvalidRuntimeException",
        "EFSMountTimeoutException", "EFSMountConnectivityException", "EFSMountFailureException", "EFSIOException",
        "SnapStartTimeoutException", "SnapStartNotReadyException", "SnapStartException", "RequestTooLargeException",
        "InvalidRequestContentException", "ResourceConflictException", "UnsupportedMediaTypeException",
        "RecursiveInvocationException", "ServiceException",
    ]

    /// Lambda service messages that name no exception but identify one (§2.4 notes, §3.4, §15).
    static let lambdaExceptionMessages: [(StaticString, String)] = [
        ("KMS access was denied", "KMSAccessDeniedException"),
        ("Lambda was not able to create an ENI", "ENILimitReachedException"),
    ]
}
