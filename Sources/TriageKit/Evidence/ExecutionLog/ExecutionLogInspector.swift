/// Reads API Gateway REST execution logs (kind `execution-log`), in every shape of §3.1: CloudWatch
/// `(request-id) message` lines, console test output, exports with timestamps or tab-separated
/// columns in front, and `aws logs filter-log-events` JSON output.
///
/// - Streams the file once; memory depends on the requests in flight, not on the file size.
/// - Groups lines per request id (multi-line bodies stay with their request), classifies every
///   request that ended in a 5xx (`ExecutionFailureClassifier`), and groups them by cause.
/// - Successful requests are counted, not reported. A usage-plan `Key throttle limit exceeded`
///   (429) is counted apart: it is API Gateway's own throttling, not a 5xx.
/// - Facts: the API, stage, Region and account from `X-Amz-Source-Arn`, the function from the
///   Lambda ARN, the backend URL of HTTP integrations, and the ids of an example failing request.
public struct ExecutionLogInspector: EvidenceInspector {
    public let kind = "execution-log"
    /// How a large plain-text log is split over the cores (tests force small parts).
    let plan: ParallelScanPlan
    /// Whether a wrapper hands the messages the scan ignores over cut (`IgnoredMessageHead`); the
    /// tests compare with the whole messages.
    let cutsIgnoredMessages: Bool

    public init() {
        plan = .automatic
        cutsIgnoredMessages = true
    }

    init(plan: ParallelScanPlan, cutsIgnoredMessages: Bool = true) {
        self.plan = plan
        self.cutsIgnoredMessages = cutsIgnoredMessages
    }

    public func detect(_ sample: EvidenceSample) -> Int? {
        guard Self.gate(sample) else { return nil }
        let recognised = ExecutionLogSample(sample.head)
        guard recognised.knownLines > 0 else { return nil }
        if recognised.isEventsJSON { return 95 }
        // Delivered JSON events: most lines of the sample carry an execution-log message.
        if recognised.jsonEvents > 0 { return recognised.knownLines >= 2 || sample.isComplete ? 90 : 70 }
        return recognised.knownLines >= 3 || sample.isComplete ? 90 : 70
    }

    /// Whether the sample can hold an execution-log line: `ExecutionLogSample` counts only lines
    /// whose message starts with one of `ExecutionLogSample.knownMessages`, so their bytes must be in
    /// the head, unless a wrapper's JSON string spells a letter of one as a `\u` escape (the other
    /// escapes and CSV's `""` make none of their characters). Spares an access or Lambda JSON log
    /// the reading of every line as a delivered event.
    static func gate(_ sample: EvidenceSample) -> Bool {
        sample.mayContain(anyOf: ExecutionLogSample.knownMessages + ["\\u"])
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        let (pass, reading) = try read(file)
        let scan = pass.scan
        let delivery = pass.delivery
        let lines = reading.lines
        var problems = reading.problems
        problems += Messages.scanNotes(scan)

        let findings = scan.tally.findings(counting: "request")
        return EvidenceReport(
            path: file.path, kind: kind,
            description: Messages.description(lines: lines, scan: scan, findings: findings, delivery: delivery),
            lines: lines, requests: scan.requests, failed: scan.failed, findings: findings,
            facts: facts(scan: scan, head: file.sample.head, findings: findings), problems: problems,
            undetermined: scan.undetermined.failures)
    }

    /// The finished pass over the file: a large log, plain or wrapped, on every core when the
    /// plan allows (the same result as one pass), anything else in one pass.
    private func read(_ file: EvidenceFile) throws -> (ExecutionLogPass, LogLineReading) {
        if plan.splits(size: file.sample.size),
            let parallel = try ParallelExecutionLogScan.run(
                file, plan: plan, limits: Self.lineLimits, source: LogMessageSource.of(file.sample.head),
                cutsIgnoredMessages: cutsIgnoredMessages)
        {
            return (parallel.pass, parallel.reading)
        }
        var pass = ExecutionLogPass(scan: ExecutionLogScan(path: file.path))
        let reading = try file.forEachLogLine(limits: Self.lineLimits, cutsIgnoredMessages: cutsIgnoredMessages) { line, number in
            pass.take(line, number: number)
        }
        pass.scan.finish()
        return (pass, reading)
    }

    /// Execution logs delivered through CloudWatch Logs delivery (since 2026-09-10) have events of
    /// up to 1 MB, so lines are read up to 2 MiB (room for JSON escaping) before being cut.
    static let lineLimits = LineReadingLimits(maxLineLength: 2 * 1024 * 1024)
    /// Standard execution logging cuts messages at 1 KiB (`[TRUNCATED]`); a longer line with no
    /// such mark came through delivery.
    static let standardEventLimit = 1024 + 200

    /// What shows that the log came through CloudWatch Logs delivery rather than standard logging.
    struct DeliveryShape {
        var jsonEvents = 0
        var longEvents = 0

        var label: String? {
            if jsonEvents > 0 { return "delivered by CloudWatch Logs delivery, JSON format" }
            if longEvents > 0 { return "delivered by CloudWatch Logs delivery, events over 1 KiB" }
            return nil
        }
    }

    /// File-level facts (the API, the integration) under the facts of the findings, the most
    /// significant finding winning.
    /// The log group name (`API-Gateway-Execution-Logs_<api-id>/<stage>`), when an export shows it,
    /// names the API and stage too.
    private func facts(scan: ExecutionLogScan, head: String, findings: [Finding]) -> [String: String] {
        var facts = scan.firstFacts.filter { Self.fileLevelFacts.contains($0.key) }
        Array(head.utf8).withUnsafeBufferPointer { head in
            if let group = AWSIdentifiers.executionLogGroup(in: head) {
                facts["api_id"] = facts["api_id"] ?? group.apiID
                facts["stage"] = facts["stage"] ?? group.stage
            }
        }
        return ReportFacts.merge(fileLevel: facts, findings: findings)
    }

    /// Facts that hold for the whole log, not for one request.
    private static let fileLevelFacts: Set<String> = [
        "api_id", "api_type", "stage", "region", "account_id", "function_name", "backend_url", "backend_host",
        "authorizer_id", "stage_variable",
    ]

    private enum Messages {
        static func description(lines: Int, scan: ExecutionLogScan, findings: [Finding], delivery: DeliveryShape) -> String {
            var text = "API Gateway execution log\(delivery.label.map { " (\($0))" } ?? ""), "
            text += "\(CountText.counted(lines, "line")), \(CountText.counted(scan.requests, "request"))"
            text += ", \(CountText.grouped(scan.failed)) failed"
            let statuses = Set(findings.compactMap(\.status) + scan.unexplained.compactMap(\.status)).sorted()
            if scan.failed > 0, !statuses.isEmpty {
                text += " with " + statuses.map(String.init).joined(separator: "/")
            }
            if scan.keyThrottled > 0 {
                text += ", \(CountText.grouped(scan.keyThrottled)) throttled with 429 by a usage plan (not a 5xx)"
            }
            return text
        }

        static func scanNotes(_ scan: ExecutionLogScan) -> [String] {
            var notes: [String] = []
            if scan.unexplainedCount > 0 {
                let first = scan.unexplained.map { "line \(CountText.grouped($0.line))" }.joined(separator: ", ")
                notes.append(
                    "\(CountText.counted(scan.unexplainedCount, "failed request")) \(scan.unexplainedCount == 1 ? "shows" : "show") no line that names the cause "
                        + "(\(first)). An ERROR-level log or one without data trace may leave it out; a backend that "
                        + "answered 5xx on its own looks the same.")
            }
            if scan.closedEarly > 0 {
                notes.append(
                    "More requests were in flight at once than the scan keeps open; "
                        + "\(CountText.counted(scan.closedEarly, "request")) were judged before their last line.")
            }
            if scan.droppedLines > 0 {
                notes.append("\(CountText.counted(scan.droppedLines, "line")) of very long requests were skipped.")
            }
            return notes
        }
    }
}
