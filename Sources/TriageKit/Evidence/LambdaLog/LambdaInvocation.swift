/// What the log has shown so far about one invocation (one Lambda `RequestId`), kept while it is
/// open: the failure signals, its `REPORT` figures, and the few lines worth quoting.
///
/// Only lines that show a failure (or a failing invocation's report) are turned into text, so an
/// invocation that succeeds costs a few flags.
struct LambdaInvocation {
    /// The request id, set when the invocation is judged (`LambdaLogScan.close`).
    var id = ""
    /// The first timestamp seen for it, as the line wrote it (`LambdaLogTime` reads it).
    var time: String?
    var timedOut = false
    var timeoutSeconds: String?
    var responseTooLarge = false
    var outOfMemory = false
    var killed = false
    var runtimeExited = false
    var initFailed = false
    var unhandled = false
    var logged = false
    /// The error type the runtime or Lambda named (`TypeError`, `Runtime.ImportModuleError`).
    var errorType: String?
    var report: LambdaReport?
    /// `REPORT` (or `platform.report`) seen: the invocation is over, late lines may still come.
    var reported = false
    /// Quotable lines, each with its rank (lower is more telling).
    private(set) var lines: [(rank: Int, line: EvidenceLine)] = []

    static let maxLines = 6

    /// Whether the log proves the invocation failed.
    var failed: Bool {
        timedOut || responseTooLarge || outOfMemory || killed || runtimeExited || initFailed || unhandled
            || report?.status == "error" || report?.status == "timeout"
    }

    /// Whether a line of this invocation is worth keeping for a quote now.
    var wantsLines: Bool { lines.count < Self.maxLines }

    mutating func take(_ signal: LambdaFailureSignal) {
        switch signal {
        case .timedOut(let seconds):
            timedOut = true
            if timeoutSeconds == nil { timeoutSeconds = seconds }
        case .responseTooLarge: responseTooLarge = true
        case .outOfMemory: outOfMemory = true
        case .killed: killed = true
        case .runtimeExit: runtimeExited = true
        case .initError(let type):
            initFailed = true
            errorType = errorType ?? type
        case .unhandled(let type):
            unhandled = true
            if errorType == nil || errorType == "panic" { errorType = type ?? errorType }
        case .logged(let type):
            logged = true
            if errorType == nil { errorType = type }
        }
    }

    mutating func take(_ report: LambdaReport) {
        reported = true
        var merged = report
        if let earlier = self.report {
            merged.durationMs = merged.durationMs ?? earlier.durationMs
            merged.memorySizeMB = merged.memorySizeMB ?? earlier.memorySizeMB
            merged.maxMemoryUsedMB = merged.maxMemoryUsedMB ?? earlier.maxMemoryUsedMB
            merged.status = merged.status ?? earlier.status
            merged.errorType = merged.errorType ?? earlier.errorType
        }
        self.report = merged
        switch merged.errorType {
        case "Runtime.OutOfMemory": outOfMemory = true
        case let type? where type.hasPrefix("Runtime.") && type != "Runtime.ExitError" && type != "Runtime.Unknown":
            if let signal = Array(type.utf8).withUnsafeBufferPointer({ LambdaFailureSignal.of($0) }) { take(signal) }
        default: break
        }
        if merged.status == "timeout" { timedOut = true }
    }

    mutating func keep(_ line: EvidenceLine, rank: Int) {
        guard wantsLines else { return }
        lines.append((rank, line))
    }

    /// The most telling lines first (then file order), at most `count`.
    func evidence(_ count: Int = 3) -> [EvidenceLine] {
        lines.enumerated().sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }.prefix(count).map(\.element.line)
    }

    mutating func reset() {
        self = LambdaInvocation()
    }
}
