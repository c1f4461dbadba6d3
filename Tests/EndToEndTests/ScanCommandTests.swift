import Foundation
import Testing

/// `apigw-triage scan`, run as the built binary.
@Suite("scan command, end to end")
struct ScanCommandTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func fixture(_ path: String) -> String {
        packageRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(path).path
    }

    /// The binary sits in the build products folder, next to the test runner.
    static let binary: URL? = {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [
            runner, Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
            packageRoot.appendingPathComponent(".build/debug"),
        ].map { $0.appendingPathComponent("apigw-triage") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    static func run(_ arguments: [String]) throws -> Run {
        let executable: URL = try #require(binary, "apigw-triage not built next to the tests")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            errors: String(decoding: errorData, as: UTF8.self))
    }

    @Test func jsonOutputHasTheProductShape() throws {
        let log = Self.fixture("execution-log/cloudwatch-mixed-malformed.log")
        let run = try Self.run(["scan", "--format", "json", log])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let files = try #require(object["files"] as? [[String: Any]])
        #expect(files.first?["kind"] as? String == "execution-log")
        #expect(files.first?["requests"] as? Int == 8)
        #expect(files.first?["failed"] as? Int == 4)
        let diagnoses = try #require(object["diagnoses"] as? [[String: Any]])
        #expect(diagnoses.map { $0["cause"] as? String } == ["lambda-response-format", "backend-throttling"])
        #expect(diagnoses.first?["count"] as? Int == 3)
        let facts = try #require(object["facts"] as? [String: String])
        #expect(facts["api_id"] == "q8w7e6r5t4")
    }

    @Test func textOutputFitsIn80ColumnsAndNamesTheFix() throws {
        let run = try Self.run(["scan", Self.fixture("execution-log/console-method-not-post.log"), Self.fixture("access-log/http-clf-iam-role.log")])
        #expect(run.status == 0)
        #expect(run.output.contains("[!!] 1 x 500  "))
        #expect(run.output.contains("-> apigw-triage fix integration-method-not-post"))
        for line in run.output.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
    }

    /// Exit 3 only when no file at all could be read.
    @Test func exitsThreeWhenNothingCouldBeRead() throws {
        let run = try Self.run(["scan", "--format", "json", "/dev/zero", "/nonexistent/apigw-triage.log"])
        #expect(run.status == 3)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect((object["files"] as? [[String: Any]])?.count == 2)
    }

    /// An unrecognised file is reported; it does not fail the scan.
    @Test func anUnrecognisedFileIsReportedNotFatal() throws {
        let run = try Self.run(["scan", Self.fixture("../EndToEndTests/ScanCommandTests.swift"), Self.fixture("http-response/curl-v-rest-504-timeout.txt")])
        #expect(run.status == 0)
        #expect(run.output.contains("not recognised"))
        #expect(run.output.contains("-> apigw-triage fix integration-timeout"))
    }

    @Test func noFileIsAUsageError() throws {
        #expect(try Self.run(["scan"]).status == 2)
    }
}
