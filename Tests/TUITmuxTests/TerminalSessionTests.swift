import Foundation
import Testing

/// The built binary in a real terminal (tmux): real key presses from the first screen to a fix,
/// Back, resizing mid-question, quitting, and the terminal settings after every way of ending.
///
/// Needs tmux (`apt-get install -y tmux`); skipped with a message when it is missing.
extension TUITmuxTests {
@Suite struct TerminalSessionTests {
    /// The terminal is handed back exactly as it was found.
    private func expectTerminalRestored(_ run: WrappedRun, sourceLocation: SourceLocation = #_sourceLocation) {
        let before = run.read("stty-before-g")
        #expect(before != nil, sourceLocation: sourceLocation)
        #expect(run.read("stty-after-g") == before, "stty -g after the run", sourceLocation: sourceLocation)
        let beforeAll = run.read("stty-before-a").map(WrappedRun.withoutSize)
        let afterAll = run.read("stty-after-a").map(WrappedRun.withoutSize)
        #expect(afterAll == beforeAll, "stty -a after the run", sourceLocation: sourceLocation)
    }

    @Test func walkToAFixWithBackAndResizeThenQuit() throws {
        let run = try WrappedRun()
        let tmux = run.tmux
        try tmux.waitFor("Which 5xx status code")
        try tmux.send("Down", "Enter")
        try tmux.waitFor("Is it a REST API or an HTTP API?")
        try tmux.send("Down", "Enter")
        try tmux.waitFor("Does the method use a Lambda proxy integration?")
        // Back keeps the earlier answer selected.
        try tmux.send("Escape")
        let back = try tmux.waitFor("Is it a REST API or an HTTP API?")
        #expect(back.contains("▶ 2. HTTP API"))
        try tmux.send("Up", "Enter")
        try tmux.waitFor("Path: Status code: 502 › API type: rest")
        try tmux.send("y")
        try tmux.waitFor("Do you have the execution log of a failing request?")

        // Resize mid-question: smaller, too small, and back.
        try tmux.resize(columns: 60, rows: 16)
        let small = try tmux.waitFor("the 60x16 layout") { screen in
            screen.contains("Do you have the execution log") && screen.split(separator: "\n").allSatisfy { $0.count <= 60 }
                && screen.contains("Enter answer")
        }
        #expect(small.contains("Path ▶"))
        try tmux.resize(columns: 50, rows: 12)
        try tmux.waitFor("Terminal too small")
        try tmux.resize(columns: 80, rows: 24)
        try tmux.waitFor("Do you have the execution log of a failing request?")

        try tmux.send("Enter")
        try tmux.waitFor("What is the name of the Lambda function")
        try tmux.type("orders-fn")
        try tmux.send("Enter")
        try tmux.waitFor("Task timed out after")
        try tmux.send("n")
        // The ids the fix needs: one form, Tab between fields, Enter on the last shows the fix.
        try tmux.waitFor("Ids for the fix · 1 of 3")
        try tmux.type("eu-west-1")
        try tmux.send("Tab")
        try tmux.waitFor("Ids for the fix · 2 of 3")
        try tmux.send("Enter")
        try tmux.waitFor("Ids for the fix · 3 of 3")
        try tmux.send("Enter")
        let fix = try tmux.waitFor("Fix: Return a valid Lambda proxy response")
        #expect(fix.contains("[1] aws lambda invoke --function-name orders-fn --region eu-west-1"))
        try tmux.send("q")
        try run.waitForExit()

        #expect(run.exitStatus == 0)
        expectTerminalRestored(run)
        // The fix stays in the normal screen's scroll-back, each command on one line.
        let history = try tmux.history()
        #expect(history.contains("FIX: Return a valid Lambda proxy response"))
        #expect(history.contains("aws lambda invoke --function-name orders-fn --region eu-west-1 --payload fileb://event.json"))
        #expect(!history.contains("Which 5xx status code"), "the full-screen frames are gone (alternate screen)")
    }

    /// Terminal signals, and fatal ones (a crash): each restores the terminal, then the process dies by it.
    @Test(arguments: ["TERM", "HUP", "INT", "QUIT", "SEGV", "ABRT"])
    func aSignalMidSessionRestoresTheTerminal(signal: String) throws {
        let run = try WrappedRun()
        try run.tmux.waitFor("Which 5xx status code")
        try run.tmux.send("2")
        try run.tmux.waitFor("Is it a REST API")
        let pid = try run.waitForPid()
        let numbers = ["TERM": SIGTERM, "HUP": SIGHUP, "INT": SIGINT, "QUIT": SIGQUIT, "SEGV": SIGSEGV, "ABRT": SIGABRT]
        #expect(kill(pid, numbers[signal]!) == 0)
        try run.waitForExit()
        #expect(run.exitStatus == 128 + numbers[signal]!, "died by the signal, after restoring")
        expectTerminalRestored(run)
    }

    @Test func controlCQuitsCleanlyMidQuestion() throws {
        let run = try WrappedRun()
        try run.tmux.waitFor("Which 5xx status code")
        try run.tmux.send("2")
        try run.tmux.waitFor("Is it a REST API")
        try run.tmux.send("C-c")
        try run.waitForExit()
        #expect(run.exitStatus == 130, "Ctrl-C exits 130, as in plain mode")
        expectTerminalRestored(run)
        #expect(try run.tmux.history().contains("apigw-triage: stopped at step 2 (API type) before reaching a fix."))
    }

    @Test func quitOnTheFirstQuestionByEscapeAsksFirst() throws {
        let run = try WrappedRun()
        try run.tmux.waitFor("Which 5xx status code")
        try run.tmux.send("Escape")
        try run.tmux.waitFor("This is the first question")
        try run.tmux.send("y")
        try run.waitForExit()
        #expect(run.exitStatus == 0)
        expectTerminalRestored(run)
    }

    @Test func anUnknownTermFallsBackToPlainMode() throws {
        let run = try WrappedRun(environment: ["TERM": "xterm-apigw-unknown"])
        let screen = try run.tmux.waitFor("(plain mode)")
        #expect(try run.tmux.history().contains("apigw-triage: the terminal type 'xterm-apigw-unknown' is not known here (no terminfo entry); using plain mode."))
        #expect(screen.contains("Step 1: Status code"))
        try run.tmux.type("quit")
        try run.tmux.send("Enter")
        try run.waitForExit()
        #expect(run.exitStatus == 0)
        expectTerminalRestored(run)
    }

    @Test func helpOpensAndCloses() throws {
        let run = try WrappedRun()
        try run.tmux.waitFor("Which 5xx status code")
        try run.tmux.send("?")
        try run.tmux.waitFor("What this wizard does")
        try run.tmux.send("Escape")
        try run.tmux.waitFor("Why this matters")
        try run.tmux.send("q")
        try run.waitForExit()
        expectTerminalRestored(run)
    }
}
}
