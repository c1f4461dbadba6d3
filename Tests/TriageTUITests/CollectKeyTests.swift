import Testing
import TriageKit
@testable import TriageTUI

/// `C` in the full-screen wizard: the collect script filled from the session's facts, shown and
/// saved (asking before overwriting), like plain mode's `collect [FILE]`.
@Suite struct CollectKeyTests {
    static let facts = ["api_id": "a1b2c3d4e5", "stage": "$default", "region": "eu-west-1"]

    @Test func cShowsTheScriptFilledFromTheFacts() throws {
        var harness = try Harness(givenFacts: Self.facts)
        harness.press(.character("C"))
        guard case .collect(let script, let fileName, _) = harness.controller.ui.overlay else {
            Issue.record("C did not show the script: \(String(describing: harness.controller.ui.overlay))")
            return
        }
        #expect(fileName == "apigw-collect-a1b2c3d4e5.sh")
        #expect(script.hasPrefix("#!/usr/bin/env bash"))
        #expect(script.contains("'a1b2c3d4e5'"))
        #expect(script.contains("'$default'"), "the stage stays quoted")
        let screen = harness.screenText()
        #expect(screen.contains("Collect script"))
        #expect(screen.contains("save the script"))
        harness.press(.escape)
        #expect(harness.controller.ui.overlay == nil)
        #expect(harness.controller.sentEvents.isEmpty, "showing the script answers nothing")
    }

    @Test func sSavesTheScriptUnderItsSuggestedName() throws {
        var harness = try Harness(givenFacts: Self.facts)
        harness.press(.character("C"), .character("s"))
        guard case .prompt(let prompt) = harness.controller.ui.overlay else {
            Issue.record("s did not ask where to save")
            return
        }
        #expect(prompt.field.text == "apigw-collect-a1b2c3d4e5.sh")
        #expect(harness.screenText().contains("Save the collect script"))
        harness.press(.enter)
        #expect(harness.controller.ui.overlay == nil)
        let status = try #require(harness.controller.ui.status)
        #expect(status.tone == .success)
        #expect(status.text.contains("Saved the read-only collect script to apigw-collect-a1b2c3d4e5.sh"))
    }

    @Test func anExistingFileIsReplacedOnlyAfterAsking() throws {
        var harness = try Harness(givenFacts: Self.facts)
        harness.press(.character("C"), .character("s"), .control("u"))
        harness.type("notes.txt")
        harness.press(.enter)
        guard case .confirm(.overwriteScript(let path, _)) = harness.controller.ui.overlay else {
            Issue.record("no question before overwriting: \(String(describing: harness.controller.ui.overlay))")
            return
        }
        #expect(path == "notes.txt")
        #expect(harness.screenText().contains("notes.txt already exists"))
        harness.press(.character("n"))
        #expect(harness.controller.ui.status == nil, "nothing saved")
        harness.press(.character("C"), .character("s"), .control("u"))
        harness.type("notes.txt")
        harness.press(.enter, .character("y"))
        #expect(harness.controller.ui.status?.tone == .success)
    }

    @Test func withoutTheAPIAndStageItSaysWhatIsMissing() throws {
        var harness = try Harness()
        harness.press(.character("C"))
        #expect(harness.controller.ui.overlay == nil)
        let status = try #require(harness.controller.ui.status)
        #expect(status.tone == .error)
        #expect(status.text.contains("api_id and stage"))
    }

    @Test func theHelpScreenListsTheKey() throws {
        var harness = try Harness()
        harness.press(.character("?"))
        // The key list runs past the first page of help at 80x24: scroll one page.
        harness.press(.pageDown)
        #expect(harness.screenText().contains("the read-only collect script"))
    }
}
