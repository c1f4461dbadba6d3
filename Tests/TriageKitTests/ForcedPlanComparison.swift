import Foundation
import Testing

@testable import TriageKit

/// The check the parallel-scan tests share: a file scanned in one pass and under every forced plan
/// (each part count with each warm-up, parts as small as they come) gives the same report and the
/// same JSON.
enum ForcedPlanComparison {
    /// What the plans did besides agreeing.
    struct Outcome {
        /// The one-pass report.
        var single: EvidenceReport
        /// Later parts whose own counts were used, over all plans.
        var takenOver = 0
        /// Plans under which the parallel scan declined and the file was read in one pass.
        var onePass = 0
    }

    /// `text` written to `folder` as `name`, with the sample a scan takes (its first 64 KiB).
    static func file(_ text: String, named name: String, in folder: URL) throws -> EvidenceFile {
        let path = try EvidenceTestSupport.write(Data(text.utf8), named: name, in: folder)
        let bytes = Array(text.utf8)
        let head = String(decoding: bytes.prefix(64 * 1024), as: UTF8.self)
        return EvidenceFile(path: path, sample: EvidenceSample(path: path, head: head, isComplete: bytes.count <= 64 * 1024, size: bytes.count))
    }

    /// Expects `inspect` under every plan to give its one-pass report. `takenOver` runs the parallel
    /// scan alone under a plan: its later parts taken over, or nil when it read the file in one pass.
    static func compare(
        name: String, partCounts: [Int], warmUps: [Int], inspect: (ParallelScanPlan) throws -> EvidenceReport,
        takenOver: (ParallelScanPlan) throws -> Int?
    ) throws -> Outcome {
        let single = try inspect(.singleThreaded)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let singleJSON = try encoder.encode(single)
        var outcome = Outcome(single: single)
        for parts in partCounts {
            for warmUp in warmUps {
                let plan = ParallelScanPlan(parts: parts, minPartBytes: 1, warmUpBytes: warmUp)
                let report = try inspect(plan)
                #expect(report == single, "\(name): \(parts) parts, warm-up \(warmUp)")
                #expect(try encoder.encode(report) == singleJSON)
                if let count = try takenOver(plan) {
                    outcome.takenOver += count
                } else {
                    outcome.onePass += 1
                }
            }
        }
        return outcome
    }
}
