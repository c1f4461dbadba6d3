import Foundation
import Testing
@testable import TriageKit
@testable import TriagePlain

@Suite("Plain mode")
struct PlainWizardTests {
    let engine: Engine
    init() throws { engine = Engine(tree: try Fixtures.engineTree()) }

    private func run(_ lines: [String], state: SessionState? = nil) -> (PlainOutcome, String, SessionState) {
        var wizard = PlainWizard(
            engine: engine, state: state ?? engine.start(), input: ScriptedInput(lines), output: CapturedOutput(), echo: true)
        let outcome = wizard.run()
        return (outcome, wizard.output.text, wizard.state)
    }

    @Test func aScriptedSessionReachesTheFixAndPrintsItInFull() {
        let (outcome, text, state) = run(["502", "y", "orders", "eu-west-1", "a1b2c3d4e5"])
        #expect(outcome == .finished)
        #expect(state.current == .node("fix-cause-b"))
        #expect(text.contains("FIX: Return a valid proxy response"))
        #expect(text.contains("\naws logs tail /aws/lambda/orders --since 30m --region eu-west-1\n"))
        #expect(text.contains("\ncurl -i https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/prod/\n"))
    }

    @Test func choicesAreNumbered() {
        let (_, text, _) = run([])
        #expect(text.contains("  1. 500 Internal Server Error\n  2. 502 Bad Gateway\n"))
        #expect(text.contains("  3. Not sure") == false)
    }

    @Test func anInvalidAnswerGivesTheReasonAndTheQuestionAgain() {
        let (_, text, state) = run(["7", "2"])
        #expect(text.contains("! Choose a number from 1-3.\n[1-3] > 2"))
        #expect(state.current == .node("s502-log-says"))
    }

    @Test func inputValidationSaysWhyAndAsksAgain() {
        let (_, text, state) = run(["500", "rest", "", "n", "bad name!", "orders"])
        #expect(text.contains("'bad name!' does not look like a valid function"))
        #expect(engine.facts(in: state)["function_name"]?.value == "orders")
    }

    @Test func backKeepsTheEarlierAnswer() {
        let (_, text, state) = run(["500", "back"])
        #expect(state.current == .node("start"))
        #expect(text.contains("* 1. 500 Internal Server Error"))
    }

    @Test func endOfInputBeforeAFixIsReported() {
        let (outcome, text, _) = run(["500"])
        #expect(outcome == .endOfInput)
        #expect(text.contains("Input ended before the wizard reached a fix"))
    }

    @Test func quitStops() {
        let (outcome, _, _) = run(["quit", "500"])
        #expect(outcome == .quit)
    }

    @Test func skipsAreShown() {
        let (_, text, _) = run(["500"], state: engine.start(givenFacts: ["api_type": "rest"]))
        #expect(text.contains("Skipped \"API type\": rest (known fact api_type (given))"))
    }

    @Test func plainOutputHasNoColourCodesOrBoxDrawing() {
        let (_, text, _) = run(["500", "rest", "", "y", "orders", "eu-west-1", ""])
        #expect(!text.contains("\u{1B}"))
        #expect(!text.unicodeScalars.contains { (0x2500...0x257F).contains($0.value) })
    }

    @Test func setGivesAFactMidSession() {
        let (_, _, state) = run(["set region=eu-west-1", "set colour=red", "502"])
        #expect(state.givenFacts == ["region": "eu-west-1"])
        #expect(state.current == .node("s502-log-says"))
    }
}

/// Files given in plain mode, read through an injected inspection (no real inspector needed).
@Suite("Plain mode evidence")
struct PlainEvidenceTests {
    let engine: Engine
    init() throws { engine = Engine(tree: try Fixtures.engineTree()) }

    /// Knows two files: a log showing cause-b, and a file it cannot read.
    let inspection = EvidenceInspection { path in
        switch path {
        case "bad.log":
            EvidenceReport(path: path, kind: "execution-log", description: "API Gateway execution log, 12 lines",
                           findings: [Finding(cause: "cause-b", confidence: .high, summary: "malformed proxy response")])
        default:
            EvidenceReport(path: path, kind: nil, description: "not recognised", problems: ["cannot read it"])
        }
    }

    private func run(_ lines: [String]) -> (String, SessionState) {
        var wizard = PlainWizard(
            engine: engine, state: engine.start(), input: ScriptedInput(lines), output: CapturedOutput(), echo: true,
            hooks: PlainSessionHooks(inspection: inspection))
        _ = wizard.run()
        return (wizard.output.text, wizard.state)
    }

    @Test func aPathAtAFileQuestionIsReadAndItsFindingsRoute() {
        let (text, state) = run(["500", "rest", "bad.log"])
        #expect(text.contains("File bad.log: API Gateway execution log, 12 lines"))
        #expect(text.contains("  - cause-b (high, 1x): malformed proxy response"))
        #expect(state.current == .fact(key: "function_name", fix: "fix-cause-b"))
    }

    @Test func aFileThatCannotBeUsedLeavesTheQuestion() {
        let (text, state) = run(["500", "rest", "missing.log"])
        #expect(text.contains("  ! cannot read it"))
        #expect(text.contains("Not used. Give another file, or press Enter to skip."))
        #expect(state.current == .node("s500-log-file"))
        #expect(state.evidence.isEmpty)
    }

    @Test func addReadsAFileAtAnyQuestionAndItAnswersLaterOnes() {
        let (text, state) = run(["add bad.log", "500", "rest"])
        #expect(text.contains("File bad.log: API Gateway execution log"))
        let fileStep = state.path.first { $0.position == .node("s500-log-file") }
        #expect(fileStep?.source == .evidence("bad.log"))
    }

    /// `add DIR`: every file below the folder is read; what the folder skips is said.
    @Test func addAFolderReadsEveryFileBelowIt() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            try Data("(id) Method completed with status: 502\n".utf8).write(to: folder.appendingPathComponent("bad.log"))
            try Data([0x00, 0x01, 0x02, 0x03]).write(to: folder.appendingPathComponent("core.bin"))
            let seen = EvidenceInspection { path in
                EvidenceReport(
                    path: path, kind: "execution-log", description: "API Gateway execution log, 1 line",
                    findings: [Finding(cause: "cause-b", confidence: .high, summary: "malformed proxy response")])
            }
            var wizard = PlainWizard(
                engine: engine, state: engine.start(), input: ScriptedInput(["add \(folder.path)", "500", "rest"]), output: CapturedOutput(),
                echo: true, hooks: PlainSessionHooks(inspection: seen))
            _ = wizard.run()
            #expect(wizard.state.evidence.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["bad.log"])
            let words = wizard.output.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(words.contains("API Gateway execution log, 1 line"))
            #expect(words.contains("- skipped \(folder.path)/core.bin: binary data"))
        }
    }

    @Test func withoutInspectorsAddSaysSo() {
        var wizard = PlainWizard(
            engine: engine, state: engine.start(), input: ScriptedInput(["add x.log"]), output: CapturedOutput())
        _ = wizard.run()
        #expect(wizard.output.text.contains("! " + EvidenceInspection.unavailableDescription))
    }
}
