/// The state of one pass over an execution log: requests in flight, counts, findings, facts.
///
/// Lines come in one at a time (from the file, or from the messages of a `filter-log-events`
/// output); the scan never looks back, so memory depends on the requests in flight, not on the
/// size of the log.
///
/// - A line that can explain a failure is kept with its request; a continuation line goes with
///   the kept line before it; everything else is dropped at once.
/// - `Method completed with status: NNN` closes a request: a 5xx is classified, a 429 from a
///   usage-plan key throttle is counted apart (not a 5xx), anything else only counted.
/// - A request the log never completes (an ERROR-level log, a cut file) is classified at the end
///   if it holds a failure line.
struct ExecutionLogScan {
    let path: String
    private(set) var requests = 0
    private(set) var failed = 0
    private(set) var keyThrottled = 0
    /// Requests closed early because too many were open at once.
    private(set) var closedEarly = 0
    /// Failed requests no line explains: status and the first line number.
    private(set) var unexplained: [(status: Int?, line: Int)] = []
    private(set) var unexplainedCount = 0
    private(set) var tally = FindingTally()
    /// Failed requests no line explains, grouped by status, with an example's ids for the join.
    private(set) var undetermined = UndeterminedTally()
    /// Facts of the first requests (before any failure is known); findings' facts go over them.
    private(set) var firstFacts: [String: String] = [:]
    private(set) var droppedLines = 0

    private var table: PendingRequestTable
    private var keptSlot = -1  // where the previous line was kept: continuation lines follow it
    private var consoleID: [UInt8] = Array("test-request".utf8)
    private var requestsWithFacts = 0
    /// What happened since `restartCounts` that decides whether requests of an earlier part can
    /// stay in flight beside this scan's (nil before a restart).
    private(set) var sinceRestart: ExecutionLogRestartWatch?

    /// How many of the first requests supply file-level facts.
    static let factRequests = 8
    private static let unexplainedExamples = 3

    /// Whether standard lines go through `ExecutionLogFastLine` (tests compare with the plain reading).
    private let fastLines: Bool

    /// The file whose lines are kept by their place (nil: every kept line is copied).
    private var lineFile: ExecutionLogLineFile?
    /// The raw line of `lineFile` being read (`lineLies(at:_:)`): its address range and file
    /// offset. A line handed to `consume` within it is kept by place; any other (a message
    /// decoded out of a JSON event) is copied.
    private var rawLine: (base: UInt, end: UInt, offset: Int) = (0, 0, 0)
    /// The last 36-byte ids looked up: most kept lines belong to one of them.
    private var recentIDs = ExecutionLogRecentIDs()

    init(path: String, table: PendingRequestTable = PendingRequestTable(), fastLines: Bool = true, lineFile: ExecutionLogLineFile? = nil) {
        self.path = path
        self.table = table
        self.fastLines = fastLines
        self.lineFile = lineFile
    }

    /// The next lines handed to `consume` may lie in `line`, the file's bytes at `offset`
    /// (only meaningful with a `lineFile`).
    @inline(__always)
    mutating func lineLies(at offset: Int, _ line: UnsafeBufferPointer<UInt8>) {
        let base = UInt(bitPattern: line.baseAddress)
        rawLine = (base, base + UInt(line.count), offset)
    }

    /// Takes one line: `number` is its 1-based line number in the file.
    @inline(__always)
    mutating func consume(_ line: UnsafeBufferPointer<UInt8>, number: Int) {
        // Most lines are standard ones that say nothing: dropped here, without a call.
        if fastLines, let base = line.baseAddress, ExecutionLogFastLine.isStandard(base, count: line.count) {
            guard ExecutionLogFastLine.mayMatter(base, count: line.count) else {
                keptSlot = -1
                return
            }
            consumeStandard(line, number: number)
            return
        }
        consumeOther(line, number: number)
    }

    /// Whether `line`, a raw line of the file, is a standard one that says nothing, and so needs
    /// neither `lineLies` nor the pass: what `consume` does with it is done. A line longer than a
    /// standard event is left to the pass, which counts it (`ExecutionLogPass.take`); a standard
    /// line starts with `(`, so the pass never reads it as a JSON event.
    @inline(__always)
    mutating func dropsAtOnce(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard fastLines, let base = line.baseAddress, line.count <= ExecutionLogInspector.standardEventLimit,
            ExecutionLogFastLine.isStandard(base, count: line.count), !ExecutionLogFastLine.mayMatter(base, count: line.count)
        else { return false }
        keptSlot = -1
        return true
    }

    /// A standard line whose message may matter.
    @inline(never)
    private mutating func consumeStandard(_ line: UnsafeBufferPointer<UInt8>, number: Int) {
        do {
            let message = ExecutionLogFastLine.messageStart
            let id = UnsafeBufferPointer(rebasing: line[ExecutionLogFastLine.idRange])
            take(line, number: number, id: id, message: message, role: ExecutionLogFastLine.role(line.baseAddress!, count: line.count))
        }
    }

    /// Any other line: read by its shape.
    @inline(never)
    private mutating func consumeOther(_ line: UnsafeBufferPointer<UInt8>, number: Int) {
        switch ExecutionLogLineShape.of(line) {
        case .continuation:
            if keptSlot >= 0 { keep(line, number: number, message: nil, in: keptSlot) }
        case .request(let idRange, let message):
            let role = ExecutionLogMessageRole.of(line, messageAt: message)
            take(line, number: number, id: UnsafeBufferPointer(rebasing: line[idRange]), message: message, role: role)
        case .console(let message):
            if ExecutionLogMessageRole.of(line, messageAt: message) == .consoleStart {
                startConsoleRequest(line, message: message)
                return
            }
            let id = consoleID
            let role = ExecutionLogMessageRole.of(line, messageAt: message)
            id.withUnsafeBufferPointer { take(line, number: number, id: $0, message: message, role: role) }
        }
    }

    /// Closes every request still open (the end of the log).
    mutating func finish() {
        for slot in table.oldestOpen(table.openCount) { close(slot, status: nil) }
    }

    private mutating func take(
        _ line: UnsafeBufferPointer<UInt8>, number: Int, id: UnsafeBufferPointer<UInt8>, message: Int, role: ExecutionLogMessageRole
    ) {
        if role == .ignore || role == .consoleStart {
            keptSlot = -1
            return
        }
        // An id is checked in full once, when its request opens; later lines match it byte for byte.
        let slot: Int
        let words = ExecutionLogRecentIDs.words(id)
        if let words, let recent = recentIDs.slot(of: words) {
            slot = recent
        } else if let open = table.existingSlot(for: id) {
            slot = open
            if let words { recentIDs.remember(words, slot: slot) }
        } else if ExecutionLogLineShape.isRequestID(id) {
            slot = table.open(id)
            sinceRestart?.opened(hash: table.slots[slot].hash, open: table.openCount)
            if let words { recentIDs.remember(words, slot: slot) }
        } else {
            // Body text that looks like `(words) more`: it continues the line before.
            if keptSlot >= 0 { keep(line, number: number, message: nil, in: keptSlot) }
            return
        }
        keep(line, number: number, message: message, in: slot)
        if role == .completion {
            let status = ExecutionLogCatalogue.leadingNumber(line, at: message + "Method completed with status:".utf8.count)
            close(slot, status: status)
            keptSlot = -1
        } else {
            keptSlot = slot
            if table.openCount > table.maxOpen { closeOldest() }
        }
    }

    /// Keeps `line` with the request in `slot`: by its place when it lies in the raw line of
    /// `lineFile` being read (the same bytes as the file's there), else copied.
    @inline(__always)
    private mutating func keep(_ line: UnsafeBufferPointer<UInt8>, number: Int, message: Int?, in slot: Int) {
        let base = UInt(bitPattern: line.baseAddress)
        if lineFile != nil, base >= rawLine.base, base + UInt(line.count) <= rawLine.end, base != 0 {
            let offset = rawLine.offset + Int(base - rawLine.base)
            table.keep(fileOffset: offset, count: line.count, number: number, message: message, in: slot)
        } else {
            table.keep(line, number: number, message: message, in: slot)
        }
    }

    /// `Execution log for request <id>`: a new console test output starts.
    private mutating func startConsoleRequest(_ line: UnsafeBufferPointer<UInt8>, message: Int) {
        let idStart = message + "Execution log for request".utf8.count
        var id = Array(UnsafeBufferPointer(rebasing: line[min(idStart, line.count)...]))
        while let first = id.first, first == 0x20 { id.removeFirst() }
        while let last = id.last, last == 0x20 || last == 0x0D { id.removeLast() }
        let previous = consoleID
        previous.withUnsafeBufferPointer { previousID in
            for slot in table.oldestOpen(table.openCount) where table.slots[slot].id.elementsEqual(previousID) {
                close(slot, status: nil)
            }
        }
        consoleID = id.isEmpty ? Array("test-request".utf8) : id
        sinceRestart?.consoleStarted = true
        keptSlot = -1
    }

    private mutating func closeOldest() {
        for slot in table.oldestOpen(max(1, table.maxOpen / 4)) {
            close(slot, status: nil)
            closedEarly += 1
        }
    }

    private mutating func close(_ slot: Int, status: Int?) {
        droppedLines += table.slots[slot].droppedLines
        requests += 1
        recentIDs.forget(slot: slot)
        // The common case: a request that succeeded, once the first requests have given their facts.
        if let status, status < 500, status != 429, requestsWithFacts >= Self.factRequests {
            table.close(slot)
            return
        }
        let pending = table.slots[slot]
        let kept = pending.materialized(from: lineFile)
        let path = path
        let grouped = tally
        let unexplainedGroups = undetermined
        let outcome = kept.bytes.withUnsafeBufferPointer { bytes in
            let lines = kept.lines.map { kept in
                (number: kept.number, text: UnsafeBufferPointer(rebasing: bytes[kept.start..<kept.start + kept.length]), message: kept.message)
            }
            let request = RequestLines(path: path, requestID: String(decoding: pending.id, as: UTF8.self), status: status, lines: lines)
            return Outcome(
                request: request, isFirst: requestsWithFacts < Self.factRequests, tally: grouped, undetermined: unexplainedGroups)
        }
        table.close(slot)
        if let facts = outcome.facts {
            requestsWithFacts += 1
            firstFacts.merge(facts) { first, _ in first }
        }
        switch outcome.kind {
        case .succeeded: break
        case .keyThrottled: keyThrottled += 1
        case .failed(let diagnosis, let firstLine):
            failed += 1
            if let diagnosis {
                tally.add(diagnosis)
            } else {
                unexplainedCount += 1
                if unexplained.count < Self.unexplainedExamples { unexplained.append((status, firstLine)) }
                if let failure = outcome.undetermined { undetermined.add(failure) }
            }
        }
    }

    /// What became of a closed request, worked out while its bytes are still in view.
    private struct Outcome {
        enum Kind {
            case succeeded, keyThrottled
            case failed(RequestDiagnosis?, firstLine: Int)
        }

        var kind: Kind
        var facts: [String: String]?
        /// A failure with a status but no line naming its cause.
        var undetermined: UndeterminedFailure?

        init(request: RequestLines, isFirst: Bool, tally: FindingTally, undetermined groups: UndeterminedTally) {
            facts = isFirst ? ExecutionLogFacts.facts(of: request) : nil
            let failureLine = request.first(where: { $0 != .keyThrottle })
            let classify = { ExecutionFailureClassifier.classify(request, wantsExample: tally.wantsExample) }
            switch request.status {
            case .some(let status) where status >= 500:
                let diagnosis = classify()
                kind = .failed(diagnosis, firstLine: request.lines.last?.number ?? 0)
                if diagnosis == nil { undetermined = Self.undetermined(request, status: status, groups: groups) }
            case .some(429) where request.first(.keyThrottle) != nil:
                kind = .keyThrottled
            case .none where failureLine != nil:
                kind = .failed(classify(), firstLine: request.lines[failureLine ?? 0].number)
            default:
                kind = .succeeded
            }
        }

        /// The status, the completion line and the lines about the backend's answer, with the ids;
        /// worked out only for the example of its status.
        private static func undetermined(_ request: RequestLines, status: Int, groups: UndeterminedTally) -> UndeterminedFailure {
            guard groups.wantsExample(status: status, apiType: "rest") else { return UndeterminedFailure(status: status, apiType: "rest") }
            var indices: [Int] = []
            for index in [request.message(startingWith: "Method completed with status:"), request.message(startingWith: "Received response.")] {
                if let index { indices.append(index) }
            }
            return UndeterminedFailure(
                status: status, apiType: "rest", evidence: indices.map(request.evidence), request: ExecutionLogRequestKeys.keys(of: request),
                clues: ["the execution log has no line that names the cause (an ERROR-level log, or the backend's own answer)"])
        }
    }
}

// Parts of one log read on their own (`ParallelExecutionLogScan`): a scan of a later part starts
// empty; once its state matches the true one at a line, its counts from there on are the truth.
extension ExecutionLogScan {
    /// What the reading of the next lines depends on; nil when it cannot be compared (the line
    /// continuations would go to a request already closed).
    var seamState: ExecutionLogSeamState? {
        if keptSlot >= 0, !table.slots[keptSlot].isOpen { return nil }
        let open = table.oldestOpen(table.openCount).map { slot in
            let request = table.slots[slot]
            // Compared as copied lines: two scans that kept the same lines are in the same state
            // whether they kept them by place or by copy.
            let kept = request.materialized(from: lineFile)
            return ExecutionLogSeamState.OpenRequest(id: request.id, bytes: kept.bytes, lines: kept.lines, droppedLines: request.droppedLines)
        }
        return ExecutionLogSeamState(
            open: open, keptID: keptSlot >= 0 ? table.slots[keptSlot].id : nil, consoleID: consoleID,
            requestsWithFacts: requestsWithFacts)
    }

    /// The most requests the scan keeps open at once.
    var maxOpen: Int { table.maxOpen }

    /// Starts the counts afresh, keeping the requests in flight: what is counted from here on can
    /// be added to another scan's counts with `absorb`.
    mutating func restartCounts() {
        requests = 0
        failed = 0
        keyThrottled = 0
        closedEarly = 0
        unexplained = []
        unexplainedCount = 0
        tally = FindingTally()
        undetermined = UndeterminedTally()
        firstFacts = [:]
        droppedLines = 0
        sinceRestart = ExecutionLogRestartWatch(open: table.openCount)
    }

    /// Continues with `later`: a scan that restarted its counts at a line where its seam state
    /// was this scan's but for this scan's `keepingOldest` oldest requests (`ExecutionLogSeamState.continues`,
    /// `ExecutionLogRestartWatch.leaves`), and read on to its part's end; its line numbers count
    /// from `lineOffset` + 1. Those oldest requests stay in flight, untouched by the part.
    mutating func absorb(_ later: ExecutionLogScan, lineOffset: Int, keepingOldest staleCount: Int = 0) {
        let stale = table.oldestOpen(staleCount).map { table.slots[$0] }
        requests += later.requests
        failed += later.failed
        keyThrottled += later.keyThrottled
        closedEarly += later.closedEarly
        droppedLines += later.droppedLines
        unexplainedCount += later.unexplainedCount
        let shifted = later.unexplained.map { (status: $0.status, line: $0.line >= 1 ? $0.line + lineOffset : $0.line) }
        unexplained = Array((unexplained + shifted).prefix(Self.unexplainedExamples))
        tally.merge(later.tally, lineOffset: lineOffset)
        undetermined.merge(later.undetermined, lineOffset: lineOffset)
        // Past the first requests, this scan takes no more facts; before, both counted alike.
        if requestsWithFacts < Self.factRequests {
            firstFacts.merge(later.firstFacts) { first, _ in first }
            requestsWithFacts = later.requestsWithFacts
        }
        table = later.table
        recentIDs.forgetAll()
        if lineFile == nil { lineFile = later.lineFile }
        table.shiftLines(by: lineOffset)
        table.insertOldest(stale)
        sinceRestart = nil
        keptSlot = later.keptSlot
        consoleID = later.consoleID
    }
}
