/// Recognises an execution log from the start of a file, in any of its shapes (§3.1).
///
/// Counts the lines whose message is one API Gateway writes during a request; JSON output of
/// `aws logs filter-log-events` is recognised by the same messages inside its `message` strings.
struct ExecutionLogSample {
    let isEventsJSON: Bool
    /// Lines of the sample with a known execution-log message.
    let knownLines: Int

    init(_ head: String) {
        let bytes = Array(head.utf8)
        isEventsJSON = LogEventsJSONStream.looksLikeOutput(head)
        var known = 0
        if isEventsJSON {
            var stream = LogEventsJSONStream()
            bytes.withUnsafeBufferPointer { all in
                stream.feed(all) { line, _ in if Self.isKnown(line) { known += 1 } }
            }
        } else {
            bytes.withUnsafeBufferPointer { all in
                var start = 0
                while start < all.count {
                    let end = all.firstOffset(of: 0x0A, in: start..<all.count) ?? all.count
                    if Self.isKnown(UnsafeBufferPointer(rebasing: all[start..<end])) { known += 1 }
                    start = end + 1
                }
            }
        }
        knownLines = known
    }

    /// A line in a known shape whose message API Gateway writes.
    static func isKnown(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let message: Int
        switch ExecutionLogLineShape.of(line) {
        case .continuation: return false
        case .request(_, let start), .console(let start): message = start
        }
        return knownMessages.contains { line.hasPrefix($0, at: message) }
    }

    /// Messages API Gateway writes to execution logs (§3.2, §3.3, §2.4, §9).
    private static let knownMessages: [StaticString] = [
        "Method completed with status:", "Starting execution for request", "Execution failed", "Endpoint request",
        "Endpoint response", "HTTP Method:", "Method request", "Method response", "Sending request to",
        "Received response.", "Extended Request Id:", "Verifying Usage Plan", "Usage Plan check", "API Key",
        "Lambda execution failed", "Lambda invocation failed", "Successfully completed execution",
        "AWS Integration Endpoint RequestId", "X-ray Tracing ID", "Execution log for request", "Gateway response",
        "Key throttle limit exceeded", "Starting authorizer", "Unauthorized request", "Authorizer",
    ]
}
