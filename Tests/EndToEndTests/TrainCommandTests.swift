import Foundation
import Testing

/// `apigw-triage train` in plain mode, as a trainee or a script runs it.
@Suite("Train end to end")
struct TrainCommandTests {
    let fixtures = ["--scenarios", BinaryRunner.fixture("scenarios-engine"), "--content", BinaryRunner.fixture("content-engine")]

    @Test func listShowsEveryBuiltInScenario() throws {
        let result = try BinaryRunner.run(["train", "--list"])
        #expect(result.status == 0)
        let folders = try FileManager.default.contentsOfDirectory(
            atPath: BinaryRunner.packageRoot.appendingPathComponent("Resources/scenarios").path)
        #expect(folders.count >= 16)
        for folder in folders { #expect(result.stdout.contains("  [\(folder)]\n"), "\(folder)") }
        #expect(result.stdout.hasPrefix("Training scenarios (built in):\n   1. beginner "))
    }

    @Test func listOfAFolderIsNumberedEasiestFirst() throws {
        let result = try BinaryRunner.run(["train", "--list"] + fixtures)
        #expect(result.status == 0)
        #expect(result.stdout.contains("""
              1. beginner     502 REST  The orders function answers in a shape API Gateway rejects  [proxy-body]
              2. intermediate 500 REST  A new stage cannot call its function  [missing-permission]

            """))
    }

    @Test func aScriptedTrainingSessionEndsWithTheVerdict() throws {
        let result = try BinaryRunner.run(["train", "proxy-body"] + fixtures, input: "files\n502\nload 1\ny\n\n\n\n")
        #expect(result.status == 0)
        let out = result.stdout
        #expect(out.contains("TRAINING: The orders function answers in a shape API Gateway rejects\n"))
        #expect(out.contains("  1. execution.log: Execution log lines for one failing request.\n"))
        #expect(out.contains("Loaded 1. execution.log: API Gateway execution log, 5 lines, 1 request, 1\nfailed with 502"))
        #expect(out.contains("FIX: Return a valid proxy response"))
        #expect(out.contains("TRAINING RESULT: you found the cause\n"))
        #expect(out.contains("Questions you answered: 2."))
        #expect(out.contains("  1. execution.log (loaded): API Gateway execution log"))
        // A curl 502 shows the status, not its cause: it finds nothing, but still tells the API type.
        #expect(out.contains("  2. curl.txt (not loaded): HTTP response (curl output), 1 response: 502\n     answers \"API type\": rest"))
        #expect(out.contains("The lines that give it away:\n  execution.log: Execution failed due to configuration error: Malformed Lambda proxy response\n"))
    }

    @Test func theWrongFixIsCalledWrongAndNamesTheExpectedCause() throws {
        let result = try BinaryRunner.run(["train", "2"] + fixtures, input: "502\nn\n\n\n\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("TRAINING RESULT: you found the cause\n"))
        let wrong = try BinaryRunner.run(["train", "1"] + fixtures, input: "502\nn\n\n\n\n")
        #expect(wrong.stdout.contains("TRAINING RESULT: not the scenario's cause\n"))
        #expect(wrong.stdout.contains("You reached: cause-a (Allow API Gateway to call <function-name>)."))
        #expect(wrong.stdout.contains("The scenario's cause: cause-b (Cause B)."))
    }

    @Test func withoutANameTheScenarioIsChosenFromTheList() throws {
        let result = try BinaryRunner.run(["train"] + fixtures, input: "7\nmissing-permission\n500\n")
        #expect(result.stdout.contains("Which scenario? (number or name) > 7\n! No scenario '7'.\n"))
        #expect(result.stdout.contains("TRAINING: A new stage cannot call its function\n"))
        // The input ends before a fix, as for any scripted session.
        #expect(result.status == 2)
        #expect(try BinaryRunner.run(["train"] + fixtures, input: "").status == 2)
    }

    @Test func mapAndExplainWorkInTraining() throws {
        let result = try BinaryRunner.run(["train", "proxy-body", "--explain"] + fixtures, input: "502\nmap\n")
        #expect(result.stdout.contains("follows the rule \"502\" to \"Malformed?\"."))
        #expect(result.stdout.contains("* Status code [start]\n"))
        #expect(result.stdout.contains(">   502: Malformed? [s502-log-says]\n"))
    }

    @Test func theBuiltInScenariosStartAndOfferTheirFilesOnDisk() throws {
        let result = try BinaryRunner.run(["train", "orders-body-object", "--content", BinaryRunner.fixture("content-engine")], input: "files\n")
        #expect(result.stdout.contains("TRAINING: Order details fail after the orders-api release\n"))
        let path = try #require(result.stdout.split(separator: "\n").first { $0.hasSuffix("/orders-body-object/execution.log") })
        let onDisk = try String(contentsOfFile: path.trimmingCharacters(in: .whitespaces), encoding: .utf8)
        #expect(onDisk.contains("Execution failed due to configuration error: Malformed Lambda proxy response"))
        // The fixture content lacks the scenario's cause, and says so.
        #expect(result.stderr.contains("expects cause 'lambda-response-format', which this content's catalogue lacks"))
    }

    @Test func unknownScenariosAndFoldersAreErrors() throws {
        let unknown = try BinaryRunner.run(["train", "no-such-scenario"] + fixtures)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no scenario 'no-such-scenario'"))
        #expect(try BinaryRunner.run(["train", "--list", "--scenarios", "/nonexistent/scenarios"]).status == 3)
    }
}
