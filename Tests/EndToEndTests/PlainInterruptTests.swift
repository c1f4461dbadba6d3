import Foundation
import Testing

/// Ctrl-C (SIGINT) in plain mode exits 130, like the full-screen wizard, and prints how to resume.
@Suite struct PlainInterruptTests {
    @Test(.timeLimit(.minutes(2)))
    func sigintExits130WithTheResumeHint() async throws {
        let home = try StateHome()
        defer { home.remove() }

        let process = Process()
        process.executableURL = TriageBinary.url
        process.arguments = ["--plain", "--content", TriageBinary.fixtureContent]
        process.environment = TriageBinary.environment(stateHome: home.path)
        let stdin = Pipe()
        process.standardInput = stdin
        let transcript = home.path + "/run.txt"
        try Data().write(to: URL(fileURLWithPath: transcript))
        process.standardOutput = FileHandle(forWritingAtPath: transcript)
        process.standardError = FileHandle(forWritingAtPath: transcript)
        try process.run()
        stdin.fileHandleForWriting.write(Data("502\n".utf8))

        // Wait for the autosave of the first answer, so there is a session to resume.
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(30))
        var id: String?
        while clock.now < deadline, id == nil {
            id = home.sessions().values.first?["id"] as? String
            if id == nil { try await Task.sleep(for: .milliseconds(50)) }
        }
        let saved = try #require(id)
        try await Task.sleep(for: .milliseconds(200))

        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 130)
        let output = try String(contentsOfFile: transcript, encoding: .utf8)
        #expect(output.contains("continue it with: apigw-triage --resume \(saved)"))
    }
}
