import Foundation
import Testing

/// Saved sessions through the binary: listing, corrupt files, older content, secrets in evidence.
@Suite struct SavedSessionCommandLineTests {
    /// Runs a few answers and returns the id of the session saved.
    func startSession(_ answers: String, home: StateHome, content: String = TriageBinary.fixtureContent) throws -> String {
        _ = try TriageBinary.run(["--plain", "--content", content], input: answers, stateHome: home.path)
        let name = try #require(home.files().first { $0.hasSuffix(".json") })
        return String(name.dropLast(5))
    }

    @Test func sessionsListsWhereEachStands() throws {
        let home = try StateHome()
        defer { home.remove() }
        let id = try startSession("502\nskip\n", home: home)
        let result = try TriageBinary.run(["sessions"], stateHome: home.path)
        #expect(result.status == 0)
        #expect(result.stdout.contains(id))
        #expect(result.stdout.contains("fixture-1  step 3: API id"))
        let json = try TriageBinary.run(["sessions", "--format", "json"], stateHome: home.path)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(list.first?["id"] as? String == id)
        #expect(list.first?["finished"] as? Bool == false)
    }

    @Test func factsGivenWithResumeJoinTheSession() throws {
        let home = try StateHome()
        defer { home.remove() }
        _ = try startSession("502\n", home: home)
        let result = try TriageBinary.run(
            ["--resume", "--fact", "stage=prod", "--plain", "--content", TriageBinary.fixtureContent], input: "facts\n",
            stateHome: home.path)
        #expect(result.stdout.contains("  stage = prod  (given)"))
        #expect(result.stdout.contains("Step 2: Execution log"))
    }

    @Test func corruptStateFileIsSetAsideAndANewSessionStarts() throws {
        let home = try StateHome()
        defer { home.remove() }
        try FileManager.default.createDirectory(atPath: home.folder, withIntermediateDirectories: true)
        try Data("{\"format\": 1, \"id\": \"20261118-110640-0bad\", \"state\": {".utf8)
            .write(to: URL(fileURLWithPath: home.folder + "/20261118-110640-0bad.json"))
        let result = try TriageBinary.run(
            ["--resume", "--plain", "--content", TriageBinary.fixtureContent], input: "502\nquit\n", stateHome: home.path)
        #expect(result.stderr.contains("20261118-110640-0bad.json is damaged (not valid JSON); it was moved to "))
        #expect(result.stderr.contains("no unfinished session with answers to resume"))
        #expect(result.stdout.contains("Step 2: Execution log"))
        #expect(home.files().contains { $0.hasPrefix("20261118-110640-0bad.json.corrupt-") })
        #expect(home.sessions().count == 1, "the new session is saved beside the damaged one")
    }

    @Test func resumingByIDOfACorruptFileFails() throws {
        let home = try StateHome()
        defer { home.remove() }
        try FileManager.default.createDirectory(atPath: home.folder, withIntermediateDirectories: true)
        try Data("garbage".utf8).write(to: URL(fileURLWithPath: home.folder + "/20261118-110640-0bad.json"))
        let result = try TriageBinary.run(
            ["--resume", "20261118-110640-0bad", "--plain", "--content", TriageBinary.fixtureContent], stateHome: home.path)
        #expect(result.status == 3)
        #expect(result.stderr.contains("is damaged"))
    }

    @Test func stateFromAnOlderContentVersionResumesWhereThePathStillExists() throws {
        let home = try StateHome()
        defer { home.remove() }
        let id = try startSession("502\nskip\na1b2c3d4e5\n", home: home)
        // The content moves on: a new version with a question inserted before "API id".
        let newer = try copyOfFixtureContent(in: home, edits: [
            ("manifest.yaml", "version: \"fixture-1\"", "version: \"fixture-2\""),
            ("tree/502.yaml", "    default: api-id\n", "    default: logging-on\n"),
            ("tree/502.yaml", "  - id: api-id\n", """
                  - id: logging-on
                    kind: yesno
                    title: Logging on?
                    text: Is execution logging on for the stage?
                    why: Without it there is no execution log to read.
                    default: api-id
                  - id: api-id

                """),
        ])
        let result = try TriageBinary.run(["--resume", id, "--plain", "--content", newer], input: "y\n", stateHome: home.path)
        #expect(result.stdout.contains("The content changed from fixture-1 to fixture-2. 2 of 3 saved answers still fit; \"API id\" is no longer asked there, so the session continues at step 3."))
        #expect(result.stdout.contains("Step 3: Logging on?"))
        // The API id answered before the change is offered again.
        #expect(result.stdout.contains("[e.g. a1b2c3d4e5; Enter to skip; was: a1b2c3d4e5] > "))
    }

    @Test func stateThatNoLongerFitsSaysWhyItCannotResume() throws {
        let home = try StateHome()
        defer { home.remove() }
        let id = try startSession("502\n", home: home)
        let newer = try copyOfFixtureContent(in: home, edits: [
            ("manifest.yaml", "version: \"fixture-1\"", "version: \"fixture-2\""),
            ("manifest.yaml", "start: start", "start: status"),
            ("tree/start.yaml", "id: start", "id: status"),
        ])
        let result = try TriageBinary.run(["--resume", id, "--plain", "--content", newer], stateHome: home.path)
        #expect(result.status == 3)
        #expect(result.stderr.contains("cannot resume session \(id). The content changed from fixture-1 to fixture-2, and the first saved answer no longer fits"))
        #expect(home.files().contains("\(id).json"), "the saved file stays in place")
    }

    @Test func aSessionIsSavedOnlyOnceItHasAnAnswer() throws {
        let home = try StateHome()
        defer { home.remove() }
        let quit = try TriageBinary.run(["--plain", "--content", TriageBinary.fixtureContent], input: "quit\n", stateHome: home.path)
        #expect(home.sessions().isEmpty, "a session quit before any answer leaves no file")
        #expect(!quit.stdout.contains("--resume"), "and offers nothing to resume")
        let answered = try TriageBinary.run(["--plain", "--content", TriageBinary.fixtureContent], input: "502\nquit\n", stateHome: home.path)
        #expect(home.sessions().count == 1)
        #expect(answered.stdout.contains("continue it with: apigw-triage --resume "))
    }

    @Test func sessionsArePrunedAndRemovedByID() throws {
        let home = try StateHome()
        defer { home.remove() }
        let kept = try startSession("502\n", home: home)
        let finished = try TriageBinary.run(
            ["--plain", "--content", BinaryRunner.fixture("content-engine")], input: "502\ny\norders\neu-west-1\na1b2c3d4e5\n",
            stateHome: home.path)
        try #require(finished.stdout.contains("Verify the fix"), "the second session reaches its fix")
        #expect(home.sessions().count == 2)
        let prune = try TriageBinary.run(["sessions", "--prune"], stateHome: home.path)
        #expect(prune.status == 0)
        #expect(prune.stdout.hasPrefix("Removed 1 session: "), "the finished one: \(prune.stdout)")
        #expect(Array(home.sessions().keys) == ["\(kept).json"])
        let removed = try TriageBinary.run(["sessions", "rm", kept], stateHome: home.path)
        #expect(removed.stdout == "Removed session \(kept).\n")
        #expect(home.sessions().isEmpty)
        let again = try TriageBinary.run(["sessions", "rm", kept], stateHome: home.path)
        #expect(again.status == 2)
        #expect(again.stderr.contains("no saved session '\(kept)'"))
    }

    @Test func aSessionOpenInAnotherProcessIsNotResumedTwice() throws {
        let home = try StateHome()
        defer { home.remove() }
        let id = try startSession("502\n", home: home)
        // The test runner's parent stands for another apigw-triage that has the session open.
        try "\(getppid())\n".write(toFile: home.folder + "/\(id).lock", atomically: true, encoding: .utf8)
        let second = try TriageBinary.run(["--resume", id, "--plain", "--content", TriageBinary.fixtureContent], stateHome: home.path)
        #expect(second.status == 2)
        #expect(second.stderr.contains("session \(id) is open in another apigw-triage (process \(getppid()))"))
    }

    @Test func evidenceWithSecretsNeverLeavesUnmasked() throws {
        let home = try StateHome()
        defer { home.remove() }
        // A session saved at the first question (answered, then back), given an execution log whose
        // lines hold secrets.
        let id = try startSession("502\nback\n", home: home)
        let file = home.folder + "/\(id).json"
        var session = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
        var state = try #require(session["state"] as? [String: Any])
        state["evidence"] = [try Self.evidenceWithSecrets()]
        session["state"] = state
        try JSONSerialization.data(withJSONObject: session).write(to: URL(fileURLWithPath: file))

        let report = home.path + "/ticket.md"
        let result = try TriageBinary.run(
            ["--resume", "--plain", "--content", TriageBinary.fixtureContent, "--report", report],
            input: "502\norders-handler\n\n\n", stateHome: home.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("FIX: Return a valid Lambda proxy response"))
        let reportText = try String(contentsOfFile: report, encoding: .utf8)
        #expect(reportText.contains("Method request headers: {Authorization=Bearer ****************"))
        let stateText = try String(contentsOfFile: file, encoding: .utf8)
        for (label, text) in [("screen", result.stdout), ("report", reportText), ("state file", stateText)] {
            for secret in try Self.plantedSecrets() {
                #expect(!text.contains(secret), "\(label) holds \(secret)")
            }
        }
    }

    // MARK: - Helpers

    static func plantedSecrets() throws -> [String] {
        let path = TriageBinary.packageRoot.appendingPathComponent("Tests/Fixtures/secrets/planted-secrets.txt")
        return try String(contentsOf: path, encoding: .utf8).split(separator: "\n").map(String.init)
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// An execution-log evidence report, as the engine stores it, quoting the corpus log's lines
    /// that hold secrets (three per finding: what the fix screen and the report show).
    static func evidenceWithSecrets() throws -> [String: Any] {
        let path = TriageBinary.packageRoot.appendingPathComponent("Tests/Fixtures/secrets/execution-log.txt")
        let lines = try String(contentsOf: path, encoding: .utf8).split(separator: "\n").map(String.init)
        func quote(_ numbers: [Int]) -> [[String: Any]] {
            numbers.map { ["file": "execution.log", "line": $0, "text": lines[$0 - 1]] }
        }
        func finding(_ cause: String, _ numbers: [Int]) -> [String: Any] {
            ["cause": cause, "status": 502, "confidence": "high", "count": numbers.count, "evidence": quote(numbers),
             "facts": [String: String](), "summary": ""]
        }
        return [
            "path": "execution.log", "kind": "execution-log", "description": "API Gateway execution log, 12 lines",
            "lines": 12, "requests": 1, "failed": 1, "problems": [String](),
            "facts": ["api_id": "a1b2c3d4e5", "stage": "prod", "region": "eu-west-1"],
            "findings": [finding("lambda-response-format", [6, 7, 9]), finding("integration-timeout", [2, 3])],
        ]
    }

    /// A copy of the fixture content with text replaced, in the test's folder.
    func copyOfFixtureContent(in home: StateHome, edits: [(String, String, String)]) throws -> String {
        let copy = home.path + "/content-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: TriageBinary.fixtureContent, toPath: copy)
        for (file, from, to) in edits {
            let url = URL(fileURLWithPath: copy + "/" + file)
            let text = try String(contentsOf: url, encoding: .utf8)
            try text.replacingOccurrences(of: from, with: to).write(to: url, atomically: false, encoding: .utf8)
        }
        return copy
    }
}
