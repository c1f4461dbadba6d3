import Foundation
import Testing

/// `apigw-fuzz`, the mutation fuzzer CI runs for a minute: a short fixed-seed run is clean, and a
/// bad command line is a usage error.
@Suite struct FuzzRunTests {
    static var fuzzer: URL { BinaryRunner.binary.deletingLastPathComponent().appendingPathComponent("apigw-fuzz") }

    private func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = Self.fuzzer
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: fuzzer.path)))
    func aShortFixedSeedRunIsClean() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-run-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try run(["--seed", "3", "--runs", "40", "--output", output.path, BinaryRunner.fixture("")])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("40 inputs"))
        #expect(result.output.contains(" 0 findings"))
        // The input in flight is removed at the end of a clean run.
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("current.input").path))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: fuzzer.path)))
    func aBadCommandLineIsAUsageError() throws {
        let result = try run(["--runs"])
        #expect(result.status == 2)
        #expect(result.output.contains("usage: apigw-fuzz"))
    }
}
