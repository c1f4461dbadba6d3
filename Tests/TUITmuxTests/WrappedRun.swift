import Foundation

/// The binary run inside tmux by a wrapper script that records the terminal settings (`stty -g`,
/// `stty -a`) before and after it, its process id (for sending signals) and its exit status.
final class WrappedRun {
    let folder: String
    let tmux: Tmux

    static let markerDone = "WRAPPER-DONE"

    /// The built `apigw-triage`, next to the test bundle.
    static var binary: String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("apigw-triage").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return packageRoot + "/.build/debug/apigw-triage"
    }

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static let smallContent = packageRoot + "/Tests/Fixtures/content-small"

    /// Starts `env ENVIRONMENT apigw-triage ARGUMENTS --content CONTENT` in a fresh tmux.
    init(
        arguments: [String] = [], environment: [String: String] = [:], columns: Int = 80, rows: Int = 24,
        content: String = WrappedRun.smallContent
    ) throws {
        folder = NSTemporaryDirectory() + "apigw-tmux-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let script = folder + "/wrapper.sh"
        try Data(Self.wrapper.utf8).write(to: URL(fileURLWithPath: script))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        // A UTF-8 locale unless the test says otherwise (CI machines may have none set), and none of
        // the test runner's own NO_COLOR, ACCESSIBLE or LC_* leaking into the terminal under test.
        let settings = environment.merging(["LANG": "C.UTF-8"]) { given, _ in given }
            .sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let unset = ["NO_COLOR", "ACCESSIBLE", "LC_ALL", "LC_CTYPE"].flatMap { ["-u", $0] }
        let command = [script, folder, "env"] + unset + settings + [Self.binary] + arguments + ["--content", content]
        tmux = try Tmux(command: command, columns: columns, rows: rows)
    }

    /// Ends what this run started, by process id: the binary if a test stopped before it ended, and
    /// the wrapper's final sleep (tmux's kill-server waits for the pane's process to go).
    deinit {
        if read("wrapper-pid") == nil, let pid {
            // A test stopped before the binary ended: end it, then let the wrapper record and reach its sleep.
            kill(pid, SIGTERM)
            _ = try? tmux.waitFor("the wrapper to finish", timeout: 5) { _ in self.read("wrapper-pid") != nil }
        }
        if let wrapper = number(in: "wrapper-pid") { kill(wrapper, SIGTERM) }
        tmux.killServer()
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// `sh -c` writes its pid and then execs the command, so the pid is the binary's own.
    private static let wrapper = """
        #!/bin/sh
        dir="$1"; shift
        ulimit -c 0  # the fatal-signal tests must not leave core files behind
        stty -g > "$dir/stty-before-g"
        stty -a > "$dir/stty-before-a"
        sh -c 'echo $$ > "$0/pid"; exec "$@"' "$dir" "$@"
        echo $? > "$dir/status"
        stty -g > "$dir/stty-after-g"
        stty -a > "$dir/stty-after-a"
        echo \(markerDone)
        echo $$ > "$dir/wrapper-pid"
        exec sleep 300
        """

    func read(_ name: String) -> String? {
        try? String(contentsOfFile: folder + "/" + name, encoding: .utf8)
    }

    /// Waits for the binary to end and the wrapper to record the settings after it (the wrapper
    /// writes its own pid last, so the other files are complete by then).
    func waitForExit(timeout: TimeInterval = 20) throws {
        try tmux.waitFor("the wrapper to finish", timeout: timeout) { _ in self.read("wrapper-pid") != nil }
    }

    var exitStatus: Int32? { number(in: "status") }

    /// The binary's process id.
    var pid: Int32? { number(in: "pid") }

    private func number(in name: String) -> Int32? {
        read(name).flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// `stty -a` without the window size, which a resize during the test legitimately changes.
    static func withoutSize(_ stty: String) -> String {
        stty.replacingOccurrences(of: #"rows \d+; columns \d+;"#, with: "", options: .regularExpression)
    }

    /// The binary's pid once the wrapper has written it.
    func waitForPid() throws -> Int32 {
        try tmux.waitFor("the pid file") { _ in self.pid != nil }
        return pid!
    }
}
