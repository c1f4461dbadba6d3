/// Recognises a Lambda function's log from the start of a file, in any shape a tool prints it.
///
/// Counts the lines that only Lambda writes: `START RequestId:`, `END RequestId:`, `REPORT
/// RequestId:`, `INIT_START`, `INIT_REPORT`, `Task timed out after`, and the JSON format's
/// `platform.*` records, each at the start of a message (after a tool's timestamp or stream). An
/// execution log quotes `Task timed out` inside `Lambda execution failed …`, never at the start, and
/// an application log without these lines is not claimed: nothing in it says it is Lambda's.
struct LambdaLogSample {
    /// Lines that are Lambda platform lines.
    let platformLines: Int

    init(_ head: String) {
        var platform = 0
        LogMessageSource.of(head).forEachSampleLine(head) { line in
            if !line.isEmpty, Self.isPlatformLine(line) { platform += 1 }
        }
        platformLines = platform
    }

    /// The detection score: nil when no Lambda line is seen. Below the execution log's 90, so a
    /// file holding both (never seen) stays an execution log; above the access log's 85.
    var score: Int? {
        guard platformLines > 0 else { return nil }
        return platformLines >= 2 ? 88 : 60
    }

    static func isPlatformLine(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let prefix = LambdaLogPrefix.of(line)
        guard prefix.message < line.count else { return false }
        let text = UnsafeBufferPointer(rebasing: line[prefix.message...])
        if text.first == UInt8(ascii: "{") { return LambdaJSONRecord.isPlatformRecord(text) }
        if markers.contains(where: { text.hasPrefix($0) }) { return true }
        // `<request-id> Task timed out after 3.00 seconds` once the timestamp is skipped.
        if text.count > 37, LambdaLogPrefix.isRequestID(UnsafeBufferPointer(rebasing: text[0..<36])) {
            return text.hasPrefix("Task timed out after ", at: 37)
        }
        return false
    }

    private static let markers: [StaticString] = [
        "START RequestId: ", "END RequestId: ", "REPORT RequestId: ", "INIT_START ", "INIT_REPORT ",
        "Task timed out after ",
    ]
}
