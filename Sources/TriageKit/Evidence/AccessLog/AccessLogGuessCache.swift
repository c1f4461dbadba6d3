/// Remembers the answers of the two costly steps of `AccessLogInterpreter.guess`, for a scan that
/// asks once per failed request: an access log repeats a few integration error texts and gateway
/// messages thousands of times, and each answer costs a lower-casing and many substring searches.
///
/// - The integration error message's cause (the execution-log catalogue, then the HTTP API texts)
///   depends on the message alone.
/// - `ClientSignature.guess` reads nothing but the signature's fields; one with an error type or a
///   null message (which access logs never give) is not cached.
///
/// So a remembered answer is the one the step would give again. Bounded: past `capacity` distinct
/// questions, or for a text longer than `longestText`, it answers without remembering, so memory
/// stays small on any log.
struct AccessLogGuessCache {
    private struct Signature: Hashable {
        var status: Int
        var apiType: String?
        var message: String?
    }

    private static let capacity = 256
    private static let longestText = 512
    private var signatures: [Signature: ClientSignature.Guess?] = [:]
    private var messages: [String: ClientSignature.Guess?] = [:]

    mutating func guess(_ signature: ClientSignature) -> ClientSignature.Guess? {
        guard signature.errorType == nil, !signature.messageIsNull, (signature.message?.utf8.count ?? 0) <= Self.longestText
        else { return signature.guess() }
        let question = Signature(status: signature.status, apiType: signature.apiType, message: signature.message)
        if let known = signatures[question] { return known }
        let answer = signature.guess()
        if signatures.count < Self.capacity { signatures[question] = answer }
        return answer
    }

    /// The cause `read` finds in an integration error message.
    mutating func guess(message: String, _ read: (String) -> ClientSignature.Guess?) -> ClientSignature.Guess? {
        guard message.utf8.count <= Self.longestText else { return read(message) }
        if let known = messages[message] { return known }
        let answer = read(message)
        if messages.count < Self.capacity { messages[message] = answer }
        return answer
    }
}
