import Foundation
import Testing

/// `train` in a real terminal: the story on the normal screen, the scenario's file loaded with `a`
/// in the full-screen wizard, and the verdict printed after it, with the terminal restored.
extension TUITmuxTests {
@Suite struct TrainingTmuxTests {
    @Test func aScenarioRunsFullScreenToAVerdict() throws {
        let fixtures = WrappedRun.packageRoot + "/Tests/Fixtures"
        let run = try WrappedRun(
            arguments: ["train", "proxy-body", "--scenarios", fixtures + "/scenarios-engine"],
            rows: 60, content: fixtures + "/content-engine")
        let tmux = run.tmux
        try tmux.waitFor("Press Enter to start the wizard.")
        // The history joins the lines the terminal wrapped: the file's path is as long as the
        // checkout's, and wraps at 80 columns in a deep checkout.
        let intro = try tmux.history()
        let logPath = try #require(intro.split(separator: "\n").first { $0.contains("/execution.log") })
            .trimmingCharacters(in: .whitespaces)
        try tmux.send("Enter")
        try tmux.waitFor("Which status does the client get?")
        // The scenario's files stay listed; load the log by its number through the add-file prompt.
        try tmux.waitFor("Scenario files (a, then a number): 1 execution.log")
        try tmux.send("a")
        try tmux.waitFor("1. execution.log")
        #expect(logPath.hasSuffix("/execution.log"))
        try tmux.type("1")
        try tmux.send("Enter")
        try tmux.waitFor("Evidence: 1 file")
        try tmux.send("2")
        try tmux.waitFor("Malformed?")
        try tmux.send("y")
        // The fix asks for its facts; leave them as placeholders.
        for _ in 0..<3 { try tmux.send("Enter") }
        try tmux.waitFor("Fix: Return a valid proxy response")
        try tmux.send("q")
        try run.waitForExit()
        let screen = try tmux.waitFor("TRAINING RESULT: you found the cause")
        #expect(screen.contains("You reached: cause-b"))
        #expect(run.read("stty-after-g") == run.read("stty-before-g"))
    }
}
}
