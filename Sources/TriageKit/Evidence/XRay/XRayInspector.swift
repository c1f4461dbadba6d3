/// Reads X-Ray `aws xray batch-get-traces` output (segment documents as JSON strings) and
/// `get-trace-summaries`.
///
/// Per trace, the API Gateway segment (`origin` `AWS::ApiGateway::Stage`) gives the client's
/// status and the request id; its `Lambda` subsegment the function's request id and status:
/// - a Lambda call answered 429 or marked `throttle` → `backend-throttling`, high;
/// - a 504 with the segment lasting about 29 s → `integration-timeout`, high;
/// - a Lambda function segment with `fault`/`error` and an exception → `lambda-function-error`, medium;
/// - any other 5xx → an `UndeterminedFailure` with the trace's ids.
/// Request ids become `RequestKeys` (trace id, API Gateway and Lambda request ids) to join logs.
public struct XRayInspector: EvidenceInspector {
    public let kind = "xray"

    public init() {}

    public func detect(_ sample: EvidenceSample) -> Int? {
        CLIListing.score(
            sample, service: "xray", operations: ["batch-get-traces", "get-trace-summaries"],
            apiOperations: ["BatchGetTraces", "GetTraceSummaries"], shape: Self.isShape)
    }

    static func isShape(_ root: DocumentNode) -> Bool {
        if let traces = CLIListing.items(root, ["Traces"]) {
            return CLIListing.all(traces, allowEmpty: true) { $0.member("Segments") != nil }
        }
        guard let summaries = CLIListing.items(root, ["TraceSummaries"]) else { return false }
        return CLIListing.all(summaries, allowEmpty: true) { $0.member("Id") != nil }
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        try ConfigInspection.run(file, kind: kind, as: .json, inspect: inspect)
    }

    func inspect(_ document: ConfigDocument) -> EvidenceReport {
        let root = document.root
        guard Self.isShape(root) else {
            return ConfigInspection.unusable(
                document.path, kind: kind, problem: "it has no Traces or TraceSummaries list", lines: document.lineCount)
        }
        if let summaries = CLIListing.items(root, ["TraceSummaries"]) { return summariesReport(summaries, document) }
        var collector = FindingCollector()
        var undetermined: [UndeterminedFailure] = []
        var facts = FactCollector()
        var timeline: [TimelineEvent] = []
        let traces = CLIListing.items(root, ["Traces"]) ?? []
        var failed = 0
        for trace in traces {
            let reading = TraceReading(trace: trace, document: document)
            facts.add(reading.facts)
            guard let status = reading.status, status >= 500 else { continue }
            failed += 1
            if let time = reading.time {
                timeline.append(
                    TimelineEvent(time: time, kind: .firstFailure, text: "X-Ray trace with status \(status)", source: reading.evidence[0]))
            }
            if let finding = reading.finding(status: status) {
                collector.add(finding)
            } else {
                undetermined.append(
                    UndeterminedFailure(
                        status: status, apiType: "rest", evidence: reading.evidence, request: reading.request,
                        clues: ["the trace shows the status, not its cause"]))
            }
        }
        let description = ConfigInspection.label(kind) + ", \(traces.count) trace\(traces.count == 1 ? "" : "s"), \(failed) with a 5xx"
        return EvidenceReport(
            path: document.path, kind: kind, description: description, lines: document.lineCount,
            requests: traces.count, failed: failed, findings: collector.findings, facts: facts.facts,
            problems: [], undetermined: undetermined, timeline: Array(timeline.sorted { $0.time < $1.time }.prefix(1)))
    }

    /// get-trace-summaries: statuses and fault flags only, so 5xx traces are undetermined.
    private func summariesReport(_ summaries: [DocumentNode], _ document: ConfigDocument) -> EvidenceReport {
        var undetermined: [UndeterminedFailure] = []
        var faults = 0
        for summary in summaries {
            let status = summary["Http"]?["HttpStatus"]?.integer
            let fault = summary["HasFault"]?.bool == true
            guard fault || (status ?? 0) >= 500 else { continue }
            faults += 1
            let line = summary.member("Id")?.line ?? summary.line
            var request = RequestKeys(traceId: summary["Id"]?.string)
            request.route = summary["Http"]?["HttpURL"]?.string
            var clues: [String] = []
            if summary["HasThrottle"]?.bool == true { clues.append("HasThrottle: a call in the trace was throttled") }
            if let duration = summary["Duration"]?.scalarText.flatMap(Double.init), duration >= 28.5 {
                clues.append("lasted \(duration) s, the integration timeout")
            }
            undetermined.append(
                UndeterminedFailure(
                    status: status ?? 500, apiType: nil, evidence: [document.evidence(line: line)], request: request,
                    clues: clues))
        }
        return EvidenceReport(
            path: document.path, kind: kind,
            description: ConfigInspection.label(kind) + ", \(summaries.count) trace summaries, \(faults) with a fault; "
                + "batch-get-traces on their ids shows the segments that name the cause",
            lines: document.lineCount, requests: summaries.count, failed: faults, undetermined: undetermined)
    }
}
