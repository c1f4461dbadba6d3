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
        return hasAnchor(text, base, json: false)
    }

    /// False only when a JSON line (`text` starts with `{`) is certainly neither a platform record
    /// nor an error record nor a failure line: then `LambdaJSONRecord.parse` gives nil and the
    /// text reading finds no signal in it, so the line changes nothing. Adds two anchors: `T`
    /// (`"errorType"`, `Task timed out after`) and `y` (`"type"`, which a platform record needs).
    /// `from`: where a marker may begin at the earliest, when the caller knows the bytes before
    /// it hold none (`LambdaJSONRecord.applicationMessageStart`).
    static func jsonMayMatter(_ text: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Bool {
        guard let base = text.baseAddress, !text.isEmpty else { return true }
        return hasAnchor(text, base, json: true, from: start)
    }

    /// Whether a marker starts at an anchor byte of the line. A place is looked at only when the
    /// byte after the anchor is the one its markers have there too (`Ru`, `Re`, `Fu`, `Pr`, `ki`,
    /// and for JSON `Ta`, `Ty`, `yp`): a busy log's lines hold the anchor letters (the `T` of a
    /// timestamp, the `F` of `INFO`) but seldom these pairs, so the search rarely stops.
    private static func hasAnchor(_ text: UnsafeBufferPointer<UInt8>, _ base: UnsafePointer<UInt8>, json: Bool, from start: Int = 0) -> Bool {
        var position = start
        while true {
            position = firstPair(base, from: position, to: text.count, json: json)
            guard position < text.count else { return false }
            if isMarker(text, at: position) { return true }
            position += 1
        }
    }

    /// The first place from `start` where an anchor pair starts, or `end`: sixteen places per step
    /// (two overlapping loads: the anchors and the bytes after them); the last places as one block
    /// ending at `end`, its places before `start` masked off.
    @inline(__always)
    private static func firstPair(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int, json: Bool) -> Int {
        var position = start
        while end - position >= 17 {
            if let lane = pairLane(base + position, skipping: 0, json: json) { return position + lane }
            position += 16
        }
        if position < end - 1, end >= 17 {
            let block = end - 17
            return pairLane(base + block, skipping: position - block, json: json).map { block + $0 } ?? end
        }
        while position + 1 < end {
            if isPair(base[position], base[position + 1], json: json) { return position }
            position += 1
        }
        return end
    }

    /// The first of the sixteen places at `block` (from place `skipping` on) where a pair starts.
    @inline(__always)
    private static func pairLane(_ block: UnsafePointer<UInt8>, skipping: Int, json: Bool) -> Int? {
        let first = UnsafeRawPointer(block).loadUnaligned(as: SIMD16<UInt8>.self)
        let next = UnsafeRawPointer(block + 1).loadUnaligned(as: SIMD16<UInt8>.self)
        func bytes(_ ascii: Unicode.Scalar) -> SIMD16<UInt8> { SIMD16(repeating: UInt8(ascii: ascii)) }
        var hits = (first .== bytes("R")) .& ((next .== bytes("u")) .| (next .== bytes("e")))
        hits = hits .| ((first .== bytes("F")) .& (next .== bytes("u"))) .| ((first .== bytes("P")) .& (next .== bytes("r")))
            .| ((first .== bytes("k")) .& (next .== bytes("i")))
        if json {
            hits = hits .| ((first .== bytes("T")) .& ((next .== bytes("a")) .| (next .== bytes("y"))))
                .| ((first .== bytes("y")) .& (next .== bytes("p")))
        }
        guard any(hits) else { return nil }
        // The hit places as bytes of two little-endian words, those before `skipping` cleared.
        let marks = unsafeBitCast(SIMD16<UInt8>(repeating: 0).replacing(with: 0xFF, where: hits), to: (UInt64, UInt64).self)
        var low = UInt64(littleEndian: marks.0), high = UInt64(littleEndian: marks.1)
        if skipping > 0 {
            low &= skipping >= 8 ? 0 : ~0 << (skipping * 8)
            high &= skipping <= 8 ? ~0 : ~0 << ((skipping - 8) * 8)
        }
        if low != 0 { return low.trailingZeroBitCount / 8 }
        if high != 0 { return 8 + high.trailingZeroBitCount / 8 }
        return nil
    }

    /// `pairLane` for one place.
    @inline(__always)
    private static func isPair(_ byte: UInt8, _ next: UInt8, json: Bool) -> Bool {
        switch (byte, next) {
        case (UInt8(ascii: "R"), UInt8(ascii: "u")), (UInt8(ascii: "R"), UInt8(ascii: "e")), (UInt8(ascii: "F"), UInt8(ascii: "u")),
            (UInt8(ascii: "P"), UInt8(ascii: "r")), (UInt8(ascii: "k"), UInt8(ascii: "i")):
            return true
        case (UInt8(ascii: "T"), UInt8(ascii: "a")), (UInt8(ascii: "T"), UInt8(ascii: "y")), (UInt8(ascii: "y"), UInt8(ascii: "p")):
            return json
        default:
            return false
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
