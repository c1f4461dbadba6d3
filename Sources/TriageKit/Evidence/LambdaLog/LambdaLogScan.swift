/// The state of one pass over a Lambda function's log: invocations in flight keyed by their
/// `RequestId`, counts, failures grouped by cause, and the function's facts.
///
/// - Lines come one at a time (from the file or unwrapped from a tool's output); the scan never
///   looks back. Open invocations live in a bounded `PendingRequestTable` (the execution log's),
///   their state beside it by slot, so memory follows the invocations in flight.
/// - A line naming its request id goes to that invocation; a line without one goes to the
///   invocation the last `START` opened, or, before any, to the init phase (an import error, an
///   uncaught exception at load time).
/// - `REPORT` ends an invocation, but it stays open for the next few invocations: older logs
///   write `Task timed out` after the `REPORT`.
/// - Its state is internal, not private, for `ParallelLambdaLogScan` (`LambdaLogScan+Seam.swift`):
///   only the scan itself changes it line by line.
struct LambdaLogScan {
    let path: String
    var invocations = 0
    var failed = 0
    var longestDurationMs: Double?
    var longestFailedDurationMs: Double?
    var memorySizeMB: Int?
    var region: String?
    var functionTimeoutSeconds: String?
    var closedEarly = 0
    var groups = LambdaFindingGroups()
    /// Lines that are Lambda platform lines (START, END, REPORT, INIT_*, platform records).
    var platformLines = 0
    var jsonRecords = 0

    var table: PendingRequestTable
    var states: [LambdaInvocation] = []
    /// The invocation the last `START` opened (-1: none), and its sequence to tell a reused slot.
    var current = -1
    var currentSequence = -1
    /// Where `aws logs tail` or `sam logs` name the log stream, the running invocation of each
    /// stream (by a hash of its name): streams interleave, and a line without an id belongs to
    /// its own stream's invocation. Bounded; cleared when full.
    var currentByStream: [UInt64: (slot: Int, sequence: Int)] = [:]
    var stream: UInt64?
    private static let maxStreams = 256
    /// Invocations reported but kept open for late lines, oldest first.
    var reported: [Int] = []
    /// What the log showed before any invocation started: the init phase.
    var initPhase = LambdaInvocation()
    var initPhaseHasSignal = false
    /// The last invocation an id lookup found (`slot(forID:)`), for the next line of it.
    var recent = LambdaRecentInvocation()
    /// The JSON record reader, reused from line to line.
    private var json = FlatJSONLine()

    private static let keptAfterReport = 16

    /// Whether the common lines take the fast path (`LambdaQuickLine`); false reads every line
    /// the general way (the equivalence tests compare the two).
    let quick: Bool

    init(path: String, table: PendingRequestTable = PendingRequestTable(maxOpen: 1024, maxBytesPerRequest: 0), quick: Bool = true) {
        self.path = path
        self.table = table
        self.quick = quick
    }

    /// Takes one line: `number` is its 1-based line number in the file.
    mutating func consume(_ line: UnsafeBufferPointer<UInt8>, number: Int) {
        if quick, recent.isRequestID, consumeLeanly(line, number: number) { return }
        // A JSON record has no prefix (`jsonPrefix`).
        let prefix = quick && line.first == UInt8(ascii: "{") ? LambdaLogPrefix.jsonRecord : LambdaLogPrefix.of(line)
        stream = prefix.stream.map { Self.hash(UnsafeBufferPointer(rebasing: line[$0])) }
        let message = UnsafeBufferPointer(rebasing: line[min(prefix.message, line.count)...])
        if quick, consumeQuickly(line, message: message, prefix: prefix, number: number) { return }
        var time: String?
        let event: LambdaLogLine
        if message.first == UInt8(ascii: "{"), let record = LambdaJSONRecord.parse(message, using: &json) {
            jsonRecords += 1
            event = record.line
            time = record.time
        } else {
            event = LambdaLogLine.parse(line, message: prefix.message)
        }
        // The raw timestamp; turned into ISO 8601 only for the invocation a finding quotes.
        let stamp = { time.map(LambdaStamp.init) ?? prefix.timestamp.map { LambdaStamp(UnsafeBufferPointer(rebasing: line[$0])) } }
        switch event {
        case .start(let id):
            platformLines += 1
            started(slot(for: id), time: stamp)
        case .end(let id):
            platformLines += 1
            ended(slot(for: id))
        case .report(let id, let report):
            platformLines += 1
            took(report, slot: slot(for: id), line: line, number: number)
        case .initStart(let region):
            platformLines += 1
            self.region = self.region ?? region
        case .initReport(let failed, let timedOut, let errorType):
            platformLines += 1
            guard failed else { return }
            let signal: LambdaFailureSignal = .initError(type: errorType ?? (timedOut ? "init timeout" : "init error"))
            take(signal, id: nil, line: line, number: number, rank: 1, time: stamp)
        case .signal(let id, let signal):
            if case .timedOut(let seconds) = signal, let seconds { functionTimeoutSeconds = functionTimeoutSeconds ?? seconds }
            take(signal, id: id, line: line, number: number, rank: Self.rank(signal), time: stamp)
        case .other(let id):
            if let id, AWSIdentifiers.isLambdaRequestID(id[...]) { mentioned(slot(for: id), time: stamp) }
        }
    }

    /// The fast path: the common lines (`LambdaQuickLine`) go to the same handlers as below
    /// without a `String` per line; false when the line needs the general reading.
    mutating func consumeQuickly(
        _ line: UnsafeBufferPointer<UInt8>, message: UnsafeBufferPointer<UInt8>, prefix: LambdaLogPrefix, number: Int
    ) -> Bool {
        // The message's offsets as the line's, and the time a line gives: a record's own, else the
        // prefix's (turned into text only when the invocation has no time yet).
        let base = line.count - message.count
        func lineRange(_ time: Range<Int>?) -> Range<Int>? {
            time.map { ($0.lowerBound + base)..<($0.upperBound + base) } ?? prefix.timestamp
        }
        func id(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: message[range]) }
        switch LambdaQuickLine.of(message) {
        case .slow:
            return false
        case .quiet:
            break
        case .start(let range, let time):
            // Only a `platform.start` record has a time of its own.
            if time != nil { jsonRecords += 1 }
            platformLines += 1
            let stamp = lineRange(time)
            started(slot(forID: id(range)), time: { stamp.map { LambdaStamp(UnsafeBufferPointer(rebasing: line[$0])) } })
        case .end(let range):
            platformLines += 1
            ended(slot(forID: id(range)))
        case .report(let range, let report, let json):
            if json { jsonRecords += 1 }
            platformLines += 1
            took(report, slot: slot(forID: id(range)), line: line, number: number)
        case .signal(let range, let signal, let time):
            jsonRecords += 1
            let stamp = lineRange(time)
            take(signal, slot: slot(forID: id(range)), line: line, number: number, rank: Self.rank(signal), time: {
                stamp.map { LambdaStamp(UnsafeBufferPointer(rebasing: line[$0])) }
            })
        case .mention(let range, let time, let json):
            if json { jsonRecords += 1 }
            let stamp = lineRange(time)
            mentioned(slot(forID: id(range)), time: { stamp.map { LambdaStamp(UnsafeBufferPointer(rebasing: line[$0])) } })
        }
        return true
    }

    /// `START`: the invocation runs from here; a failed init phase before it is its own.
    mutating func started(_ slot: Int, time: () -> LambdaStamp?) {
        states[slot].noteTime(time)
        current = slot
        currentSequence = table.sequence(of: slot)
        if let stream {
            if currentByStream.count >= Self.maxStreams { currentByStream.removeAll(keepingCapacity: true) }
            currentByStream[stream] = (slot, currentSequence)
        }
        if initPhaseHasSignal { adoptInitPhase(into: slot, asInit: true) }
    }

    /// `END`.
    mutating func ended(_ slot: Int) {
        // The log began inside this invocation (its START cut off): the failure lines before
        // belong to it, not to an init phase.
        if initPhaseHasSignal, current < 0 { adoptInitPhase(into: slot, asInit: false) }
    }

    /// `REPORT`: the invocation is over, but stays open for late lines until a few more report.
    mutating func took(_ report: LambdaReport, slot: Int, line: UnsafeBufferPointer<UInt8>, number: Int) {
        states[slot].take(report, line: line, number: number)
        if !reported.contains(slot) { reported.append(slot) }
        if reported.count > Self.keptAfterReport { close(reported.removeFirst()) }
    }

    /// A line naming its invocation: the invocation's time, if it has none yet.
    private mutating func mentioned(_ slot: Int, time: () -> LambdaStamp?) {
        states[slot].noteTime(time)
    }

    /// Closes every invocation still open (the end of the log), and reports an init phase that
    /// failed with no invocation after it.
    mutating func finish() {
        for slot in table.oldestOpen(table.openCount) { close(slot) }
        reported.removeAll()
        if initPhaseHasSignal, let outcome = LambdaInvocationClassifier.classify(initPhase) {
            groups.add(outcome, initPhase, initPhase: true, path: path)
        }
    }

    private mutating func take(
        _ signal: LambdaFailureSignal, id: String?, line: UnsafeBufferPointer<UInt8>, number: Int, rank: Int, time: () -> LambdaStamp?
    ) {
        if let slot = target(id) {
            take(signal, slot: slot, line: line, number: number, rank: rank, time: time)
        } else {
            initPhase.take(signal)
            initPhaseHasSignal = true
            if initPhase.time == nil { initPhase.time = time() }
            initPhase.keep(line, number: number, rank: rank)
        }
    }

    /// A signal of the invocation in `slot`.
    private mutating func take(
        _ signal: LambdaFailureSignal, slot: Int, line: UnsafeBufferPointer<UInt8>, number: Int, rank: Int, time: () -> LambdaStamp?
    ) {
        states[slot].take(signal)
        states[slot].noteTime(time)
        states[slot].keep(line, number: number, rank: rank)
    }

    /// Where a line goes: its own request, or the running invocation, or (nil) the init phase.
    private mutating func target(_ id: String?) -> Int? {
        if let id { return slot(for: id) }
        let (slot, sequence) = stream.flatMap { currentByStream[$0] } ?? (current, currentSequence)
        guard slot >= 0, table.isOpen(slot), table.sequence(of: slot) == sequence, !states[slot].reported else { return nil }
        return slot
    }

    /// A failure before `START` belongs to that invocation: it could not initialise. (`asInit`
    /// false: the log began mid-invocation, the lines are that invocation's own failure.)
    private mutating func adoptInitPhase(into slot: Int, asInit: Bool) {
        let phase = initPhase
        initPhase.reset()
        initPhaseHasSignal = false
        if asInit, phase.initFailed || phase.unhandled || phase.runtimeExited || phase.killed || phase.outOfMemory {
            states[slot].initFailed = true
            states[slot].errorType = states[slot].errorType ?? phase.errorType
        } else if !asInit {
            var merged = phase
            merged.time = states[slot].time ?? phase.time
            if let report = states[slot].report { merged.take(report) }
            states[slot] = merged
            return
        }
        states[slot].logged = states[slot].logged || phase.logged
        for line in phase.mostTelling(LambdaInvocation.maxLines) { states[slot].keep(line, rank: 0) }
    }

    private mutating func slot(for id: String) -> Int {
        let bytes = Array(id.utf8)
        return bytes.withUnsafeBufferPointer { slot(forID: $0) }
    }

    /// The slot of the invocation with this id (lower case), opened when new. A 36-byte id is
    /// remembered (`recent`): the next lines of the invocation name it again.
    mutating func slot(forID id: UnsafeBufferPointer<UInt8>) -> Int {
        guard id.count == 36, let base = id.baseAddress else { return table.existingSlot(for: id) ?? open(id) }
        if recent.matches(base) { return recent.slot }
        let slot = table.existingSlot(for: id) ?? open(id)
        // Opening may close the oldest invocations, with a table of one even the new one.
        if table.isOpen(slot) { recent.remember(base, slot: slot) }
        return slot
    }

    private mutating func open(_ id: UnsafeBufferPointer<UInt8>) -> Int {
        let slot = table.open(id)
        while states.count <= slot { states.append(LambdaInvocation()) }
        states[slot].reset()
        if table.openCount > table.maxOpen { closeOldest() }
        return slot
    }

    private mutating func closeOldest() {
        for slot in table.oldestOpen(max(1, table.maxOpen / 4)) {
            reported.removeAll { $0 == slot }
            close(slot)
            closedEarly += 1
        }
    }

    private mutating func close(_ slot: Int) {
        guard table.isOpen(slot) else { return }
        if recent.slot == slot { recent.forget() }
        invocations += 1
        // Read through a pointer: the array's getter may copy the invocation (retaining its strings).
        let (duration, size, mayHaveFailed) = states.withUnsafeBufferPointer { states in
            (states[slot].report?.durationMs, states[slot].report?.memorySizeMB, states[slot].mayHaveFailed)
        }
        if let duration { longestDurationMs = max(longestDurationMs ?? 0, duration) }
        if let size { memorySizeMB = memorySizeMB ?? size }
        // Most invocations show no failure at all: the classifier is not asked, and their state is
        // left to the next `open` of the slot to clear (no state of a closed slot is ever read).
        // A failed one's copy (retaining its strings and lines) is made here, and its lines freed.
        if mayHaveFailed, let outcome = LambdaInvocationClassifier.classify(states[slot]) {
            var invocation = states[slot]
            if outcome.what.isFailure {
                failed += 1
                if let duration = invocation.report?.durationMs { longestFailedDurationMs = max(longestFailedDurationMs ?? 0, duration) }
            }
            // The id as text only for an invocation a finding may quote (the table keeps its bytes).
            invocation.id = table.slots[slot].id.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
            groups.add(outcome, invocation, initPhase: false, path: path)
            states[slot].reset()
        }
        table.close(slot)
        if slot == current { current = -1 }
    }

    /// FNV-1a of a log stream name.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }

    /// How telling a failure line is (lower first).
    private static func rank(_ signal: LambdaFailureSignal) -> Int {
        switch signal {
        case .timedOut, .responseTooLarge, .outOfMemory, .initError: 0
        case .unhandled, .killed: 1
        case .runtimeExit: 2
        case .logged: 3
        }
    }
}
