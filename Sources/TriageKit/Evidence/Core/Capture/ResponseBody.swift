import Foundation

/// What a captured response body says, read once: its `message` (API Gateway's own bodies are
/// `{"message": "…"}`), whether that message is `null`, and whether the body is a Lambda error
/// object (`errorMessage`, `errorType`) passed through to the client.
struct ResponseBody {
    /// The body's `message` (or `Message`) when it is JSON, else its first line.
    var message: String?
    /// The body is `{"message":null}` (a REST authorizer that could not run, §9).
    var messageIsNull = false
    var lambdaError: LambdaErrorPayload?

    /// Bodies longer than this are not parsed: API Gateway's own are tiny.
    static let maxParsedBytes = 16 * 1024

    init(_ text: String?) {
        guard let text else { return }
        let trimmed = text.trimmedOfWhitespaceAndNewlines()
        guard !trimmed.isEmpty else { return }
        if trimmed.first == "{", trimmed.utf8.count <= Self.maxParsedBytes, let root = try? JSONDocumentParser.parse(trimmed),
            root.isObject
        {
            if let member = root.member("message") ?? root.member("Message") {
                message = member.value.scalarText
                messageIsNull = member.value.isNull
            }
            lambdaError = LambdaErrorPayload(root)
            if message == nil, !messageIsNull, let lambdaError { message = lambdaError.message }
            return
        }
        message = String(trimmed.prefix { $0 != "\n" && $0 != "\r" }.prefix(300))
    }
}
