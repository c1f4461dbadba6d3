import Foundation

/// Runs a few pieces of synchronous work at once, one per core (`DispatchQueue.concurrentPerform`),
/// and hands back their results in order.
///
/// For splitting one large file over the cores from synchronous inspector code. Each piece
/// returns its own `Sendable` value; nothing is shared while they run.
enum ConcurrentWork {
    /// `body(0)` … `body(count - 1)`, run concurrently; rethrows the first error (by index).
    static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) throws -> T) throws -> [T] {
        let slots = ResultSlots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            slots.set(index, Result { try body(index) })
        }
        return try slots.values()
    }
}

/// The results of `ConcurrentWork.map` as they arrive, behind a lock (each index is written once).
private final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<T, any Error>?]

    init(count: Int) {
        results = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ result: Result<T, any Error>) {
        lock.lock()
        defer { lock.unlock() }
        results[index] = result
    }

    func values() throws -> [T] {
        lock.lock()
        defer { lock.unlock() }
        return try results.map { result in
            guard let result else { throw CancellationError() }  // every index runs; kept for safety
            return try result.get()
        }
    }
}
