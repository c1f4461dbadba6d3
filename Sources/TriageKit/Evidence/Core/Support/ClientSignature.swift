/// What a client-visible answer alone suggests: status, body message, `x-amzn-ErrorType` and API
/// type (domain reference §1.1).
///
/// Used for curl output and for access-log lines that carry no integration detail. The body says
/// less than a log: only an authorizer's error type (or its `{"message":null}` body) and the
/// timeout/network bodies name a cause, and a REST API's 503 (always the backend's, §2.12). A bare
/// 500, 502 or 504, or a 503 of an HTTP API or an unknown type, proves nothing: `guess` gives nil
/// and the caller reports an `UndeterminedFailure` with the candidates.
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
        if status == 500, messageIsNull {
            return Guess(cause: "authorizer-error", confidence: .medium, detail: "body {\"message\":null}")
        }
        // §2.12: a REST API makes no 503 of its own; it passes the backend's through. (An HTTP API
        // also answers 503 when the integration times out, so there the status alone decides nothing.)
        if status == 503, apiType == "rest" {
            return Guess(cause: "backend-unavailable", confidence: .medium, detail: "REST APIs pass a backend's own 503 through")
        }
        // A status with the stock body proves no cause: the caller reports it as undetermined.
        return nil
    }

    /// What the answer shows that narrows the causes, in the project's words, for an undetermined failure.
    func clues() -> [String] {
        var clues: [String] = []
        if let message { clues.append("the body says \"\(EvidenceText.quote(message))\"") }
        if let errorType { clues.append("x-amzn-ErrorType: \(errorType)") }
        switch apiType {
        case "http": clues.append("an HTTP API answered (apigw-requestid or its body's spelling)")
        case "rest": clues.append("a REST API answered")
        default: break
        }
        return clues
    }
}
