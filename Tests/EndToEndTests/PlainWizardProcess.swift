import Foundation
import Testing

/// A plain-mode wizard running in the background on the fixture content, for tests that signal it
/// mid-session: answers go to its standard input, its output to a transcript file in the state
/// home (a file, not a pipe: nobody needs to read while the session runs).
struct PlainWizardProcess {
    let process = Process()
    let transcript: String
    private let stdin = Pipe()

    init(home: StateHome, transcriptName: String = "run.txt") throws {
        transcript = home.path + "/" + transcriptName
        process.executableURL = TriageBinary.url
        process.arguments = ["--plain", "--content", TriageBinary.fixtureContent]
        process.environment = TriageBinary.environment(stateHome: home.path)
        process.standardInput = stdin
        try Data().write(to: URL(fileURLWithPath: transcript))
        process.standardOutput = FileHandle(forWritingAtPath: transcript)
        process.standardError = FileHandle(forWritingAtPath: transcript)
        try process.run()
    }

    /// Types each answer followed by Enter.
    func answer(_ answers: String...) {
        for answer in answers { stdin.fileHandleForWriting.write(Data((answer + "\n").utf8)) }
    }

    func output() throws -> String { try String(contentsOfFile: transcript, encoding: .utf8) }

    /// Polls the state folder until a session satisfies `condition` (autosave runs after each answer).
    ///
    /// It gives up after `polls` looks 50 ms apart (30 s), counted rather than timed: while other
    /// suites block the test runner's threads, this task is not resumed for minutes, and a clock
    /// deadline would then pass without a single look at a session the wizard saved long before.
    static func waitForSession(
        in home: StateHome, polls: Int = 600, _ condition: ([String: Any]) -> Bool
    ) async throws -> [String: Any] {
        for _ in 0..<polls {
            if let match = home.sessions().values.first(where: condition) { return match }
            try await Task.sleep(for: .milliseconds(50))
        }
        if let match = home.sessions().values.first(where: condition) { return match }
        Issue.record("no saved session reached the expected state; files: \(home.files())")
        throw CancellationError()
    }
}
