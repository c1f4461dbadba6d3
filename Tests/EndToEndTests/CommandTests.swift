import Foundation
import Testing

/// The non-interactive commands, run as a user would, on the small fixture tree.
@Suite("Commands end to end")
struct CommandTests {
    let content = ["--content", BinaryRunner.fixture("content-engine")]

    @Test func causesListsTheCatalogue() throws {
        let result = try BinaryRunner.run(["causes"] + content)
        #expect(result.status == 0)
        #expect(result.stdout.contains("cause-a"))
        #expect(result.stdout.contains("2 causes."))
        let json = try BinaryRunner.run(["causes", "--format", "json"] + content)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(decoded?.map { $0["id"] as? String } == ["cause-a", "cause-b"])
    }

    @Test func fixFillsTheGivenFacts() throws {
        let result = try BinaryRunner.run(["fix", "cause-b", "--fact", "region=eu-west-1", "--fact", "function_name=orders"] + content)
        #expect(result.status == 0)
        #expect(result.stdout.contains("\naws logs tail /aws/lambda/orders --since 30m --region eu-west-1\n"))
        #expect(result.stdout.contains("<api-id>  API id"))
    }

    @Test func fixAsJSON() throws {
        let result = try BinaryRunner.run(["fix", "cause-a", "--fact", "api_type=rest", "--format", "json"] + content)
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["cause"] as? String == "cause-a")
        let steps = try #require(object["steps"] as? [[String: Any]])
        #expect(steps.count == 2)
        let missing = (object["missingFacts"] as? [[String: Any]])?.compactMap { $0["key"] as? String }
        #expect(missing == ["function_name", "api_id", "region"])
    }

    @Test func fixRejectsUnknownCausesAndBadFacts() throws {
        #expect(try BinaryRunner.run(["fix", "no-such-cause"] + content).status == 2)
        let badFact = try BinaryRunner.run(["fix", "cause-a", "--fact", "api_id=NOT-AN-ID"] + content)
        #expect(badFact.status == 2)
        #expect(badFact.stderr.contains("does not look like a valid"))
        #expect(try BinaryRunner.run(["fix", "cause-a", "--fact", "colour=red"] + content).status == 2)
    }

    @Test func lintIsCleanOnTheFixture() throws {
        let result = try BinaryRunner.run(["lint", BinaryRunner.fixture("content-engine")])
        #expect(result.status == 0)
        #expect(result.stdout.contains("clean (9 nodes: 6 questions, 2 fixes; 2 causes)"))
    }

    @Test func lintExitsOneAndNamesFileAndNode() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("lint-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: BinaryRunner.fixture("content-engine"), toPath: copy.path)
        defer { try? FileManager.default.removeItem(at: copy) }
        let file = copy.appendingPathComponent("tree/502.yaml")
        let broken = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "to: fix-cause-b", with: "to: nowhere")
        try broken.write(to: file, atomically: false, encoding: .utf8)
        let result = try BinaryRunner.run(["lint", copy.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("tree/502.yaml: node 's502-log-says': routes to 'nowhere', which does not exist"))
    }

    @Test func lintOfAMissingFolderIsUnreadableInput() throws {
        #expect(try BinaryRunner.run(["lint", "/nonexistent/content"]).status == 3)
    }

    @Test func graphExportsEveryFormat() throws {
        let json = try BinaryRunner.run(["graph", "--format", "json"] + content)
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let nodes = try #require(object["nodes"] as? [[String: Any]])
        #expect(nodes.count == 9)
        #expect(nodes.filter { $0["kind"] as? String == "fix" }.compactMap { $0["cause"] as? String }.sorted() == ["cause-a", "cause-b"])
        #expect((object["edges"] as? [Any])?.isEmpty == false)
        #expect(try BinaryRunner.run(["graph"] + content).stdout.hasPrefix("digraph apigw_triage {"))
        #expect(try BinaryRunner.run(["graph", "--format", "mermaid"] + content).stdout.hasPrefix("flowchart LR"))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try BinaryRunner.run(["--bogus"]).status == 2)
        #expect(try BinaryRunner.run(["graph", "--format", "svg"]).status == 2)
    }
}

/// Plain-mode sessions through the binary, with answers piped in.
@Suite("Plain wizard end to end")
struct PlainSessionTests {
    let content = ["--content", BinaryRunner.fixture("content-engine")]

    @Test func aScriptedSessionEndsOnTheFix() throws {
        let result = try BinaryRunner.run(["--plain"] + content, input: "502\ny\norders\neu-west-1\na1b2c3d4e5\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("FIX: Return a valid proxy response"))
        #expect(result.stdout.contains("\ncurl -i https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/prod/\n"))
    }

    @Test func plainModeIsAutomaticWhenStdinIsAPipe() throws {
        let result = try BinaryRunner.run(content, input: "3\neu-west-1\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("OUTCOME: Not a 5xx"))
    }

    @Test func startJumpsToABranch() throws {
        let result = try BinaryRunner.run(["--start", "502", "--fact", "region=eu-west-1"] + content, input: "n\n\n\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("Step 1: Malformed?"))
        #expect(result.stdout.contains("FIX: Allow API Gateway to call <function-name>"))
        #expect(try BinaryRunner.run(["--start", "418"] + content).status == 2)
    }

    @Test func endOfInputBeforeAFixExitsTwo() throws {
        let result = try BinaryRunner.run(content, input: "500\n")
        #expect(result.status == 2)
        #expect(result.stdout.contains("Input ended before the wizard reached a fix"))
    }
}
