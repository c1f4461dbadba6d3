/// Reads `curl -v` / `curl -i` output and raw HTTP responses (kind `http-response`).
///
/// - Finds each response (status, headers, body) and the request that led to it.
/// - A 5xx is read by its client-visible signature (§1.1): status, body message,
///   `x-amzn-ErrorType`, and the API type that `apigw-requestid` (HTTP API) or `x-amz-apigw-id`
///   (REST) reveals. Only an authorizer's error type and the timeout or network-error bodies name
///   a cause; a status with the stock body is an `UndeterminedFailure` (with the response's ids,
///   so a log of the same request can settle it), never a guessed cause.
/// - Facts: api_type, api_id and Region from the execute-api host, stage and resource path from
///   the URL, the request id.
public struct HTTPResponseInspector: EvidenceInspector {
    public let kind = "http-response"

    public init() {}

    public func detect(_ sample: EvidenceSample) -> Int? {
        var transcript = HTTPTranscript()
        for (index, line) in sample.head.split(separator: "\n", omittingEmptySubsequences: false).prefix(400).enumerated() {
            transcript.consume(line, number: index + 1)
        }
        return transcript.responses.isEmpty ? nil : 85
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        var transcript = HTTPTranscript()
        let summary = try file.forEachLine { line in
            transcript.consume(line.text, number: line.number)
            return true
        }
        var tally = FindingTally()
        var facts: [String: String] = [:]
        var failed = 0
        var undetermined = UndeterminedTally()
        for response in transcript.responses {
            let reading = HTTPResponseReading(response: response)
            // A request id names one response; only a finding's example lends it.
            facts.merge(reading.facts().filter { $0.key != "request_id" }) { first, _ in first }
            guard response.status >= 500 else { continue }
            failed += 1
            if let diagnosis = reading.diagnosis(path: file.path) {
                tally.add(diagnosis)
            } else if let failure = reading.undetermined(path: file.path) {
                undetermined.add(failure)
            }
        }
        let findings = tally.findings(counting: "response")
        facts = ReportFacts.merge(fileLevel: facts, findings: findings)
        // Without a finding, the example failure's request id is the one to look up in the logs.
        let failures = undetermined.failures
        if facts["request_id"] == nil, let id = failures.first?.request?.apiGatewayRequestId { facts["request_id"] = id }
        var problems: [String] = []
        if summary.cutLines > 0 { problems.append(LogLineReading.cutLinesProblem(summary.cutLines)) }
        let statuses = transcript.responses.map { String($0.status) }
        var description = "HTTP response (curl output), \(CountText.counted(transcript.responses.count, "response"))"
        if !statuses.isEmpty { description += ": " + statuses.prefix(5).joined(separator: ", ") + (statuses.count > 5 ? ", …" : "") }
        return EvidenceReport(
            path: file.path, kind: kind, description: description, lines: summary.lines,
            requests: transcript.responses.count, failed: failed, findings: findings, facts: facts, problems: problems,
            undetermined: failures)
    }
}
