/// Follows one request across files: a failure one file shows without its cause (an access-log
/// 502, a curl 500) is settled by another file's finding for the same request (the Lambda log's
/// `Task timed out`, the execution log's `Invalid permissions`).
///
/// - **By id** (API Gateway request id, extended request id, Lambda request id, X-Ray trace id):
///   it is the same request, so the finding that proves the cause takes the failure's line beside
///   its own and the status the client got; the failure no longer counts as undetermined. The
///   confidence stays the finding's.
/// - **By time and route**, when no id joins: both files name the route and their times are
///   within `timeWindow`, and only one cause fits. That may be another request, so the failure
///   becomes a finding of its own, one confidence step below the other file's, whose summary says
///   "joined by time and route, not by id".
/// - Failures of several files that share an id are one request: they merge first, so a chain
///   (curl → access log → Lambda log) joins through the ids each file adds.
///
/// Only a file's example request carries ids, so one join settles one request of a group.
/// Formats that carry `RequestKeys` plug in without change here.
public enum RequestJoin {
    /// How far apart two files' times of one request may be for a join by time and route: the
    /// access log's time is the request's start, a log line's time may be its end.
    public static let timeWindow: Int64 = 5_000

    public static func join(_ reports: [EvidenceReport]) -> [EvidenceReport] {
        var reports = mergeUndetermined(reports)
        for reportIndex in reports.indices {
            var failureIndex = 0
            while failureIndex < reports[reportIndex].undetermined.count {
                let failure = reports[reportIndex].undetermined[failureIndex]
                if let keys = failure.request, settle(failure, keys: keys, from: reportIndex, in: &reports) {
                    reports[reportIndex].undetermined[failureIndex] = consumedExample(of: failure)
                }
                failureIndex += 1
            }
            reports[reportIndex].undetermined.removeAll { $0.count <= 0 }
        }
        return reports
    }

    // MARK: - Settling one failure

    private struct Anchor {
        var report: Int
        var finding: Int
        var keys: RequestKeys
    }

    /// Settles `failure` with another file's finding; true when it did.
    private static func settle(_ failure: UndeterminedFailure, keys: RequestKeys, from source: Int, in reports: inout [EvidenceReport]) -> Bool {
        let anchors = anchors(in: reports, excluding: source)
        if let (anchor, shared) = anchors.lazy.compactMap({ anchor in sharedID(keys, anchor.keys).map { (anchor, $0) } }).first {
            joinByID(failure, keys: keys, to: anchor, shared: shared, in: &reports)
            return true
        }
        let nearby = anchors.filter { closeInTimeAndRoute(keys, $0.keys) }
        let causes = Set(nearby.map { reports[$0.report].findings[$0.finding].cause })
        guard causes.count == 1, let anchor = nearby.first else { return false }
        joinByTime(failure, keys: keys, to: anchor, into: source, in: &reports)
        return true
    }

    /// Findings that prove a cause (medium or high) and name their request, strongest first.
    private static func anchors(in reports: [EvidenceReport], excluding source: Int) -> [Anchor] {
        var anchors: [Anchor] = []
        for (reportIndex, report) in reports.enumerated() where reportIndex != source {
            for (findingIndex, finding) in report.findings.enumerated() where finding.confidence >= .medium {
                if let keys = finding.request { anchors.append(Anchor(report: reportIndex, finding: findingIndex, keys: keys)) }
            }
        }
        return anchors.enumerated().sorted { left, right in
            let leftConfidence = reports[left.element.report].findings[left.element.finding].confidence
            let rightConfidence = reports[right.element.report].findings[right.element.finding].confidence
            return leftConfidence != rightConfidence ? leftConfidence > rightConfidence : left.offset < right.offset
        }.map(\.element)
    }

    private static func joinByID(
        _ failure: UndeterminedFailure, keys: RequestKeys, to anchor: Anchor, shared: (kind: String, value: String), in reports: inout [EvidenceReport]
    ) {
        var finding = reports[anchor.report].findings[anchor.finding]
        let quoted = failure.evidence.first
        if let quoted, !finding.evidence.contains(quoted) {
            finding.evidence.insert(quoted, at: min(1, finding.evidence.count))
        }
        if finding.status == nil { finding.status = failure.status }
        finding.request = keys.merged(with: finding.request)
        let place = quoted.map { "\($0.file) line \($0.line)" } ?? "another file"
        finding.summary = joined(finding.summary, "The client's \(failure.status) at \(place) is the same request (\(shared.kind) \(shared.value)).")
        reports[anchor.report].findings[anchor.finding] = finding
    }

    private static func joinByTime(_ failure: UndeterminedFailure, keys: RequestKeys, to anchor: Anchor, into source: Int, in reports: inout [EvidenceReport]) {
        let other = reports[anchor.report].findings[anchor.finding]
        var evidence = Array(failure.evidence.prefix(1))
        evidence += other.evidence.prefix(2).filter { !evidence.contains($0) }
        let place = other.evidence.first.map { "\($0.file) line \($0.line)" } ?? reports[anchor.report].path
        let finding = Finding(
            cause: other.cause, status: failure.status, confidence: lowered(other.confidence), count: 1, evidence: evidence,
            facts: other.facts,
            summary: "The client's \(failure.status) matches \(place) joined by time and route, not by id (\(keys.route ?? "")); "
                + "a request id in both files would make it certain.",
            request: keys.merged(with: other.request))
        reports[source].findings.append(finding)
        reports[source].findings.sort(by: Finding.moreSignificant)
    }

    /// The failure group after its example request was settled: one request fewer, and no ids
    /// (they were the example's).
    private static func consumedExample(of failure: UndeterminedFailure) -> UndeterminedFailure {
        var rest = failure
        rest.count -= 1
        rest.request = nil
        if rest.count > 0 { rest.clues.append("the example request was settled by another file") }
        return rest
    }

    // MARK: - Undetermined failures of one request in several files

    /// Folds an undetermined failure into an earlier file's failure of the same request: the
    /// earlier one takes its lines and ids, so a chain of files joins.
    private static func mergeUndetermined(_ reports: [EvidenceReport]) -> [EvidenceReport] {
        var reports = reports
        for later in reports.indices {
            for failureIndex in reports[later].undetermined.indices {
                let failure = reports[later].undetermined[failureIndex]
                guard let keys = failure.request else { continue }
                target: for earlier in reports.indices where earlier < later {
                    for targetIndex in reports[earlier].undetermined.indices {
                        guard let other = reports[earlier].undetermined[targetIndex].request, sharedID(keys, other) != nil else { continue }
                        var target = reports[earlier].undetermined[targetIndex]
                        target.request = other.merged(with: keys)
                        target.evidence += failure.evidence.prefix(1).filter { !target.evidence.contains($0) }
                        target.clues += failure.clues.filter { !target.clues.contains($0) }
                        if target.apiType == nil { target.apiType = failure.apiType }
                        reports[earlier].undetermined[targetIndex] = target
                        reports[later].undetermined[failureIndex] = consumedExample(of: failure)
                        break target
                    }
                }
            }
            reports[later].undetermined.removeAll { $0.count <= 0 }
        }
        return reports
    }

    // MARK: - Matching

    /// The first id both requests carry with the same value, with its name for the summary.
    static func sharedID(_ left: RequestKeys, _ right: RequestKeys) -> (kind: String, value: String)? {
        func same(_ a: String?, _ b: String?, caseSensitive: Bool = false) -> String? {
            guard let a, let b, !a.isEmpty else { return nil }
            return (caseSensitive ? a == b : a.lowercased() == b.lowercased()) ? a : nil
        }
        if let id = same(left.apiGatewayRequestId, right.apiGatewayRequestId) { return ("API Gateway request id", id) }
        if let id = same(left.lambdaRequestId, right.lambdaRequestId) { return ("Lambda request id", id) }
        if let id = same(left.extendedRequestId, right.extendedRequestId, caseSensitive: true) { return ("extended request id", id) }
        if let id = same(left.traceId, right.traceId) { return ("X-Ray trace id", id) }
        return nil
    }

    static func closeInTimeAndRoute(_ left: RequestKeys, _ right: RequestKeys) -> Bool {
        guard let leftTime = left.time.flatMap(RequestTime.milliseconds), let rightTime = right.time.flatMap(RequestTime.milliseconds),
            abs(leftTime - rightTime) <= timeWindow, let leftRoute = left.route, let rightRoute = right.route
        else { return false }
        return RouteMatch.matches(leftRoute, rightRoute)
    }

    private static func lowered(_ confidence: Confidence) -> Confidence {
        switch confidence {
        case .high: .medium
        case .medium, .low: .low
        }
    }

    private static func joined(_ summary: String, _ sentence: String) -> String {
        summary.isEmpty ? sentence : summary + " " + sentence
    }
}

extension RequestKeys {
    /// These keys, with the gaps filled from `other`.
    func merged(with other: RequestKeys?) -> RequestKeys {
        guard let other else { return self }
        var keys = self
        keys.apiGatewayRequestId = keys.apiGatewayRequestId ?? other.apiGatewayRequestId
        keys.extendedRequestId = keys.extendedRequestId ?? other.extendedRequestId
        keys.lambdaRequestId = keys.lambdaRequestId ?? other.lambdaRequestId
        keys.traceId = keys.traceId ?? other.traceId
        keys.time = keys.time ?? other.time
        keys.route = keys.route ?? other.route
        return keys
    }
}
