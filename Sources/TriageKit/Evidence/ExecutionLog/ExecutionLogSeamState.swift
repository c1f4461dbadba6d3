/// What an execution-log scan carries from one line to the next: the requests in flight with
/// their kept lines, where a continuation line would go, and the console test's request id.
///
/// Two scans in the same seam state read the rest of a log alike, whatever came before (only
/// their counts differ). `ParallelExecutionLogScan` relies on it: a scan of a later part, started
/// with nothing in flight, takes over from the true scan at the first line where their states meet.
struct ExecutionLogSeamState: Equatable {
    /// An open request, as the scan holds it.
    struct OpenRequest: Equatable {
        var id: [UInt8]
        var bytes: [UInt8]
        var lines: [KeptLine]
        var droppedLines: Int
    }

    /// The open requests, oldest first (the order in which too many are closed early).
    var open: [OpenRequest]
    /// The id of the request that continuation lines go with; nil when they are dropped.
    var keptID: [UInt8]?
    var consoleID: [UInt8]
    /// How many requests have given file-level facts so far.
    var requestsWithFacts: Int

    /// The same state with kept lines numbered `offset` further (a part numbers its lines from 1).
    func shifted(by offset: Int) -> ExecutionLogSeamState {
        var state = self
        for request in state.open.indices {
            for line in state.open[request].lines.indices { state.open[request].lines[line].number += offset }
        }
        return state
    }

    /// Whether a scan in state `later` (of a later part, restarted there) reads on as the true
    /// scan in this state would: the same requests in flight but for this state's oldest ones
    /// (requests of earlier parts, to be checked with `ExecutionLogRestartWatch.leaves`), and the
    /// first requests' facts either already gathered or counted alike. Returns how many of this
    /// state's oldest requests `later` lacks, or nil when the states differ otherwise.
    func continues(into later: ExecutionLogSeamState) -> Int? {
        let stale = open.count - later.open.count
        guard stale >= 0, open.dropFirst(stale).elementsEqual(later.open), keptID == later.keptID, consoleID == later.consoleID,
            requestsWithFacts >= ExecutionLogScan.factRequests || requestsWithFacts == later.requestsWithFacts
        else { return nil }
        return stale
    }
}
