import Foundation
import Testing
@testable import TriageKit

/// How often the questions alone reach each built-in scenario's cause (issue 12: at least 95%).
@Suite("Questions alone")
struct QuestionsOnlyTests {
    @Test(.enabled(if: ScannerSeam.isAvailable && ScannerSeam.builtInTree != nil, ScannerSeam.treeOrScannerMissing))
    func theQuestionsAloneReachTheScenariosCauses() throws {
        let library = try #require(ScenarioEvidenceTests.library)
        let walker = QuestionsOnlyWalker(engine: Engine(tree: try #require(ScannerSeam.builtInTree)))
        var reached = 0
        var misses: [String] = []
        for bundle in library.scenarios {
            let reports = try ScenarioWorkspace.prepare(bundle).map { ScannerSeam.inspection.inspect($0.path) }
            let outcome = walker.walk(bundle.scenario, reports: reports)
            if outcome == .reached(bundle.scenario.expected_cause) {
                reached += 1
            } else {
                misses.append("\(bundle.scenario.id): \(outcome)")
            }
        }
        let total = library.scenarios.count
        print("Questions alone: \(reached) of \(total) scenarios reach their cause. Misses: \(misses)")
        #expect(reached * 100 >= total * 95, "\(reached) of \(total): \(misses)")
    }
}
