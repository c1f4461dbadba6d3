import Foundation
import Testing

/// A plain-mode session killed with SIGKILL mid-session resumes at the same question with
/// every answer kept.
@Suite struct ResumeAfterKillTests {
    @Test(.timeLimit(.minutes(2)))
    func sessionKilledWithSIGKILLResumesAtTheSameQuestion() async throws {
        let home = try StateHome()
        defer { home.remove() }

        let process = Process()
        process.executableURL = TriageBinary.url
        process.arguments = ["--plain", "--content", TriageBinary.fixtureContent]
        process.environment = TriageBinary.environment(stateHome: home.path)
        let stdin = Pipe()
        process.standardInput = stdin
        // A file, not a pipe: nobody needs to read while the session runs.
        let transcript = home.path + "/first-run.txt"
        try Data().write(to: URL(fileURLWithPath: transcript))
        process.standardOutput = FileHandle(forWritingAtPath: transcript)
        process.standardError = FileHandle(forWritingAtPath: transcript)
        try process.run()

        for answer in ["502", "skip", "a1b2c3d4e5"] {
            stdin.fileHandleForWriting.write(Data((answer + "\n").utf8))
        }
        // Wait until the state file holds the three answers: the session now waits at step 4.
        let saved = try await waitForSession(in: home) { session in
            ((session["state"] as? [String: Any])?["path"] as? [Any])?.count == 3
        }
        let id = try #require(saved["id"] as? String)

        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == SIGKILL)

        // Resume: the same question, the same answers, and the session can go on to the fix.
        let resumed = try TriageBinary.run(
            ["--resume", "--plain", "--content", TriageBinary.fixtureContent],
            input: "facts\ny\norders-handler\neu-west-1\n\nprod\n\n", stateHome: home.path)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.hasPrefix("Resuming session \(id) "))
        #expect(resumed.stdout.contains("Path: Status code: 502 > Execution log: skip > API id: a1b2c3d4e5\nStep 4: Proxy integration?\n"))
        #expect(resumed.stdout.contains("  api_id = a1b2c3d4e5  (answered at API id)"))
        #expect(resumed.stdout.contains("\naws apigateway test-invoke-method --rest-api-id a1b2c3d4e5 --resource-id <resource-id> --http-method GET --region eu-west-1\n"))

        // The same session file, now marked finished: nothing was lost, nothing duplicated.
        let sessions = home.sessions()
        #expect(sessions.count == 1)
        #expect(sessions["\(id).json"]?["finished"] as? Bool == true)
    }

    /// Polls the state folder until a session satisfies `condition` (autosave runs after each answer).
    private func waitForSession(
        in home: StateHome, timeout: Duration = .seconds(30), _ condition: ([String: Any]) -> Bool
    ) async throws -> [String: Any] {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while clock.now < deadline {
            if let match = home.sessions().values.first(where: condition) { return match }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("no saved session reached the expected state; files: \(home.files())")
        throw CancellationError()
    }
}
