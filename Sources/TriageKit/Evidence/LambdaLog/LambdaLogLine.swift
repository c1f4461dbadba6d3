/// What one line of a Lambda function's log says, in the text format (the JSON log format is read
/// by `LambdaJSONRecord`): the platform lines Lambda writes around every invocation, and the
/// failure lines of the runtimes.
///
/// Works on the message after any tool prefix (`LambdaLogPrefix`) and allocates only for the
/// values it returns (a request id, an error type), which failing lines carry.
enum LambdaLogLine: Equatable {
    /// `START RequestId: <id> Version: $LATEST`
    case start(id: String)
    /// `END RequestId: <id>`
    case end(id: String)
    /// `REPORT RequestId: <id>\tDuration: … ms\t…\tMemory Size: N MB\tMax Memory Used: N MB[\tStatus: …]`
    case report(id: String, LambdaReport)
    /// `INIT_START Runtime Version: … Runtime Version ARN: arn:aws:lambda:REGION::runtime:…`
    case initStart(region: String?)
    /// `INIT_REPORT Init Duration: … ms\tPhase: init|invoke\tStatus: error|timeout[\tError Type: …]`
    case initReport(failed: Bool, timedOut: Bool, errorType: String?)
    /// A line that shows a failure (or a hint of one); `id` when the line names the request.
    case signal(id: String?, LambdaFailureSignal)
    /// Any other line; `id` when it names the request (`<timestamp>\t<id>\tINFO\t…`).
    case other(id: String?)

    static func parse(_ line: UnsafeBufferPointer<UInt8>, message: Int) -> LambdaLogLine {
        guard message < line.count else { return .other(id: nil) }
        let text = UnsafeBufferPointer(rebasing: line[message...])
        if text.hasPrefix("START RequestId: ") { return idLine(text, after: 17).map { .start(id: $0) } ?? .other(id: nil) }
        if text.hasPrefix("END RequestId: ") { return idLine(text, after: 15).map { .end(id: $0) } ?? .other(id: nil) }
        if text.hasPrefix("REPORT RequestId: ") {
            guard let id = idLine(text, after: 18) else { return .other(id: nil) }
            return .report(id: id, LambdaReport(text))
        }
        if text.hasPrefix("INIT_START ") { return .initStart(region: runtimeRegion(text)) }
        if text.hasPrefix("INIT_REPORT ") {
            let status = LambdaReport.field(text, "Status: ")
            return .initReport(
                failed: status != nil && status != "success", timedOut: status == "timeout",
                errorType: LambdaReport.field(text, "Error Type: "))
        }
        // `RequestId: <id> Error: Runtime exited with error: signal: killed`
        if text.hasPrefix("RequestId: "), let id = idLine(text, after: 11) {
            return .signal(id: id, LambdaFailureSignal.of(text) ?? .runtimeExit)
        }
        // `<id>\tERROR\tInvoke Error …`, `<id> Task timed out after 3.00 seconds` (after the timestamp).
        var id: String?
        var body = text
        if text.count > 37, LambdaLogPrefix.isRequestID(UnsafeBufferPointer(rebasing: text[0..<36])), text[36].isASCIISpaceOrTab {
            id = text.text(0..<36).lowercased()
            body = UnsafeBufferPointer(rebasing: text[37...])
        } else if text.hasPrefix("undefined\t") {
            body = UnsafeBufferPointer(rebasing: text[10...])  // Node during init: no request yet
        } else if let python = pythonLoggerBody(text) {
            id = python.id
            body = python.body
        }
        if let signal = LambdaFailureSignal.of(body) { return .signal(id: id, signal) }
        return .other(id: id)
    }

    /// The id after a `… RequestId: ` marker: up to the next blank.
    private static func idLine(_ text: UnsafeBufferPointer<UInt8>, after offset: Int) -> String? {
        var end = offset
        while end < text.count, !text[end].isASCIISpaceOrTab { end += 1 }
        guard end > offset, end - offset <= 64 else { return nil }
        return text.text(offset..<end).lowercased()
    }

    /// The Python logger's shape, `[ERROR]\t<timestamp>\t<id>\t<message>`: the id and the message.
    /// (An unhandled Python exception is `[ERROR] KeyError: 'id'`, with a space: not this shape.)
    private static func pythonLoggerBody(_ text: UnsafeBufferPointer<UInt8>) -> (id: String, body: UnsafeBufferPointer<UInt8>)? {
        guard text.first == UInt8(ascii: "["), let close = text.firstOffset(of: UInt8(ascii: "]"), in: 0..<min(text.count, 12)),
            close + 1 < text.count, text[close + 1] == 0x09,
            let tab = text.firstOffset(of: 0x09, in: (close + 2)..<min(text.count, close + 48)),
            tab + 38 <= text.count, LambdaLogPrefix.isRequestID(UnsafeBufferPointer(rebasing: text[(tab + 1)..<(tab + 37)]))
        else { return nil }
        let bodyStart = min(text.count, tab + 38)
        return (text.text((tab + 1)..<(tab + 37)).lowercased(), UnsafeBufferPointer(rebasing: text[bodyStart...]))
    }

    /// The Region in `Runtime Version ARN: arn:aws:lambda:eu-west-1::runtime:…`.
    private static func runtimeRegion(_ text: UnsafeBufferPointer<UInt8>) -> String? {
        guard let start = text.firstOffset(of: "arn:aws:lambda:") else { return nil }
        let from = start + "arn:aws:lambda:".utf8.count
        guard let colon = text.firstOffset(of: UInt8(ascii: ":"), in: from..<min(text.count, from + 32)) else { return nil }
        let region = text.text(from..<colon)
        return AWSIdentifiers.isRegion(region[...]) ? region : nil
    }
}
