import Foundation
import Testing
import TriageKit
@testable import TriageTUI

/// The fix screen: scrolling, selecting and copying commands, saving, and what is printed on exit.
@Suite struct OutcomeTests {
    @Test func digitsCopyCommandsWithOSC52() throws {
        var harness = try Harness()
        harness.walkToFix()
        let fix = try #require(harness.controller.outcome)
        #expect(fix.node == "fix-lambda-response-format")
        harness.press(.character("2"))
        #expect(harness.requests == [.copyToClipboard(fix.commands[1])])
        #expect(harness.controller.ui.status?.text == "Sent the command of step 3 to the clipboard (OSC 52); also printed on exit.")
        harness.press(.character("9"))
        #expect(harness.controller.ui.status?.tone == .error)
        #expect(harness.requests.count == 1)
    }

    @Test func tabSelectsTheNextCommandAndEnterCopiesIt() throws {
        var harness = try Harness()
        harness.walkToFix()
        harness.press(.tab, .tab, .enter)
        #expect(harness.controller.ui.selectedCopy == 2)
        let verify = try #require(harness.controller.outcome?.verify?.command)
        #expect(harness.requests == [.copyToClipboard(verify)])
        harness.press(.tab, .enter)
        let insights = try #require(harness.controller.outcome?.query?.insights)
        #expect(harness.requests.last == .copyToClipboard(String(insights.dropLast())), "without the block's last newline")
        #expect(insights.hasSuffix("desc\n"))
        harness.press(.backTab)
        #expect(harness.controller.ui.selectedCopy == 2)
        harness.press(.tab, .tab)
        #expect(harness.controller.ui.selectedCopy == 0, "Tab wraps around")
    }

    @Test func tabScrollsTheSelectedCommandIntoView() throws {
        var harness = try Harness()
        harness.walkToFix()
        #expect(harness.controller.layout.documentLength > harness.controller.layout.documentViewport)
        harness.press(.tab, .tab, .tab)
        let line = harness.controller.layout.copyItemLines[3]
        let top = harness.controller.ui.documentTop
        #expect((top..<(top + harness.controller.layout.documentViewport)).contains(line))
        #expect(harness.rows().contains { $0.contains("▶ [4]") })
    }

    @Test func scrollingKeepsTheSelectionOnScreen() throws {
        var harness = try Harness()
        harness.walkToFix()
        harness.press(.end)
        let viewport = harness.controller.layout.documentViewport
        #expect(harness.controller.ui.documentTop == harness.controller.layout.documentLength - viewport)
        let selectedLine = harness.controller.layout.copyItemLines[harness.controller.ui.selectedCopy]
        #expect(selectedLine >= harness.controller.ui.documentTop)
        harness.press(.home)
        #expect(harness.controller.ui.documentTop == 0)
        harness.press(.pageDown, .down, .character("k"))
        #expect(harness.controller.ui.documentTop == viewport - 1)
    }

    @Test func backFromTheFixReturnsToTheLastQuestion() throws {
        var harness = try Harness()
        harness.walkToFix()
        harness.press(.escape)
        // The last screen was the ids form: back lands on it (its first id), not on its last id.
        #expect(harness.position == .fact(key: "region", fix: "fix-lambda-response-format"))
        #expect(harness.controller.question?.form?.open.count == 3)
        #expect(harness.controller.outcome == nil)
    }

    @Test func quitOnTheFixNeedsNoConfirmation() throws {
        var harness = try Harness()
        harness.walkToFix()
        harness.press(.character("q"))
        #expect(harness.requests == [.quit])
    }

    @Test func saveAsksForANameAndWritesTheFix() throws {
        let folder = FileManagerTemp.make()
        defer { FileManagerTemp.remove(folder) }
        let engine = try SmallTree.engine()
        let services = WizardServices(inspect: WizardServices.inspectionUnavailable, files: LocalFileBrowsing(), save: WizardServices.writeFile)
        var controller = WizardController(
            engine: engine, state: engine.start(givenFacts: ["function_name": "orders-fn", "region": "eu-west-1", "api_id": "a1b2c3d4e5", "stage": "prod"]),
            size: TerminalSize(columns: 80, rows: 24), services: services)
        for key: Key in [.character("2"), .enter, .character("y"), .enter, .character("n"), .character("s")] { _ = controller.handle(key) }
        guard case .prompt(let prompt) = controller.ui.overlay else { Issue.record("no save prompt"); return }
        #expect(prompt.field.text == "apigw-triage-lambda-response-format.txt")
        _ = controller.handle(.control("u"))
        for character in folder + "/fix.txt" { _ = controller.handle(.character(character)) }
        _ = controller.handle(.enter)
        #expect(controller.ui.status?.tone == .success)
        let written = try String(contentsOfFile: folder + "/fix.txt", encoding: .utf8)
        #expect(written.contains("FIX: Return a valid Lambda proxy response"))
        #expect(written.contains("aws lambda invoke --function-name orders-fn --region eu-west-1"))
        #expect(written.contains("Status code: 502"))
        #expect(written.contains("api_id = a1b2c3d4e5  (given)"))

        // Saving again to the same name asks before replacing it.
        _ = controller.handle(.character("s"))
        _ = controller.handle(.control("u"))
        for character in folder + "/fix.txt" { _ = controller.handle(.character(character)) }
        _ = controller.handle(.enter)
        #expect(controller.ui.overlay == .confirm(.overwrite(path: folder + "/fix.txt")))
        _ = controller.handle(.character("y"))
        #expect(controller.ui.status?.text.hasPrefix("Saved the fix") == true)
    }

    @Test func theExitTextIsTheFixWithItsCommands() throws {
        var harness = try Harness()
        harness.walkToFix()
        let text = FullScreenWizard.exitText(harness.controller, width: 78)
        let fix = try #require(harness.controller.outcome)
        for command in fix.commands { #expect(text.contains(command)) }
        #expect(text.contains("Path:\n  Status code: 502"))

        var early = try Harness()
        early.press(.character("2"))
        #expect(FullScreenWizard.exitText(early.controller, width: 78) == "apigw-triage: stopped at step 2 (API type) before reaching a fix.\n")
    }

    @Test func mouseClicksAnswerChoicesAndSelectCommands() throws {
        var wheel = try Harness()
        wheel.press(.mouse(MouseEvent(action: .wheelDown, row: 0, column: 0)))
        #expect(wheel.controller.ui.selection == 1)
        #expect(wheel.controller.sentEvents.isEmpty, "the wheel moves the selection only")

        var harness = try Harness()
        let hit = try #require(harness.controller.layout.hits.first { $0.target == .choice(1) })
        harness.press(.mouse(MouseEvent(action: .click, row: hit.row, column: 10)))
        #expect(harness.controller.sentEvents == [.answer("502")], "a click on a choice answers it")
        #expect(harness.position != .node("start"))

        harness.press(.control("c"))
        var fix = try Harness()
        fix.walkToFix()
        let command = try #require(fix.controller.layout.hits.first { $0.target == .copyItem(1) })
        fix.press(.mouse(MouseEvent(action: .click, row: command.row, column: 20)))
        #expect(fix.controller.ui.selectedCopy == 1)
        fix.press(.mouse(MouseEvent(action: .wheelDown, row: 0, column: 0)))
        #expect(fix.controller.ui.documentTop == 3)
    }
}
