/// The line the AWS CLI prints instead of output when a call fails:
/// `An error occurred (ResourceNotFoundException) when calling the GetPolicy operation: The resource you requested does not exist.`
///
/// Such a line is evidence in itself: `ResourceNotFoundException` from `GetPolicy` means the function
/// has no resource policy at all, and `AccessDeniedException` means the caller could not look.
struct AWSCLIError: Sendable, Equatable {
    /// `ResourceNotFoundException`, `AccessDeniedException`, ...
    var code: String
    /// The API operation in AWS's spelling: `GetPolicy`, `GetRole`.
    var operation: String
    var message: String
    /// 1-based line of the error in the file.
    var line: Int
    /// The line as written, for quoting.
    var text: String

    private static let lead = "An error occurred ("
    private static let middle = ") when calling the "
    private static let tail = " operation"

    init?(line text: Substring, number: Int) {
        guard let start = text.range(of: Self.lead) else { return nil }
        let afterLead = text[start.upperBound...]
        guard let close = afterLead.range(of: Self.middle) else { return nil }
        let code = afterLead[..<close.lowerBound]
        let afterMiddle = afterLead[close.upperBound...]
        guard let end = afterMiddle.range(of: Self.tail) else { return nil }
        let operation = afterMiddle[..<end.lowerBound]
        guard !code.isEmpty, code.count <= 80, code.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." }),
            !operation.isEmpty, operation.count <= 80, operation.allSatisfy({ $0.isLetter || $0.isNumber })
        else { return nil }
        var message = afterMiddle[end.upperBound...]
        // "(reached max retries: 2)" may sit between the operation and the colon.
        if message.hasPrefix(" ("), let close = message.firstIndex(of: ")") { message = message[message.index(after: close)...] }
        if let colon = message.firstIndex(of: ":") { message = message[message.index(after: colon)...] }
        self.code = String(code)
        self.operation = String(operation)
        self.message = message.trimmedOfWhitespace()
        self.line = number
        self.text = String(text)
    }

    /// Whether the caller was refused (so the output says nothing about the resource itself).
    var isAccessDenied: Bool {
        ["AccessDeniedException", "AccessDenied", "UnauthorizedOperation", "UnrecognizedClientException",
         "ExpiredTokenException", "InvalidClientTokenId", "AuthFailure"].contains(code)
    }

    /// Whether the thing asked for does not exist.
    var isNotFound: Bool {
        code == "ResourceNotFoundException" || code == "NotFoundException" || code == "NoSuchEntity"
            || code.hasSuffix("NotFound") || code.hasSuffix("NotFoundException")
    }
}
