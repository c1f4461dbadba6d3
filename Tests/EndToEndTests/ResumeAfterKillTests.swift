import Foundation
import Testing

/// A plain-mode session killed with SIGKILL mid-session resumes at the same question with
/// every answer kept.
@Suite struct ResumeAfterKillTests {
    @Test(.timeLimit(.minutes(5)))  // other suites can hold the runner's threads for minutes
    func sessionKilledWithSIGKILLResumesAtTheSameQuestion() async throws {
        let home = try StateHome()
        defer { home.remove() }

        let wizard = try PlainWizardProcess(home: home, transcriptName: "first-run.txt")
        wizard.answer("502", "skip", "a1b2c3d4e5")
        // Wait until the state file holds the three answers: the session now waits at step 4.
        let saved = try await PlainWizardProcess.waitForSession(in: home) { session in
            ((session["state"] as? [String: Any])?["path"] as? [Any])?.count == 3
        }
        let id = try #require(saved["id"] as? String)

        kill(wizard.process.processIdentifier, SIGKILL)
        wizard.process.waitUntilExit()
        #expect(wizard.process.terminationReason == .uncaughtSignal)
        #expect(wizard.process.terminationStatus == SIGKILL)

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
}
