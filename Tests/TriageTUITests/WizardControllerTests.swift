import Testing
import TriageKit
@testable import TriageTUI

/// Key sequences into the controller, and the engine events and UI changes they produce.
@Suite struct WizardControllerTests {
    @Test func arrowsMoveAndEnterAnswersTheSelectedChoice() throws {
        var harness = try Harness()
        harness.press(.down, .down, .up, .character("j"))
        #expect(harness.controller.ui.selection == 2)
        harness.press(.character("k"))
        harness.press(.enter)
        #expect(harness.controller.sentEvents == [.answer("502")])
        #expect(harness.position == .node("s502-api-type"))
    }

    @Test func homeEndAndDigitsOnAChoiceList() throws {
        var harness = try Harness()
        harness.press(.end)
        #expect(harness.controller.ui.selection == 4)
        harness.press(.home)
        #expect(harness.controller.ui.selection == 0)
        harness.press(.character("9"))
        #expect(harness.controller.sentEvents.isEmpty, "a digit beyond the list does nothing")
        harness.press(.character("1"))
        #expect(harness.controller.sentEvents == [.answer("500")])
        #expect(harness.position == .node("s500-permission"))
    }

    @Test func yesAndNoKeysAnswerAtOnce() throws {
        var harness = try Harness()
        harness.press(.character("1"), .character("n"))
        #expect(harness.controller.sentEvents == [.answer("500"), .answer("no")])
        #expect(harness.controller.outcome?.node == "end-elsewhere")
    }

    @Test func escapeAndLeftGoBackAndThePreviousAnswerIsSelected() throws {
        var harness = try Harness()
        harness.press(.character("2"), .down, .enter)
        #expect(harness.position == .node("s502-proxy"))
        harness.press(.escape)
        #expect(harness.position == .node("s502-api-type"))
        #expect(harness.controller.ui.selection == 1, "HTTP API, answered before, is selected again")
        harness.press(.left)
        #expect(harness.position == .node("start"))
        #expect(harness.controller.ui.selection == 1, "502 is the second choice")
        #expect(harness.controller.sentEvents == [.answer("502"), .answer("http"), .back, .back])
    }

    @Test func backOnTheFirstQuestionAsksToQuit() throws {
        var harness = try Harness()
        harness.press(.escape)
        #expect(harness.controller.ui.overlay == .confirm(.quit(firstQuestion: true)))
        #expect(harness.controller.sentEvents.isEmpty)
        harness.press(.character("n"))
        #expect(harness.controller.ui.overlay == nil)
        harness.press(.left, .character("y"))
        #expect(harness.requests == [.quit])
    }

    @Test func quitAsksOnlyWhenAnswersWouldBeLost() throws {
        var fresh = try Harness()
        fresh.press(.character("q"))
        #expect(fresh.requests == [.quit])

        var harness = try Harness()
        harness.press(.character("2"), .character("q"))
        #expect(harness.requests.isEmpty)
        #expect(harness.controller.ui.overlay == .confirm(.quit(firstQuestion: false)))
        harness.press(.escape)
        #expect(harness.controller.ui.overlay == nil)
        harness.press(.character("q"), .character("y"))
        #expect(harness.requests == [.quit])
    }

    @Test func controlCQuitsAtOnceAndControlLRedraws() throws {
        var harness = try Harness()
        harness.press(.character("2"), .control("l"))
        #expect(harness.requests == [.redrawAll])
        harness.press(.control("c"))
        #expect(harness.requests == [.redrawAll, .quit])
    }

    @Test func restartAsksThenStartsAgain() throws {
        var harness = try Harness()
        harness.press(.character("2"), .enter, .character("r"))
        #expect(harness.controller.ui.overlay == .confirm(.restart))
        harness.press(.character("y"))
        #expect(harness.position == .node("start"))
        #expect(harness.controller.sentEvents.last == .restart)
        #expect(harness.controller.ui.status?.text.contains("Started again") == true)
    }

    @Test func helpOpensWithQuestionMarkAndClosesWithEscape() throws {
        var harness = try Harness()
        harness.press(.character("?"))
        #expect(harness.controller.ui.overlay == .help(top: 0))
        harness.press(.pageDown)
        guard case .help(let top) = harness.controller.ui.overlay else { Issue.record("help closed"); return }
        #expect(top > 0, "help is longer than a 24-row screen and scrolls")
        harness.press(.escape)
        #expect(harness.controller.ui.overlay == nil)
        #expect(harness.controller.sentEvents.isEmpty, "help keys never reach the engine")
    }

    @Test func typedTextIsAnsweredAndRefusalsShowInline() throws {
        var harness = try Harness()
        harness.press(.character("2"), .enter, .character("y"), .enter)
        #expect(harness.position == .node("s502-function"))
        harness.type("bad name!")
        harness.press(.enter)
        #expect(harness.position == .node("s502-function"))
        #expect(harness.controller.ui.validation?.contains("does not look like a valid function name") == true)
        harness.press(.control("w"), .control("w"))
        #expect(harness.controller.ui.field.text == "")
        #expect(harness.controller.ui.validation == nil, "editing clears the message")
        harness.type("orders-fn")
        harness.press(.enter)
        #expect(harness.controller.sentEvents.suffix(2) == [.answer("bad name!"), .answer("orders-fn")])
        #expect(harness.position == .node("s502-timeout"))
    }

    @Test func lettersAreTextOnInputQuestions() throws {
        var harness = try Harness()
        harness.press(.character("2"), .enter, .character("y"), .enter)
        harness.type("q?aer")
        #expect(harness.controller.ui.field.text == "q?aer")
        #expect(harness.controller.ui.overlay == nil)
        #expect(harness.requests.isEmpty)
    }

    @Test func editingKeysOnAnInputQuestion() throws {
        var harness = try Harness()
        harness.press(.character("2"), .enter, .character("y"), .enter)
        harness.type("orders")
        harness.press(.control("a"))
        harness.type("my-")
        harness.press(.control("e"), .backspace, .left, .delete)
        #expect(harness.controller.ui.field.text == "my-orde")
        harness.press(.left, .left, .control("u"))
        #expect(harness.controller.ui.field.text == "de")
        harness.press(.enter)
        #expect(harness.controller.sentEvents.last == .answer("de"))
    }

    @Test func thePreviousAnswerIsPrefilledAfterBack() throws {
        var harness = try Harness()
        harness.press(.character("2"), .enter, .character("y"), .enter)
        harness.type("orders-fn")
        harness.press(.enter, .escape)
        #expect(harness.position == .node("s502-function"))
        #expect(harness.controller.ui.field.text == "orders-fn")
        #expect(harness.controller.ui.field.cursor == 9)
    }

    @Test func escapeOnAnInputQuestionGoesBack() throws {
        var harness = try Harness()
        harness.press(.character("2"), .enter, .character("y"), .enter)
        harness.press(.escape)
        #expect(harness.position == .node("s502-log"))
    }

    @Test func skipAllOnAFactQuestionShowsTheFix() throws {
        var harness = try Harness()
        harness.press(.character("2"), .enter, .character("y"), .enter)
        harness.type("orders-fn")
        harness.press(.enter, .character("n"))
        #expect(harness.controller.question?.isFactQuestion == true)
        harness.type("skip all")
        harness.press(.enter)
        #expect(harness.controller.sentEvents.last == .skipFacts)
        #expect(harness.controller.outcome?.node == "fix-lambda-response-format")
    }

    @Test func theScreenReflowsOnResizeAndKeepsTheSelection() throws {
        var harness = try Harness()
        harness.press(.character("2"), .character("y") /* ignored on a choice */, .enter, .character("n"))
        #expect(harness.position == .node("s502-integration"))
        harness.press(.end)
        harness.resize(columns: 60, rows: 16)
        #expect(harness.controller.ui.selection == 11)
        let small = harness.rows()
        #expect(small.count == 16)
        #expect(small.contains { $0.contains("▶ 12. Kinesis PutRecord") }, "the selection stays in view")
        #expect(small.contains { $0.contains("more") }, "the hidden choices are counted")
        harness.resize(columns: 50, rows: 12)
        #expect(harness.screenText().contains("Terminal too small"))
        harness.press(.home)
        #expect(harness.controller.ui.selection == 11, "keys other than Ctrl-C wait until it grows")
        harness.resize(columns: 120, rows: 40)
        #expect(harness.rows().contains { $0.contains("▶ 12. Kinesis PutRecord") })
        let rows = harness.rows()
        #expect(rows.contains { $0.contains("1. Lambda (non-proxy)") }, "the whole list fits again:\n\(rows.joined(separator: "\n"))")
    }
}

@Suite struct MapOverlayTests {
    @Test func mOpensTheMapAtTheCurrentPositionAndClosesAgain() throws {
        var harness = try Harness()
        harness.press(.character("2"))
        harness.press(.character("m"))
        guard case .map(let lines, let top) = harness.controller.ui.overlay else {
            Issue.record("m did not open the map: \(String(describing: harness.controller.ui.overlay))")
            return
        }
        let here = try #require(lines.firstIndex { $0.hasPrefix("> ") })
        #expect(lines[here].contains("[s502-api-type]"))
        #expect(lines.contains { $0.hasPrefix("* ") && $0.contains("[start]") })
        #expect(top <= here)
        harness.press(.escape)
        #expect(harness.controller.ui.overlay == nil)
        #expect(harness.position == .node("s502-api-type"), "closing the map leaves the session where it was")
    }
}

@Suite struct ExplainModeTests {
    @Test func learnModeSaysWhichRuleTheAnswerFollowed() throws {
        var harness = try Harness(size: TerminalSize(columns: 120, rows: 40))
        harness.controller.explain = true
        harness.press(.character("2"))
        let frame = harness.render()
        let screen = (0..<frame.grid.height).map { frame.grid.text(ofRow: $0) }.joined(separator: "\n")
        #expect(screen.contains("How you got here: Your answer \"502\""))
        var plain = try Harness(size: TerminalSize(columns: 120, rows: 40))
        plain.press(.character("2"))
        let plainFrame = plain.render()
        #expect(!(0..<plainFrame.grid.height).map { plainFrame.grid.text(ofRow: $0) }.joined().contains("How you got here"))
    }
}
