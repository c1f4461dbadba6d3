import Foundation
import TriageKit

/// Scans one input as the program does and says what is wrong with the outcome, if anything.
struct FuzzOracle {
    let scanner: EvidenceScanner
    let timeLimit: Double
    let memoryLimitMiB: Int

    init(timeLimit: Double, memoryLimitMiB: Int) {
        // The scanner's own budget stops cooperative readers a little before the oracle's limit.
        scanner = EvidenceScanner(masker: .standard, timeBudget: timeLimit * 0.8)
        self.timeLimit = timeLimit
        self.memoryLimitMiB = memoryLimitMiB
    }

    /// The problems found with the scan of `path` (empty when all is well).
    func check(_ path: String) -> [String] {
        var problems: [String] = []
        let start = ContinuousClock.now
        let report = scanner.scan(path)
        let summary = ScanSummary(reports: [report])
        let text = ScanText.render(summary, titles: [:])
        let json: String
        do {
            json = try JSONOutputText.encode(summary)
        } catch {
            return ["JSON encoding failed: \(error)"]
        }
        let elapsed = ContinuousClock.now - start
        if elapsed > .milliseconds(Int64(timeLimit * 1000)) {
            problems.append("slow: \(elapsed) (limit \(timeLimit) s)")
        }
        if let raw = text.unicodeScalars.first(where: { VisibleText.isUnsafe($0) && $0 != "\n" }) {
            problems.append("scan text holds a raw control character U+\(String(raw.value, radix: 16))")
        }
        if let raw = json.unicodeScalars.first(where: { VisibleText.isUnsafe($0) && $0 != "\n" }) {
            problems.append("scan JSON holds a raw control character U+\(String(raw.value, radix: 16))")
        }
        if (try? JSONSerialization.jsonObject(with: Data(json.utf8))) == nil {
            problems.append("scan JSON does not parse")
        }
        let peak = Self.peakMemoryMiB()
        if peak > memoryLimitMiB { problems.append("memory: peak \(peak) MiB (limit \(memoryLimitMiB) MiB)") }
        return problems
    }

    /// The process's peak resident memory so far.
    static func peakMemoryMiB() -> Int {
        var usage = rusage()
        #if os(Linux)
            getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
            return Int(usage.ru_maxrss) / 1024  // kilobytes on Linux
        #else
            getrusage(RUSAGE_SELF, &usage)
            return Int(usage.ru_maxrss) / (1024 * 1024)  // bytes on macOS
        #endif
    }
}
