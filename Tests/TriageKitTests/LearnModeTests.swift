import Testing
@testable import TriageKit
@testable import TriagePlain

/// `--explain` and `map` in plain mode.
@Suite("Learn mode")
struct LearnModeTests {
    let engine: Engine
    init() throws { engine = Engine(tree: try ContentLoader.load(.directory(Fixtures.path("content-map")))) }

    private func run(_ lines: [String], explain: Bool, state: SessionState? = nil) -> String {
        var wizard = PlainWizard(
            engine: engine, state: state ?? engine.start(), input: ScriptedInput(lines), output: CapturedOutput(),
            echo: true, explain: explain)
        _ = wizard.run()
        return wizard.output.text
    }

    @Test func explainSaysWhichRuleEachAnswerFollowed() {
        let text = run(["500", "n"], explain: true).unwrapped
        #expect(text.contains("Your answer \"500\" to \"Status code\" follows the rule \"500\" to \"Proxy integration?\"."))
        #expect(text.contains("Your answer \"no\" to \"Proxy integration?\" follows the rule \"otherwise\" to \"FIX Declare"))
    }

    @Test func explainGivesTheWhyOfQuestionsAnsweredForTheUser() {
        // The function name is known, so "Function" is answered by the fact and the user never sees it.
        let text = run(["502", "skip"], explain: true, state: engine.start(givenFacts: ["function_name": "legacy-fn"])).unwrapped
        #expect(text.contains("\"Function\" was answered for you: legacy-fn (known fact function_name)."))
        #expect(text.contains("The question exists because: The fix names the function."))
    }

    @Test func withoutExplainThereAreNoRuleNotes() {
        let text = run(["500", "n"], explain: false)
        #expect(!text.contains("follows the rule"))
    }

    @Test func mapPrintsTheOutlineWithThePathAndPositionAndAsksAgain() {
        let text = run(["500", "map"], explain: false)
        #expect(text.contains("* Status code [start]\n>   500: Proxy integration? [m500-proxy]\n"))
        // The question is asked again, prompt only.
        #expect(text.hasSuffix("[y/n] > \nInput ended before the wizard reached a fix (waiting at \"Proxy integration?\"). Add the remaining answers, one per line, and run again.\n"))
    }

    @Test func mapWorksOnTheOutcomeToo() {
        let text = run(["504", "", "map"], explain: false)
        #expect(text.contains(">   504: → see fix-timeout"))
    }
}

extension String {
    /// Prose is wrapped at 78 columns; joining the lines lets a test look for a whole sentence.
    var unwrapped: String { replacingOccurrences(of: "\n", with: " ") }
}
