/// `ExecutionLogSample.isKnownMessage(text, at: 0)` with the catalogue indexed by first byte and
/// compared in words: a delivered event's message is checked once per line, and trying all 25
/// messages in turn costs a `memcmp` call each, where the first byte rules out all but two or three
/// and a message's bytes are then three or four 8-byte compares.
///
/// Built from `ExecutionLogSample.knownMessages` itself, so the two cannot disagree.
enum KnownMessageIndex {
    /// The catalogue as words: each message's bytes at offsets 0, 8, 16, ... and a last word ending
    /// where the message ends (overlapping the one before), so a text of at least the message's
    /// length is compared without reading past it.
    private struct Table: Sendable {
        /// Per first byte (ASCII, 0...127), the entries from `starts[byte]` up to `starts[byte + 1]`.
        var starts = [Int](repeating: 0, count: 129)
        /// Per entry: its length, where its words start in `words`, how many.
        var lengths: [Int] = []
        var firstWords: [Int] = []
        var wordCounts: [Int] = []
        var words: [UInt64] = []
        /// The first word's mask: all bytes, or a message's bytes when it is shorter than a word.
        var firstMasks: [UInt64] = []

        init(_ messages: [StaticString]) {
            let sorted = messages.filter { $0.utf8CodeUnitCount > 0 && $0.utf8Start.pointee < 128 }.enumerated()
                .sorted { ($0.element.utf8Start.pointee, $0.offset) < ($1.element.utf8Start.pointee, $1.offset) }.map(\.element)
            for message in sorted {
                let bytes = UnsafeBufferPointer(start: message.utf8Start, count: message.utf8CodeUnitCount)
                lengths.append(bytes.count)
                firstWords.append(words.count)
                let padded = Array(bytes) + [UInt8](repeating: 0, count: 8)
                var offsets = Array(stride(from: 0, to: bytes.count - 8, by: 8))
                offsets.append(max(0, bytes.count - 8))
                if bytes.count <= 8 { offsets = [0] }
                padded.withUnsafeBufferPointer { buffer in
                    guard let start = buffer.baseAddress else { return }
                    for offset in offsets { words.append(KnownMessageIndex.load(start, offset)) }
                }
                wordCounts.append(offsets.count)
                firstMasks.append(bytes.count >= 8 ? ~0 : (1 << UInt64(8 * bytes.count)) - 1)
                starts[Int(bytes[0]) + 1] += 1
            }
            for byte in 1...128 { starts[byte] += starts[byte - 1] }
        }
    }

    private static let table = Table(ExecutionLogSample.knownMessages)

    /// The length of the longest known message: a text's first `longest` bytes decide whether it
    /// starts with one.
    static let longest = ExecutionLogSample.knownMessages.map(\.utf8CodeUnitCount).max() ?? 0

    /// Whether `text` starts with a message API Gateway writes.
    @inline(__always)
    static func startsWithKnown(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress, text.count >= 8 else { return startsWithKnownShort(text) }
        let first = Int(base[0])
        guard first < 128 else { return false }
        let head = load(base, 0)
        for entry in Self.table.starts[first]..<Self.table.starts[first + 1] {
            let length = Self.table.lengths[entry]
            let words = Self.table.firstWords[entry]
            guard text.count >= length, head & Self.table.firstMasks[entry] == Self.table.words[words] else { continue }
            // The further words: at 8, 16, ... and the last ending at `length` (all within `text`).
            var matches = true
            var index = 1
            let count = Self.table.wordCounts[entry]
            while matches, index < count {
                let offset = index == count - 1 ? length - 8 : 8 * index
                matches = load(base, offset) == Self.table.words[words + index]
                index += 1
            }
            if matches { return true }
        }
        return false
    }

    /// A text shorter than a word: byte compares (only a cut or empty message is that short).
    private static func startsWithKnownShort(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        ExecutionLogSample.knownMessages.contains { text.hasPrefix($0) }
    }

    @inline(__always)
    private static func load(_ base: UnsafePointer<UInt8>, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
    }
}
