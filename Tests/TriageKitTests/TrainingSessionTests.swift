import Foundation
import Testing
@testable import TriageKit
@testable import TriagePlain

/// Training on the small fixture tree, with the fixture scenarios and canned inspection.
@Suite("Training session")
struct TrainingSessionTests {
    let engine: Engine
    let library: ScenarioLibrary

    init() throws {
        engine = Engine(tree: try Fixtures.engineTree())
        library = try ScenarioLibrary(directory: Fixtures.path("scenarios-engine"))
    }

    private func session(_ id: String, inspection: EvidenceInspection = CannedInspection.inspection) throws -> TrainingSession {
        let bundle = try #require(library.find(id))
        return TrainingSession(scenario: bundle.scenario, files: try ScenarioWorkspace.prepare(bundle), inspection: inspection)
    }

    /// Runs plain mode with the training companion; returns the output and the final state.
    private func run(_ lines: [String], _ session: TrainingSession) -> (String, SessionState) {
        var wizard = PlainWizard(
            engine: engine, state: engine.start(), input: ScriptedInput(lines), output: CapturedOutput(), echo: true,
            companion: TrainingCompanion(session: session))
        _ = wizard.run()
        return (wizard.output.text, wizard.state)
    }

    @Test func aFileNumberAtAFileQuestionLoadsTheFileAndItsFindingsRoute() throws {
        let (text, state) = run(["500", "rest", "1"], try session("missing-permission"))
        #expect(text.contains("Loaded 1. execution.log: canned execution-log"))
        // The file answered the file question; its cause-a finding answered "Invalid permissions?".
        #expect(state.current == .fact(key: "function_name", fix: "fix-cause-a"))
        #expect(state.path.map(\.source).suffix(2) == [.evidence(state.evidence[0].path), .finding("cause-a")])
    }

    @Test func aNumberAtAChoiceQuestionIsTheChoiceNotAFile() throws {
        let (_, state) = run(["1"], try session("missing-permission"))
        #expect(state.current == .node("s500-api-type"))
        #expect(state.evidence.isEmpty)
    }

    @Test func loadAtAnyPointAnswersTheLaterQuestionsItCan() throws {
        let (text, state) = run(["load execution.log", "500"], try session("missing-permission"))
        #expect(text.contains("Loaded 1. execution.log"))
        // The log gave the API type, was the file the file question wants, and found cause-a.
        #expect(state.path.map(\.source) == [.user, .fact("api_type"), .evidence(state.evidence[0].path), .finding("cause-a")])
        #expect(state.current == .fact(key: "function_name", fix: "fix-cause-a"))
        let unknown = run(["load 9"], try session("missing-permission")).0
        #expect(unknown.contains("! No offered file '9'. Type 'files' for the list."))
    }

    @Test func helpListsTheTrainingCommandsAfterTheWizardsOwn() throws {
        let (text, _) = run(["help"], try session("proxy-body"))
        #expect(text.contains("  quit        stop here (a saved session says how to continue it)\n  files       the scenario's files"))
        #expect(text.contains("  story       the scenario's story again\n[1-3] > "))
    }

    @Test func filesListsWhatIsOfferedAndWhatIsLoaded() throws {
        let (text, _) = run(["files", "load 2", "files"], try session("proxy-body"))
        #expect(text.contains("  1. execution.log: Execution log lines for one failing request.\n"))
        #expect(text.contains("  2. curl.txt (loaded): curl -i output of one failing call.\n"))
    }

    @Test func theVerdictForTheRightCause() throws {
        var training = try session("missing-permission")
        var state = try engine.answering(["500", "rest"], from: engine.start())
        state = try training.answer(with: try #require(training.file("1")), in: state, engine: engine)
        state = try engine.answering(["", "", ""], from: state)
        let judged = training.verdict(for: state, engine: engine)
        let verdict = try #require(judged)
        #expect(verdict.isCorrect)
        #expect(verdict.reachedCause == "cause-a")
        #expect(verdict.questionsAnswered == 2)
        #expect(verdict.shortestPath == ["Status code", "Malformed?"])
        #expect(verdict.misleads == "cause-b")
        let coverage = try #require(verdict.coverage.first)
        #expect(coverage.loaded)
        #expect(coverage.findings.map(\.cause) == ["cause-a"])
        // The log states the API type, so it would have answered a question the trainee typed.
        #expect(coverage.answers == [.init(nodeID: "s500-api-type", title: "API type", answer: "rest", askedOfTrainee: true)])
    }

    @Test func theVerdictForAWrongCauseAndAnswersTakenBack() throws {
        var training = try session("proxy-body")
        var walk = try engine.answering(["502", "y"], from: engine.start())
        walk = try engine.apply(.back, to: walk)
        walk = try engine.apply(.answer("n"), to: walk)
        walk = try engine.answering(["", "", ""], from: walk)
        let judged = training.verdict(for: walk, engine: engine)
        let verdict = try #require(judged)
        #expect(!verdict.isCorrect)
        #expect(verdict.reachedCause == "cause-a")
        #expect(verdict.expectedCause == "cause-b")
        #expect(verdict.questionsAnswered == 2)
        #expect(verdict.answersGiven == 3)
        // Neither file was loaded; the log would have answered nothing on these paths, but finds cause-b.
        #expect(verdict.coverage.map(\.loaded) == [false, false])
        #expect(verdict.coverage[0].findings.map(\.cause) == ["cause-b"])
    }

    @Test func noVerdictWhileAQuestionIsOpen() throws {
        var training = try session("proxy-body")
        #expect(training.verdict(for: engine.start(), engine: engine) == nil)
    }

    @Test func withoutInspectorsAFileStillAnswersItsQuestionAsAPath() throws {
        var training = try session("missing-permission", inspection: .unavailable)
        var state = try engine.answering(["500", "rest"], from: engine.start())
        let file = try #require(training.file("execution.log"))
        state = try training.answer(with: file, in: state, engine: engine)
        #expect(state.current == .node("s500-permissions"))
        #expect(state.path.last == Step(position: .node("s500-log-file"), answer: file.path, source: .user))
        #expect(training.report(for: file).description == EvidenceInspection.unavailableDescription)
        state = try engine.answering(["y", "", "", ""], from: state)
        let judged = training.verdict(for: state, engine: engine)
        let verdict = try #require(judged)
        #expect(!verdict.inspectionAvailable)
        #expect(verdict.coverage.allSatisfy { $0.answers.isEmpty })
        let text = TrainingText.verdict(verdict, width: 78)
        #expect(text.contains("not known: this build cannot inspect evidence files"))
    }

    @Test func thePlainVerdictNamesEverything() throws {
        let (text, _) = run(["502", "load 1", "y", "", "", ""], try session("proxy-body"))
        let flat = text.unwrapped
        #expect(text.contains("TRAINING RESULT: you found the cause\n"))
        #expect(flat.contains("You reached: cause-b (Return a valid proxy response)."))
        #expect(flat.contains("Questions you answered: 2."))
        // Two ways take two questions; the first in the content's route order is shown.
        #expect(flat.contains("Shortest path to the scenario's fix: 2 questions: Status code > API type."))
        #expect(text.contains("  1. execution.log (loaded): canned execution-log\n     finds cause-b ×1\n"))
        #expect(text.contains("  execution.log: Execution failed due to configuration error: Malformed Lambda proxy response\n"))
        #expect(flat.contains("Why: The execution log shows the proxy response was malformed, which is cause B."))
        #expect(flat.contains("About cause-b: The function returned something API Gateway cannot read."))
    }

    @Test func theReferenceWalkOfEachFixtureScenarioReachesItsCauseInPlainMode() throws {
        for bundle in library.scenarios {
            var walker = ScenarioWalker(engine: engine, session: try session(bundle.scenario.id))
            let walk = try walker.walk()
            #expect(engine.tree.node(engine.currentNodeID(of: walk.state))?.cause == bundle.scenario.expected_cause)
            let (text, state) = run(walk.lines, try session(bundle.scenario.id))
            #expect(state.current == walk.state.current, "\(bundle.scenario.id)")
            #expect(text.contains("TRAINING RESULT: you found the cause"), "\(bundle.scenario.id)")
        }
    }
}
