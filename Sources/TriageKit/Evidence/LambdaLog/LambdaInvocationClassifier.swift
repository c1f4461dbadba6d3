/// Names what ended one invocation, from what the log showed about it (§5.5, §15).
///
/// - The 6 MB limit → `lambda-response-too-large`; a timeout → `lambda-timeout`.
/// - Out of memory, an init failure, a crash or an unhandled error → `lambda-function-error`, the
///   summary saying which.
/// - Only a logged stack trace → `lambda-function-error` at low confidence: a handled exception
///   prints the same, so the log does not prove the invocation failed.
enum LambdaInvocationClassifier {
    /// How an invocation ended, in the words a summary uses.
    struct Outcome: Equatable {
        var cause: String
        var confidence: Confidence
        /// What happened: "timed out", "ran out of memory", …
        var what: LambdaFailureKind
        /// The error type named, if any.
        var detail: String?
    }

    static func classify(_ invocation: LambdaInvocation) -> Outcome? {
        let report = invocation.report
        if invocation.responseTooLarge {
            return Outcome(cause: "lambda-response-too-large", confidence: .high, what: .responseTooLarge, detail: nil)
        }
        if invocation.timedOut {
            return Outcome(cause: "lambda-timeout", confidence: .high, what: .timedOut, detail: nil)
        }
        let crashed = invocation.killed || invocation.runtimeExited || report?.status == "error"
        if invocation.outOfMemory || (crashed && report?.usedAllMemory == true) {
            return Outcome(cause: "lambda-function-error", confidence: .high, what: .outOfMemory, detail: "Runtime.OutOfMemory")
        }
        if invocation.initFailed {
            return Outcome(cause: "lambda-function-error", confidence: .high, what: .initFailed, detail: invocation.errorType)
        }
        if invocation.unhandled || crashed {
            let what: LambdaFailureKind = invocation.unhandled ? .unhandledError : .crashed
            let detail = invocation.errorType ?? (invocation.killed ? "signal: killed" : report?.errorType)
            return Outcome(cause: "lambda-function-error", confidence: .high, what: what, detail: detail)
        }
        if invocation.logged {
            return Outcome(cause: "lambda-function-error", confidence: .low, what: .loggedException, detail: invocation.errorType)
        }
        return nil
    }
}

/// The ways an invocation fails, as a summary names them.
enum LambdaFailureKind: String, CaseIterable, Comparable {
    case timedOut = "timed out"
    case responseTooLarge = "returned more than 6 MB"
    case outOfMemory = "ran out of memory"
    case initFailed = "failed to initialise"
    case crashed = "crashed (the runtime exited)"
    case unhandledError = "ended in an unhandled error"
    case loggedException = "logged an exception without proof it failed"

    static func < (left: LambdaFailureKind, right: LambdaFailureKind) -> Bool {
        let order = allCases
        return order.firstIndex(of: left) ?? 0 < order.firstIndex(of: right) ?? 0
    }

    /// Whether the invocation is proven failed (a logged exception is not proof).
    var isFailure: Bool { self != .loggedException }
}
