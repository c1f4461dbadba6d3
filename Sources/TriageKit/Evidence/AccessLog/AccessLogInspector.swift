/// Reads API Gateway access logs (kind `access-log`), REST or HTTP API: JSON lines with any field
/// names that map to `$context` variables, the console's CLF presets (with a trailing integration
/// error message, when the format adds one), and either as `aws logs filter-log-events` output.
///
/// - Streams the file; each line is one request. A large plain-text log is read on every core
///   (`ParallelAccessLogScan`), with the same result as one pass.
/// - Every 5xx is read with the §4.4 matrix (`AccessLogInterpreter`) and grouped by cause.
/// - 429s are API Gateway's own throttling, counted apart (not a 5xx).
/// - Facts: the API type (a route key means an HTTP API), API id and stage when logged, and the
///   ids of an example failing request.
public struct AccessLogInspector: EvidenceInspector {
    public let kind = "access-log"
    /// See `AccessLogScan`: off only in the tests that compare the fast paths with full parsing.
    let countsSuccessesFromBytes: Bool
    /// How a large log is split over the cores (`.singleThreaded` in the tests that compare).
    let plan: ParallelScanPlan

    public init() {
        countsSuccessesFromBytes = true
        plan = .automatic
    }

    init(countsSuccessesFromBytes: Bool = true, plan: ParallelScanPlan = .automatic) {
        self.countsSuccessesFromBytes = countsSuccessesFromBytes
        self.plan = plan
    }

    /// Access-log shape (`AccessLogShape`), not just any JSON line with a status: a proxy response,
    /// a structured application log or a client transcript is not claimed.
    public func detect(_ sample: EvidenceSample) -> Int? {
        var shape = AccessLogShape()
        for line in Self.sampleLines(sample.head).prefix(200) {
            var bytes = Array(line.utf8)
            bytes.withUnsafeMutableBufferPointer { shape.consume(UnsafeBufferPointer($0)) }
        }
        return shape.score
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        let (scan, reading) = try read(file)
        let lines = reading.lines
        var problems = reading.problems
        if scan.unexplainedCount > 0 {
            let examples = scan.unexplained.map { "line \(CountText.grouped($0.line)) (\($0.status))" }.joined(separator: ", ")
            problems.append(
                "\(CountText.counted(scan.unexplainedCount, "failed request")) \(scan.unexplainedCount == 1 ? "carries" : "carry") no field that names the cause (\(examples)). "
                    + "Add $context.integrationErrorMessage, $context.integrationStatus and $context.error.responseType to the format.")
        }
        if scan.unrecognisedLines > 0 {
            problems.append("\(CountText.counted(scan.unrecognisedLines, "line")) did not read as access-log entries and were skipped.")
        }
        let findings = scan.tally.findings(counting: "request")
        let facts = ReportFacts.merge(fileLevel: scan.firstFacts, findings: findings)
        return EvidenceReport(
            path: file.path, kind: kind, description: description(lines: lines, scan: scan), lines: lines,
            requests: scan.requests, failed: scan.failed, findings: findings, facts: facts, problems: problems,
            undetermined: scan.undetermined.failures)
    }

    /// The finished scan of the file: a large plain-text log on every core when the plan allows
    /// (the same result as one pass), anything else (small, or inside a tool's output) in one pass.
    private func read(_ file: EvidenceFile) throws -> (AccessLogScan, LogLineReading) {
        if plan.splits(size: file.sample.size), LogMessageSource.of(file.sample.head) == .lines,
            let parallel = try ParallelAccessLogScan.run(file, plan: plan, countsSuccessesFromBytes: countsSuccessesFromBytes)
        {
            var reading = LogLineReading()
            reading.lines = parallel.lines
            return (parallel.scan, reading)
        }
        var scan = AccessLogScan(path: file.path, countsSuccessesFromBytes: countsSuccessesFromBytes)
        let reading = try file.forEachLogLine { line, number in scan.consume(line, number: number) }
        return (scan, reading)
    }

    private func description(lines: Int, scan: AccessLogScan) -> String {
        let format = scan.formats.sorted().joined(separator: " and ")
        var text = "API Gateway access log\(format.isEmpty ? "" : " (\(format))"), \(CountText.counted(lines, "line")), "
        text += "\(CountText.counted(scan.requests, "request")), \(CountText.grouped(scan.failed)) failed with 5xx"
        if scan.throttled > 0 { text += ", \(CountText.grouped(scan.throttled)) throttled with 429 (not a 5xx)" }
        return text
    }

    /// The lines of the sample, or the messages when it is a wrapper (`LogMessageSource`).
    private static func sampleLines(_ head: String) -> [String] {
        LogMessageSource.of(head).sampleLines(head)
    }
}
