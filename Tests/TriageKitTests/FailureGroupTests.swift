import Foundation
import Testing
@testable import TriageKit

/// The wizard and its evidence agree (issue 13, items 1 and 2): a log with several failures asks
/// which one, the chosen one alone drives routing, facts and fix lines; evidence that contradicts
/// an answer is shown, never applied silently; a file added later re-settles earlier answers;
/// Back undoes what evidence answered. Real content, real fixtures, the real scanner.
@Suite("Failure groups and evidence answers")
struct FailureGroupTests {
    let engine: Engine
    init() throws { engine = Engine(tree: try ContentLoader.load(.directory(RealContentTests.contentDirectory))) }

    static let mixedLog = "execution-log/cloudwatch-mixed-502-504.log"
    static let functionErrorLog = "execution-log/cloudwatch-function-error.log"
    static let networkErrorLog = "execution-log/cloudwatch-network-error.log"
    static let vpcLinkIntegration = "get-integration/vpc-link-stage-variable.json"

    private func scan(_ path: String) -> EvidenceReport { EvidenceTestSupport.scan(path) }

    private func question(_ state: SessionState) -> QuestionView? {
        if case .question(let view) = engine.screen(for: state).body { return view }
        return nil
    }

    /// Leaves the fix's fact questions empty and returns the fix.
    private func fix(_ state: SessionState) throws -> (SessionState, RenderedFix?) {
        var state = state
        if case .fact = state.current { state = try engine.apply(.skipFacts, to: state) }
        return (state, engine.screen(for: state).outcome)
    }

    // MARK: - Groups

    @Test func aMixedLogHasOneGroupPerStatusAndRoute() {
        let state = engine.start(evidence: [scan(Self.mixedLog)])
        let groups = engine.failureGroups(in: state)
        #expect(groups.map(\.key) == ["502 POST /orders", "504 GET /reports/{id}"])
        #expect(groups.map(\.count) == [3, 2])
        #expect(groups.first?.firstTime == "2026-12-03T10:02:11Z")
        #expect(groups.first?.causes == ["lambda-function-error"])
        #expect(groups.last?.facts["request_id"] == "d4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f70")
    }

    @Test func aPathJoinsTheGroupOfTheRouteTemplateItFits() throws {
        // An access log names the route template, a browser capture the path the client called.
        func failure(_ status: Int, _ route: String, count: Int = 1, id: String? = nil) -> UndeterminedFailure {
            UndeterminedFailure(status: status, apiType: "rest", count: count, request: RequestKeys(apiGatewayRequestId: id, route: route))
        }
        let access = EvidenceReport(
            path: "access.log", kind: "access-log", description: "", requests: 40,
            undetermined: [failure(504, "GET /orders/{id}", count: 3, id: "c27f8d9e-0a1b-4c2d-9e4f-e6f708192a3b")])
        let capture = EvidenceReport(
            path: "page.har", kind: "har", description: "",
            undetermined: [failure(504, "GET /orders/42", id: "5d1c1b7e-8f0a-4e8b-9c31-2f6a7d4e9b10"), failure(504, "GET /users/7")])
        let groups = engine.failureGroups(in: engine.start(evidence: [access, capture]))
        #expect(groups.map(\.key) == ["504 GET /orders/{id}", "504 GET /users/7"])
        #expect(groups.map(\.count) == [4, 1])
        // The example is the real request: its path and id fill the commands.
        #expect(groups.first?.facts["resource_path"] == "/orders/42")
        #expect(groups.first?.facts["request_id"] == "5d1c1b7e-8f0a-4e8b-9c31-2f6a7d4e9b10")
        #expect(groups.first?.file == "page.har")
        // Both files' failures belong to the chosen group; the other path's does not.
        let template = try #require(groups.first)
        #expect(FailureGroups.belongs(status: 504, request: RequestKeys(route: "GET /orders/42"), to: template))
        #expect(!FailureGroups.belongs(status: 504, request: RequestKeys(route: "GET /users/7"), to: template))
        #expect(!FailureGroups.belongs(status: 502, request: RequestKeys(route: "GET /orders/42"), to: template))
    }

    @Test func aConfigurationFindingIsNoFailureGroup() {
        // The get-integration's low-confidence "invalid endpoint (500)" is what would fail, not a request that did.
        let state = engine.start(evidence: [scan(Self.networkErrorLog), scan(Self.vpcLinkIntegration)])
        #expect(engine.failureGroups(in: state).map(\.key) == ["504 GET /orders"])
    }

    @Test func evidenceWithSeveralFailuresAsksWhichOneBeforeAnythingElse() throws {
        let state = engine.start(evidence: [scan(Self.mixedLog)])
        #expect(state.current == .failure(next: "start"))
        let view = try #require(question(state))
        #expect(view.kind == .choice)
        #expect(view.text == "Which failure are you troubleshooting?")
        #expect(view.choices.map(\.label) == [
            "502 on POST /orders, 3 requests, first 10:02:11Z", "504 on GET /reports/{id}, 2 requests, first 10:05:40Z",
        ])
        // Nothing is a previous answer yet, and nothing routes while no failure is chosen.
        #expect(view.prefill == nil)
        #expect(engine.findingCauses(in: state).isEmpty)
    }

    @Test func enterTakesTheBiggestGroupAndItsRequestFillsTheFix() throws {
        let chosen = try engine.apply(.answer(""), to: engine.start(evidence: [scan(Self.mixedLog)]))
        let facts = engine.facts(in: chosen)
        #expect(facts["status"]?.value == "502")
        #expect(facts["resource_path"]?.value == "/orders")
        #expect(facts["http_method"]?.value == "POST")
        #expect(facts["request_id"]?.value == "3c1d5e7f-2a4b-4c6d-8e0f-1a2b3c4d5e6f")
        let (_, outcome) = try fix(chosen)
        #expect(outcome?.cause == "lambda-function-error")
    }

    @Test func startWith504ListsThe504GroupFirstAndTheFixUsesItsPathAndRequestId() throws {
        let started = try engine.apply(.branch("504"), to: engine.start(evidence: [scan(Self.mixedLog)]))
        #expect(started.current == .failure(next: "s504-api-type"))
        #expect(question(started)?.choices.first?.value == "504 GET /reports/{id}")
        let (done, outcome) = try fix(try engine.apply(.answer(""), to: started))
        let rendered = try #require(outcome)
        #expect(rendered.cause == "integration-timeout")
        // The lines quoted and the commands are the 504's, never the 502's on the other route.
        #expect(!rendered.evidence.isEmpty)
        #expect(rendered.evidence.allSatisfy { $0.text.contains("d4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f70") })
        let commands = rendered.steps.compactMap(\.command) + [rendered.verify?.command].compactMap { $0 }
        #expect(commands.contains { $0.contains("/reports/r-2291") })
        #expect(!commands.contains { $0.contains("prod/orders") || $0.contains("3c1d5e7f") })
        #expect(engine.facts(in: done)["request_id"]?.value == "d4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f70")
        // The report's evidence is the chosen failure's too.
        let causes = engine.scopedEvidence(in: done).flatMap(\.findings).map(\.cause)
        #expect(causes == ["integration-timeout"])
    }

    @Test func eachRouteKeepsItsOwnIntegrationAndTheFixShowsOnlyItsBackendsSteps() throws {
        // The 502 route calls a function, the 504 route an HTTP backend: the function's name
        // belongs to one route's requests, not to the whole log.
        let started = try engine.apply(.branch("504"), to: engine.start(evidence: [scan(Self.mixedLog)]))
        let (timedOut, outcome) = try fix(try engine.apply(.answer(""), to: started))
        let facts = engine.facts(in: timedOut)
        #expect(facts["function_name"] == nil)
        #expect(facts["backend_url"]?.value == "https://reports.internal.example.com/reports/r-2291")
        let rendered = try #require(outcome)
        let commands = rendered.steps.compactMap(\.command)
        #expect(!commands.contains { $0.contains("aws lambda") || $0.contains("/aws/lambda/") })
        #expect(commands.contains { $0.hasPrefix("curl") && $0.contains("'https://reports.internal.example.com/reports/r-2291'") })

        let lambdaRoute = try engine.apply(.answer(""), to: engine.start(evidence: [scan(Self.mixedLog)]))
        #expect(engine.facts(in: lambdaRoute)["function_name"]?.value == "orders-api")
        #expect(engine.facts(in: lambdaRoute)["backend_url"] == nil)
    }

    @Test func withoutEvidenceTheTimeoutFixShowsBothBackendsUntilAnAnswerSaysWhich() throws {
        // Nothing known: the Lambda and the HTTP steps both show, each saying which backend it is for.
        let unknown = try #require(engine.renderFix(cause: "integration-timeout", facts: [:]))
        #expect(unknown.steps.contains { $0.command?.contains("aws lambda get-function-configuration") == true })
        #expect(unknown.steps.contains { $0.text.hasPrefix("HTTP backend:") })
        let http = try #require(engine.renderFix(cause: "integration-timeout", facts: ["backend_kind": "http"]))
        #expect(!http.steps.contains { $0.command?.contains("aws lambda") == true })
        #expect(http.steps.contains { $0.text.hasPrefix("HTTP backend:") })
        let lambda = try #require(engine.renderFix(cause: "integration-timeout", facts: ["backend_kind": "lambda-proxy"]))
        #expect(lambda.steps.contains { $0.command?.contains("aws lambda get-function-configuration") == true })
        #expect(!lambda.steps.contains { $0.text.hasPrefix("HTTP backend:") })
    }

    @Test func theChoiceIsAStepBackReturnsTo() throws {
        let chosen = try engine.apply(.answer("2"), to: engine.start(evidence: [scan(Self.mixedLog)]))
        #expect(chosen.path.first?.position == .failure(next: "start"))
        let back = try engine.apply(.back, to: chosen)
        #expect(back.current == .failure(next: "start"))
        #expect(question(back)?.prefill == "504 GET /reports/{id}")
        #expect(throws: SessionError.atFirstQuestion) { try engine.apply(.back, to: back) }
    }

    // MARK: - Contradictions

    @Test func aStatusTheEvidenceContradictsIsKeptWithANoteUntilTheUserTakesTheEvidences() throws {
        let said500 = try engine.apply(.answer("500"), to: engine.start())
        let added = try engine.apply(.addEvidence(scan(Self.functionErrorLog)), to: said500)
        #expect(engine.facts(in: added)["status"]?.value == "500")
        #expect(!engine.findingCauses(in: added).contains("lambda-function-error"))
        let note = try #require(engine.screen(for: added).notes.first)
        #expect(note.kind == .contradicted && note.canAccept)
        #expect(note.text == "The evidence shows 502 (cloudwatch-function-error.log), you said 500: your answer is kept.")

        let accepted = try engine.apply(.acceptEvidence, to: added)
        #expect(engine.facts(in: accepted)["status"]?.value == "502")
        #expect(engine.findingCauses(in: accepted).contains("lambda-function-error"))
        let replaced = try #require(engine.screen(for: accepted).notes.first)
        #expect(replaced.kind == .replaced && !replaced.canAccept)
        #expect(replaced.text.contains("your answer \"500\" became \"502\" from cloudwatch-function-error.log"))

        // Back restores the user's answer, on the question it answered.
        let back = try engine.apply(.back, to: accepted)
        #expect(back.current == .node("start"))
        #expect(question(back)?.prefill == "500")
        #expect(engine.screen(for: back).notes.isEmpty)
    }

    @Test func acceptingWithNothingToAcceptIsRefused() throws {
        let agreed = engine.start(givenFacts: ["status": "502"], evidence: [scan(Self.functionErrorLog)])
        #expect(throws: SessionError.nothingToAccept) { try engine.apply(.acceptEvidence, to: agreed) }
    }

    @Test func choosingAGroupOfAnotherStatusIsAContradictionToo() throws {
        let started = try engine.apply(.branch("504"), to: engine.start(evidence: [scan(Self.mixedLog)]))
        let chose502 = try engine.apply(.answer("2"), to: started)
        #expect(engine.screen(for: chose502).notes.map(\.kind) == [.contradicted])
        #expect(engine.findingCauses(in: chose502).isEmpty)
        let accepted = try engine.apply(.acceptEvidence, to: chose502)
        #expect(engine.facts(in: accepted)["status"]?.value == "502")
        #expect(engine.chosenGroup(in: accepted)?.key == "502 POST /orders")
        #expect(try fix(accepted).1?.cause == "lambda-function-error")
    }

    // MARK: - Back over evidence

    @Test func backOnTheFirstQuestionAfterEvidenceGoesToTheEvidenceAnsweredSteps() throws {
        let state = engine.start(evidence: [scan(Self.networkErrorLog)])
        #expect(state.current == .node("network-vpc-link"))
        #expect(state.path.allSatisfy { !$0.source.isUser })
        #expect(engine.screen(for: state).canGoBack)
        var back = state
        var visited: [String] = []
        while let next = try? engine.apply(.back, to: back) {
            back = next
            visited.append(back.current.id)
        }
        #expect(visited.last == "start")
        #expect(visited.count == state.path.count)
        // Each step gone back to is asked, not answered again by the same evidence; its answer is offered.
        #expect(question(back)?.prefill == "504")
        let again = try engine.apply(.answer("504"), to: back)
        #expect(again.path.first?.source == .user)
        // The questions gone back past are the evidence's again: the same question is reached.
        #expect(again.current == .node("network-vpc-link"))
    }

    // MARK: - Re-settling on added evidence

    @Test func aGetIntegrationStatesItsConnectionType() {
        #expect(scan(Self.vpcLinkIntegration).facts["connection_type"] == "VPC_LINK")
    }

    @Test func aFileAddedAtTheQuestionAnswersItOnScreen() throws {
        let atVPC = engine.start(evidence: [scan(Self.networkErrorLog)])
        let added = try engine.apply(.addEvidence(scan(Self.vpcLinkIntegration)), to: atVPC)
        let step = try #require(added.path.first { $0.position == .node("network-vpc-link") })
        #expect(step.answer == "yes")
        #expect(added.current != .node("network-vpc-link"))
    }

    @Test func aFileAddedLaterReplacesAnEarlierAnswerVisiblyAndBackRestoresIt() throws {
        let answeredNo = try engine.apply(.answer("n"), to: engine.start(evidence: [scan(Self.networkErrorLog)]))
        #expect(answeredNo.current != .node("network-vpc-link"))
        let added = try engine.apply(.addEvidence(scan(Self.vpcLinkIntegration)), to: answeredNo)
        let step = try #require(added.path.first { $0.position == .node("network-vpc-link") })
        #expect(step.answer == "yes" && step.replaced == "no")
        let note = try #require(engine.screen(for: added).notes.first)
        #expect(note.text == "VPC link?: your answer \"no\" became \"yes\" from vpc-link-stage-variable.json. Back restores your answer.")

        let back = try engine.apply(.back, to: added)
        #expect(back.current == .node("network-vpc-link"))
        #expect(question(back)?.prefill == "no")
        // Asked, not answered again by the file: the user may keep "no".
        let kept = try engine.apply(.answer("n"), to: back)
        #expect(kept.path.last { $0.position == .node("network-vpc-link") }?.answer == "no")
    }

    @Test func anAnswerTheFileAgreesWithStaysTheUsers() throws {
        let answeredYes = try engine.apply(.answer("y"), to: engine.start(evidence: [scan(Self.networkErrorLog)]))
        let added = try engine.apply(.addEvidence(scan(Self.vpcLinkIntegration)), to: answeredYes)
        #expect(added.path.first { $0.position == .node("network-vpc-link") }?.source == .user)
        #expect(engine.screen(for: added).notes.isEmpty)
    }

    // MARK: - Saved sessions

    @Test func declinedQuestionsAndReplacedAnswersSurviveSavingAndOldSessionsStillLoad() throws {
        let answeredNo = try engine.apply(.answer("n"), to: engine.start(evidence: [scan(Self.networkErrorLog)]))
        let state = try engine.apply(.back, to: try engine.apply(.back, to: try engine.apply(.addEvidence(scan(Self.vpcLinkIntegration)), to: answeredNo)))
        let data = try JSONEncoder().encode(state)
        #expect(try JSONDecoder().decode(SessionState.self, from: data) == state)

        let fresh = try JSONEncoder().encode(engine.start())
        #expect(!String(decoding: fresh, as: UTF8.self).contains("declined"), "an empty set is left out")
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object["declined"] = nil
        let old = try JSONDecoder().decode(SessionState.self, from: try JSONSerialization.data(withJSONObject: object))
        #expect(old.declined.isEmpty)
    }
}
