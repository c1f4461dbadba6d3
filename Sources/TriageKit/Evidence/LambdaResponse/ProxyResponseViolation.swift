/// One way a Lambda proxy response breaks the rules of a response format.
struct ProxyResponseViolation: Equatable {
    /// A stable name for the rule, so the same break found under several formats is reported once.
    var rule: String
    /// The key the break is about (for quoting a window of a long line), if any.
    var key: String?
    var line: Int
    /// What is wrong, in a short clause: "body is an object, not a string".
    var detail: String
    /// How well the rule is established: observed on AWS (high), reported by users (medium),
    /// or only seen in an emulator (low).
    var confidence: Confidence
}
