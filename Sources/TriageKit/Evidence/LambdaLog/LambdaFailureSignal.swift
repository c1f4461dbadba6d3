/// A line of a Lambda log that shows an invocation failing, or hints at it, by runtime and by
/// message (domain reference §3.4, §5.5).
///
/// Strong signals prove the invocation failed (the runtime reports an unhandled error, Lambda
/// reports a timeout, a crash, an init failure or the 6 MB limit). Weak ones (a stack trace, a
/// Python traceback, a .NET `fail` line) are what a handled, logged exception looks like too, so
/// alone they prove nothing.
enum LambdaFailureSignal: Equatable {
    /// `Task timed out after 3.00 seconds`: the seconds as written.
    case timedOut(seconds: String?)
    /// Both wordings of the 6 MB message, or `Function.ResponseSizeTooLarge`.
    case responseTooLarge
    /// `Runtime.OutOfMemory`.
    case outOfMemory
    /// `Runtime exited with error: signal: killed` (often memory), `Runtime.ExitError`,
    /// `Process exited before completing request`.
    case runtimeExit
    /// `signal: killed` on its own names the kernel's OOM kill.
    case killed
    /// `Runtime.ImportModuleError`, `Runtime.HandlerNotFound`, `Runtime.UserCodeSyntaxError`, …
    case initError(type: String)
    /// The runtime's report of an unhandled error: Node `Invoke Error` / `Uncaught Exception`,
    /// Python `[ERROR] KeyError: 'id'`, an error object with `errorType`, a Go `panic:`.
    case unhandled(type: String?)
    /// A stack trace or logged exception: not proof on its own.
    case logged(type: String?)

    var isStrong: Bool {
        if case .logged = self { return false }
        return true
    }

    /// The failure a line shows, or nil. `text` starts at the message (after prefix and id).
    static func of(_ text: UnsafeBufferPointer<UInt8>) -> LambdaFailureSignal? {
        guard !text.isEmpty else { return nil }
        if let signal = platformSignal(text) { return signal }
        return runtimeSignal(text)
    }

    /// What Lambda itself writes, whatever the runtime.
    private static func platformSignal(_ text: UnsafeBufferPointer<UInt8>) -> LambdaFailureSignal? {
        if text.hasPrefix("Task timed out after ") {
            return .timedOut(seconds: LambdaReport.field(text, "Task timed out after "))
        }
        if text.firstOffset(of: "Function.ResponseSizeTooLarge") != nil
            || (text.firstOffset(of: "Response payload size") != nil
                && text.firstOffset(of: "exceeded maximum allowed payload size") != nil)
        {
            return .responseTooLarge
        }
        if text.firstOffset(of: "Runtime.OutOfMemory") != nil { return .outOfMemory }
        for type in initErrorTypes where text.firstOffset(of: type) != nil {
            return .initError(type: type.description)
        }
        if text.firstOffset(of: "signal: killed") != nil { return .killed }
        if text.hasPrefix("Runtime.ExitError") || text.firstOffset(of: "Runtime exited with error") != nil
            || text.firstOffset(of: "Process exited before completing request") != nil
        {
            return .runtimeExit
        }
        return nil
    }

    /// What the runtimes write for an unhandled error, and the stack traces they print.
    private static func runtimeSignal(_ text: UnsafeBufferPointer<UInt8>) -> LambdaFailureSignal? {
        // Node: `ERROR\tInvoke Error \t{…}`, `ERROR\tUncaught Exception \t{…}`, `ERROR\tUnhandled Promise Rejection`.
        if text.hasPrefix("ERROR\t") || text.hasPrefix("ERROR ") {
            for marker in nodeMarkers where text.firstOffset(of: marker, limit: 48) != nil {
                return .unhandled(type: errorType(text))
            }
        }
        // Python: `[ERROR] KeyError: 'id'` (a space after the bracket; the logger writes a tab).
        if text.hasPrefix("[ERROR] "), let type = pythonType(text) { return .unhandled(type: type) }
        // The runtime's error object as the whole message, on one line or pretty-printed
        // (`"errorType": "java.lang.…",`). Inside other text it is an error the code logged.
        if isErrorObject(text), let type = errorType(text) { return .unhandled(type: type) }
        // Go: `panic: runtime error: …`; the process dies (Runtime.ExitError follows).
        if text.hasPrefix("panic: ") { return .unhandled(type: "panic") }
        if text.hasPrefix("Traceback (most recent call last):") { return .logged(type: nil) }
        // .NET 6+: `<timestamp>\t<id>\tfail\tSystem.NullReferenceException: …`.
        if text.hasPrefix("fail\t"), let type = exceptionClass(UnsafeBufferPointer(rebasing: text[5...])) {
            return .logged(type: type)
        }
        if let type = exceptionClass(text) { return .logged(type: type) }
        return nil
    }

    private static let nodeMarkers: [StaticString] = ["Invoke Error", "Uncaught Exception", "Unhandled Promise Rejection"]

    /// Init failures, by the error type Lambda names (§2.1: bad handler, init or packaging error).
    private static let initErrorTypes: [StaticString] = [
        "Runtime.ImportModuleError", "Runtime.HandlerNotFound", "Runtime.UserCodeSyntaxError",
        "Runtime.MalformedHandlerName", "Runtime.InvalidEntrypoint", "Runtime.BadFunctionCode",
        "Runtime.CallbackHandlerDeprecated",
    ]

    /// The `errorType` of an error object in the line: `"errorType":"TypeError"` (any spacing).
    static func errorType(_ text: UnsafeBufferPointer<UInt8>) -> String? {
        guard let key = text.firstOffset(of: "\"errorType\"") else { return nil }
        var position = key + 11
        while position < text.count, text[position] == 0x20 || text[position] == UInt8(ascii: ":") { position += 1 }
        guard position < text.count, text[position] == UInt8(ascii: "\"") else { return nil }
        let start = position + 1
        var end = start
        while end < text.count, text[end] != UInt8(ascii: "\""), end - start < 128 { end += 1 }
        return end > start && end < text.count ? text.text(start..<end) : nil
    }

    /// The message is an error object: it opens with `{`, or is the `"errorType"` line of one
    /// printed over several lines.
    private static func isErrorObject(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = text.firstIndex(where: { !$0.isASCIISpaceOrTab }) else { return false }
        return text[first] == UInt8(ascii: "{") || text.hasPrefix("\"errorType\"", at: first)
    }

    /// `[ERROR] KeyError: 'id'` → `KeyError`.
    private static func pythonType(_ text: UnsafeBufferPointer<UInt8>) -> String? {
        let body = UnsafeBufferPointer(rebasing: text[8...])
        guard let colon = body.firstOffset(of: UInt8(ascii: ":"), in: 0..<min(body.count, 96)), colon > 0 else { return nil }
        let name = body.text(0..<colon)
        return name.utf8.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") }
            ? name : nil
    }

    /// `java.lang.NullPointerException: …`, `System.InvalidOperationException: …`,
    /// `Exception in thread "main" …`: a qualified exception class at the start of the line.
    private static func exceptionClass(_ text: UnsafeBufferPointer<UInt8>) -> String? {
        if text.hasPrefix("Exception in thread ") { return "Exception" }
        var end = 0
        while end < text.count, end < 160, text[end].isASCIILetter || text[end].isASCIIDigit || text[end] == 0x2E || text[end] == 0x5F || text[end] == 0x24 {
            end += 1
        }
        guard end > 0, end == text.count || text[end] == UInt8(ascii: ":") else { return nil }
        let name = UnsafeBufferPointer(rebasing: text[0..<end])
        guard name.firstOffset(of: UInt8(ascii: "."), in: 0..<end) != nil,
            name.firstOffset(of: "Exception") != nil || name.firstOffset(of: "Error") != nil
        else { return nil }
        return text.text(0..<end)
    }
}
