/// Reads a large Lambda log (text or JSON format, plain lines) on every core, with the same
/// result as one pass. Built as `ParallelExecutionLogScan`, in its simplest form:
///
/// - The file is cut into parts at line starts (`EvidenceFile.lineAlignedParts`), each read
///   concurrently in its own bounded buffer. The first part's scan is the true one.
/// - A later part starts with nothing in flight, although invocations that began in the part
///   before (START before the cut, REPORT or a late `Task timed out` after it) go on into it. So
///   it first reads a warm-up stretch, notes its seam state (`LambdaSeamState`) at the first line
///   end after it, and restarts its counts.
/// - Then, in order: the true scan reads the warm-up stretch itself, continuing the invocations
///   in flight across the cut. Where its seam state equals the part's noted one, the two would
///   read the rest of the part alike, so the part's counts are added and its state taken over
///   (`LambdaLogScan.absorb`), line numbers shifted by the lines before the part. Where the
///   states differ (an invocation of an earlier part still open), the true scan reads the rest
///   of the part itself: slower, never different.
/// - A line of the maximum length or more, which the whole-file reader cuts where its chunks
///   fall, sends the file back to one pass (nil).
enum ParallelLambdaLogScan {
    /// The scan of the whole file (finished) and the file's line count.
    struct Result {
        var scan: LambdaLogScan
        var lines: Int
        /// Later parts whose own counts were used; the others were read again by the true scan.
        var partsTakenOver = 0
    }

    /// Where a later part restarted its counts.
    private struct Seam: Sendable {
        /// The file offset after the line where it restarted.
        var end: Int
        /// Lines of the part up to there.
        var lines: Int
        var state: LambdaSeamState
    }

    /// One part read on its own.
    private struct PartOutcome: Sendable {
        var part: Range<Int>
        var scan: LambdaLogScan
        var lines: Int
        var metLongLine: Bool
        var seam: Seam?
    }

    /// The scan of the whole file, or nil when the file is to be read in one pass (small, or not
    /// splittable at line starts).
    static func run(_ file: EvidenceFile, plan: ParallelScanPlan, limits: LineReadingLimits, quick: Bool = true) throws -> Result? {
        guard plan.splits(size: file.sample.size),
            let parts = try file.lineAlignedParts(count: plan.parts, minBytes: plan.minPartBytes, searchBytes: limits.maxLineLength)
        else { return nil }
        let outcomes = try ConcurrentWork.mapWithinScanBudget(parts.count) { index in
            try scanPart(file, parts[index], restartAfter: index == 0 ? nil : plan.warmUpBytes, limits: limits, quick: quick)
        }
        if outcomes.contains(where: \.metLongLine) { return nil }

        var truth = outcomes[0].scan
        var lineOffset = outcomes[0].lines
        var takenOver = 0
        for outcome in outcomes.dropFirst() {
            if try join(outcome, into: &truth, lineOffset: lineOffset, file: file, limits: limits) { takenOver += 1 }
            lineOffset += outcome.lines
        }
        truth.finish()
        return Result(scan: truth, lines: lineOffset, partsTakenOver: takenOver)
    }

    /// Reads one part from an empty state; a later part restarts its counts after `restartAfter`
    /// bytes, at the first line end from there.
    private static func scanPart(
        _ file: EvidenceFile, _ part: Range<Int>, restartAfter warmUp: Int?, limits: LineReadingLimits, quick: Bool
    ) throws -> PartOutcome {
        var scan = LambdaLogScan(path: file.path, quick: quick)
        var seam: Seam?
        let restartAt = warmUp.map { part.lowerBound + $0 } ?? Int.max
        let summary = try file.forEachRawLine(in: part, limits: limits) { line, number, end in
            scan.consume(line, number: number)
            if end >= restartAt, seam == nil {
                seam = Seam(end: end, lines: number, state: scan.seamState)
                scan.restartCounts()
            }
        }
        return PartOutcome(part: part, scan: scan, lines: summary.lines, metLongLine: summary.metLongLine, seam: seam)
    }

    /// Carries the true scan (`truth`, after the `lineOffset` lines before the part) through
    /// `outcome`'s part; true when the part's own counts were used.
    private static func join(
        _ outcome: PartOutcome, into truth: inout LambdaLogScan, lineOffset: Int, file: EvidenceFile, limits: LineReadingLimits
    ) throws -> Bool {
        var rest = outcome.part
        var linesBefore = lineOffset
        if let seam = outcome.seam {
            try read(file, outcome.part.lowerBound..<seam.end, into: &truth, lineOffset: lineOffset, limits: limits)
            if truth.seamState == seam.state.shifted(by: lineOffset) {
                truth.absorb(outcome.scan, lineOffset: lineOffset)
                return true
            }
            rest = seam.end..<outcome.part.upperBound
            linesBefore += seam.lines
        }
        try read(file, rest, into: &truth, lineOffset: linesBefore, limits: limits)
        return false
    }

    private static func read(
        _ file: EvidenceFile, _ range: Range<Int>, into scan: inout LambdaLogScan, lineOffset: Int, limits: LineReadingLimits
    ) throws {
        _ = try file.forEachRawLine(in: range, limits: limits) { line, number, _ in
            scan.consume(line, number: lineOffset + number)
        }
    }
}
