/// The application records of a JSON-format Lambda log, as the runtimes write them:
/// `{"timestamp":"2026-01-08T10:00:00.491Z","level":"INFO","requestId":"<uuid>","message":"…`.
/// They are most lines of a busy log, and only their message can hold a failure marker.
extension LambdaJSONRecord {
    /// Where the message's text starts, when the line opens in exactly that shape; nil otherwise.
    ///
    /// No marker `LambdaFailureSignal.jsonMayMatter` searches for can start in the bytes before:
    /// they are fixed keys, a stamp of digits and `-:.TZ`, an upper-case level from the list and a
    /// lower-case UUID, and none of its anchor pairs (`Ru`, `Re`, `Fu`, `Pr`, `ki`, `Ta`, `Ty`, `yp`)
    /// occurs in them. A marker read backwards from an anchor in the message (`signal: killed`,
    /// `"errorType"`, `"type"`) would need the bytes `":"` before the message to be its own.
    static func applicationMessageStart(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        // 14 + 24 + 11 + level + 15 + 36 + 13 bytes, the shortest level four.
        guard text.count > 117, let base = text.baseAddress, LiteralBytes.matches(text, "{\"timestamp\":\"", at: 0),
            LambdaLogPrefix.isStamp(base + 14), LiteralBytes.matches(text, "\",\"level\":\"", at: 38)
        else { return nil }
        guard let levelLength = levelLength(text, at: 49) else { return nil }
        let idStart = 49 + levelLength + 15
        guard LiteralBytes.matches(text, "\",\"requestId\":\"", at: idStart - 15), text.count > idStart + 49,
            UUIDBytes.isUUID(base + idStart, lowercaseOnly: true), LiteralBytes.matches(text, "\",\"message\":\"", at: idStart + 36)
        else { return nil }
        return idStart + 49
    }

    /// The length of the level the runtimes write (`INFO`, `WARN`, `ERROR`, `DEBUG`, `TRACE`,
    /// `FATAL`) at `offset`, told by its first byte; nil for any other text.
    @inline(__always)
    private static func levelLength(_ text: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int? {
        let level: StaticString
        switch text[offset] {
        case UInt8(ascii: "I"): level = "INFO"
        case UInt8(ascii: "W"): level = "WARN"
        case UInt8(ascii: "E"): level = "ERROR"
        case UInt8(ascii: "D"): level = "DEBUG"
        case UInt8(ascii: "T"): level = "TRACE"
        case UInt8(ascii: "F"): level = "FATAL"
        default: return nil
        }
        return LiteralBytes.matches(text, level, at: offset) ? level.utf8CodeUnitCount : nil
    }
}
