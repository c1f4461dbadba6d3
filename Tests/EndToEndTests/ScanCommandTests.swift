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

    @Test func textOutputIntoAPipeKeepsWholeLinesAndNamesTheFix() throws {
        let run = try Self.run(["scan", Self.fixture("execution-log/console-method-not-post.log"), Self.fixture("access-log/http-clf-iam-role.log")])
        #expect(run.status == 0)
        #expect(run.output.contains("[!!] 1 x 500  "))
        #expect(run.output.contains("-> apigw-triage fix integration-method-not-post"))
        // Not a terminal: no line is cut (on a terminal they fit 80 columns; ScanText's tests).
        #expect(!run.output.contains("…"))
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
        let run = try Self.run(["scan", Self.fixture("../EndToEndTests/ScanCommandTests.swift"), Self.fixture("http-response/curl-i-http-503.txt")])
        #expect(run.status == 0)
        #expect(run.output.contains("not recognised"))
        #expect(run.output.contains("1 request failed with 503 (HTTP API)."))
        #expect(run.output.contains("candidates: "))
    }

    /// A status alone is undetermined: the JSON carries it beside the diagnoses, with its
    /// candidates and what would decide.
    @Test func jsonCarriesUndeterminedFailures() throws {
        let run = try Self.run(["scan", "--format", "json", Self.fixture("http-response/curl-v-rest-502.txt")])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect((object["diagnoses"] as? [Any])?.isEmpty == true)
        let undetermined = try #require(object["undetermined"] as? [[String: Any]])
        let first = try #require(undetermined.first)
        #expect(first["status"] as? Int == 502)
        #expect(first["count"] as? Int == 1)
        #expect(first["api_type"] as? String == "rest")
        let candidates = try #require(first["candidates"] as? [String])
        #expect(candidates.contains("lambda-function-error") && candidates.contains("lambda-timeout"))
        let next = try #require(first["next"] as? [String])
        #expect(next.first?.contains("API-Gateway-Execution-Logs_a1b2c3d4e5/prod") == true)
        #expect(next.first?.contains("7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d") == true)
        let evidence = try #require(first["evidence"] as? [[String: Any]])
        #expect(evidence.first?["line"] as? Int == 13)
        #expect(object["skipped"] as? [Any] != nil)
    }

    /// `scan DIR` reads every file below the folder and says what it skipped.
    @Test func aFolderIsScannedWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("apigw-triage-scan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("logs"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = try Data(contentsOf: URL(fileURLWithPath: Self.fixture("execution-log/cloudwatch-mixed-malformed.log")))
        try log.write(to: folder.appendingPathComponent("logs/execution.log"))
        try Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00]).write(to: folder.appendingPathComponent("bundle.zip"))
        try Data("HTTP/2 504\n\n{\"message\": \"Endpoint request timed out\"}\n".utf8).write(to: folder.appendingPathComponent("curl.txt"))

        let run = try Self.run(["scan", "--format", "json", folder.path])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let files = try #require(object["files"] as? [[String: Any]])
        #expect(files.compactMap { $0["kind"] as? String } == ["http-response", "execution-log"])
        let skipped = try #require(object["skipped"] as? [[String: String]])
        #expect(skipped.first?["path"]?.hasSuffix("bundle.zip") == true)
        #expect(skipped.first?["reason"]?.contains("binary") == true)
        let causes = (object["diagnoses"] as? [[String: Any]])?.compactMap { $0["cause"] as? String } ?? []
        #expect(causes.contains("lambda-response-format") && causes.contains("integration-timeout"))

        let text = try Self.run(["scan", folder.path])
        #expect(text.output.contains("Skipped in the folders given:"))
    }

    @Test func noFileIsAUsageError() throws {
        #expect(try Self.run(["scan"]).status == 2)
    }
}
