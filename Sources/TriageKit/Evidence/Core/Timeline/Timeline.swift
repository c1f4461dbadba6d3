/// The dated events of every file in time order, with each change made shortly before the first
/// failure marked: "a deployment 3 minutes before the first 5xx" is often the whole story.
///
/// Onsets are the metric onsets the files report plus, for each file, the earliest request time of
/// a 5xx finding or undetermined failure (the example request's time, when the file gives it).
public enum Timeline {
    /// A change this close before the first failure is called out.
    public static let window = 60 * 60
    /// The most events shown; a month of CloudTrail holds thousands.
    public static let limit = 40

    public static func events(_ reports: [EvidenceReport]) -> [TimelineEvent] {
        var events = reports.flatMap(\.timeline)
        for report in reports where !report.timeline.contains(where: \.isOnset) {
            if let first = firstFailure(report) { events.append(first) }
        }
        events.sort { ($0.time, $0.source.file, $0.source.line) < ($1.time, $1.source.file, $1.source.line) }
        guard let onset = events.first(where: \.isOnset), let onsetSeconds = AWSTimestamp.iso(onset.time) else {
            return Array(events.suffix(limit))
        }
        let marked = events.map { event in
            guard event.isChange, let seconds = AWSTimestamp.iso(event.time), seconds <= onsetSeconds,
                onsetSeconds - seconds <= window
            else { return event }
            var event = event
            let minutes = (onsetSeconds - seconds) / 60
            event.text += minutes == 0 ? " (within a minute of the first 5xx)" : " (\(minutes) min before the first 5xx)"
            return event
        }
        return closest(marked, to: onsetSeconds)
    }

    /// At most `limit` events: the ones nearest the onset in time, in time order.
    static func closest(_ events: [TimelineEvent], to onset: Int) -> [TimelineEvent] {
        guard events.count > limit else { return events }
        let distance = { (event: TimelineEvent) in abs((AWSTimestamp.iso(event.time) ?? 0) - onset) }
        let kept = events.indices.sorted { distance(events[$0]) < distance(events[$1]) }.prefix(limit).sorted()
        return kept.map { events[$0] }
    }

    /// The earliest 5xx request of a report whose findings or failures carry a time.
    static func firstFailure(_ report: EvidenceReport) -> TimelineEvent? {
        let findings = report.findings.filter { ($0.status ?? 0) >= 500 }.compactMap { finding in
            finding.request?.time.map { ($0, finding.status ?? 500, finding.evidence.first) }
        }
        let failures = report.undetermined.filter { $0.status >= 500 }.compactMap { failure in
            failure.request?.time.map { ($0, failure.status, failure.evidence.first) }
        }
        // Times from logs vary in precision; seconds in UTC make them comparable.
        let dated = (findings + failures).compactMap { entry in AWSTimestamp.iso(entry.0).map { ($0, entry.1, entry.2) } }
        guard let first = dated.min(by: { $0.0 < $1.0 }) else { return nil }
        let source = first.2 ?? EvidenceLine(file: report.path, line: 0, text: "")
        return TimelineEvent(
            time: AWSTimestamp.format(first.0), kind: .firstFailure, text: "First \(first.1) in \(report.path)", source: source)
    }
}
