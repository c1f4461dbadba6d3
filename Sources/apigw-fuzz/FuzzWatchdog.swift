import Foundation

/// Ends the run when one input takes far longer than the limit: code that never checks the scan's
/// time budget (a regular expression, a recursive parser) could otherwise hang the run forever.
/// The input in flight is already on disk (`current.input`), so it becomes the finding.
final class FuzzWatchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var started: ContinuousClock.Instant?
    private var label = ""
    private let hardLimit: Duration

    init(hardLimit: Duration) { self.hardLimit = hardLimit }

    func begin(_ label: String) {
        lock.withLock {
            started = .now
            self.label = label
        }
    }

    func end() { lock.withLock { started = nil } }

    /// Starts the thread that watches; it exits the process with status 1 on a hang.
    func start(inputPath: String) {
        let thread = Thread { [self] in
            while true {
                Thread.sleep(forTimeInterval: 0.5)
                let (since, label) = lock.withLock { (started, self.label) }
                if let since, ContinuousClock.now - since > hardLimit {
                    FileHandle.standardError.write(Data("apigw-fuzz: HANG over \(hardLimit) on \(label); input kept at \(inputPath)\n".utf8))
                    exit(1)
                }
            }
        }
        thread.start()
    }
}
