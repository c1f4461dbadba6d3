/// Recognises an execution log from the start of a file, in any of its shapes (§3.1).
///
/// Counts the lines whose message is one API Gateway writes during a request; JSON output of
/// `aws logs filter-log-events` is recognised by the same messages inside its `message` strings.
struct ExecutionLogSample {
    let isEventsJSON: Bool
    /// Lines of the sample with a known execution-log message.
    let knownLines: Int
    /// Lines of the sample that are delivered JSON events (`DeliveredLogEvent`).
    let jsonEvents: Int

    init(_ head: String) {
        let bytes = Array(head.utf8)
        isEventsJSON = LogEventsJSONStream.looksLikeOutput(head)
        var known = 0
        var deliveredEvents = 0
        var deliveredKnown = 0
        var objectLines = 0
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
                    let line = UnsafeBufferPointer(rebasing: all[start..<end])
                    if Self.isKnown(line) {
                        known += 1
                    } else if line.first == UInt8(ascii: "{") {
                        objectLines += 1
                        // A delivered JSON event: judged by its message, whatever the field names.
                        if let event = DeliveredLogEvent.read(line) {
                            event.lines { if Self.isKnown($0) { deliveredKnown += 1 } }
                            deliveredEvents += 1
                        }
                    }
                    start = end + 1
                }
            }
        }
        // JSON lines are an execution log only when most of them carry its messages: an application's
        // JSON log may hold one message that starts like one ("Sending request to …").
        // One line is not enough: a client's `{"message": "Endpoint request timed out"}` has one.
        let isDelivered = deliveredKnown >= 2 && deliveredEvents * 2 >= objectLines
        knownLines = known + (isDelivered ? deliveredKnown : 0)
        jsonEvents = isDelivered ? deliveredEvents : 0
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
    private static let knownMessages: [StaticString] = [
        "Method completed with status:", "Starting execution for request", "Execution failed", "Endpoint request",
        "Endpoint response", "HTTP Method:", "Method request", "Method response", "Sending request to",
        "Received response.", "Extended Request Id:", "Verifying Usage Plan", "Usage Plan check", "API Key",
        "Lambda execution failed", "Lambda invocation failed", "Successfully completed execution",
        "AWS Integration Endpoint RequestId", "X-ray Tracing ID", "Execution log for request", "Gateway response",
        "Key throttle limit exceeded", "Starting authorizer", "Unauthorized request", "Authorizer",
    ]
}
