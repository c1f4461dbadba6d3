import Testing
@testable import TriageKit

@Suite("Command templates")
struct TemplateTests {
    let placeholder: (String) -> String = { "<\($0)>" }

    @Test func knownFactsAreFilledAndUnknownOnesMarked() {
        let result = Template.fill("--rest-api-id {{api_id}} --stage-name {{stage}}", facts: ["api_id": "a1b2c3d4e5"], placeholder: placeholder)
        #expect(result.text == "--rest-api-id a1b2c3d4e5 --stage-name <stage>")
        #expect(result.missing == ["stage"])
    }

    @Test func anEmptyValueCountsAsUnknown() {
        #expect(Template.fill("{{stage}}", facts: ["stage": ""], placeholder: placeholder).missing == ["stage"])
    }

    @Test func jsonAndShellBracesStayLiteral() {
        let text = #"--response-templates '{"application/json": "{\"a\": 1}"}' ${stageVariables.fn} {{ not a key }}"#
        let result = Template.fill(text, facts: [:], placeholder: placeholder)
        #expect(result.text == text)
        #expect(result.missing.isEmpty)
        #expect(Template.placeholders(in: text).isEmpty)
    }

    @Test func placeholdersAreListedOnceInOrder() {
        #expect(Template.placeholders(in: "{{b}} {{a}} {{b}} {{ a }}") == ["b", "a"])
    }

    @Test func anUnclosedOpeningIsText() {
        #expect(Template.fill("x {{api_id", facts: ["api_id": "y"], placeholder: placeholder).text == "x {{api_id")
    }
}
