import Testing
@testable import TriageKit
@testable import TriagePlain

/// `/TEXT` on a long choice list in plain mode lists the matching choices with their own numbers,
/// and a two-digit number answers (issue 13 item 4).
@Suite("Plain mode long lists")
struct PlainFilterTests {
    let engine: Engine
    init() throws { engine = Engine(tree: try ContentLoader.load(.directory(Fixtures.path("content-small")))) }

    private func run(_ lines: [String]) -> (String, SessionState) {
        var wizard = PlainWizard(engine: engine, state: engine.start(), input: ScriptedInput(lines), output: CapturedOutput(), echo: true)
        _ = wizard.run()
        return (wizard.output.text, wizard.state)
    }

    @Test func slashTextListsTheMatchesWithTheirNumbers() {
        let (text, state) = run(["502", "rest", "n", "/put", "12"])
        #expect(text.contains("2 of 12 choices match \"put\":\n  11. EventBridge PutEvents\n  12. Kinesis PutRecord\nType the number to answer.\n"))
        #expect(state.path.last { $0.position == .node("s502-integration") }?.answer == "kinesis")
    }

    @Test func aFilterMatchingNothingSaysSo() {
        let (text, state) = run(["502", "rest", "n", "/zzz"])
        #expect(text.contains("No choice matches \"zzz\"; the choices are numbered 1-12.\n"))
        #expect(state.current == .node("s502-integration"))
    }

    @Test func everyWordMustMatch() {
        let choices = [Choice(value: "a", label: "Application Load Balancer"), Choice(value: "n", label: "Network Load Balancer")]
        #expect(ChoiceFilter.matches(choices, "load net") == [1])
        #expect(ChoiceFilter.matches(choices, "") == [0, 1])
        #expect(ChoiceFilter.matches(choices, "LOAD") == [0, 1])
    }
}
