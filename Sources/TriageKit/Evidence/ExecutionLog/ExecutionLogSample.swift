/// Recognises an execution log from the start of a file, in any of its shapes (§3.1).
///
/// Counts the lines whose message is one API Gateway writes during a request; a log inside a
/// wrapper (`LogMessageSource`: filter-log-events JSON, a Logs Insights export) is recognised by
/// the same messages inside it.
struct ExecutionLogSample {
    /// The lines come inside a tool's output (JSON or a Logs Insights export).
    let isEventsJSON: Bool
    /// Lines of the sample with a known execution-log message.
    let knownLines: Int
    /// Lines of the sample that are delivered JSON events (`DeliveredLogEvent`).
    let jsonEvents: Int

    init(_ head: String) {
        let source = LogMessageSource.of(head)
        isEventsJSON = source != .lines
        var counter = ExecutionLogSampleCounter()
        source.forEachSampleLine(head) { line in counter.consume(line) }
        knownLines = counter.knownLines
        jsonEvents = counter.jsonEvents
    }

    /// A line in a known shape whose message API Gateway writes.
    static func isKnown(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let message: Int
        switch ExecutionLogLineShape.of(line) {
        case .continuation: return false
        case .request(_, let start), .console(let start): message = start
        }
        return isKnownMessage(line, at: message)
    }

    /// Whether the text at `start` is a message API Gateway writes.
    static func isKnownMessage(_ line: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        knownMessages.contains { line.hasPrefix($0, at: start) }
    }

    /// Messages API Gateway writes to execution logs (§3.2, §3.3, §2.4, §9).
    static let knownMessages: [StaticString] = [
        "Method completed with status:", "Starting execution for request", "Execution failed", "Endpoint request",
        "Endpoint response", "HTTP Method:", "Method request", "Method response", "Sending request to",
        "Received response.", "Extended Request Id:", "Verifying Usage Plan", "Usage Plan check", "API Key",
        "Lambda execution failed", "Lambda invocation failed", "Successfully completed execution",
        "AWS Integration Endpoint RequestId", "X-ray Tracing ID", "Execution log for request", "Gateway response",
        "Key throttle limit exceeded", "Starting authorizer", "Unauthorized request", "Authorizer",
    ]
}
