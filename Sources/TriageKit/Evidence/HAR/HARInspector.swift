/// Reads browser and devtools HAR exports (kind `har`): `{"log": {"version", "creator",
/// "entries": [{"startedDateTime", "time", "request", "response", "timings"}]}}`.
///
/// - Entries are cut out of the stream one at a time (`HAREntryStream`); an entry that mentions
///   neither an `execute-api` host nor an API Gateway header is skipped unparsed.
/// - Each API Gateway entry becomes a `CapturedResponse`, and `ResponseProof` decides what it
///   proves, as for curl: a 504 after 29 s, `Endpoint request timed out`, an authorizer's error
///   type name a cause; any other 5xx is undetermined, with its clues and request ids.
public struct HARInspector: EvidenceInspector {
    public let kind = "har"

    public init() {}

    public func detect(_ sample: EvidenceSample) -> Int? {
        guard ConfigDocument.looksLikeJSON(sample.head), let prefix = JSONDocumentParser.parsePrefix(sample.head),
            let log = prefix.root["log"], log.isObject
        else { return nil }
        if let entries = log["entries"], entries.isArray { return ConfigDetectionScore.certain }
        // A sample cut before `entries` (many pages first) still shows HAR's own header.
        if !sample.isComplete, !prefix.isComplete, log["creator"]?.isObject == true, log["version"] != nil {
            return ConfigDetectionScore.likely
        }
        return nil
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        var stream = HAREntryStream()
        var reading = Reading(path: file.path)
        _ = try file.forEachChunk { chunk in
            stream.feed(chunk) { reading.take($0) }
            return !stream.isMalformed
        }
        return reading.report(kind: kind, stream: stream)
    }

    /// What the entries showed so far.
    private struct Reading {
        let path: String
        var tally = CaptureTally()
        var entries = 0
        var statuses: [Int] = []
        var tooLarge = 0
        var unreadable = 0
        var noResponse = 0
        var creator: String?

        init(path: String) { self.path = path }

        mutating func take(_ element: HAREntryStream.Element) {
            if element.place == .creator {
                creator = parse(element).flatMap(Self.creatorName)
                return
            }
            entries += 1
            if element.isTooLarge {
                tooLarge += 1
                return
            }
            guard HAREntryReading.mentionsAPIGateway(element.bytes) else { return }
            guard let root = parse(element) else {
                unreadable += 1
                return
            }
            let text = String(decoding: element.bytes, as: UTF8.self)
            let entry = HAREntryReading(
                root: root, lines: text.split(separator: "\n", omittingEmptySubsequences: false), firstLine: element.firstLine,
                path: path)
            guard let response = entry.captured() else {
                noResponse += 1
                return
            }
            let proof = ResponseProof(response)
            // A HAR holds a whole page's traffic: only API Gateway's answers are this tool's business.
            guard proof.isAPIGateway else { return }
            statuses.append(response.status)
            tally.add(proof)
        }

        private func parse(_ element: HAREntryStream.Element) -> DocumentNode? {
            try? JSONDocumentParser.parse(String(decoding: element.bytes, as: UTF8.self))
        }

        private static func creatorName(_ root: DocumentNode) -> String? {
            guard let name = root["name"]?.string else { return nil }
            let version = root["version"]?.string.map { " " + $0.prefix(20) } ?? ""
            return EvidenceText.quote(name + version, limit: 60)
        }

        func report(kind: String, stream: HAREntryStream) -> EvidenceReport {
            var description = "HAR capture"
            if let creator { description += " (\(creator))" }
            description += ", \(CountText.counted(entries, "entry", "entries"))"
            if statuses.isEmpty {
                description += "; none went through API Gateway"
            } else {
                description += "; \(CountText.grouped(statuses.count)) through API Gateway: \(CaptureTally.statusList(statuses))"
            }
            var problems: [String] = []
            if stream.isMalformed {
                problems.append("The HAR is not valid JSON or nests more than \(HAREntryStream.maxDepth) levels deep; read up to line \(CountText.grouped(stream.line)).")
            } else if !stream.isComplete {
                problems.append("The HAR stops before its end (cut off?): \(CountText.counted(entries, "entry", "entries")) read.")
            }
            if !stream.sawEntries, !stream.isMalformed {
                problems.append("No log.entries array: the file has HAR's header but no requests.")
            }
            if tooLarge > 0 {
                problems.append("\(CountText.counted(tooLarge, "entry", "entries")) larger than \(HAREntryStream.maxElementBytes / (1024 * 1024)) MiB skipped.")
            }
            if unreadable > 0 { problems.append("\(CountText.counted(unreadable, "entry", "entries")) could not be read as JSON.") }
            if noResponse > 0 {
                problems.append("\(CountText.counted(noResponse, "API Gateway request")) got no response in the browser (status 0): blocked, cancelled or failed before an answer.")
            }
            let findings = tally.findings(counting: "entry")
            return EvidenceReport(
                path: path, kind: kind, description: description, lines: max(stream.line - 1, 0), requests: statuses.count,
                failed: tally.failed, findings: findings, facts: tally.reportFacts(findings: findings), problems: problems,
                undetermined: tally.undeterminedFailures)
        }
    }
}
