import Foundation

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
/// line reader's 64 KiB), so a JSON log costs one parse per platform or error record.
enum LambdaJSONRecord {
    /// Whether the line is a platform record (for detection).
    static func isPlatformRecord(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        text.first == UInt8(ascii: "{") && text.firstOffset(of: "\"platform.") != nil && text.firstOffset(of: "\"type\"") != nil
    }

    /// The line read as a Lambda log line, or nil when it is not a JSON record.
    static func parse(_ text: UnsafeBufferPointer<UInt8>) -> (line: LambdaLogLine, time: String?)? {
        guard text.first == UInt8(ascii: "{") else { return nil }
        let isPlatform = isPlatformRecord(text)
        let hasError = text.firstOffset(of: "\"errorType\"") != nil || text.firstOffset(of: "Task timed out after") != nil
        guard isPlatform || hasError,
            let object = (try? JSONSerialization.jsonObject(with: Data(buffer: text))) as? [String: Any]
        else { return nil }
        let time = (object["time"] as? String) ?? (object["timestamp"] as? String)
        if isPlatform, let type = object["type"] as? String {
            let record = object["record"] as? [String: Any] ?? [:]
            return platform(type, record).map { ($0, time) }
        }
        let id = (object["requestId"] as? String ?? object["AWSRequestId"] as? String)?.lowercased()
        let message = object["message"].map(Self.text) ?? ""
        if message.hasPrefix("Task timed out after") {
            let seconds = message.dropFirst("Task timed out after ".count).prefix { !$0.isWhitespace }
            return (.signal(id: id, .timedOut(seconds: String(seconds))), time)
        }
        let type = object["errorType"] as? String ?? (object["message"] as? [String: Any])?["errorType"] as? String
        guard let type else { return (.other(id: id), time) }
        let signal = Array(type.utf8).withUnsafeBufferPointer { LambdaFailureSignal.of($0) } ?? .unhandled(type: type)
        return (.signal(id: id, signal.isStrong ? signal : .unhandled(type: type)), time)
    }

    private static func platform(_ type: String, _ record: [String: Any]) -> LambdaLogLine? {
        let id = (record["requestId"] as? String)?.lowercased()
        let status = record["status"] as? String
        let errorType = record["errorType"] as? String
        switch type {
        case "platform.start":
            return id.map { .start(id: $0) }
        case "platform.report", "platform.runtimeDone":
            guard let id else { return nil }
            let metrics = record["metrics"] as? [String: Any] ?? [:]
            var report = LambdaReport(status: status, errorType: errorType)
            report.durationMs = Self.number(metrics["durationMs"])
            report.memorySizeMB = LambdaReport.megabytes(Self.number(metrics["memorySizeMB"]))
            report.maxMemoryUsedMB = LambdaReport.megabytes(Self.number(metrics["maxMemoryUsedMB"]))
            report.initDurationMs = Self.number(metrics["initDurationMs"])
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

    private static func number(_ value: Any?) -> Double? {
        switch value {
        case let number as NSNumber: LambdaReport.number(String(number.doubleValue))
        case let text as String: LambdaReport.number(text)
        default: nil
        }
    }

    private static func text(_ value: Any) -> String {
        value as? String ?? ""
    }
}
