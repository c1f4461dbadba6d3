/// Groups failed invocations into findings, one per cause (and a separate low-confidence one for
/// exceptions that were only logged), each with an example invocation to quote and to join on.
///
/// The client's status is not in a Lambda log, so findings carry none; the summary says what API
/// Gateway answers for such a failure (REST 502, HTTP API 500) without claiming it happened.
struct LambdaFindingGroups {
    private struct Group {
        var cause: String
        var confidence = Confidence.low
        var count = 0
        var kinds: [LambdaFailureKind: Int] = [:]
        var details: [String] = []
        var evidence: [EvidenceLine] = []
        var request: RequestKeys?
        var timeoutSeconds: String?
        var memorySizeMB: Int?
        var maxDurationMs: Double?
        var initPhaseOnly = false
    }

    private var groups: [String: Group] = [:]

    var isEmpty: Bool { groups.isEmpty }

    /// The kinds of failure seen, with their counts (proven failures only).
    var failureKinds: [LambdaFailureKind: Int] {
        var kinds: [LambdaFailureKind: Int] = [:]
        for group in groups.values {
            for (kind, count) in group.kinds where kind.isFailure { kinds[kind, default: 0] += count }
        }
        return kinds
    }

    mutating func add(_ outcome: LambdaInvocationClassifier.Outcome, _ invocation: LambdaInvocation, initPhase: Bool, path: String) {
        let key = outcome.confidence == .low ? outcome.cause + "#logged" : outcome.cause
        var group = groups[key] ?? Group(cause: outcome.cause)
        if group.count == 0 || outcome.confidence > group.confidence {
            group.confidence = outcome.confidence
            group.evidence = invocation.evidence(path: path)
            group.initPhaseOnly = initPhase
            let id = AWSIdentifiers.isLambdaRequestID(invocation.id[...]) ? invocation.id : nil
            let keys = RequestKeys(lambdaRequestId: id, time: invocation.time.flatMap { LambdaLogTime.iso($0.text) })
            group.request = keys.isEmpty ? nil : keys
        }
        group.count += 1
        group.kinds[outcome.what, default: 0] += 1
        if let detail = outcome.detail, !group.details.contains(detail), group.details.count < 3 { group.details.append(detail) }
        group.timeoutSeconds = group.timeoutSeconds ?? invocation.timeoutSeconds
        group.memorySizeMB = group.memorySizeMB ?? invocation.report?.memorySizeMB
        if let duration = invocation.report?.durationMs { group.maxDurationMs = max(group.maxDurationMs ?? 0, duration) }
        groups[key] = group
    }

    /// Adds the groups of a later stretch of the log (`later`, its line numbers counting from
    /// `lineOffset` + 1), as if its invocations had been added one by one after these
    /// (`ParallelLambdaLogScan`).
    ///
    /// - Counts add up; the first duration, memory size and timeout seen stay first.
    /// - A group's example is its first invocation's: each key holds one confidence (a low one has
    ///   its own `#logged` key, every other outcome is high), so no later one replaces it.
    /// - The first three details in order of first appearance: this group's, then `later`'s
    ///   not among them. `later` holds the first three distinct ones of its stretch, which
    ///   include every one the sequence would still add.
    mutating func append(_ later: LambdaFindingGroups, lineOffset: Int) {
        for (key, added) in later.groups {
            guard var group = groups[key], group.count > 0 else {
                var shifted = added
                for index in shifted.evidence.indices { shifted.evidence[index].line += lineOffset }
                groups[key] = shifted
                continue
            }
            group.count += added.count
            for (kind, count) in added.kinds { group.kinds[kind, default: 0] += count }
            for detail in added.details where !group.details.contains(detail) && group.details.count < 3 { group.details.append(detail) }
            group.timeoutSeconds = group.timeoutSeconds ?? added.timeoutSeconds
            group.memorySizeMB = group.memorySizeMB ?? added.memorySizeMB
            if let duration = added.maxDurationMs { group.maxDurationMs = max(group.maxDurationMs ?? 0, duration) }
            groups[key] = group
        }
    }

    /// The findings, most significant first.
    func findings() -> [Finding] {
        groups.values.map { group in
            var facts: [String: String] = [:]
            if let id = group.request?.lambdaRequestId { facts["lambda_request_id"] = id }
            if group.cause == "lambda-timeout", let seconds = group.timeoutSeconds.flatMap(Self.wholeSeconds) {
                facts["function_timeout_s"] = seconds
            }
            return Finding(
                cause: group.cause, status: nil, confidence: group.confidence, count: group.count, evidence: group.evidence,
                facts: facts, summary: Self.summary(group), request: group.request)
        }.sorted(by: Finding.moreSignificant)
    }

    /// `3.00` → `3`: the function timeout in whole seconds, as the fact vocabulary has it.
    static func wholeSeconds(_ text: String) -> String? {
        guard let value = Double(text), value >= 1, value <= 900 else { return nil }
        return String(Int(value.rounded()))
    }

    private static func summary(_ group: Group) -> String {
        let noun = group.initPhaseOnly && group.count == 1 ? "The init phase" : CountText.counted(group.count, "invocation")
        var text: String
        switch group.cause {
        case "lambda-timeout":
            text = "\(noun) timed out"
            if let seconds = group.timeoutSeconds { text += " (Task timed out after \(seconds) seconds: the function's own timeout fired)" }
            if let whole = group.timeoutSeconds.flatMap(Self.wholeSeconds), let seconds = Int(whole), seconds >= 29 {
                // §2.13: API Gateway gives up first when the function may run as long as the integration.
                text += "; with a function timeout of \(seconds) s, a REST API's default 29 s "
                    + "integration timeout ends the request first, so the client likely got 504 (integration-timeout), not 502"
            }
        case "lambda-response-too-large":
            text = "\(noun) returned a response larger than Lambda's 6 MB limit for synchronous invocations (Function.ResponseSizeTooLarge)"
        default:
            let kinds = group.kinds.sorted { $0.key < $1.key }.map { kind, count in
                group.count == 1 ? kind.rawValue : "\(CountText.grouped(count)) \(kind.rawValue)"
            }
            text = "\(noun) " + (group.count == 1 ? kinds.joined() : "failed: " + kinds.joined(separator: ", "))
        }
        if !group.details.isEmpty { text += " (\(group.details.joined(separator: "; ")))" }
        if let memory = group.memorySizeMB, group.kinds[.outOfMemory] != nil { text += "; memory size \(memory) MB" }
        if let example = group.evidence.first { text += "; example at line \(CountText.grouped(example.line))" }
        text += "."
        if group.confidence == .low {
            text += " A handled exception prints the same, so this log does not prove the invocation failed."
        } else {
            text += " Through API Gateway a REST API answers 502 and an HTTP API 500 for this; the client's status is not in a Lambda log."
        }
        return text
    }
}
