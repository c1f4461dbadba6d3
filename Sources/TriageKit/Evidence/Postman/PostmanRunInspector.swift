/// Reads Newman JSON reports and Postman app collection-run exports (kind `postman-run`).
///
/// - Each request of the run becomes a `CapturedResponse`, and `ResponseProof` decides what it
///   proves, exactly as for curl and HAR captures.
/// - App run exports carry no headers or bodies: their 5xx are undetermined unless the time alone
///   proves a timeout (29 s on a REST API).
/// - A Postman collection (definitions, saved examples, no run) is recognised and proves
///   nothing: the report says to attach the run's results instead.
public struct PostmanRunInspector: EvidenceInspector {
    public let kind = "postman-run"

    public init() {}

    public func detect(_ sample: EvidenceSample) -> Int? {
        guard ConfigDocument.looksLikeJSON(sample.head), let prefix = JSONDocumentParser.parsePrefix(sample.head) else { return nil }
        if let shape = PostmanRunShape(prefix.root) {
            return shape == .collection ? ConfigDetectionScore.likely : ConfigDetectionScore.certain
        }
        // Newman writes the whole collection before `run`: a large one pushes `run` past the sample.
        if !prefix.isComplete, prefix.root["run"] == nil, let info = prefix.root["collection"]?["info"],
            info["schema"]?.string?.contains("schema.getpostman.com") == true || info["_postman_id"] != nil
        {
            return ConfigDetectionScore.likely
        }
        return nil
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        try ConfigInspection.run(file, kind: kind, as: .json) { document in
            guard let shape = PostmanRunShape(document.root) else {
                return ConfigInspection.unusable(
                    file.path, kind: kind, problem: "it holds neither run.executions nor results", lines: document.lineCount)
            }
            return report(document, shape: shape)
        }
    }

    private func report(_ document: ConfigDocument, shape: PostmanRunShape) -> EvidenceReport {
        let name = (document.root["collection"]?["info"]?["name"]?.string ?? document.root["name"]?.string
            ?? document.root["info"]?["name"]?.string).map { " \"\(EvidenceText.quote($0, limit: 60))\"" } ?? ""
        if shape == .collection {
            let requests = Self.requestCount(document.root["item"])
            return EvidenceReport(
                path: document.path, kind: kind,
                description: "Postman collection\(name) (\(CountText.counted(requests, "request"))): definitions, not a run; "
                    + "attach the run's results (Collection Runner → Export Results, or newman run -r json)",
                lines: document.lineCount)
        }
        let reading = PostmanExecutionReading(document: document)
        let responses: [CapturedResponse] =
            switch shape {
            case .newman: (document.root["run"]?["executions"]?.elements ?? []).compactMap(reading.newman)
            case .appRun, .collection: (document.root["results"]?.elements ?? []).compactMap(reading.appResult)
            }
        var tally = CaptureTally()
        for response in responses { tally.add(ResponseProof(response)) }
        let findings = tally.findings(counting: "request")
        let label = shape == .newman ? "Newman run report" : "Postman collection run"
        var description = "\(label)\(name), \(CountText.counted(responses.count, "request"))"
        if !responses.isEmpty { description += ": " + CaptureTally.statusList(responses.map(\.status)) }
        return EvidenceReport(
            path: document.path, kind: kind, description: description, lines: document.lineCount, requests: responses.count,
            failed: tally.failed, findings: findings, facts: tally.reportFacts(findings: findings),
            undetermined: tally.undeterminedFailures)
    }

    /// Requests in a collection's `item` tree (folders hold `item` of their own), bounded in depth.
    private static func requestCount(_ items: DocumentNode?, depth: Int = 0) -> Int {
        guard let items, depth < 32 else { return 0 }
        return items.elements.reduce(0) { count, item in
            count + (item["request"] != nil ? 1 : requestCount(item["item"], depth: depth + 1))
        }
    }
}
