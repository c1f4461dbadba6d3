/// Reads a Lambda function's own log (kind `lambda-log`): log group `/aws/lambda/FN` or a custom
/// one, in the text or JSON log format, as CloudWatch stores it or as `aws logs tail`,
/// `filter-log-events`, `sam logs`, `serverless logs`, `zappa tail` and Logs Insights print it.
///
/// - Streams the file; open invocations are kept by `RequestId` in a bounded table.
/// - Each invocation that failed is classified (`LambdaInvocationClassifier`): a timeout
///   (`lambda-timeout`), the 6 MB response limit (`lambda-response-too-large`), or an error, out of
///   memory, a crash or an init failure (`lambda-function-error`, the summary says which).
/// - The client's status is not in this log: findings carry none. Each names an example
///   invocation's request id and time, to join with API Gateway's logs for the same request.
/// - A log whose invocations all succeeded proves nothing and says so, with the longest duration
///   (what matters against an integration timeout).
public struct LambdaLogInspector: EvidenceInspector {
    public let kind = "lambda-log"
    /// How a large plain-text log is split over the cores (tests force small parts).
    let plan: ParallelScanPlan

    public init() {
        plan = .automatic
    }

    init(plan: ParallelScanPlan) {
        self.plan = plan
    }

    public func detect(_ sample: EvidenceSample) -> Int? {
        LambdaLogSample(sample.head).score
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        try inspect(file, quick: true)
    }

    /// `quick` false reads every line the general way (`LambdaLogScan`), for the equivalence tests.
    func inspect(_ file: EvidenceFile, quick: Bool) throws -> EvidenceReport {
        let (scan, reading) = try read(file, quick: quick)
        var problems = reading.problems
        if scan.closedEarly > 0 {
            problems.append(
                "More invocations were in flight at once than the scan keeps open; "
                    + "\(CountText.counted(scan.closedEarly, "invocation")) were judged before their last line.")
        }
        let findings = scan.groups.findings()
        let facts = ReportFacts.merge(fileLevel: LambdaLogFacts.fileLevel(scan: scan, head: file.sample.head, logGroup: reading.logGroup), findings: findings)
        return EvidenceReport(
            path: file.path, kind: kind,
            description: Self.description(lines: reading.lines, scan: scan, functionName: facts["function_name"]),
            lines: reading.lines, requests: scan.invocations, failed: scan.failed, findings: findings, facts: facts,
            problems: problems)
    }

    /// The finished scan of the file: a large log of plain lines on every core when the plan
    /// allows (the same result as one pass, `ParallelLambdaLogScan`), anything else in one pass.
    private func read(_ file: EvidenceFile, quick: Bool) throws -> (LambdaLogScan, LogLineReading) {
        if plan.splits(size: file.sample.size), LogMessageSource.of(file.sample.head) == .lines,
            let parallel = try ParallelLambdaLogScan.run(file, plan: plan, limits: .standard, quick: quick)
        {
            var reading = LogLineReading()
            reading.lines = parallel.lines
            return (parallel.scan, reading)
        }
        var scan = LambdaLogScan(path: file.path, quick: quick)
        let reading = try file.forEachLogLine { line, number in scan.consume(line, number: number) }
        scan.finish()
        return (scan, reading)
    }

    static func description(lines: Int, scan: LambdaLogScan, functionName: String?) -> String {
        var text = "Lambda function log"
        if let functionName { text += " of \(functionName)" }
        if scan.jsonRecords > 0 { text += " (JSON log format)" }
        text += ", \(CountText.counted(lines, "line")), \(CountText.counted(scan.invocations, "invocation"))"
        let kinds = scan.groups.failureKinds.sorted { $0.key < $1.key }
        if scan.failed == 0 {
            text += ", none failed"
        } else {
            text += ", \(CountText.grouped(scan.failed)) failed"
            text += " (" + kinds.map { "\(CountText.grouped($0.value)) \($0.key.rawValue)" }.joined(separator: ", ") + ")"
        }
        if let longest = scan.longestDurationMs { text += ", longest Duration \(Self.milliseconds(longest)) ms" }
        if let memory = scan.memorySizeMB { text += ", memory size \(memory) MB" }
        return text
    }

    /// `3003.12` → `3,003.12`; `812.0` → `812`.
    private static func milliseconds(_ value: Double) -> String {
        let whole = Int(value)
        let hundredths = Int(((value - Double(whole)) * 100).rounded())
        if hundredths == 0 { return CountText.grouped(whole) }
        if hundredths == 100 { return CountText.grouped(whole + 1) }
        return CountText.grouped(whole) + "." + (hundredths < 10 ? "0" : "") + String(hundredths)
    }
}
