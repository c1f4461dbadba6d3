import Testing
@testable import TriageKit
@testable import TriagePlain

/// The ids a fix still needs form one screen (issue 13 item 3): the form lists them with "n of m",
/// gives them at once, Back treats them as one screen, and the step counter counts screens seen.
@Suite("Ids form")
struct FactFormTests {
    let engine: Engine
    init() throws { engine = Engine(tree: try Fixtures.engineTree()) }

    /// At the first id the fix for malformed responses needs (502, "Malformed?" yes).
    private func atForm() throws -> SessionState {
        try engine.answering(["502", "y"], from: engine.start())
    }

    @Test func theFormListsEveryIdWithItsNumber() throws {
        let state = try atForm()
        let form = try #require(engine.screen(for: state).question?.form)
        #expect(form.fix == "fix-cause-b")
        #expect(form.fields.map(\.key) == ["function_name", "region", "api_id"])
        #expect((form.number, form.count) == (1, 3))
        #expect(form.fields.first?.placeholder == "<function-name>")
        let second = try engine.apply(.answer("orders"), to: state)
        let next = try #require(engine.screen(for: second).question?.form)
        #expect((next.number, next.count) == (2, 3))
        #expect(next.open.map(\.key) == ["region", "api_id"])
    }

    @Test func theWholeFormIsGivenAtOnce() throws {
        let state = try engine.apply(.answerFacts(["region": "eu-west-1"]), to: try atForm())
        #expect(state.current == .node("fix-cause-b"))
        #expect(engine.facts(in: state)["region"]?.value == "eu-west-1")
        #expect(engine.facts(in: state)["api_id"] == nil)
        #expect(state.path.suffix(3).map(\.position) == [
            .fact(key: "function_name", fix: "fix-cause-b"), .fact(key: "region", fix: "fix-cause-b"),
            .fact(key: "api_id", fix: "fix-cause-b"),
        ])
    }

    @Test func aRefusedIdNamesItsFieldAndTakesNothing() throws {
        let state = try atForm()
        #expect(throws: SessionError.self) {
            try engine.apply(.answerFacts(["region": "eu-west-1", "api_id": "not an id"]), to: state)
        }
        do {
            _ = try engine.apply(.answerFacts(["region": "eu-west-1", "api_id": "nope"]), to: state)
        } catch {
            guard case .invalidFact(let key, _) = error else { Issue.record("unexpected \(error)"); return }
            #expect(key == "api_id")
        }
    }

    @Test func formValuesAreNormalised() throws {
        let state = try engine.apply(.answerFacts(["region": "arn:aws:lambda:eu-west-1:123456789012:function:orders"]), to: try atForm())
        #expect(engine.facts(in: state)["region"]?.value == "eu-west-1")
    }

    @Test func backFromTheFixReturnsToTheFormNotThroughEveryId() throws {
        let fix = try engine.apply(.answerFacts(["region": "eu-west-1", "api_id": "a1b2c3d4e5"]), to: try atForm())
        let form = try engine.apply(.back, to: fix)
        #expect(form.current == .fact(key: "function_name", fix: "fix-cause-b"))
        let fields = try #require(engine.screen(for: form).question?.form?.fields)
        #expect(fields.map(\.prefill) == ["", "eu-west-1", "a1b2c3d4e5"])
        let before = try engine.apply(.back, to: form)
        #expect(before.current == .node("s502-log-says"))
    }

    @Test func backAfterSkipAllReturnsToTheForm() throws {
        let skipped = try engine.apply(.skipFacts, to: try atForm())
        #expect(skipped.current == .node("fix-cause-b"))
        let form = try engine.apply(.back, to: skipped)
        #expect(form.current == .fact(key: "function_name", fix: "fix-cause-b"))
    }

    @Test func backInTheMiddleOfTheIdsLeavesTheForm() throws {
        let second = try engine.apply(.answer("orders"), to: try atForm())
        let back = try engine.apply(.back, to: second)
        #expect(back.current == .node("s502-log-says"))
        #expect(back.remembered["fact:function_name"] == "orders")
    }

    @Test func theStepCounterCountsScreensTheUserSaw() throws {
        let form = try atForm()
        #expect(form.stepNumber == 3)
        // Inside the sequence the form is still one screen.
        #expect(try engine.apply(.answer("orders"), to: form).stepNumber == 3)
        #expect(try engine.apply(.skipFacts, to: form).stepNumber == 4)
        #expect(try engine.apply(.answerFacts([:]), to: form).stepNumber == 4)
        // A question answered by a given fact is not a screen.
        let skipped = try engine.apply(.answer("500"), to: engine.start(givenFacts: ["api_type": "rest"]))
        #expect(skipped.path.count == 2)
        #expect(skipped.stepNumber == 2)
    }
}

/// Plain mode asks the ids as a compact numbered sequence.
@Suite("Ids sequence in plain mode")
struct PlainFactSequenceTests {
    let engine: Engine
    init() throws { engine = Engine(tree: try Fixtures.engineTree()) }

    private func run(_ lines: [String]) -> (String, SessionState) {
        var wizard = PlainWizard(engine: engine, state: engine.start(), input: ScriptedInput(lines), output: CapturedOutput(), echo: true)
        _ = wizard.run()
        return (wizard.output.text, wizard.state)
    }

    @Test func theIdsAreNumberedAndFollowOnCompactly() {
        let (text, state) = run(["502", "y", "orders", "EU-WEST-1", ""])
        #expect(text.contains("Step 3: ids for the fix \"Return a valid proxy response\"\n"))
        #expect(text.contains("Id 1 of 3: Lambda function name\n[e.g. orders-handler; Enter keeps <function-name>] > orders\nId 2 of 3: Region\n"))
        #expect(text.contains("Id 3 of 3: API id\n"))
        #expect(state.current == .node("fix-cause-b"))
        #expect(engine.facts(in: state)["region"]?.value == "eu-west-1")
    }

    @Test func backAfterSkipAllReturnsToTheFirstIdNotTheLast() {
        let (_, state) = run(["502", "y", "skip all", "back"])
        #expect(state.current == .fact(key: "function_name", fix: "fix-cause-b"))
    }
}
