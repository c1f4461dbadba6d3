/// One event of a REST execution log delivered by CloudWatch Logs delivery in JSON format (since
/// 2026-09-10): one JSON object per line.
///
/// The field names of that format are not documented, so the event is read tolerantly:
/// - the message is the value of a message-like key (`message`, `msg`, `@message`, `log`, in any
///   case, with `_`/`-`/`@` ignored) or, failing that, the first string value whose text is an
///   execution-log message API Gateway writes (the catalogue decides, not the field name);
/// - the request id is the value of a key such as `requestId`, `request_id`, `extendedRequestId`;
/// - a line cut short (a sample, a cut line) still yields the part that was read.
///
/// `line` turns the event back into the shape the scan reads: `(request-id) message`, with a
/// message's further lines as continuation lines.
struct DeliveredLogEvent {
    /// The decoded message.
    var message: String
    /// The request id, when a field gives it.
    var requestID: String?

    /// The event in `line`, or nil when the line is not a JSON object with an execution-log message.
    static func read(_ line: UnsafeBufferPointer<UInt8>) -> DeliveredLogEvent? {
        var position = 0
        while position < line.count, line[position] == 0x20 || line[position] == 0x09 { position += 1 }
        guard position < line.count, line[position] == UInt8(ascii: "{") else { return nil }
        var reader = Reader(line: line, position: position)
        return reader.event()
    }

    /// The event as execution-log lines: `(id) first line`, then the message's other lines.
    func lines(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var parts = message.split(separator: "\n", omittingEmptySubsequences: false)
        while let last = parts.last, last.allSatisfy(\.isWhitespace), parts.count > 1 { parts.removeLast() }
        for (index, part) in parts.enumerated() {
            var text = String(part.last == "\r" ? part.dropLast() : part)
            if index == 0, !text.hasPrefix("(") { text = "(\(requestID ?? Self.unknownRequest)) " + text }
            var bytes = Array(text.utf8)
            bytes.withUnsafeMutableBufferPointer { body(UnsafeBufferPointer($0)) }
        }
    }

    /// The id given to events that name no request: consecutive events then form one request,
    /// closed by its `Method completed` line.
    static let unknownRequest = "delivered-event"

    /// Key names, lower-cased with `_`, `-` and `@` removed.
    private static let messageKeys: Set<String> = ["message", "msg", "log", "logmessage", "text"]
    /// An HTTP status: access-log entries and responses have one, execution-log events do not.
    private static let statusKeys: Set<String> = ["status", "statuscode", "httpstatus", "responsestatus"]
    private static let requestIDKeys: [String] = ["requestid", "apigwrequestid", "awsrequestid", "extendedrequestid"]

    /// A tolerant pass over one JSON object: strings, keys and nesting, without building the tree.
    private struct Reader {
        let line: UnsafeBufferPointer<UInt8>
        var position: Int

        mutating func event() -> DeliveredLogEvent? {
            var objects: [Bool] = []  // true: object, false: array
            var expectingKey = false
            var key: String?
            var named: String?
            var recognised: String?
            var ids: [String: String] = [:]
            var hasStatus = false
            while position < line.count {
                let byte = line[position]
                switch byte {
                case UInt8(ascii: "\""):
                    let raw = string()
                    if objects.last == true, expectingKey {
                        key = Self.normalised(JSONStringText.decode(raw))
                    } else {
                        let value = JSONStringText.decode(raw)
                        if let key, DeliveredLogEvent.messageKeys.contains(key), named == nil {
                            named = value
                        } else if let key, DeliveredLogEvent.requestIDKeys.contains(key), ids[key] == nil {
                            ids[key] = value
                        } else if recognised == nil, Self.isExecutionLogMessage(value) {
                            recognised = value
                        }
                        key = nil
                    }
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    guard objects.count < 16 else { return nil }
                    objects.append(byte == UInt8(ascii: "{"))
                    expectingKey = byte == UInt8(ascii: "{")
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    _ = objects.popLast()
                    expectingKey = false
                case UInt8(ascii: ":"):
                    expectingKey = false
                    if let key, DeliveredLogEvent.statusKeys.contains(key) { hasStatus = true }
                case UInt8(ascii: ","):
                    expectingKey = objects.last == true
                    key = nil
                default:
                    break
                }
                position += 1
                if objects.isEmpty { break }
            }
            // A status field makes the line an access-log entry (or a response), whose error
            // fields may quote an execution-log message.
            guard !hasStatus else { return nil }
            let message = named.flatMap { Self.isExecutionLogMessage($0) ? $0 : nil } ?? recognised
            guard let message else { return nil }
            let id = DeliveredLogEvent.requestIDKeys.lazy.compactMap { ids[$0] }.first { AWSIdentifiers.isRequestID($0[...]) }
            return DeliveredLogEvent(message: message, requestID: id)
        }

        /// The raw bytes of the string starting at `position` (a quote), up to its closing quote or
        /// the end of the line; `position` moves past it.
        private mutating func string() -> UnsafeBufferPointer<UInt8> {
            let start = position + 1
            var index = start
            while index < line.count, line[index] != UInt8(ascii: "\"") {
                index += line[index] == UInt8(ascii: "\\") ? 2 : 1
            }
            let end = min(index, line.count)
            position = end + 1
            return UnsafeBufferPointer(rebasing: line[start..<end])
        }

        private static func normalised(_ key: String) -> String {
            String(key.lowercased().unicodeScalars.filter { !["_", "-", "@", "."].contains($0) })
        }

        /// Whether a value is an execution-log message: with or without its `(request-id) ` prefix.
        private static func isExecutionLogMessage(_ value: String) -> Bool {
            var bytes = Array(value.prefix(200).utf8)
            return bytes.withUnsafeMutableBufferPointer { buffer in
                let text = UnsafeBufferPointer(buffer)
                return ExecutionLogSample.isKnown(text) || ExecutionLogSample.isKnownMessage(text, at: 0)
            }
        }
    }
}
