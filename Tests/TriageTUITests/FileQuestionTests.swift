import Testing
import TriageKit
@testable import TriageTUI

/// File questions and evidence: Tab completion, checks on the path, what detection shows.
@Suite struct FileQuestionTests {
    /// A harness at the "Execution log" file question.
    private func atFileQuestion(inspect: @escaping @Sendable (String) -> EvidenceReport = Harness.fakeInspect) throws -> Harness {
        var harness = try Harness(inspect: inspect)
        harness.press(.character("2"), .enter, .character("y"))
        #expect(harness.position == .node("s502-log"))
        return harness
    }

    @Test func tabCompletesFoldersThenListsFiles() throws {
        var harness = try atFileQuestion()
        harness.type("lo")
        harness.press(.tab)
        #expect(harness.controller.ui.field.text == "logs/")
        harness.type("ex")
        harness.press(.tab)
        #expect(harness.controller.ui.field.text == "logs/execution-50")
        #expect(harness.controller.ui.completions == ["execution-502.log", "execution-504.log"])
        harness.type("2")
        #expect(harness.controller.ui.completions.isEmpty, "typing hides the list")
        harness.press(.tab)
        #expect(harness.controller.ui.field.text == "logs/execution-502.log")
        #expect(harness.controller.sentEvents == [.answer("502"), .answer("rest"), .answer("yes")])
    }

    @Test func tildeCompletesAgainstTheHomeFolder() throws {
        var harness = try atFileQuestion()
        harness.type("~/Dow")
        harness.press(.tab, .tab)
        #expect(harness.controller.ui.field.text == "~/Downloads/get-integration.json")
    }

    @Test func aFileOfTheWantedKindAnswersTheQuestionAndSaysWhatItRead() throws {
        var harness = try atFileQuestion()
        harness.type("logs/execution-502.log")
        harness.press(.enter)
        #expect(harness.controller.sentEvents.last == .addEvidence(Harness.executionLog()))
        // The log's finding routes straight to the fix; its facts leave only the function name to ask.
        #expect(harness.position == .fact(key: "function_name", fix: "fix-lambda-response-format"))
        #expect(harness.controller.ui.status?.text == "Read logs/execution-502.log: \(Harness.executionLog().description)")
        #expect(harness.screenText().contains("Evidence: 1 file"))
    }

    @Test func aFileOfAnotherKindShowsTheDetectionAndStays() throws {
        var harness = try atFileQuestion()
        harness.type("logs/access.json")
        harness.press(.enter)
        #expect(harness.position == .node("s502-log"))
        let detection = try #require(harness.controller.ui.detection)
        #expect(detection.contains("Detected: API Gateway access log (API Gateway access log, 40 lines)."))
        #expect(detection.contains("This question wants API Gateway REST execution log or Lambda proxy response (JSON)."))
        // Enter again on the same path goes on with it.
        harness.press(.enter)
        #expect(harness.controller.sentEvents.last == .answer("logs/access.json"))
        #expect(harness.position == .node("s502-function"))
    }

    @Test func clearingTheFieldAndEnterSkips() throws {
        var harness = try atFileQuestion()
        harness.type("logs/access.json")
        harness.press(.enter, .control("u"), .enter)
        #expect(harness.controller.sentEvents.last == .answer(""))
        #expect(harness.controller.state.path.last?.answer == "skip")
    }

    @Test func aMissingFileOrAFolderIsRefusedWithoutInspecting() throws {
        var harness = try atFileQuestion(inspect: { path in
            Issue.record("inspected \(path)")
            return EvidenceReport(path: path, kind: nil, description: "")
        })
        harness.type("logs/nope.log")
        harness.press(.enter)
        #expect(harness.controller.ui.validation == "There is no file at logs/nope.log. Tab completes paths.")
        harness.press(.control("u"))
        harness.type("logs/archive")
        harness.press(.enter)
        #expect(harness.controller.ui.validation?.contains("is a folder") == true)
        #expect(harness.position == .node("s502-log"))
    }

    /// A folder is every file below it: each recognised file is added, the status says how many.
    @Test func aFolderAddsEveryFileBelowIt() throws {
        var harness = try Harness()
        harness.press(.character("a"))
        harness.type("logs")
        harness.press(.enter)
        #expect(harness.controller.evidence.map(\.path) == [
            "/work/logs/access.json", "/work/logs/execution-502.log", "/work/logs/execution-504.log",
        ])
        #expect(harness.controller.ui.status?.text.contains("3 files read") == true)
    }

    @Test func theDefaultInspectorSaysInspectionIsUnavailable() throws {
        var harness = try atFileQuestion(inspect: WizardServices.inspectionUnavailable)
        harness.type("notes.txt")
        harness.press(.enter)
        #expect(harness.controller.ui.detection?.hasPrefix("Not recognised: file inspection is not available in this build.") == true)
        #expect(harness.controller.evidence.map(\.path) == ["notes.txt"])
    }

    @Test func addAFileAtAnyQuestionAndToggleThePanel() throws {
        var harness = try Harness()
        harness.press(.character("2"), .enter, .character("a"))
        guard case .prompt(let prompt) = harness.controller.ui.overlay else { Issue.record("no prompt"); return }
        #expect(prompt.purpose == .addEvidence)
        harness.type("logs/exec")
        harness.press(.tab)
        harness.type("2")
        harness.press(.tab, .enter)
        #expect(harness.controller.ui.overlay == nil)
        #expect(harness.controller.evidence == [Harness.executionLog()])
        #expect(harness.controller.ui.status?.text.hasPrefix("Added logs/execution-502.log") == true)
        #expect(harness.screenText().contains("Evidence: 1 file"))
        harness.press(.character("e"))
        #expect(!harness.screenText().contains("Evidence: 1 file"))
        harness.press(.character("e"))
        #expect(harness.screenText().contains("Evidence: 1 file"))
    }

    @Test func aMissingFileInTheAddPromptKeepsThePromptOpen() throws {
        var harness = try Harness()
        harness.press(.character("a"))
        harness.type("missing.log")
        harness.press(.enter)
        guard case .prompt(let prompt) = harness.controller.ui.overlay else { Issue.record("prompt closed"); return }
        #expect(prompt.message?.text == "There is no file at missing.log. Tab completes paths.")
        harness.press(.escape)
        #expect(harness.controller.ui.overlay == nil)
        #expect(harness.controller.evidence.isEmpty)
    }
}
