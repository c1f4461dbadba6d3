import Foundation

/// A tmux server of its own (a unique `-L` socket) running one command in an 80x24-style pane:
/// keys in, screen text out. Every test kills its server when done, whatever happened.
final class Tmux {
    /// Whether the tmux program can be found.
    static let isAvailable: Bool = (try? run(["tmux", "-V"]).status) == 0

    private static let counter = Counter()
    let socket: String
    let target = "wizard"

    init(command: [String], columns: Int = 80, rows: Int = 24) throws {
        socket = "apigw-test-\(ProcessInfo.processInfo.processIdentifier)-\(Self.counter.next())"
        let quoted = command.map(Self.shellQuoted).joined(separator: " ")
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", target, "-x", "\(columns)", "-y", "\(rows)", quoted])
    }

    deinit {
        killServer()
    }

    func killServer() {
        _ = try? tmux(["kill-server"])
        // tmux leaves the socket file behind when its server is killed; tidy it.
        let folder = (ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp") + "/tmux-\(getuid())"
        try? FileManager.default.removeItem(atPath: folder + "/" + socket)
    }

    // MARK: - Driving

    /// Sends keys by tmux name (`Enter`, `Escape`, `Down`, `C-c`) or as literal text with `literal`.
    func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", target] + keys)
    }

    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", target, "-l", text])
    }

    func resize(columns: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", target, "-x", "\(columns)", "-y", "\(rows)"])
    }

    func setOption(_ name: String, _ value: String) throws {
        try tmux(["set-option", "-g", name, value])
    }

    /// The visible screen as text.
    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", target])
    }

    /// The visible screen with its SGR escape sequences (attributes and colours).
    func screenWithAttributes() throws -> String {
        try tmux(["capture-pane", "-p", "-e", "-t", target])
    }

    /// Everything the pane has shown, scroll-back included, lines the terminal wrapped joined again.
    func history() throws -> String {
        try tmux(["capture-pane", "-p", "-J", "-S", "-", "-t", target])
    }

    func buffer() throws -> String {
        try tmux(["show-buffer"])
    }

    /// Polls the screen until `condition` holds (instead of sleeping a guessed time).
    @discardableResult
    func waitFor(
        _ what: String, timeout: TimeInterval = 20, _ condition: (String) -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = (try? screen()) ?? last
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw WaitFailure(what: what, screen: last)
    }

    /// Polls until the screen shows `text`.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 20) throws -> String {
        try waitFor("\"\(text)\" on screen", timeout: timeout) { $0.contains(text) }
    }

    // MARK: - Process plumbing

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let result = try Self.run(["tmux", "-L", socket] + arguments)
        guard result.status == 0 else { throw CommandFailure(arguments: arguments, output: result.output) }
        return result.output
    }

    /// Runs a program and waits for it with posix_spawn and waitpid.
    ///
    /// Not Foundation's `Process`: its `waitUntilExit` waited forever here on a child that had
    /// already exited (left a zombie) when called from a test's thread. Output goes to a file, not a
    /// pipe, because `new-session` forks the tmux server, which would hold a pipe open as long as it lives.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let path = NSTemporaryDirectory() + "apigw-tmux-out-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: path) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        guard spawned == 0 else { throw CommandFailure(arguments: arguments, output: "spawn failed: \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let output = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
        // Exited normally: the exit code; killed by a signal: 128 + the signal, as a shell reports it.
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (code, output)
    }

    static func shellQuoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    struct WaitFailure: Error, CustomStringConvertible {
        var what: String
        var screen: String
        var description: String { "Timed out waiting for \(what). The screen was:\n\(screen)" }
    }

    struct CommandFailure: Error, CustomStringConvertible {
        var arguments: [String]
        var output: String
        var description: String { "tmux \(arguments.joined(separator: " ")) failed: \(output)" }
    }

    /// Unique numbers for socket names within this process.
    private final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()
        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }
}
