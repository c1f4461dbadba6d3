/// A JSON body that is Lambda reporting a failure rather than the function's response:
/// - a function error, `{"errorMessage": ..., "errorType": ..., "stackTrace": [...]}` — a timeout
///   (`Task timed out`), an oversized response (`Function.ResponseSizeTooLarge`) or any other error;
/// - a Lambda service error from the Invoke API, such as a throttle
///   (`{"Reason": "ReservedFunctionConcurrentInvocationLimitExceeded", "Type": "User", "message": "Rate Exceeded."}`)
///   or a refusal before the code ran (`{"Message": "Lambda was unable to decrypt ..."}`).
struct LambdaErrorPayload: Equatable {
    var cause: String
    var message: String
    var type: String?
    /// The key to quote, and its line.
    var key: String
    var line: Int
    /// Whether the shape is unmistakably Lambda's (a type or a known message), not just any object
    /// with an `errorMessage` key.
    var isCertain: Bool

    /// Matches both wordings: `Response payload size exceeded …` and `Response payload size (N bytes) exceeded …`.
    static let oversizeMessage = "exceeded maximum allowed payload size"

    init?(_ root: DocumentNode) {
        guard root.isObject, root.member("statusCode") == nil else { return nil }
        if let message = root.member("errorMessage") {
            let text = message.value.scalarText ?? ""
            let type = root["errorType"]?.scalarText
            self.message = text
            self.type = type
            key = "errorMessage"
            line = message.line
            if text.contains("Task timed out") || type == "Sandbox.Timedout" {
                cause = "lambda-timeout"
                isCertain = true
            } else if type == "Function.ResponseSizeTooLarge" || text.contains(Self.oversizeMessage) {
                cause = "lambda-response-too-large"
                isCertain = true
            } else {
                cause = "lambda-function-error"
                // Node writes the stack as `trace`, Python and Java as `stackTrace`.
                isCertain = type != nil || root.member("stackTrace") != nil || root.member("trace") != nil
            }
            return
        }
        // Lambda's own API errors: `Reason`/`Type`/`message` for throttles, `Message` for the rest.
        let reason = root["Reason"]?.scalarText
        if let reason, reason.hasSuffix("LimitExceeded"), let message = root.member("message") ?? root.member("Message") {
            self.message = message.value.scalarText ?? ""
            type = reason
            key = "Reason"
            line = root.member("Reason")?.line ?? root.line
            cause = "backend-throttling"
            isCertain = true
            return
        }
        if let message = root.member("Message"), let text = message.value.scalarText, text.hasPrefix("Lambda ") {
            self.message = text
            type = root["Type"]?.scalarText ?? root["__type"]?.scalarText
            key = "Message"
            line = message.line
            cause = "lambda-service-error"
            isCertain = true
            return
        }
        return nil
    }
}
