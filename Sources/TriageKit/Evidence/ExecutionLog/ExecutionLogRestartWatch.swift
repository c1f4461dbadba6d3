/// What a later part's scan saw after restarting its counts that decides whether requests still
/// in flight from the parts before (which it never saw) would have changed its reading.
///
/// Such a request changes nothing when no later line names it (its id never opens a request in
/// the part), when the table never overflows with it counted (no request is closed early), and
/// when no console test output starts (which closes the console request by id).
struct ExecutionLogRestartWatch: Sendable {
    /// The most requests open at once.
    private(set) var peakOpen: Int
    var consoleStarted = false
    /// One bit per id hash (2^24 bits, 2 MiB): a set bit may be a collision, which only costs
    /// the parallel scan its shortcut, never correctness.
    private var openedIDs: [UInt64] = Array(repeating: 0, count: Self.words)

    private static let bits = 24
    private static let words = (1 << bits) / 64

    init(open: Int) {
        peakOpen = open
    }

    /// A request opened: `hash` is its id's `PendingRequestTable.hash` (the table has it already).
    mutating func opened(hash: UInt64, open: Int) {
        peakOpen = max(peakOpen, open)
        let bit = Self.bit(hash)
        openedIDs[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    /// Whether requests of earlier parts (`stale`, ids) left in flight beside this scan's, in a
    /// table of `maxOpen`, would have read the part as it was read.
    func leaves(_ stale: [[UInt8]], maxOpen: Int) -> Bool {
        if stale.isEmpty { return true }
        guard !consoleStarted, peakOpen + stale.count <= maxOpen else { return false }
        return stale.allSatisfy { id in
            let bit = id.withUnsafeBufferPointer { Self.bit(PendingRequestTable.hash($0)) }
            return openedIDs[bit >> 6] & (1 << UInt64(bit & 63)) == 0
        }
    }

    private static func bit(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: hash >> UInt64(64 - bits))
    }
}
