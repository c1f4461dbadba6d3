import Testing
import TriageKit
@testable import TriageTUI

/// Long choice lists (issue 13 item 4): two-digit numbers and the `/` filter. The small tree's
/// "Integration type" question has 12 choices (502, rest, not proxy).
@Suite struct LongListTests {
    private func atLongList() throws -> Harness {
        var harness = try Harness()
        harness.press(.character("2"), .enter, .character("n"))
        #expect(harness.position == .node("s502-integration"))
        return harness
    }

    private func answer(of harness: Harness) -> String? {
        harness.controller.state.path.last?.answer
    }

    @Test func aFirstDigitWaitsForASecond() throws {
        var harness = try atLongList()
        harness.press(.character("1"))
        #expect(harness.position == .node("s502-integration"), "1 may start 10, 11 or 12")
        #expect(harness.controller.keyTimeout == WizardController.secondDigitWait)
        #expect(harness.controller.ui.selection == 0)
        harness.press(.character("2"))
        #expect(answer(of: harness) == "kinesis")
    }

    @Test func theWaitEndingOrEnterTakesTheOneDigitNumber() throws {
        var harness = try atLongList()
        harness.press(.character("1"), .timeout)
        #expect(answer(of: harness) == "lambda")
        var other = try atLongList()
        other.press(.character("1"), .enter)
        #expect(answer(of: other) == "lambda")
    }

    @Test func aDigitNoSecondDigitCouldFollowAnswersAtOnce() throws {
        var harness = try atLongList()
        harness.press(.character("3"))
        #expect(answer(of: harness) == "http-proxy")
        #expect(harness.controller.keyTimeout == nil)
    }

    @Test func anotherKeyEndsTheWait() throws {
        var harness = try atLongList()
        harness.press(.character("1"), .down)
        #expect(harness.controller.keyTimeout == nil)
        #expect(harness.position == .node("s502-integration"))
        #expect(harness.controller.ui.selection == 1)
    }

    @Test func slashFiltersAndEnterAnswersTheMatch() throws {
        var harness = try atLongList()
        harness.press(.character("/"))
        harness.type("put")
        #expect(harness.controller.ui.selection == 10, "the first match is selected")
        harness.press(.down)
        #expect(harness.controller.ui.selection == 11)
        let text = harness.screenText()
        #expect(text.contains("11. EventBridge PutEvents"))
        #expect(text.contains("12. Kinesis PutRecord"))
        #expect(!text.contains("Lambda (non-proxy)"))
        harness.press(.enter)
        #expect(answer(of: harness) == "kinesis")
    }

    @Test func escapeShowsEveryChoiceAgain() throws {
        var harness = try atLongList()
        harness.press(.character("/"))
        harness.type("zzz")
        #expect(harness.screenText().contains("No choice matches"))
        harness.press(.enter)
        #expect(harness.position == .node("s502-integration"))
        harness.press(.escape)
        #expect(harness.controller.ui.filter == nil)
        #expect(harness.position == .node("s502-integration"), "the first Esc leaves the filter, not the question")
        #expect(harness.screenText().contains("Lambda (non-proxy)"))
    }

    @Test func aFilteredListAt80x24() throws {
        var harness = try atLongList()
        harness.press(.character("/"))
        harness.type("load bal")
        Snapshot.assert(harness.render(), named: "choice-filtered-80x24")
    }
}
