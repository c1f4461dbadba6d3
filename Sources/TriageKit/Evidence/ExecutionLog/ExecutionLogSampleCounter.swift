/// Counts the execution-log lines of a sample, one line at a time, whichever wrapper carried them:
/// lines in a known shape with a message API Gateway writes, and delivered JSON events
/// (`DeliveredLogEvent`) whose message is one.
struct ExecutionLogSampleCounter {
    private var known = 0
    private var deliveredEvents = 0
    private var deliveredKnown = 0
    private var objectLines = 0
    /// Reads the events as `DeliveredLogEvent.read` and its `lines` would, the usual ones without a
    /// `String` per line: a sample holds hundreds of them, read before every scan of such a log.
    private var reader = DeliveredEventReader()

    mutating func consume(_ line: UnsafeBufferPointer<UInt8>) {
        if ExecutionLogSample.isKnown(line) {
            known += 1
        } else if line.first == UInt8(ascii: "{") {
            objectLines += 1
            // A delivered JSON event: judged by its message, whatever the field names.
            var knownInEvent = 0
            if reader.lines(of: line, { if ExecutionLogSample.isKnown($0) { knownInEvent += 1 } }) {
                deliveredKnown += knownInEvent
                deliveredEvents += 1
            }
        }
    }

    /// JSON lines are an execution log only when most of them carry its messages, and more than
    /// one does: an application's JSON log may hold a message that starts like one ("Sending
    /// request to …"), and a client's `{"message": "Endpoint request timed out"}` is a single line.
    private var isDelivered: Bool { deliveredKnown >= 2 && deliveredEvents * 2 >= objectLines }

    /// Lines with a known execution-log message, delivered events included when they make the sample one.
    var knownLines: Int { known + (isDelivered ? deliveredKnown : 0) }

    /// Delivered JSON events, when they make the sample an execution log.
    var jsonEvents: Int { isDelivered ? deliveredEvents : 0 }
}
