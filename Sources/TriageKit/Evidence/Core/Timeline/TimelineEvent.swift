/// One dated event a file shows: a deployment, a configuration change (CloudTrail), the onset of a
/// metric, the first 5xx of a log. `scan` orders them by time, so a change made minutes before the
/// first 5xx stands out.
public struct TimelineEvent: Codable, Sendable, Equatable {
    /// What kind of event it is; changes are the ones that can explain an onset.
    public enum Kind: String, Codable, Sendable {
        /// A deployment of the API (`get-deployments`, CloudTrail `CreateDeployment`).
        case deployment
        /// A configuration change (stage update, function code or configuration, permission, integration).
        case change
        /// The first non-zero datapoint of a 5xx metric.
        case metricOnset = "metric-onset"
        /// The first failed request a log or trace shows.
        case firstFailure = "first-5xx"
    }

    /// ISO 8601 UTC, `2026-11-30T14:05:00Z`, so events from different files sort as text.
    public var time: String
    public var kind: Kind
    /// One line in the project's words: "CreateDeployment on a1b2c3d4e5 by alice".
    public var text: String
    /// The line of the file that shows it.
    public var source: EvidenceLine

    public init(time: String, kind: Kind, text: String, source: EvidenceLine) {
        self.time = time
        self.kind = kind
        self.text = text
        self.source = source
    }

    /// Whether the event changed something (and so may explain failures that follow it).
    public var isChange: Bool { kind == .deployment || kind == .change }

    /// Whether the event marks failures starting.
    public var isOnset: Bool { kind == .metricOnset || kind == .firstFailure }
}
