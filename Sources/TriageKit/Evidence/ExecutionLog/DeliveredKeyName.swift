/// A delivered event's key as `DeliveredLogEvent` compares it (ASCII letters lower-cased; `_`,
/// `-`, `@` and `.` left out), packed into three words: telling `requestId` from `message` then
/// costs a few integer compares, with no array and no `memcmp` per key of every line.
///
/// The longest name sought has 17 bytes; a longer key keeps only its count, which no name has, so
/// it equals none of them.
struct DeliveredKeyName: Equatable {
    private var low: UInt64 = 0
    private var middle: UInt64 = 0
    private var high: UInt64 = 0
    private var count = 0

    /// What a key says about the value after it.
    enum Role: Equatable {
        case other, message, status
        /// Which of `DeliveredLogEvent`'s request-id keys, in its order of preference.
        case requestID(Int)
    }

    init() {}

    private init(_ name: StaticString) {
        for index in 0..<name.utf8CodeUnitCount { append(name.utf8Start[index]) }
    }

    /// Adds the next byte of the key's (decoded, ASCII) text.
    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if byte == 0x5F || byte == 0x2D || byte == 0x40 || byte == 0x2E { return }
        let lowered = UInt64(byte | (byte.isASCIILetter ? 0x20 : 0))
        let shift = UInt64(count & 7) * 8
        switch count >> 3 {
        case 0: low |= lowered << shift
        case 1: middle |= lowered << shift
        case 2: high |= lowered << shift
        default: break
        }
        count += 1
    }

    var role: Role {
        if Self.messageNames.contains(self) { return .message }
        if let id = Self.requestIDNames.firstIndex(of: self) { return .requestID(id) }
        if Self.statusNames.contains(self) { return .status }
        return .other
    }

    /// `DeliveredLogEvent`'s key sets, normalised.
    private static let messageNames = names(["message", "msg", "log", "logmessage", "text"])
    private static let statusNames = names(["status", "statuscode", "httpstatus", "responsestatus"])
    private static let requestIDNames = names(["requestid", "apigwrequestid", "awsrequestid", "extendedrequestid"])

    private static func names(_ literals: [StaticString]) -> [DeliveredKeyName] {
        literals.map { DeliveredKeyName($0) }
    }
}
