/// Reads a large plain-text execution log on every core, with the same result as one pass.
///
/// - The file is cut into parts at line starts (`EvidenceFile.lineAlignedParts`), each read
///   concurrently in its own bounded buffer. The first part's scan is the true one.
/// - A later part starts with nothing in flight, although requests whose lines began in the part
///   before go on into it. So it first reads a warm-up stretch, then notes its seam state
///   (`ExecutionLogSeamState`) and restarts its counts.
/// - Then, in order: the true scan reads the warm-up stretch itself (continuing the requests in
///   flight, their lines on both sides of the cut), and where its state matches the part's noted
///   state, the part's counts and open requests carry on from there (`ExecutionLogScan.absorb`),
///   their line numbers shifted by the lines before the part. Requests of earlier parts that are
///   still in flight and that the part never names (an ERROR-level log has no `Method completed`)
///   stay in flight beside them (`ExecutionLogRestartWatch`). Where the states differ (a request
///   still in flight after the warm-up), the true scan reads the rest of the part itself: slower,
///   never different.
/// - A line of the maximum length or more, which the whole-file reader cuts where its chunks
///   fall, sends the file back to one pass (nil).
/// - A log wrapped in `filter-log-events` JSON or a Logs Insights export (`WrappedLogParts`) is
///   cut at record starts instead, each part read through its own stream started in the record
///   boundary state, and the warm-up ends at such a boundary; the lines are numbered as the file's.
///   A part that does not end in that state (a cut inside a quoted field) sends the file back to
///   one pass.
enum ParallelExecutionLogScan {
    /// The pass over the whole file (the scan finished) and the file's line count.
    struct Result {
        var pass: ExecutionLogPass
        var lines: Int
        /// Later parts whose own counts were used (their state met the true one after the warm-up);
        /// the others were read again by the true scan.
        var partsTakenOver = 0
        /// What the reading saw, as `EvidenceFile.forEachLogLine` would say it.
        var reading = LogLineReading()
    }

    /// Where a later part restarted its counts.
    private struct Seam: Sendable {
        /// The file offset after the line where it restarted.
        var end: Int
        /// Lines of the part up to there.
        var lines: Int
        var state: ExecutionLogSeamState
    }

    /// One part read on its own.
    private struct PartOutcome: Sendable {
        var part: Range<Int>
        var pass: ExecutionLogPass
        var lines: Int
        var metLongLine: Bool
        var seam: Seam?
        /// What a wrapper's stream saw of the part.
        var wrapped: WrappedPartSummary?
    }

    /// The scan of the whole file, or nil when the file is to be read in one pass (small, or not
    /// splittable at line starts).
    static func run(
        _ file: EvidenceFile, plan: ParallelScanPlan, limits: LineReadingLimits, source: LogMessageSource = .lines,
        cutsIgnoredMessages: Bool = true
    ) throws -> Result? {
        guard plan.splits(size: file.sample.size) else { return nil }
        let wrapper = source == .lines ? nil : WrappedLogParts(source: source, head: file.sample.head, cutsIgnoredMessages: cutsIgnoredMessages)
        if source != .lines, wrapper == nil { return nil }
        let found = try wrapper.map { try $0.parts(of: file, count: plan.parts, minBytes: plan.minPartBytes, searchBytes: limits.maxLineLength) }
            ?? file.lineAlignedParts(count: plan.parts, minBytes: plan.minPartBytes, searchBytes: limits.maxLineLength)
        guard let parts = found else { return nil }
        // Kept lines stay in the file until a request needs them (`ExecutionLogLineFile`).
        let lineFile = try ExecutionLogLineFile(path: file.path)
        let outcomes = try ConcurrentWork.mapWithinScanBudget(parts.count) { index in
            try scanPart(
                file, parts[index], restartAfter: index == 0 ? nil : plan.warmUpBytes, limits: limits, wrapper: wrapper,
                lineFile: lineFile)
        }
        if outcomes.contains(where: \.metLongLine) { return nil }

        var whole = outcomes[0].pass
        var lineOffset = outcomes[0].lines
        var takenOver = 0
        for outcome in outcomes.dropFirst() {
            let joined = try join(outcome, after: whole.scan, lineOffset: lineOffset, file: file, limits: limits, wrapper: wrapper)
            whole.scan = joined.scan
            if joined.tookOver { takenOver += 1 }
            whole.delivery.jsonEvents += outcome.pass.delivery.jsonEvents
            whole.delivery.longEvents += outcome.pass.delivery.longEvents
            lineOffset += outcome.lines
        }
        whole.scan.finish()
        var reading = LogLineReading()
        reading.lines = lineOffset
        if let wrapper { reading = wrapper.reading(source: source, parts: outcomes.compactMap(\.wrapped), lines: lineOffset) }
        return Result(pass: whole, lines: lineOffset, partsTakenOver: takenOver, reading: reading)
    }

    /// Reads one part from an empty state; a later part restarts its counts after `restartAfter`
    /// bytes (at the first line end from there where its state can be compared).
    private static func scanPart(
        _ file: EvidenceFile, _ part: Range<Int>, restartAfter warmUp: Int?, limits: LineReadingLimits, wrapper: WrappedLogParts?,
        lineFile: ExecutionLogLineFile
    ) throws -> PartOutcome {
        var pass = ExecutionLogPass(scan: ExecutionLogScan(path: file.path, lineFile: lineFile))
        var seam: Seam?
        let restartAt = warmUp.map { part.lowerBound + $0 } ?? Int.max
        if let wrapper {
            // A message handed over where it lies in the chunk is kept by its place in the file
            // (`lineLies` for the whole chunk); a decoded one lies elsewhere and is copied.
            // The warm-up ends at the first record boundary from `restartAt` where the scan has a
            // seam state: the true scan can read on from there through a stream of its own.
            let summary = try wrapper.read(
                file, part, chunkSize: limits.chunkSize, checkpointsFrom: restartAt,
                chunkRead: { chunk, offset in pass.scan.lineLies(at: offset, chunk) }
            ) { line, number in
                pass.take(line, number: number)
            } checkpoint: { end, lines in
                guard let state = pass.scan.seamState else { return true }
                seam = Seam(end: end, lines: lines, state: state)
                pass.scan.restartCounts()
                return false
            }
            return PartOutcome(part: part, pass: pass, lines: summary.lines, metLongLine: summary.endsOffBoundary, seam: seam, wrapped: summary)
        }
        let summary = try file.forEachRawLineAt(in: part, limits: limits) { line, number, start, end in
            // Most lines say nothing: dropped here (but where the seam may be taken: its state is
            // looked at after every line from `restartAt` on).
            if seam != nil || end < restartAt, pass.scan.dropsAtOnce(line) { return }
            pass.scan.lineLies(at: start, line)
            pass.take(line, number: number)
            if end >= restartAt, seam == nil, let state = pass.scan.seamState {
                seam = Seam(end: end, lines: number, state: state)
                pass.scan.restartCounts()
            }
        }
        return PartOutcome(part: part, pass: pass, lines: summary.lines, metLongLine: summary.metLongLine, seam: seam)
    }

    /// The true scan after `outcome`'s part, given the true scan before it (`truth`) and the
    /// lines before the part.
    private static func join(
        _ outcome: PartOutcome, after truth: ExecutionLogScan, lineOffset: Int, file: EvidenceFile, limits: LineReadingLimits,
        wrapper: WrappedLogParts?
    ) throws -> (scan: ExecutionLogScan, tookOver: Bool) {
        var truth = ExecutionLogPass(scan: truth)
        var rest = outcome.part
        var linesBefore = lineOffset
        if let seam = outcome.seam {
            try read(file, outcome.part.lowerBound..<seam.end, into: &truth, lineOffset: lineOffset, limits: limits, wrapper: wrapper)
            let later = outcome.pass.scan
            if let state = truth.scan.seamState, let stale = state.continues(into: seam.state.shifted(by: lineOffset)),
                later.sinceRestart?.leaves(state.open.prefix(stale).map(\.id), maxOpen: truth.scan.maxOpen) ?? (stale == 0)
            {
                truth.scan.absorb(later, lineOffset: lineOffset, keepingOldest: stale)
                return (truth.scan, true)
            }
            rest = seam.end..<outcome.part.upperBound
            linesBefore += seam.lines
        }
        try read(file, rest, into: &truth, lineOffset: linesBefore, limits: limits, wrapper: wrapper)
        return (truth.scan, false)
    }

    /// The true scan reads `range` itself (its delivery counts come from the part's own pass).
    private static func read(
        _ file: EvidenceFile, _ range: Range<Int>, into pass: inout ExecutionLogPass, lineOffset: Int, limits: LineReadingLimits,
        wrapper: WrappedLogParts?
    ) throws {
        if let wrapper {
            _ = try wrapper.read(file, range, chunkSize: limits.chunkSize, chunkRead: { chunk, offset in pass.scan.lineLies(at: offset, chunk) }) {
                line, number in pass.take(line, number: lineOffset + number)
            }
            return
        }
        _ = try file.forEachRawLineAt(in: range, limits: limits) { line, number, start, _ in
            if pass.scan.dropsAtOnce(line) { return }
            pass.scan.lineLies(at: start, line)
            pass.take(line, number: lineOffset + number)
        }
    }
}
