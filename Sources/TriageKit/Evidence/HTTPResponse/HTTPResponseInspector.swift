/// Reads `curl -v` / `curl -i` output and raw HTTP responses (kind `http-response`).
///
/// - Finds each response (status, headers, body) and the request that led to it.
/// - A 5xx is read by its client-visible signature (§1.1): status, body message,
///   `x-amzn-ErrorType`, and the API type that `apigw-requestid` (HTTP API) or `x-amz-apigw-id`
///   (REST) reveals. Only an authorizer's error type and the timeout body name a cause outright;
///   the rest is a `medium` or `low` guess that a log can confirm.
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
        var unexplained: [Int] = []
        for response in transcript.responses {
            let reading = HTTPResponseReading(response: response)
            // A request id names one response; only a finding's example lends it.
            facts.merge(reading.facts().filter { $0.key != "request_id" }) { first, _ in first }
            guard response.status >= 500 else { continue }
            failed += 1
            if let diagnosis = reading.diagnosis(path: file.path) {
                tally.add(diagnosis)
            } else {
                unexplained.append(response.statusLine.number)
            }
        }
        let findings = tally.findings(counting: "response")
        facts = ReportFacts.merge(fileLevel: facts, findings: findings)
        var problems: [String] = []
        if !unexplained.isEmpty {
            problems.append("\(CountText.counted(unexplained.count, "5xx response")) with no known signature (line \(unexplained.map(String.init).joined(separator: ", "))).")
        }
        if summary.cutLines > 0 { problems.append(LogLineReading.cutLinesProblem(summary.cutLines)) }
        let statuses = transcript.responses.map { String($0.status) }
        var description = "HTTP response (curl output), \(CountText.counted(transcript.responses.count, "response"))"
        if !statuses.isEmpty { description += ": " + statuses.prefix(5).joined(separator: ", ") + (statuses.count > 5 ? ", …" : "") }
        return EvidenceReport(
            path: file.path, kind: kind, description: description, lines: summary.lines,
            requests: transcript.responses.count, failed: failed, findings: findings, facts: facts, problems: problems)
    }
}
