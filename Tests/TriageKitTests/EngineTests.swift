import Foundation
import Testing
@testable import TriageKit

@Suite("Engine transitions")
struct EngineTests {
    let engine: Engine
    init() throws { engine = Engine(tree: try Fixtures.engineTree()) }

    @Test func startsAtTheManifestStart() {
        let state = engine.start()
        #expect(state.current == .node("start"))
        #expect(state.stepNumber == 1)
        #expect(!engine.screen(for: state).canGoBack)
    }

    @Test func choicesAcceptNumbersAndValuesAndRoute() throws {
        let byNumber = try engine.apply(.answer("2"), to: engine.start())
        let byValue = try engine.apply(.answer("502"), to: engine.start())
        #expect(byNumber.current == .node("s502-log-says"))
        #expect(byValue.current == byNumber.current)
    }

    @Test func aChoiceNoRouteNamesFallsToTheDefault() throws {
        let state = try engine.apply(.answer("3"), to: engine.start(givenFacts: ["region": "eu-west-1"]))
        #expect(state.current == .node("end-not-5xx"))
        #expect(engine.isFinished(state))
    }

    @Test func endNodesAlsoAskForTheFactsTheirCommandsNeed() throws {
        let state = try engine.apply(.answer("3"), to: engine.start())
        #expect(state.current == .fact(key: "region", fix: "end-not-5xx"))
        let done = try engine.apply(.answer("eu-west-1"), to: state)
        #expect(engine.screen(for: done).outcome?.steps.first?.command == "aws apigateway get-usage-plans --region eu-west-1")
    }

    @Test func aChoiceOutsideTheFactsPatternLeavesTheFactUnknown() throws {
        let unsure = try engine.answering(["500", "unsure"], from: engine.start())
        #expect(unsure.current == .node("s500-log-file"))
        #expect(engine.facts(in: unsure)["api_type"] == nil)
        let rest = try engine.answering(["500", "rest"], from: engine.start())
        #expect(engine.facts(in: rest)["api_type"]?.value == "rest")
    }

    @Test func invalidAnswersAreRefusedWithAReason() throws {
        let start = engine.start()
        #expect(throws: SessionError.invalidAnswer(reason: "Choose a number from 1-3.")) {
            try engine.apply(.answer("9"), to: start)
        }
        let yesNo = try engine.apply(.answer("502"), to: start)
        #expect(throws: SessionError.invalidAnswer(reason: "Answer y (yes) or n (no).")) {
            try engine.apply(.answer("maybe"), to: yesNo)
        }
    }

    @Test func yesNoTakesShortAndLongForms() throws {
        let atQuestion = try engine.apply(.answer("502"), to: engine.start())
        let yes = try engine.apply(.answer("Y"), to: atQuestion)
        #expect(yes.path.last?.answer == "yes")
        let no = try engine.apply(.answer("no"), to: atQuestion)
        #expect(no.path.last?.answer == "no")
    }

    @Test func inputIsCheckedAgainstTheFactPattern() throws {
        let atInput = try engine.answering(["500", "rest", "skip", "n"], from: engine.start())
        #expect(atInput.current == .node("s500-function"))
        #expect(throws: SessionError.self) { try engine.apply(.answer("not a name!"), to: atInput) }
        let answered = try engine.apply(.answer("orders-handler"), to: atInput)
        #expect(engine.facts(in: answered)["function_name"]?.value == "orders-handler")
    }

    @Test func routesCanTestFactsSetByTheAnswer() throws {
        let state = try engine.answering(["500", "rest", "skip", "n", "legacy-fn"], from: engine.start())
        guard case .fact(_, let fix) = state.current else {
            Issue.record("expected a fact question before the fix, got \(state.current)")
            return
        }
        #expect(fix == "fix-cause-b")
    }

    @Test func backReturnsToTheLastAnswerAndRemembersIt() throws {
        let deep = try engine.answering(["500", "rest"], from: engine.start())
        let back = try engine.apply(.back, to: deep)
        #expect(back.current == .node("s500-api-type"))
        #expect(back.path.map(\.answer) == ["500"])
        #expect(engine.screen(for: back).question?.prefill == "rest")
        let twice = try engine.apply(.back, to: back)
        #expect(twice.current == .node("start"))
        #expect(engine.screen(for: twice).question?.prefill == "500")
    }

    @Test func backOnTheFirstQuestionIsRefused() {
        #expect(throws: SessionError.atFirstQuestion) { try engine.apply(.back, to: engine.start()) }
    }

    @Test func aKnownFactSkipsItsQuestionAndTheSkipIsShown() throws {
        let state = try engine.apply(.answer("500"), to: engine.start(givenFacts: ["api_type": "rest"]))
        #expect(state.current == .node("s500-log-file"))
        let screen = engine.screen(for: state)
        #expect(screen.skipped.map(\.title) == ["API type"])
        #expect(screen.skipped.first?.reason.contains("api_type") == true)
        #expect(screen.breadcrumbs.last?.automatic == true)
    }

    @Test func backSkipsOverAutomaticAnswers() throws {
        let state = try engine.apply(.answer("500"), to: engine.start(givenFacts: ["api_type": "rest"]))
        let back = try engine.apply(.back, to: state)
        #expect(back.current == .node("start"))
        #expect(back.path.isEmpty)
    }

    @Test func restartKeepsGivenFactsAndEvidence() throws {
        let evidence = EvidenceReport(path: "x.log", kind: "access-log", description: "an access log")
        var state = engine.start(givenFacts: ["region": "eu-west-1"])
        state = try engine.apply(.addEvidence(evidence), to: state)
        state = try engine.answering(["500", "http"], from: state)
        let restarted = try engine.apply(.restart, to: state)
        #expect(restarted.current == .node("start"))
        #expect(restarted.path.isEmpty)
        #expect(restarted.givenFacts == ["region": "eu-west-1"])
        #expect(restarted.evidence == [evidence])
        #expect(restarted.transcript.last?.event == .restart)
    }

    @Test func aBranchStartsThereAndBackReturnsToTheStart() throws {
        let state = try engine.apply(.branch("502"), to: engine.start())
        #expect(state.current == .node("s502-log-says"))
        let back = try engine.apply(.back, to: state)
        #expect(back.current == .node("start"))
        #expect(engine.screen(for: back).question?.prefill == "502")
        #expect(throws: SessionError.self) { try engine.apply(.branch("418"), to: engine.start()) }
    }

    @Test func evidenceOfTheWantedKindAnswersAFileQuestionAndRoutesOnItsFindings() throws {
        let atFile = try engine.answering(["500", "rest"], from: engine.start())
        let report = EvidenceReport(
            path: "exec.log", kind: "execution-log", description: "execution log",
            findings: [Finding(cause: "cause-b", confidence: .high)], facts: ["function_name": "orders"])
        let state = try engine.apply(.addEvidence(report), to: atFile)
        guard case .fact(_, let fix) = state.current else {
            Issue.record("expected fact questions for the fix, got \(state.current)")
            return
        }
        #expect(fix == "fix-cause-b")
        #expect(engine.screen(for: state).skipped.first?.reason == "evidence file exec.log")
        #expect(engine.facts(in: state)["function_name"]?.origin == .evidence("exec.log"))
    }

    @Test func aFindingAnswersALaterQuestionThroughItsAutoRule() throws {
        let report = EvidenceReport(
            path: "access.log", kind: "access-log", description: "access log",
            findings: [Finding(cause: "cause-a", confidence: .medium)])
        var state = try engine.apply(.addEvidence(report), to: engine.start())
        state = try engine.answering(["500", "rest", "skip"], from: state)
        let permissions = state.path.first { $0.position == .node("s500-permissions") }
        #expect(permissions?.answer == "yes")
        #expect(permissions?.source == .finding("cause-a"))
    }

    @Test func lowConfidenceFindingsDoNotAnswerQuestions() throws {
        let hint = EvidenceReport(
            path: "template.yaml", kind: "template", description: "a template",
            findings: [Finding(cause: "cause-a", confidence: .low)])
        var state = try engine.apply(.addEvidence(hint), to: engine.start())
        state = try engine.answering(["500", "rest", "skip"], from: state)
        #expect(state.current == .node("s500-permissions"))
    }

    @Test func aFixAsksOnlyForTheFactsStillMissing() throws {
        let start = engine.start(givenFacts: ["region": "eu-west-1", "api_id": "a1b2c3d4e5"])
        var state = try engine.answering(["502", "y"], from: start)
        #expect(state.current == .fact(key: "function_name", fix: "fix-cause-b"))
        state = try engine.apply(.answer("orders"), to: state)
        let fix = try #require(engine.screen(for: state).outcome)
        #expect(fix.missingFacts.isEmpty)
        #expect(fix.steps.first?.command == "aws logs tail /aws/lambda/orders --since 30m --region eu-west-1")
    }

    @Test func skippingFactsShowsTheFixWithPlaceholders() throws {
        var state = try engine.answering(["502", "y"], from: engine.start())
        state = try engine.apply(.skipFacts, to: state)
        let fix = try #require(engine.screen(for: state).outcome)
        #expect(fix.missingFacts.map(\.key) == ["function_name", "region", "api_id"])
        #expect(fix.steps.first?.command == "aws logs tail /aws/lambda/<function-name> --since 30m --region <region>")
    }

    @Test func anEmptyFactAnswerIsNotAskedTwice() throws {
        var state = try engine.answering(["502", "y", ""], from: engine.start())
        #expect(state.current == .fact(key: "region", fix: "fix-cause-b"))
        state = try engine.answering(["", ""], from: state)
        #expect(state.current == .node("fix-cause-b"))
    }

    @Test func goingBackPastAnAnswerForgetsItsFact() throws {
        let answered = try engine.answering(["500", "http"], from: engine.start())
        #expect(engine.facts(in: answered)["api_type"]?.value == "http")
        var back = answered
        while back.current.id != "s500-api-type" { back = try engine.apply(.back, to: back) }
        #expect(engine.facts(in: back)["api_type"] == nil)
    }

    @Test func fixStepsHideOnlyWhenTheirConditionIsFalse() throws {
        let unknown = try #require(engine.renderFix(cause: "cause-a", facts: [:]))
        #expect(unknown.steps.count == 3)
        let rest = try #require(engine.renderFix(cause: "cause-a", facts: ["api_type": "rest"]))
        #expect(rest.steps.map(\.text) == ["Read the policy.", "REST API: add the permission."])
        #expect(rest.steps.map(\.number) == [1, 2])
        #expect(rest.verify?.number == 3)
    }

    @Test func settingAFactAnswersTheQuestionWaitingForIt() throws {
        let atInput = try engine.answering(["500", "rest", "skip", "n"], from: engine.start())
        #expect(throws: SessionError.self) { try engine.apply(.setFact(key: "function_name", value: "bad name"), to: atInput) }
        #expect(throws: SessionError.unknownFact("colour")) { try engine.apply(.setFact(key: "colour", value: "red"), to: atInput) }
        let state = try engine.apply(.setFact(key: "function_name", value: "orders"), to: atInput)
        #expect(state.current != .node("s500-function"))
        #expect(state.path.last?.source == .fact("function_name"))
    }

    @Test func answersAfterTheOutcomeAreRefused() throws {
        let done = try engine.apply(.answer("3"), to: engine.start(givenFacts: ["region": "eu-west-1"]))
        #expect(throws: SessionError.finished) { try engine.apply(.answer("1"), to: done) }
    }

    @Test func theTranscriptRecordsEveryQuestionAndAnswer() throws {
        var state = try engine.answering(["500", "rest"], from: engine.start())
        state = try engine.apply(.back, to: state)
        let events = state.transcript.map(\.event)
        #expect(events == [.answered, .answered, .back])
        #expect(state.transcript[0].question == "Which status does the client get?")
        #expect(state.transcript[0].answer == "500")
    }

    @Test func stateRoundTripsThroughJSON() throws {
        let report = EvidenceReport(path: "a.log", kind: "execution-log", description: "d", findings: [Finding(cause: "cause-a", confidence: .low)])
        var state = try engine.apply(.addEvidence(report), to: engine.start(givenFacts: ["region": "eu-west-1"]))
        state = try engine.answering(["502", "y"], from: state)
        let decoded = try JSONDecoder().decode(SessionState.self, from: JSONEncoder().encode(state))
        #expect(decoded == state)
        #expect(engine.screen(for: decoded) == engine.screen(for: state))
    }
}
