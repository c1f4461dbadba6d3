import Foundation

/// Runs the built `apigw-triage` binary the way a user or a script would, and captures the result.
struct BinaryRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ relative: String) -> String {
        packageRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(relative).path
    }

    /// The binary beside the test bundle (same build configuration), else the default debug build.
    static let binary: URL = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("apigw-triage")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return packageRoot.appendingPathComponent(".build/debug/apigw-triage")
    }()

    /// Runs with the given arguments and standard input; stdin and stdout are pipes, so the
    /// wizard is in plain mode. A run longer than `timeout` seconds is killed and reported as 124.
    static func run(
        _ arguments: [String], input: String = "", environment: [String: String] = [:],
        workingDirectory: String? = nil, timeout: Double = 30
    ) throws -> Result {
        let process = Process()
        process.executableURL = binary
        if let workingDirectory { process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory) }
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let stdinPipe = Pipe(), stdoutPipe = Pipe(), stderrPipe = Pipe()
        process.standardInput = stdinPipe
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        try process.run()
        stdinPipe.fileHandleForWriting.write(Data(input.utf8))
        try stdinPipe.fileHandleForWriting.close()

        // Read both pipes concurrently so a full pipe never blocks the child.
        let group = DispatchGroup()
        let collected = Collected()
        for (pipe, isOut) in [(stdoutPipe, true), (stderrPipe, false)] {
            group.enter()
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                collected.set(data, isOut: isOut)
                group.leave()
            }
        }
        var timedOut = false
        if group.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            process.terminate()
            group.wait()
        }
        process.waitUntilExit()
        return Result(
            status: timedOut ? 124 : process.terminationStatus,
            stdout: String(decoding: collected.stdout, as: UTF8.self),
            stderr: String(decoding: collected.stderr, as: UTF8.self))
    }
}

/// Output gathered from two reader threads.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var stdout = Data()
    private(set) var stderr = Data()

    func set(_ data: Data, isOut: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if isOut { stdout = data } else { stderr = data }
    }
}
