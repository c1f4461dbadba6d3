import Foundation
import Testing
@testable import TriageKit

/// One test per validation rule, each on the small fixture tree with one thing broken.
@Suite("Content validation")
struct ContentValidatorTests {
    /// Loads the fixture tree with `edit` applied to the file at `path` (added when missing).
    private func issues(editing path: String, _ edit: (String) -> String) throws -> [ContentIssue] {
        var files = try Fixtures.engineFiles()
        if let index = files.firstIndex(where: { $0.path == path }) {
            files[index].text = edit(files[index].text)
        } else {
            files.append(ContentFile(path: path, text: edit("")))
        }
        return try ContentLoader.inspect(.files(files)).1
    }

    private func replacing(_ old: String, with new: String) -> (String) -> String {
        { text in
            if !text.contains(old) { Issue.record("the fixture no longer contains: \(old)") }
            return text.replacingOccurrences(of: old, with: new)
        }
    }

    private func both(_ first: @escaping (String) -> String, _ second: @escaping (String) -> String) -> (String) -> String {
        { second(first($0)) }
    }

    private func expectIssue(_ issues: [ContentIssue], file: String, node: String?, containing text: String) {
        let match = issues.contains { $0.file == file && $0.node == node && $0.message.contains(text) }
        #expect(match, "expected \(file) \(node ?? "-") '\(text)' in:\n\(issues.map(\.description).joined(separator: "\n"))")
    }

    @Test func theFixtureTreeIsClean() throws {
        #expect(try issues(editing: "manifest.yaml") { $0 }.isEmpty)
    }

    @Test func duplicateIDs() throws {
        let found = try issues(editing: "tree/502.yaml", replacing("id: s502-log-says", with: "id: s500-function"))
        expectIssue(found, file: "tree/502.yaml", node: "s500-function", containing: "duplicate id")
    }

    @Test func routeTargetsMustExist() throws {
        let found = try issues(editing: "tree/502.yaml", replacing("to: fix-cause-b", with: "to: fix-nowhere"))
        expectIssue(found, file: "tree/502.yaml", node: "s502-log-says", containing: "'fix-nowhere', which does not exist")
    }

    @Test func everyQuestionNeedsADefault() throws {
        let found = try issues(editing: "tree/502.yaml", replacing("    default: fix-cause-a\n", with: ""))
        expectIssue(found, file: "tree/502.yaml", node: "s502-log-says", containing: "needs a default route")
    }

    @Test func everyNodeReachableFromTheStart() throws {
        let orphan = """
            nodes:
              - id: orphan
                kind: yesno
                title: Orphan
                text: Is anyone there?
                why: Nobody routes here.
                default: fix-cause-a
            """
        let found = try issues(editing: "tree/orphan.yaml") { _ in orphan }
        expectIssue(found, file: "tree/orphan.yaml", node: "orphan", containing: "not reachable from 'start'")
    }

    @Test func noCycles() throws {
        let found = try issues(editing: "tree/502.yaml", replacing("default: fix-cause-a", with: "default: start"))
        #expect(found.contains { $0.message.hasPrefix("cycle: ") && $0.message.contains("s502-log-says") })
    }

    @Test func aFixNeedsACatalogueCause() throws {
        let found = try issues(editing: "fixes/cause-b.yaml", replacing("cause: cause-b", with: "cause: cause-z"))
        expectIssue(found, file: "fixes/cause-b.yaml", node: "fix-cause-b", containing: "cause 'cause-z' is not in causes.yaml")
        expectIssue(found, file: "causes.yaml", node: nil, containing: "cause 'cause-b' has no fix node")
    }

    @Test func aFixNeedsACommand() throws {
        let found = try issues(editing: "fixes/cause-b.yaml", replacing(
            "    command: aws logs tail /aws/lambda/{{function_name}} --since 30m --region {{region}}\n", with: ""))
        expectIssue(found, file: "fixes/cause-b.yaml", node: "fix-cause-b", containing: "at least one step with a command")
    }

    @Test func aFixNeedsAVerifyStep() throws {
        let found = try issues(editing: "fixes/cause-b.yaml", replacing(
            "verify:\n  text: Call it again.\n  command: curl -i https://{{api_id}}.execute-api.{{region}}.amazonaws.com/prod/\n", with: ""))
        expectIssue(found, file: "fixes/cause-b.yaml", node: "fix-cause-b", containing: "needs a verify step")
    }

    @Test func placeholdersMustBeKnownFacts() throws {
        let found = try issues(editing: "fixes/cause-b.yaml", replacing("--region {{region}}", with: "--region {{regoin}}"))
        expectIssue(found, file: "fixes/cause-b.yaml", node: "fix-cause-b", containing: "placeholder {{regoin}} is not a fact")
    }

    @Test func everyCatalogueCauseNeedsAFix() throws {
        let extra = "  - id: cause-c\n    title: Cause C\n    statuses: [504]\n    api_types: [rest]\n    summary: No fix yet.\n"
        let found = try issues(editing: "causes.yaml") { $0 + extra }
        expectIssue(found, file: "causes.yaml", node: nil, containing: "cause 'cause-c' has no fix node")
    }

    @Test func routesMayOnlyNameAnswersTheQuestionCanGive() throws {
        let found = try issues(editing: "tree/start.yaml", replacing(#"{ when: { answer: "502" }"#, with: #"{ when: { answer: "503" }"#))
        expectIssue(found, file: "tree/start.yaml", node: "start", containing: "answer '503', which the question cannot give")
    }

    @Test func factsAndFindingsMustBeKnown() throws {
        let found = try issues(editing: "tree/500.yaml", both(
            replacing("{ finding: cause-b }, to: fix-cause-b", with: "{ finding: cause-q }, to: fix-cause-b"),
            replacing("fact: api_type\n", with: "fact: api_kind\n")))
        expectIssue(found, file: "tree/500.yaml", node: "s500-log-file", containing: "finding 'cause-q', which is not a catalogue cause")
        expectIssue(found, file: "tree/500.yaml", node: "s500-api-type", containing: "fact 'api_kind' is not in facts.yaml")
    }

    @Test func theManifestMustNameExistingNodes() throws {
        let found = try issues(editing: "manifest.yaml", replacing(#""502": s502-log-says"#, with: #""502": s502-missing"#))
        expectIssue(found, file: "manifest.yaml", node: nil, containing: "branch '502' names a missing node 's502-missing'")
    }

    @Test func decodingErrorsNameTheFileAndNode() throws {
        let found = try issues(editing: "tree/502.yaml", replacing("kind: yesno", with: "kind: maybe"))
        #expect(found.contains { $0.file == "tree/502.yaml" && $0.node == "s502-log-says" })
        let syntax = try issues(editing: "tree/502.yaml") { _ in "nodes: [unclosed" }
        #expect(syntax.contains { $0.file == "tree/502.yaml" && $0.message.contains("not valid YAML") })
    }

    @Test func loadRefusesContentWithIssues() throws {
        var files = try Fixtures.engineFiles()
        files.removeAll { $0.path == "fixes/cause-a.yaml" }
        #expect(throws: ContentLoadError.self) { try ContentLoader.load(.files(files)) }
    }
}
