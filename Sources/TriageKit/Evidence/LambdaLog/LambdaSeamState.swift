/// What a Lambda log scan carries from one line to the next, with the table's slot numbers
/// replaced by request ids: the invocations in flight with what they showed so far, the running
/// invocation (overall and per log stream), the reported ones kept open for late lines, and the
/// init phase.
///
/// Two scans in the same seam state read the rest of a log alike, whatever came before: every
/// decision `LambdaLogScan.consume` takes reads only these (the counts, the findings so far and
/// the first-seen facts are written, never read, except that a first-seen fact is kept). Slot
/// numbers differ between two tables but only name an invocation; the order of opening, which
/// decides what is closed early and at the end, is the order of `open`.
/// `ParallelLambdaLogScan` relies on it: a scan of a later part, started with nothing in flight,
/// takes over from the true scan at a line where their states are equal.
struct LambdaSeamState: Equatable {
    struct Open: Equatable {
        var id: [UInt8]
        var invocation: LambdaInvocation
    }

    /// The open invocations, oldest first.
    var open: [Open]
    /// The invocation the last `START` opened, nil when none is open.
    var current: [UInt8]?
    /// Each log stream seen and its running invocation (nil: it has ended). The entries count
    /// too: the map is cleared when full.
    var streams: [UInt64: [UInt8]?]
    /// Reported invocations kept open for late lines, oldest first.
    var reported: [[UInt8]]
    var initPhase: LambdaInvocation
    var initPhaseHasSignal: Bool

    /// The same state with quoted lines numbered `offset` further (a part numbers its lines from 1).
    func shifted(by offset: Int) -> LambdaSeamState {
        var state = self
        for index in state.open.indices { state.open[index].invocation.shiftLines(by: offset) }
        state.initPhase.shiftLines(by: offset)
        return state
    }
}
