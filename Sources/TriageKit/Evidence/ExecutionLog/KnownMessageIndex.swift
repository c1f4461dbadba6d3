/// `ExecutionLogSample.isKnownMessage(text, at: 0)` with the catalogue indexed by first byte:
/// a delivered event's message is checked once per line, and trying all 25 messages in turn costs
/// a `memcmp` call each, where the first byte rules out all but two or three.
///
/// Built from `ExecutionLogSample.knownMessages` itself, so the two cannot disagree.
enum KnownMessageIndex {
    /// The known messages, grouped by their first byte (ASCII, so 128 groups).
    private static let byFirstByte: [[StaticString]] = {
        var groups = [[StaticString]](repeating: [], count: 128)
        for message in ExecutionLogSample.knownMessages where message.utf8CodeUnitCount > 0 {
            let first = message.utf8Start.pointee
            if first < 128 { groups[Int(first)].append(message) }
        }
        return groups
    }()

    /// The length of the longest known message: a text's first `longest` bytes decide whether it
    /// starts with one.
    static let longest = ExecutionLogSample.knownMessages.map(\.utf8CodeUnitCount).max() ?? 0

    /// Whether `text` starts with a message API Gateway writes.
    @inline(__always)
    static func startsWithKnown(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = text.first, first < 128 else { return false }
        return byFirstByte[Int(first)].contains { text.hasPrefix($0) }
    }
}
