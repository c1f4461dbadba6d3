import Testing
import TriageKit
@testable import TriageTUI

/// The ids a fix still needs as one full-screen form (issue 13 item 3).
@Suite struct FactFormScreenTests {
    /// Walks the small tree to the form of the malformed-response fix (region, API id, stage).
    private func atForm() throws -> Harness {
        var harness = try Harness()
        harness.press(.character("2"), .enter, .character("y"), .enter)
        harness.type("orders-fn")
        harness.press(.enter, .character("n"))
        return harness
    }

    @Test func everyIdIsOnOneScreenWithItsNumber() throws {
        var harness = try atForm()
        let form = try #require(harness.controller.question?.form)
        #expect(form.open.map(\.key) == ["region", "api_id", "stage"])
        let text = harness.screenText()
        #expect(text.contains("Ids for the fix · 1 of 3"))
        #expect(text.contains("<api-id>"), "an empty field shows the placeholder it keeps")
        harness.press(.tab)
        #expect(harness.screenText().contains("Ids for the fix · 2 of 3"))
    }

    @Test func tabAndShiftTabMoveBetweenFieldsAndEnterOnTheLastFinishes() throws {
        var harness = try atForm()
        harness.type("eu-west-1")
        harness.press(.tab, .tab)
        #expect(harness.controller.ui.formFocus == 2)
        harness.press(.backTab)
        harness.type("a1b2c3d4e5")
        harness.press(.enter)
        #expect(harness.controller.ui.formFocus == 2, "Enter before the last field moves on")
        harness.type("prod")
        harness.press(.enter)
        #expect(harness.controller.sentEvents.last == .answerFacts(["region": "eu-west-1", "api_id": "a1b2c3d4e5", "stage": "prod"]))
        #expect(harness.controller.outcome?.node == "fix-lambda-response-format")
    }

    @Test func emptyFieldsKeepTheirPlaceholders() throws {
        var harness = try atForm()
        harness.press(.enter, .enter, .enter)
        let fix = try #require(harness.controller.outcome)
        #expect(fix.missingFacts.map(\.key).contains("api_id"))
    }

    @Test func aRefusedIdTakesTheFocusAndSaysWhy() throws {
        var harness = try atForm()
        harness.press(.tab)
        harness.type("not an id")
        harness.press(.enter, .enter)
        #expect(harness.controller.question?.form != nil)
        #expect(harness.controller.ui.formFocus == 1)
        #expect(harness.controller.ui.validation?.contains("does not look like a valid API id") == true)
    }

    @Test func escapeGoesBackOneScreenNotThroughEveryId() throws {
        var harness = try atForm()
        harness.press(.enter, .enter, .enter)
        #expect(harness.controller.outcome != nil)
        harness.press(.escape)
        #expect(harness.controller.question?.form != nil, "Esc on the fix returns to the form")
        harness.press(.escape)
        #expect(harness.position == .node("s502-timeout"))
    }

    @Test func theFormAt80x24() throws {
        var harness = try atForm()
        harness.type("eu-west-1")
        harness.press(.tab)
        Snapshot.assert(harness.render(), named: "fact-form-80x24")
    }
}
