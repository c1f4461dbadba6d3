/// A quick test that a line cannot show a failure, so the scan's fast path may skip it.
///
/// `of` checks a dozen prefixes and searches the line for about ten markers; nearly every line
/// of a busy log holds none of them. These tests answer "certainly nothing" from the first byte
/// and one pass for a few anchor bytes, each marker holding one of them: `R` (`Runtime…`,
/// `Response payload size`), `F` (`Function.ResponseSizeTooLarge`), `P` (`Process exited …`),
/// `k` (`signal: killed`). Only a true answer is ever approximate (the slow path then decides), so
/// skipping on false never changes what the scan reports.
extension LambdaFailureSignal {
    /// False only when `of(text)` is certainly nil. `text` starts at the message (after prefix and id).
    static func mayMatch(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress, !text.isEmpty else { return false }
        switch text[0] {
        // The prefixes `of` reads: `Task timed out`, `Traceback`, `ERROR`, `Exception in thread`,
        // `[ERROR] `, an error object (`{`, `"errorType"`, after blanks), `panic: `, `fail\t`, `Runtime.ExitError`.
        case UInt8(ascii: "T"), UInt8(ascii: "E"), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "\""), UInt8(ascii: "p"),
            UInt8(ascii: "f"), UInt8(ascii: "R"), 0x20, 0x09:
            return true
        default: break
        }
        // An exception class at the start (`java.lang.NullPointerException: …`): the same run of
        // name bytes `exceptionClass` reads, ending at a colon or the end of the line.
        var end = 0
        while end < text.count, end < 160, isNameByte(text[end]) { end += 1 }
        if end > 0, end == text.count || text[end] == UInt8(ascii: ":") { return true }
        return hasAnchor(text, base, extra: (UInt8(ascii: "R"), UInt8(ascii: "R")))
    }

    /// False only when a JSON line (`text` starts with `{`) is certainly neither a platform record
    /// nor an error record nor a failure line: then `LambdaJSONRecord.parse` gives nil and the
    /// text reading finds no signal in it, so the line changes nothing. Adds two anchors: `T`
    /// (`"errorType"`, `Task timed out after`) and `y` (`"type"`, which a platform record needs).
    static func jsonMayMatter(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress, !text.isEmpty else { return true }
        return hasAnchor(text, base, extra: (UInt8(ascii: "T"), UInt8(ascii: "y")))
    }

    /// Whether a marker starts at an anchor byte of the line.
    private static func hasAnchor(_ text: UnsafeBufferPointer<UInt8>, _ base: UnsafePointer<UInt8>, extra: (UInt8, UInt8)) -> Bool {
        let anchors = (UInt8(ascii: "R"), UInt8(ascii: "F"), UInt8(ascii: "P"), UInt8(ascii: "k"), extra.0, extra.1)
        var position = 0
        while true {
            position = ByteScan.first(anyOf: anchors, in: base, from: position, to: text.count)
            guard position < text.count else { return false }
            if isMarker(text, at: position) { return true }
            position += 1
        }
    }

    private static func isMarker(_ text: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        switch text[position] {
        case UInt8(ascii: "R"): return text.hasPrefix("Runtime", at: position) || text.hasPrefix("Response payload size", at: position)
        case UInt8(ascii: "F"): return text.hasPrefix("Function.ResponseSizeTooLarge", at: position)
        case UInt8(ascii: "P"): return text.hasPrefix("Process exited before completing request", at: position)
        case UInt8(ascii: "k"): return position >= 8 && text.hasPrefix("signal: killed", at: position - 8)
        case UInt8(ascii: "T"):
            return text.hasPrefix("Task timed out after", at: position) || (position >= 6 && text.hasPrefix("\"errorType\"", at: position - 6))
        case UInt8(ascii: "y"): return position >= 2 && text.hasPrefix("\"type\"", at: position - 2)
        default: return false
        }
    }

    /// The bytes of a qualified class name, as `exceptionClass` reads them.
    @inline(__always)
    private static func isNameByte(_ byte: UInt8) -> Bool {
        byte.isASCIILetter || byte.isASCIIDigit || byte == 0x2E || byte == 0x5F || byte == 0x24
    }
}
