/// What a client-visible answer alone suggests: status, body message, `x-amzn-ErrorType` and API
/// type (domain reference §1.1).
///
/// Used by `ResponseProof` for every client capture (which keeps only the `medium` and `high`
/// guesses as proof) and for access-log lines that carry no integration detail. The body says
/// less than a log: only an authorizer's error type and the two timeout/network bodies name a
/// cause; a bare 500 or 502 only narrows it to a family, so those are `low`.
struct ClientSignature {
    var status: Int
    /// `rest` or `http` when known.
    var apiType: String?
    /// The `message` of the JSON body, or the body text.
    var message: String?
    /// The body is `{"message":null}` (a REST authorizer that could not run, §9).
    var messageIsNull = false
    var errorType: String?

    struct Guess: Equatable {
        var cause: String
        var confidence: Confidence
        var detail: String?
    }

    func guess() -> Guess? {
        let message = message?.lowercased() ?? ""
        if errorType == "AuthorizerConfigurationException" {
            return Guess(cause: "authorizer-error", confidence: .high, detail: "x-amzn-ErrorType: AuthorizerConfigurationException")
        }
        if message.contains("endpoint request timed out") {
            return Guess(cause: "integration-timeout", confidence: .high, detail: nil)
        }
        if message.contains("network error communicating with endpoint") {
            return Guess(
                cause: "backend-network-error", confidence: .medium,
                detail: "a VPC link or private integration answers the same (private-integration)")
        }
        switch (status, apiType) {
        case (503, "http"):
            return Guess(cause: "integration-timeout", confidence: message.contains("service unavailable") ? .medium : .low, detail: Words.http503)
        case (503, _):
            return Guess(cause: "backend-unavailable", confidence: .medium, detail: Words.rest503)
        case (500, "http"):
            return Guess(cause: "lambda-function-error", confidence: .low, detail: Words.http500)
        case (500, _) where messageIsNull:
            return Guess(cause: "authorizer-error", confidence: .medium, detail: "body {\"message\":null}")
        case (500, _):
            return Guess(cause: "lambda-invoke-permission", confidence: .low, detail: Words.rest500)
        case (502, _):
            return Guess(cause: "lambda-response-format", confidence: .low, detail: Words.rest502)
        case (504, _):
            return Guess(cause: "integration-timeout", confidence: .low, detail: Words.rest504)
        default:
            return nil
        }
    }

    private enum Words {
        static let rest500 =
            "a REST 500 also comes from throttling, a Lambda API rejection, or a configuration or mapping error"
        static let rest502 = "or the function failed (lambda-function-error, lambda-timeout); its logs tell them apart"
        static let rest503 = "REST APIs pass a backend's own 503 through"
        static let rest504 = "or a network error to the backend (backend-network-error)"
        static let http500 = "an HTTP API answers 500 for permissions, function errors and bad output alike"
        static let http503 = "HTTP APIs answer 503 when the integration times out"
    }
}
