import Foundation

/// Runs the built `apigw-triage` binary for end-to-end tests.
///
/// The binary sits next to the test bundle in the build products folder (SwiftPM builds it
/// because this target depends on it); `.build/debug` under the package root is the fallback.
enum TriageBinary {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let fixtureContent = packageRoot.appendingPathComponent("Tests/Fixtures/content-report").path

    static var url: URL {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("apigw-triage")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return packageRoot.appendingPathComponent(".build/debug/apigw-triage")
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs to the end with `input` on standard input.
    static func run(_ arguments: [String], input: String = "", stateHome: String) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.environment = environment(stateHome: stateHome)
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a full pipe can never stall the child.
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: err, as: UTF8.self))
    }

    /// The environment for a run: no terminal, a private state folder, nothing from the developer's own.
    static func environment(stateHome: String) -> [String: String] {
        var environment = ["XDG_STATE_HOME": stateHome, "HOME": stateHome, "TERM": "dumb", "LANG": "C.UTF-8"]
        environment["PATH"] = ProcessInfo.processInfo.environment["PATH"]
        return environment
    }
}

/// A fresh temporary folder used as `XDG_STATE_HOME`, with helpers to read the saved sessions.
struct StateHome {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("e2e-state-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    var folder: String { path + "/apigw-triage" }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    func files() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() }

    /// Every saved session file decoded as JSON, by file name.
    func sessions() -> [String: [String: Any]] {
        var result: [String: [String: Any]] = [:]
        for name in files() where name.hasSuffix(".json") {
            guard let data = FileManager.default.contents(atPath: folder + "/" + name),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            else { continue }
            result[name] = object
        }
        return result
    }
}
