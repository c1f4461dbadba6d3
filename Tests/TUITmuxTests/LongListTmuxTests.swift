import Testing

/// A long list in a real terminal (issue 13 item 4): the 26-line "Execution log line" question of
/// the real content, its 15th choice found with the `/` filter and answered with Enter.
extension TUITmuxTests {
@Suite struct LongListTmuxTests {
    @Test func theFifteenthChoiceIsChosenByFilter() throws {
        let run = try WrappedRun(
            arguments: ["--start", "500", "--fact", "api_type=rest"], content: WrappedRun.packageRoot + "/Content")
        let tmux = run.tmux
        try tmux.waitFor("Where does this REST stage write its execution logs?")
        try tmux.send("1")
        try tmux.waitFor("Path ▶")
        try tmux.send("Enter")
        try tmux.waitFor("/ filter")
        try tmux.send("/")
        try tmux.type("vpc link")
        let filtered = try tmux.waitFor("the filtered list") { $0.contains("1 of 26") }
        #expect(filtered.contains("15. Execution failed due to an vpc link error"))
        #expect(!filtered.contains("Authorizer error"))
        try tmux.send("Enter")
        let next = try tmux.waitFor("the question after the log line") { !$0.contains("Filter /") && !$0.contains("/ filter") }
        #expect(next.contains("vpc-link-error"), "the path shows the answer:\n\(next)")
        try tmux.send("C-c")
        try run.waitForExit()
        #expect(run.exitStatus == 130)
    }
}
}
