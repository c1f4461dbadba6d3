/// What the log has shown so far about one invocation (one Lambda `RequestId`), kept while it is
/// open: the failure signals, its `REPORT` figures, and the few lines worth quoting.
///
/// Only lines that show a failure (or a failing invocation's report) are turned into text, so an
/// invocation that succeeds costs a few flags.
///
/// Equatable so that two scans' states can be compared at a seam (`LambdaSeamState`).
struct LambdaInvocation: Equatable {
    /// A quotable line and how telling it is (lower is more telling). Quoted only when a finding
    /// takes it (`evidence`): most kept lines belong to invocations no finding quotes, and
    /// quoting counts the characters of the whole line. A line longer than `maxRawBytes` is
    /// quoted at once, which bounds what an open invocation holds.
    struct RankedLine: Equatable {
        var rank: Int
        var number: Int
        var raw: [UInt8] = []
        var quoted: String?

        static let maxRawBytes = 1024

        init(rank: Int, number: Int, line: UnsafeBufferPointer<UInt8>) {
            self.rank = rank
            self.number = number
            if line.count <= Self.maxRawBytes {
                raw = Array(line)
            } else {
                quoted = EvidenceText.quote(line.text(0..<line.count))
            }
        }

        /// What `EvidenceText.quote` makes of the line as text, whenever it is asked.
        func evidence(path: String) -> EvidenceLine {
            EvidenceLine(file: path, line: number, text: quoted ?? EvidenceText.quote(String(decoding: raw, as: UTF8.self)))
        }
    }

    /// The request id, set when the invocation is judged (`LambdaLogScan.close`).
    var id = ""
    /// The first timestamp seen for it, as the line wrote it (`LambdaLogTime` reads it).
    var time: LambdaStamp?
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
    private(set) var lines: [RankedLine] = []

    static let maxLines = 6

    /// Whether the log proves the invocation failed.
    var failed: Bool {
        timedOut || responseTooLarge || outOfMemory || killed || runtimeExited || initFailed || unhandled
            || report?.status == "error" || report?.status == "timeout"
    }

    /// False only when `LambdaInvocationClassifier.classify` gives nil: none of the flags it reads
    /// is set and the report's status is not `error` (what it calls a crash).
    var mayHaveFailed: Bool {
        timedOut || responseTooLarge || outOfMemory || killed || runtimeExited || initFailed || unhandled || logged
            || report?.status == "error"
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

    /// `REPORT`: its figures, and the line kept when the invocation failed or used all its memory.
    /// (A method, so that the scan reads `failed` in place, not from a copy out of its array.)
    mutating func take(_ report: LambdaReport, line: UnsafeBufferPointer<UInt8>, number: Int) {
        take(report)
        if failed || report.usedAllMemory { keep(line, number: number, rank: 5) }
    }

    /// The first time seen for the invocation stays (`time` is asked only when there is none).
    @inline(__always)
    mutating func noteTime(_ time: () -> LambdaStamp?) {
        if self.time == nil { self.time = time() }
    }

    /// Keeps line `number` for a quote, while the invocation wants lines.
    mutating func keep(_ line: UnsafeBufferPointer<UInt8>, number: Int, rank: Int) {
        guard wantsLines else { return }
        lines.append(RankedLine(rank: rank, number: number, line: line))
    }

    /// Keeps a line another invocation kept (the init phase's), with a new rank.
    mutating func keep(_ line: RankedLine, rank: Int) {
        guard wantsLines else { return }
        var line = line
        line.rank = rank
        lines.append(line)
    }

    /// The same invocation with its kept lines numbered `offset` further (a part of a log read on
    /// its own numbers its lines from 1; see `ParallelLambdaLogScan`).
    mutating func shiftLines(by offset: Int) {
        for index in lines.indices { lines[index].number += offset }
    }

    /// The most telling lines first (then file order), at most `count`.
    func mostTelling(_ count: Int) -> [RankedLine] {
        lines.enumerated().sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }.prefix(count).map(\.element)
    }

    /// The most telling lines, quoted, at most `count`.
    func evidence(_ count: Int = 3, path: String) -> [EvidenceLine] {
        mostTelling(count).map { $0.evidence(path: path) }
    }

    mutating func reset() {
        self = LambdaInvocation()
    }
}
