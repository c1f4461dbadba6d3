/// One line of the Lambda JSON log format (advanced logging controls), read as what it says in
/// the text format's terms (`LambdaLogLine`):
///
/// - platform records: `{"time": …, "type": "platform.start" | "platform.report" |
///   "platform.runtimeDone" | "platform.initReport", "record": {"requestId": …, "metrics":
///   {"durationMs": …, "maxMemoryUsedMB": …, "memorySizeMB": …}, "status": …, "errorType": …}}`
/// - application records: `{"timestamp": …, "level": "ERROR", "requestId": …, "message": …,
///   "errorType": …}`: an unhandled error names its `errorType`; other records only count.
///
/// Only lines that look like one of these (by bytes) are parsed, each on its own (bounded by the
/// line reader's 64 KiB) into ranges of the line, so a JSON log costs one cheap pass per platform
/// or error record and no allocation but the values a finding keeps.
enum LambdaJSONRecord {
    /// Whether the line is a platform record (for detection).
    static func isPlatformRecord(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        text.first == UInt8(ascii: "{") && text.firstOffset(of: "\"platform.") != nil && text.firstOffset(of: "\"type\"") != nil
    }

    /// The line read as a Lambda log line, or nil when it is not a JSON record. `json` is the
    /// caller's reusable reader: records are read as ranges of the line (`FlatJSONLine`), with no
    /// dictionary per line; fields are found by their exact names, as a JSON decoder would.
    static func parse(_ text: UnsafeBufferPointer<UInt8>, using json: inout FlatJSONLine) -> (line: LambdaLogLine, time: String?)? {
        guard text.first == UInt8(ascii: "{") else { return nil }
        let isPlatform = isPlatformRecord(text)
        let hasError = text.firstOffset(of: "\"errorType\"") != nil || text.firstOffset(of: "Task timed out after") != nil
        guard isPlatform || hasError, json.parse(text) else { return nil }
        let record = Record(json: json, line: text)
        let time = record.string("time", "time") ?? record.string("timestamp", "timestamp")
        if isPlatform, let type = record.string("type", "type") {
            return platform(type, record).map { ($0, time) }
        }
        let id = (record.string("requestid", "requestId") ?? record.string("awsrequestid", "AWSRequestId"))?.lowercased()
        let message = record.string("message", "message") ?? ""
        if message.hasPrefix("Task timed out after") {
            let seconds = message.dropFirst("Task timed out after ".count).prefix { !$0.isWhitespace }
            return (.signal(id: id, .timedOut(seconds: String(seconds))), time)
        }
        let type = record.string("errortype", "errorType") ?? record.string("message.errortype", "errorType")
        guard let type else { return (.other(id: id), time) }
        let signal = Array(type.utf8).withUnsafeBufferPointer { LambdaFailureSignal.of($0) } ?? .unhandled(type: type)
        return (.signal(id: id, signal.isStrong ? signal : .unhandled(type: type)), time)
    }

    private static func platform(_ type: String, _ record: Record) -> LambdaLogLine? {
        let id = record.string("record.requestid", "requestId")?.lowercased()
        let status = record.string("record.status", "status")
        let errorType = record.string("record.errortype", "errorType")
        switch type {
        case "platform.start":
            return id.map { .start(id: $0) }
        case "platform.report", "platform.runtimeDone":
            guard let id else { return nil }
            var report = LambdaReport(status: status, errorType: errorType)
            report.durationMs = record.number("record.metrics.durationms", "durationMs")
            report.memorySizeMB = LambdaReport.megabytes(record.number("record.metrics.memorysizemb", "memorySizeMB"))
            report.maxMemoryUsedMB = LambdaReport.megabytes(record.number("record.metrics.maxmemoryusedmb", "maxMemoryUsedMB"))
            report.initDurationMs = record.number("record.metrics.initdurationms", "initDurationMs")
            if type == "platform.runtimeDone" {
                // The runtime's verdict, before the report: read it as a signal, not as the end.
                switch status {
                case "timeout": return .signal(id: id, .timedOut(seconds: nil))
                case "error", "failure":
                    let signal = errorType.flatMap { text in Array(text.utf8).withUnsafeBufferPointer { LambdaFailureSignal.of($0) } }
                    return .signal(id: id, signal ?? .unhandled(type: errorType))
                default: return .other(id: id)
                }
            }
            return .report(id: id, report)
        case "platform.initReport", "platform.initRuntimeDone":
            let failed = status != nil && status != "success"
            return .initReport(failed: failed, timedOut: status == "timeout", errorType: errorType)
        default:
            return .other(id: id)
        }
    }

    /// A parsed record's fields by exact name: the normalised key path (lower case, nesting joined
    /// with `.`) and the last key as written, so `requestId` does not match `RequestID`.
    private struct Record {
        let json: FlatJSONLine
        let line: UnsafeBufferPointer<UInt8>

        /// The value of a string field, escapes decoded (`""` stays empty); nil when absent or not a string.
        func string(_ path: StaticString, _ name: StaticString) -> String? {
            guard let field = field(path, name), field.isString else { return nil }
            return JSONStringText.decode(UnsafeBufferPointer(rebasing: line[field.value]))
        }

        /// A number, written as a JSON number or as a string.
        func number(_ path: StaticString, _ name: StaticString) -> Double? {
            guard let field = field(path, name) else { return nil }
            let raw = UnsafeBufferPointer(rebasing: line[field.value])
            let text = field.isString ? JSONStringText.decode(raw) : raw.text(0..<raw.count)
            return LambdaReport.number(text)
        }

        private func field(_ path: StaticString, _ name: StaticString) -> FlatJSONLine.Field? {
            json.keys.withUnsafeBufferPointer { keys in
                json.fields.first { field in
                    field.key.count == path.utf8CodeUnitCount && field.name.count == name.utf8CodeUnitCount
                        && UnsafeBufferPointer(rebasing: keys[field.key]).hasPrefix(path)
                        && UnsafeBufferPointer(rebasing: line[field.name]).hasPrefix(name)
                }
            }
        }
    }
}
