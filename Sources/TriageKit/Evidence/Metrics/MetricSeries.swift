import Foundation

/// One metric's datapoints from `get-metric-statistics` or `get-metric-data`, in time order, each
/// with the line it is printed on.
struct MetricSeries {
    /// What the wizard reads the metric as, from its label, id or `--metric-name`.
    enum Metric: String {
        case fiveXX = "5XXError", integrationLatency = "IntegrationLatency", latency = "Latency"
        case throttles = "Throttles", duration = "Duration", lambdaErrors = "Errors"

        /// Reads a label such as `5XXError`, `5xx Sum`, `IntegrationLatency p99`, `Throttles`.
        init?(label: String) {
            let words = label.lowercased()
            if words.contains("5xx") { self = .fiveXX }
            else if words.contains("4xx") { return nil }
            else if words.contains("integrationlatency") || words.contains("integration_latency") { self = .integrationLatency }
            else if words.contains("latency") { self = .latency }
            else if words.contains("throttle") { self = .throttles }
            else if words.contains("duration") { self = .duration }
            else if words.contains("error") { self = .lambdaErrors }
            else { return nil }
        }
    }

    struct Point {
        var time: Int
        var value: Double
        var line: Int
    }

    var metric: Metric
    /// The label as printed.
    var label: String
    /// The statistic the values are (`Sum`, `Maximum`, `p99`), when known.
    var statistic: String?
    var points: [Point]

    /// The first datapoint above zero.
    var onset: Point? { points.first { $0.value > 0 } }
    var total: Double { points.reduce(0) { $0 + $1.value } }
    var maximum: Point? { points.max { $0.value < $1.value } }

    /// The series of a `get-metric-statistics` output (`Label` + `Datapoints`).
    static func statistics(_ root: DocumentNode, metricName: String?) -> MetricSeries? {
        let label = root["Label"]?.string ?? metricName ?? ""
        guard let metric = Metric(label: label) ?? metricName.flatMap(Metric.init(label:)),
            let datapoints = root["Datapoints"]?.elements
        else { return nil }
        var statistic: String?
        var points: [Point] = []
        for datapoint in datapoints {
            guard let time = AWSTimestamp.seconds(datapoint["Timestamp"]) else { continue }
            // One value per datapoint: the statistic asked for (the first one present).
            let candidates = ["Sum", "Maximum", "Average", "SampleCount", "Minimum"]
            var member = candidates.lazy.compactMap { datapoint.member($0) }.first
            if member == nil, let extended = datapoint["ExtendedStatistics"]?.members.first { member = extended }
            guard let member, let text = member.value.scalarText, let value = Double(text) else { continue }
            statistic = statistic ?? member.key
            points.append(Point(time: time, value: value, line: member.line))
        }
        return MetricSeries(metric: metric, label: label, statistic: statistic, points: points.sorted { $0.time < $1.time })
    }

    /// The series of a `get-metric-data` output (`MetricDataResults`).
    static func data(_ root: DocumentNode) -> [MetricSeries] {
        (root["MetricDataResults"]?.elements ?? []).compactMap { result in
            let label = result["Label"]?.string ?? ""
            let id = result["Id"]?.string ?? ""
            guard let metric = Metric(label: label) ?? Metric(label: id) else { return nil }
            let times = result["Timestamps"]?.elements ?? []
            let values = result["Values"]?.elements ?? []
            var points: [Point] = []
            for (time, value) in zip(times, values) {
                guard let seconds = AWSTimestamp.seconds(time), let text = value.scalarText, let number = Double(text)
                else { continue }
                points.append(Point(time: seconds, value: number, line: value.line))
            }
            let statistic = label.split(separator: " ").last.map(String.init).flatMap { word in
                ["Sum", "Maximum", "Average", "Minimum", "SampleCount"].contains(word) || word.hasPrefix("p") ? word : nil
            }
            return MetricSeries(
                metric: metric, label: label.isEmpty ? id : label, statistic: statistic,
                points: points.sorted { $0.time < $1.time })
        }
    }
}
