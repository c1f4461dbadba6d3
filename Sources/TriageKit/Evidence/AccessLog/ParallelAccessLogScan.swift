/// Reads a large access log on every core, with the same result as one pass.
///
/// Every line of an access log is one whole request: no state runs from one line to the next
/// that changes a result (`AccessLogScan.absorb` says why). So the file is cut into parts at line
/// starts (`EvidenceFile.lineAlignedParts`), each part is scanned from an empty state in its own
/// bounded buffer, concurrently, and the scans are joined in file order, each later part's line
/// numbers shifted by the lines before it. Unlike the execution log's (`ParallelExecutionLogScan`)
/// no part is read twice: there is no request in flight at a cut.
///
/// A line of the maximum length or more, which the whole-file reader cuts where its chunks fall
/// (and reports as a problem), sends the file back to one pass (nil).
enum ParallelAccessLogScan {
    /// The scan of the whole file and its line count.
    struct Result {
        var scan: AccessLogScan
        var lines: Int
    }

    /// One part read on its own.
    private struct PartOutcome: Sendable {
        var scan: AccessLogScan
        var summary: PartLineSummary
    }

    /// The scan of the whole file, or nil when the file is to be read in one pass (small, or not
    /// splittable at line starts, or with a line too long for a part's buffer).
    static func run(
        _ file: EvidenceFile, plan: ParallelScanPlan, countsSuccessesFromBytes: Bool, limits: LineReadingLimits = .standard
    ) throws -> Result? {
        guard plan.splits(size: file.sample.size),
            let parts = try file.lineAlignedParts(count: plan.parts, minBytes: plan.minPartBytes, searchBytes: limits.maxLineLength)
        else { return nil }
        let outcomes = try ConcurrentWork.mapWithinScanBudget(parts.count) { index in
            var scan = AccessLogScan(path: file.path, countsSuccessesFromBytes: countsSuccessesFromBytes)
            let summary = try file.forEachRawLine(in: parts[index], limits: limits) { line, number, _ in
                scan.consume(line, number: number)
            }
            return PartOutcome(scan: scan, summary: summary)
        }
        if outcomes.contains(where: \.summary.metLongLine) { return nil }
        var whole = outcomes[0].scan
        var lines = outcomes[0].summary.lines
        for outcome in outcomes.dropFirst() {
            whole.absorb(outcome.scan, lineOffset: lines)
            lines += outcome.summary.lines
        }
        return Result(scan: whole, lines: lines)
    }
}
