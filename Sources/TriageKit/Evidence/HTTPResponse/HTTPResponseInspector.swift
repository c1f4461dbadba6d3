/// Reads `curl -v` / `curl -i`, httpie and `wget -S` output and raw HTTP responses (kind
/// `http-response`).
///
/// - Finds each response (status, headers, body) and the request that led to it
///   (`HTTPTranscript`, with the httpie and wget line shapes).
/// - What each response proves is decided by `ResponseProof`, as for every capture format: a
///   finding only where the body or a header names the cause, else an undetermined failure.
/// - Facts: api_type, api_id and Region from the execute-api host, stage and resource path from
///   the URL, the request id, and the status the failures show.
public struct HTTPResponseInspector: EvidenceInspector {
    public let kind = "http-response"

    public init() {}

    public func detect(_ sample: EvidenceSample) -> Int? {
        // A response starts only at a status line (`HTTP/`) or wget's `awaiting response... `.
        // A status line is read only at the start of a line (`HTTPTranscript.consume`: the line,
        // or what follows curl's `< `, may start `HTTP/` or two blanks and `HTTP/`); an access log
        // holds `HTTP/1.1` in every line but never there, and is spared the split into lines.
        guard sample.mayContain(anyOf: ["awaiting response... "])
            || SampleBytes.hasLine(in: sample.head, startingWithAnyOf: Self.statusLineStarts)
        else { return nil }
        return detectByLines(sample)
    }

    /// How a line the transcript reads as a status line starts, as bytes (see `detect`).
    static let statusLineStarts: [StaticString] = ["HTTP/", "  HTTP/", "< HTTP/", "<   HTTP/"]

    /// The detection itself, over the sample's first lines.
    func detectByLines(_ sample: EvidenceSample) -> Int? {
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
        var tally = CaptureTally()
        for response in transcript.responses {
            tally.add(ResponseProof(HTTPResponseReading(response: response).captured(path: file.path)))
        }
        let findings = tally.findings(counting: "response")
        var problems: [String] = []
        if summary.cutLines > 0 { problems.append(LogLineReading.cutLinesProblem(summary.cutLines)) }
        let statuses = transcript.responses.map(\.status)
        var description = "HTTP response (curl, httpie or wget output), \(CountText.counted(statuses.count, "response"))"
        if !statuses.isEmpty { description += ": " + CaptureTally.statusList(statuses) }
        return EvidenceReport(
            path: file.path, kind: kind, description: description, lines: summary.lines,
            requests: statuses.count, failed: tally.failed, findings: findings,
            facts: tally.reportFacts(findings: findings), problems: problems, undetermined: tally.undeterminedFailures)
    }
}
