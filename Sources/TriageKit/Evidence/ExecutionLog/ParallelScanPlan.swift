import Foundation

/// How a large plain-text execution log is split over the cores (`ParallelExecutionLogScan`).
struct ParallelScanPlan: Sendable {
    /// At most this many parts (the active cores).
    var parts: Int
    /// Parts are at least this long: below twice this size a file is read by one thread, where
    /// starting threads would cost more than it saves.
    var minPartBytes: Int
    /// How far a later part reads before its state is compared with the true scan's (the requests
    /// in flight at its start must have ended by then for the part's own counts to be used).
    var warmUpBytes: Int

    /// One part per active core, parts of 8 MiB or more, 1 MiB of warm-up.
    static var automatic: ParallelScanPlan {
        ParallelScanPlan(parts: activeCores, minPartBytes: 8 << 20, warmUpBytes: 1 << 20)
    }

    /// The cores this process may use, asked once: Foundation reads the container's CPU quota
    /// from files on each call, and every inspector that splits files makes a plan at start-up.
    private static let activeCores = ProcessInfo.processInfo.activeProcessorCount

    static let singleThreaded = ParallelScanPlan(parts: 1, minPartBytes: .max, warmUpBytes: 0)

    /// Whether a file of `size` bytes is worth splitting under this plan.
    func splits(size: Int?) -> Bool {
        guard parts >= 2, let size else { return false }
        return size / 2 >= minPartBytes
    }
}
