import Foundation

/// Reads `aws cloudwatch get-metric-statistics` and `get-metric-data` output for the metrics that
/// place a 5xx: API Gateway's `5XXError`/`5xx`, `Latency` and `IntegrationLatency`, Lambda's
/// `Errors`, `Throttles` and `Duration`.
///
/// - The first non-zero 5xx datapoint is the onset: a timeline event, so a change just before it
///   shows up in `scan` (see `ScanSummary.timeline`).
/// - `Throttles` above zero → `backend-throttling`, medium (§2.4).
/// - `Duration` or `IntegrationLatency` reaching 29 s, REST's default integration timeout →
///   `integration-timeout`, medium; `Duration` peaking at the same value again and again → the
///   function's own timeout, `lambda-timeout`, low.
/// - Lambda `Errors` above zero → `lambda-function-error`, low (errors need not reach API Gateway).
/// - `Latency` against `IntegrationLatency`: the description says whether the time is the backend's.
public struct MetricsInspector: EvidenceInspector {
    public let kind = "metrics"

    public init() {}

    /// REST's default integration timeout less half a second of measurement slack.
    static let timeoutReachedMs = 28_500.0

    public func detect(_ sample: EvidenceSample) -> Int? {
        CLIListing.score(
            sample, service: "cloudwatch", operations: ["get-metric-statistics", "get-metric-data"],
            apiOperations: ["GetMetricStatistics", "GetMetricData"], shape: Self.isShape)
    }

    static func isShape(_ root: DocumentNode) -> Bool {
        if let results = root["MetricDataResults"], results.isArray {
            return CLIListing.all(results.elements, allowEmpty: true) { $0.member("Timestamps") != nil || $0.member("Values") != nil }
        }
        guard let datapoints = root["Datapoints"], datapoints.isArray, root.member("Label") != nil else { return false }
        return CLIListing.all(datapoints.elements, allowEmpty: true) { $0.member("Timestamp") != nil }
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        try ConfigInspection.run(file, kind: kind, as: .json, inspect: inspect)
    }

    func inspect(_ document: ConfigDocument) -> EvidenceReport {
        let root = document.root
        guard Self.isShape(root) else {
            return ConfigInspection.unusable(
                document.path, kind: kind, problem: "it has no Datapoints or MetricDataResults", lines: document.lineCount)
        }
        let series: [MetricSeries]
        if root.member("MetricDataResults") != nil {
            series = MetricSeries.data(root)
        } else {
            series = MetricSeries.statistics(root, metricName: document.command?.options["--metric-name"]).map { [$0] } ?? []
        }
        let facts = Self.dimensionFacts(document.command)
        var findings: [Finding] = []
        var timeline: [TimelineEvent] = []
        var notes: [String] = []
        func quote(_ point: MetricSeries.Point) -> EvidenceLine { document.evidence(line: point.line) }

        for one in series {
            notes.append(Self.note(one))
            switch one.metric {
            case .fiveXX:
                if let onset = one.onset {
                    timeline.append(
                        TimelineEvent(
                            time: AWSTimestamp.format(onset.time), kind: .metricOnset,
                            text: "\(one.label) first above zero (\(Self.number(onset.value)))", source: quote(onset)))
                }
            case .throttles:
                if let onset = one.onset {
                    findings.append(
                        Finding(
                            cause: "backend-throttling", status: 500, confidence: .medium,
                            count: one.statistic == "Sum" ? max(1, Int(one.total)) : 1, evidence: [quote(onset)],
                            summary: "Lambda throttled \(Self.number(one.total)) invocation(s) from \(AWSTimestamp.format(onset.time)): "
                                + "API Gateway answers a throttled Lambda call with a 500 (504 when INTEGRATION_FAILURE is customised)."))
                }
            case .lambdaErrors:
                if let onset = one.onset {
                    findings.append(
                        Finding(
                            cause: "lambda-function-error", status: 502, confidence: .low, evidence: [quote(onset)],
                            summary: "The function reported \(Self.number(one.total)) error(s) from \(AWSTimestamp.format(onset.time))."))
                }
            case .duration, .integrationLatency:
                guard let peak = one.maximum, peak.value > 0 else { break }
                if peak.value >= Self.timeoutReachedMs {
                    findings.append(
                        Finding(
                            cause: "integration-timeout", status: 504, confidence: .medium, evidence: [quote(peak)],
                            summary: "\(one.label) reached \(Self.number(peak.value)) ms at \(AWSTimestamp.format(peak.time)), "
                                + "the 29 s integration timeout of a REST API: those calls ended in 504 Endpoint request timed out."))
                } else if one.metric == .duration, let plateau = Self.plateau(one) {
                    findings.append(
                        Finding(
                            cause: "lambda-timeout", status: 502, confidence: .low, evidence: [quote(plateau)],
                            summary: "Duration peaks at \(Self.number(plateau.value)) ms again and again: that is likely the "
                                + "function's own timeout (Task timed out, 502)."))
                }
            case .latency:
                break
            }
        }
        if let split = Self.split(series) { notes.append(split) }
        let description = ([ConfigInspection.label(kind)] + (notes.isEmpty ? ["no metric the wizard reads"] : notes))
            .joined(separator: ", ")
        return EvidenceReport(
            path: document.path, kind: kind, description: description, lines: document.lineCount, findings: findings,
            facts: facts, timeline: timeline)
    }

    /// `5XXError Sum: 70 over 10 datapoints, first at 2026-11-30T14:06:00Z`.
    static func note(_ series: MetricSeries) -> String {
        let stat = series.statistic.map { " \($0)" } ?? ""
        var text = "\(series.metric.rawValue)\(stat.contains(series.label) ? "" : stat)"
        guard !series.points.isEmpty else { return text + ": no datapoints" }
        switch series.metric {
        case .fiveXX, .throttles, .lambdaErrors:
            text += ": \(number(series.total)) over \(series.points.count) datapoints"
            if let onset = series.onset { text += ", first at \(AWSTimestamp.format(onset.time))" } else { text += ", all zero" }
        case .duration, .latency, .integrationLatency:
            text += ": up to \(number(series.maximum?.value ?? 0)) ms"
        }
        return text
    }

    /// The highest value, when at least three datapoints sit within 0.5 % of it (a cap, not a spike).
    static func plateau(_ series: MetricSeries) -> MetricSeries.Point? {
        guard series.statistic == "Maximum" || series.statistic == nil, let peak = series.maximum, peak.value >= 1000 else {
            return nil
        }
        let near = series.points.filter { abs($0.value - peak.value) <= peak.value * 0.005 }
        return near.count >= 3 ? near.first : nil
    }

    /// Whether API Gateway's latency is mostly the integration's.
    static func split(_ series: [MetricSeries]) -> String? {
        guard let latency = series.first(where: { $0.metric == .latency }),
            let integration = series.first(where: { $0.metric == .integrationLatency })
        else { return nil }
        let byTime = Dictionary(latency.points.map { ($0.time, $0.value) }, uniquingKeysWith: { first, _ in first })
        let pairs = integration.points.compactMap { point in byTime[point.time].map { (point.value, $0) } }
        let total = pairs.reduce(0) { $0 + $1.1 }
        guard total > 0 else { return nil }
        let share = pairs.reduce(0) { $0 + $1.0 } / total
        return share >= 0.8
            ? "IntegrationLatency is \(Int(share * 100)) % of Latency: the time is spent in the backend"
            : "IntegrationLatency is only \(Int(share * 100)) % of Latency: time goes to API Gateway itself (authorizer, mapping)"
    }

    /// Facts from `--dimensions Name=Stage,Value=prod Name=FunctionName,Value=x` on a pasted command line.
    static func dimensionFacts(_ command: AWSCommandLine?) -> [String: String] {
        guard let command else { return [:] }
        let keys = ["ApiName": "", "ApiId": "api_id", "Stage": "stage", "FunctionName": "function_name"]
        var facts: [String: String] = [:]
        for word in AWSCommandLine.words(Substring(command.text)) where word.hasPrefix("Name=") {
            let parts = word.split(separator: ",", maxSplits: 1)
            guard parts.count == 2, parts[1].hasPrefix("Value=") else { continue }
            let name = String(parts[0].dropFirst("Name=".count))
            let value = String(parts[1].dropFirst("Value=".count))
            if let key = keys[name], !key.isEmpty, !value.isEmpty, FactText.isConcrete(value) { facts[key] = value }
        }
        return facts
    }

    static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.1f", value)
    }
}
