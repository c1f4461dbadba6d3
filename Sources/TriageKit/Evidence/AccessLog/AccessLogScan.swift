/// The state of one pass over an access log: counts, findings, facts.
///
/// Each line is one request. A successful one (after the first lines, which give the facts) is
/// only counted: its status is read from its bytes (`FlatJSONStatus`, `CommonLogFormatLine.quickStatus`);
/// any other line is parsed into an entry, so a long log of successes costs one pass over its bytes
/// and no allocation.
struct AccessLogScan {
    let path: String
    private(set) var requests = 0
    private(set) var failed = 0
    private(set) var throttled = 0
    private(set) var unrecognisedLines = 0
    private(set) var unexplained: [(status: Int, line: Int)] = []
    private(set) var unexplainedCount = 0
    private(set) var tally = FindingTally()
    private(set) var undetermined = UndeterminedTally()
    private(set) var firstFacts: [String: String] = [:]
    private(set) var formats: Set<String> = []
    /// The facts of each of the first `factEntries` entries, in order (what `firstFacts` was made
    /// of), so that a scan of a later part can hand the earlier one just the entries it lacks.
    private var entryFacts: [[String: String]] = []

    private var json = FlatJSONLine()
    private var guesses = AccessLogGuessCache()
    private var entriesWithFacts = 0
    private var sawCLF = false
    private var sawJSON = false
    private static let factEntries = 8
    private static let unexplainedExamples = 3
    /// Whether successful requests are counted from their bytes; false parses every line (the
    /// reference the equivalence tests hold the fast paths to).
    private let countsSuccessesFromBytes: Bool

    init(path: String, countsSuccessesFromBytes: Bool = true) {
        self.path = path
        self.countsSuccessesFromBytes = countsSuccessesFromBytes
    }

    mutating func consume(_ line: UnsafeBufferPointer<UInt8>, number: Int) {
        guard let start = line.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return }
        if let open = Self.jsonStart(line, from: start) {
            consumeJSON(UnsafeBufferPointer(rebasing: line[open...]), whole: line, number: number)
        } else if countsSuccessesFromBytes, entriesWithFacts >= Self.factEntries, let status = CommonLogFormatLine.quickStatus(line), status < 500, status != 429 {
            // A successful CLF request once the facts are in: counted from its bytes.
            if !sawCLF { formats.insert("CLF") }
            sawCLF = true
            requests += 1
        } else if line.firstOffset(of: "] \"") != nil, let entry = CommonLogFormatLine.entry(bytes: line) {
            formats.insert("CLF")
            take(entry, complete: { entry }, number: number, text: { line.text(0..<line.count) })
        } else {
            unrecognisedLines += 1
        }
    }

    private mutating func consumeJSON(_ object: UnsafeBufferPointer<UInt8>, whole: UnsafeBufferPointer<UInt8>, number: Int) {
        // A successful request once the facts are in: counted from its bytes (`FlatJSONStatus`
        // answers only where the full parse would read the same status), without a parse.
        if countsSuccessesFromBytes, sawJSON, entriesWithFacts >= Self.factEntries, let status = FlatJSONStatus.status(object), status < 500, status != 429 {
            requests += 1
            return
        }
        guard json.parse(object), let statusField = json.field(AccessLogEntry.Keys.status) else {
            unrecognisedLines += 1
            return
        }
        if !sawJSON { formats.insert("JSON") }
        sawJSON = true
        let status = FlatJSONLine.text(of: statusField, in: object).flatMap { Int($0) }
        if let status, status < 500, status != 429, entriesWithFacts >= Self.factEntries {
            requests += 1
            return
        }
        // Once the facts are in, a failure that only counts needs only its cause's fields; the
        // whole entry is read for the failures that are quoted.
        let parsed = json
        let causeOnly = countsSuccessesFromBytes && entriesWithFacts >= Self.factEntries
        guard let entry = causeOnly ? AccessLogEntry(causeIn: parsed, line: object) : AccessLogEntry(json: parsed, line: object)
        else { return }
        take(
            entry, complete: { causeOnly ? AccessLogEntry(json: parsed, line: object) ?? entry : entry }, number: number,
            text: { whole.text(0..<whole.count) })
    }

    /// Counts one entry. `entry` may hold only the fields that name the cause (once the facts
    /// are in); `complete` gives the whole entry, for the failures that are quoted.
    private mutating func take(_ entry: AccessLogEntry, complete: () -> AccessLogEntry, number: Int, text: () -> String) {
        requests += 1
        if entriesWithFacts < Self.factEntries {
            entriesWithFacts += 1
            let facts = Self.facts(of: complete())
            entryFacts.append(facts)
            firstFacts.merge(facts) { first, _ in first }
        }
        guard let status = entry.status else { return }
        if status == 429 { throttled += 1 }
        guard status >= 500 else { return }
        failed += 1
        // Most failures repeat a cause already exemplified: count them without quoting the line.
        // `diagnose` names a cause exactly when `guess` does, so a failure without one skips it.
        let guess = AccessLogInterpreter.guess(entry, cache: &guesses)
        if let guess, !tally.wantsExample(cause: guess.cause, confidence: guess.confidence) {
            tally.count(cause: guess.cause, status: status, detail: guess.detail)
        } else if guess != nil, let diagnosis = AccessLogInterpreter.diagnose(complete(), path: path, line: number, text: text()) {
            tally.add(diagnosis)
        } else {
            unexplainedCount += 1
            if unexplained.count < Self.unexplainedExamples { unexplained.append((status, number)) }
            undetermined.add(undeterminedFailure(entry, complete: complete, status: status, number: number, text: text))
        }
    }

    /// Adds `later`, the scan of the lines right after this one's (the next part of the same file,
    /// its line numbers shifted by `lineOffset`): the state one scan of both parts would reach.
    ///
    /// Lines are independent requests, so the counts add. What a scan keeps of its first lines is
    /// kept from the earliest part: the first unexplained failures, each cause's first example of
    /// its highest confidence and each undetermined group's first failure (`FindingTally.merge`,
    /// `UndeterminedTally.merge`), and the facts of the file's first `factEntries` entries (the
    /// later part's first entries fill what this one lacks). The rest of the state changes no
    /// result: `sawJSON` and `entriesWithFacts` only choose between readings that agree (the
    /// fast-path equivalence tests), and the guess cache only remembers answers.
    mutating func absorb(_ later: AccessLogScan, lineOffset: Int) {
        requests += later.requests
        failed += later.failed
        throttled += later.throttled
        unrecognisedLines += later.unrecognisedLines
        unexplainedCount += later.unexplainedCount
        for example in later.unexplained where unexplained.count < Self.unexplainedExamples {
            unexplained.append((example.status, example.line + lineOffset))
        }
        tally.merge(later.tally, lineOffset: lineOffset)
        undetermined.merge(later.undetermined, lineOffset: lineOffset)
        for facts in later.entryFacts.prefix(Self.factEntries - entriesWithFacts) {
            entriesWithFacts += 1
            entryFacts.append(facts)
            firstFacts.merge(facts) { first, _ in first }
        }
        formats.formUnion(later.formats)
        sawCLF = sawCLF || later.sawCLF
        sawJSON = sawJSON || later.sawJSON
    }

    /// `{` first, or after a timestamp or columns that an export put in front (within 64 bytes).
    private static func jsonStart(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        if line[start] == UInt8(ascii: "{") { return start }
        guard line[start].isASCIIDigit, let brace = line.firstOffset(of: UInt8(ascii: "{"), in: start..<min(line.count, start + 64)),
            line[brace - 1].isASCIISpaceOrTab
        else { return nil }
        return brace
    }

    /// Facts of the API (not of one request) that an entry shows.
    private static func facts(of entry: AccessLogEntry) -> [String: String] {
        var facts: [String: String] = [:]
        if let type = entry.apiType { facts["api_type"] = type }
        if let api = entry.apiID, AWSIdentifiers.isAPIID(api[...]) { facts["api_id"] = api }
        if let stage = entry.stage, AWSIdentifiers.isStage(stage[...]) { facts["stage"] = stage }
        return facts
    }

    /// The failure with its line, ids and clues only when it becomes its group's example: on a
    /// log full of unexplained failures, the others only count.
    private func undeterminedFailure(
        _ entry: AccessLogEntry, complete: () -> AccessLogEntry, status: Int, number: Int, text: () -> String
    ) -> UndeterminedFailure {
        let candidates = AccessLogInterpreter.candidates(entry, status: status)
        guard undetermined.wantsExample(status: status, apiType: entry.apiType, candidates: candidates),
            let failure = AccessLogInterpreter.undetermined(complete(), path: path, line: number, text: text())
        else { return UndeterminedFailure(status: status, apiType: entry.apiType, candidates: candidates) }
        return failure
    }
}
