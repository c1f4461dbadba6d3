import Foundation
import Testing
@testable import TriageKit
@testable import TriagePlain

/// What the built-in scenarios promise once the scanner and the tree exist: a scan of a
/// scenario's files names its cause first (or the cause the scenario says it misleads with),
/// and the reference walk with its evidence reaches the cause in plain mode.
@Suite("Scenario evidence")
struct ScenarioEvidenceTests {
    static let library = try? ScenarioLibrary(directory: BuiltInScenarioTests.folder.path)

    private static func session(_ bundle: ScenarioBundle) throws -> TrainingSession {
        TrainingSession(scenario: bundle.scenario, files: try ScenarioWorkspace.prepare(bundle), inspection: ScannerSeam.inspection)
    }

    @Test(.enabled(if: ScannerSeam.isAvailable, ScannerSeam.scannerMissing))
    func aScanNamesTheExpectedCauseOrTheDeclaredMisleadFirst() throws {
        let library = try #require(Self.library)
        for bundle in library.scenarios {
            let scenario = bundle.scenario
            let reports = try ScenarioWorkspace.prepare(bundle).map { ScannerSeam.inspection.inspect($0.path) }
            let ranked = ScannerSeam.rank(reports)
            #expect(ranked.first == (scenario.misleads ?? scenario.expected_cause), "\(scenario.id): scan names \(ranked)")
            #expect(ranked.contains(scenario.expected_cause), "\(scenario.id): scan never names \(scenario.expected_cause)")
        }
    }

    @Test(.enabled(if: ScannerSeam.isAvailable && ScannerSeam.builtInTree != nil, ScannerSeam.treeOrScannerMissing))
    func theReferenceWalkWithTheEvidenceReachesTheCauseInPlainMode() throws {
        let library = try #require(Self.library)
        let engine = Engine(tree: try #require(ScannerSeam.builtInTree))
        for bundle in library.scenarios {
            var walker = ScenarioWalker(engine: engine, session: try Self.session(bundle))
            let walk: ScenarioWalker.Walk
            do {
                walk = try walker.walk()
            } catch {
                Issue.record("\(error)")
                continue
            }
            let reached = engine.tree.node(engine.currentNodeID(of: walk.state))?.cause
            #expect(reached == bundle.scenario.expected_cause, "\(bundle.scenario.id) reached \(reached ?? "no cause")")
            var wizard = PlainWizard(
                engine: engine, state: engine.start(), input: ScriptedInput(walk.lines), output: CapturedOutput(), echo: true,
                companion: TrainingCompanion(session: try Self.session(bundle)))
            _ = wizard.run()
            #expect(wizard.output.text.contains("TRAINING RESULT: you found the cause"), "\(bundle.scenario.id)")
        }
    }
}
