import Foundation
import Testing

/// Ctrl-C (SIGINT) in plain mode exits 130, like the full-screen wizard, and prints how to resume.
@Suite struct PlainInterruptTests {
    @Test(.timeLimit(.minutes(5)))  // other suites can hold the runner's threads for minutes
    func sigintExits130WithTheResumeHint() async throws {
        let home = try StateHome()
        defer { home.remove() }

        let wizard = try PlainWizardProcess(home: home)
        wizard.answer("502")
        // Wait for the autosave of the first answer, so there is a session to resume.
        let session = try await PlainWizardProcess.waitForSession(in: home) { $0["id"] is String }
        let saved = try #require(session["id"] as? String)
        try await Task.sleep(for: .milliseconds(200))

        kill(wizard.process.processIdentifier, SIGINT)
        wizard.process.waitUntilExit()
        #expect(wizard.process.terminationReason == .exit)
        #expect(wizard.process.terminationStatus == 130)
        #expect(try wizard.output().contains("continue it with: apigw-triage --resume \(saved)"))
    }
}
