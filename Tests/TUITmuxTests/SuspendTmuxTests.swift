import Foundation
import Testing

/// Ctrl-Z suspends the full-screen wizard and gives the shell back its screen; `fg` brings the
/// wizard back, redrawn at the same question, and it still answers keys and ends cleanly.
///
/// Runs under an interactive bash, as a user has it: job control needs a shell that owns the
/// terminal (a non-interactive wrapper's process group is orphaned, and the kernel drops a stop
/// signal sent to an orphaned group). Needs python3 to reset SIGTSTP for the shell.
extension TUITmuxTests {
    @Suite struct SuspendTmuxTests {
        @Test func controlZSuspendsAndFgRestoresTheScreen() throws {
            let home = NSTemporaryDirectory() + "apigw-suspend-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: home) }
            // The test runner's threads block most signals (SIGTSTP among them) and tmux hands that mask
            // down to the shell and its jobs: start bash with nothing blocked and the default
            // actions, as a login has it.
            let defaultStop = "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); "
                + "signal.signal(signal.SIGTSTP, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])"
            let tmux = try Tmux(command: [
                "python3", "-c", defaultStop, "env", "-i", "HOME=\(home)", "TERM=xterm-256color", "LANG=C.UTF-8", "PS1=shell$ ", "PATH=/usr/bin:/bin",
                "bash", "--norc", "--noprofile", "-i",
            ])
            defer { tmux.killServer() }
            try tmux.waitFor("shell$")
            try tmux.type(
                "XDG_STATE_HOME=\(Tmux.shellQuoted(home)) \(Tmux.shellQuoted(WrappedRun.binary)) --content "
                    + Tmux.shellQuoted(WrappedRun.smallContent))
            try tmux.send("Enter")
            try tmux.waitFor("Which 5xx status code")
            try tmux.send("Down")

            try tmux.send("C-z")
            let suspended = try tmux.waitFor("the shell's screen with the job stopped") { screen in
                screen.contains("Stopped") && !screen.contains("Which 5xx status code")
            }
            #expect(suspended.contains("shell$"))

            try tmux.type("fg")
            try tmux.send("Enter")
            let back = try tmux.waitFor("Which 5xx status code")
            // The same question, with the selection it had.
            #expect(back.contains("▶ 2."))
            try tmux.send("q")
            try tmux.waitFor("the shell's prompt after the wizard") { screen in
                screen.split(separator: "\n").last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })?
                    .hasPrefix("shell$") == true && !screen.contains("Which 5xx status code")
            }
        }
    }
}
