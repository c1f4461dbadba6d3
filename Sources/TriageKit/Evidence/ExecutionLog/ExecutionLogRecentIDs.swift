/// The last few 36-byte request ids an execution-log scan looked up, with their slots in the
/// `PendingRequestTable`, compared as words.
///
/// A log interleaves a few requests in flight, so nearly every kept line belongs to one of the
/// last four requests looked up; five word compares each find it without the table's hash or
/// `memcmp`. An entry is dropped when its request closes, so a hit is always an open request
/// (ids are unique among open requests: a request opens only when no open one has its id).
struct ExecutionLogRecentIDs {
    /// A 36-byte id as words: bytes 0..<8, 8..<16, 16..<24, 24..<32 and 32..<36.
    typealias Words = (UInt64, UInt64, UInt64, UInt64, UInt32)

    private struct Entry {
        var slot = -1
        var words: Words = (0, 0, 0, 0, 0)
    }

    /// Most recently used first.
    private var entries = (Entry(), Entry(), Entry(), Entry())

    /// The id's words, or nil when it is not 36 bytes long.
    @inline(__always)
    static func words(_ id: UnsafeBufferPointer<UInt8>) -> Words? {
        guard id.count == 36, let base = id.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        return (
            raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
            raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self),
            raw.loadUnaligned(fromByteOffset: 32, as: UInt32.self)
        )
    }

    /// The slot of the request with these id words, if it is among the recent ones (it becomes
    /// the most recent).
    @inline(__always)
    mutating func slot(of words: Words) -> Int? {
        if entries.0.slot >= 0, entries.0.words == words { return entries.0.slot }
        if entries.1.slot >= 0, entries.1.words == words {
            swap(&entries.0, &entries.1)
            return entries.0.slot
        }
        if entries.2.slot >= 0, entries.2.words == words {
            let hit = entries.2
            entries.2 = entries.1
            entries.1 = entries.0
            entries.0 = hit
            return hit.slot
        }
        if entries.3.slot >= 0, entries.3.words == words {
            let hit = entries.3
            entries.3 = entries.2
            entries.2 = entries.1
            entries.1 = entries.0
            entries.0 = hit
            return hit.slot
        }
        return nil
    }

    /// Notes `slot` as the open request of `words` (not among the recent ones), the least
    /// recent entry making room.
    @inline(__always)
    mutating func remember(_ words: Words, slot: Int) {
        entries.3 = entries.2
        entries.2 = entries.1
        entries.1 = entries.0
        entries.0 = Entry(slot: slot, words: words)
    }

    /// The request in `slot` closed.
    @inline(__always)
    mutating func forget(slot: Int) {
        if entries.0.slot == slot { entries.0.slot = -1 }
        if entries.1.slot == slot { entries.1.slot = -1 }
        if entries.2.slot == slot { entries.2.slot = -1 }
        if entries.3.slot == slot { entries.3.slot = -1 }
    }

    /// The table was replaced: no slot is known.
    mutating func forgetAll() {
        entries = (Entry(), Entry(), Entry(), Entry())
    }
}
