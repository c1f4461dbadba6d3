/// Reading a Lambda log in parts (`ParallelLambdaLogScan`): a scan's seam state, restarting its
/// counts where a later part's scan is to be compared with the true one, and the true scan
/// carrying on with such a part's scan.
extension LambdaLogScan {
    /// The state the rest of the log is read in (`LambdaSeamState`).
    var seamState: LambdaSeamState {
        func id(_ slot: Int) -> [UInt8] { table.slots[slot].id }
        // A slot still open with the sequence noted is the invocation named; any other entry
        // names one that has ended (`target` then sends its lines to the init phase).
        func running(_ slot: Int, _ sequence: Int) -> [UInt8]? {
            slot >= 0 && table.slots[slot].isOpen && table.slots[slot].sequence == sequence ? id(slot) : nil
        }
        return LambdaSeamState(
            open: table.oldestOpen(table.openCount).map { LambdaSeamState.Open(id: id($0), invocation: states[$0]) },
            current: running(current, currentSequence),
            streams: currentByStream.mapValues { running($0.slot, $0.sequence) },
            reported: reported.map(id),
            initPhase: initPhase, initPhaseHasSignal: initPhaseHasSignal)
    }

    /// Forgets what was counted so far, keeping the state: from here the counts are those of the
    /// lines after this one, to be added to the true scan's (`absorb`).
    mutating func restartCounts() {
        invocations = 0
        failed = 0
        longestDurationMs = nil
        longestFailedDurationMs = nil
        memorySizeMB = nil
        region = nil
        functionTimeoutSeconds = nil
        closedEarly = 0
        groups = LambdaFindingGroups()
        platformLines = 0
        jsonRecords = 0
    }

    /// Continues with `later`: a scan that restarted its counts at a line where its seam state was
    /// this scan's, and read on to its part's end; its line numbers count from `lineOffset` + 1.
    /// Equal states read on alike, so the true scan would have counted what `later` counted since
    /// its restart, and ends in `later`'s state.
    mutating func absorb(_ later: LambdaLogScan, lineOffset: Int) {
        var next = later
        for slot in next.states.indices { next.states[slot].shiftLines(by: lineOffset) }
        next.initPhase.shiftLines(by: lineOffset)
        next.invocations += invocations
        next.failed += failed
        next.longestDurationMs = Self.larger(longestDurationMs, later.longestDurationMs)
        next.longestFailedDurationMs = Self.larger(longestFailedDurationMs, later.longestFailedDurationMs)
        // First seen wins: this scan's when it has one, else the first `later` met.
        next.memorySizeMB = memorySizeMB ?? later.memorySizeMB
        next.region = region ?? later.region
        next.functionTimeoutSeconds = functionTimeoutSeconds ?? later.functionTimeoutSeconds
        next.closedEarly += closedEarly
        next.groups = groups
        next.groups.append(later.groups, lineOffset: lineOffset)
        next.platformLines += platformLines
        next.jsonRecords += jsonRecords
        self = next
    }

    private static func larger(_ left: Double?, _ right: Double?) -> Double? {
        guard let left else { return right }
        guard let right else { return left }
        return max(left, right)
    }
}
