import Foundation
import Testing

/// Evidence through the binary: `--evidence` picks the branch and answers questions, and
/// secrets in evidence never reach the output.
@Suite("Evidence end to end")
struct EvidenceSessionTests {
    private func scenario(_ name: String, _ file: String) -> String {
        BinaryRunner.packageRoot.appendingPathComponent("Resources/scenarios/\(name)/\(file)").path
    }

    @Test func evidenceUpFrontStartsWhereItPointsAndSaysWhatAnsweredWhat() throws {
        // A 502 whose log shows the function's own timeout: the status, the API type and the log
        // question are answered by the file, so only the fix's facts are left.
        let log = scenario("reports-function-timeout", "execution.log")
        let home = try StateHome()
        defer { home.remove() }
        let result = try BinaryRunner.run(
            ["--plain", "--evidence", log], input: "skip all\n", environment: ["XDG_STATE_HOME": home.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("execution.log: API Gateway execution log"))
        #expect(result.stdout.contains("Skipped \"Status code\": 502 (known fact status (from"))
        #expect(result.stdout.contains("\nCause: lambda-timeout ("))
        #expect(result.stdout.contains("--function-name report-builder"), "the function name comes from the log")
    }

    /// `--evidence DIR`: the files below the folder start the session, as if named one by one.
    @Test func evidenceFromAFolderStartsWhereItsFilesPoint() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evidence-folder-\(UUID())")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("logs"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(contentsOf: URL(fileURLWithPath: scenario("reports-function-timeout", "execution.log")))
            .write(to: folder.appendingPathComponent("logs/execution.log"))
        try Data("collected by apigw-triage collect\n".utf8).write(to: folder.appendingPathComponent("MANIFEST"))
        let result = try BinaryRunner.run(
            ["--plain", "--evidence", folder.path], input: "skip all\n",
            environment: ["XDG_STATE_HOME": FileManager.default.temporaryDirectory.appendingPathComponent("e2e-\(UUID())").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("logs/execution.log: API Gateway execution log"))
        #expect(result.stderr.contains("MANIFEST: the collect script's MANIFEST"))
        #expect(!result.stderr.contains("not recognised"))
        #expect(result.stdout.contains("\nCause: lambda-timeout ("))
    }

    /// A curl 500 proves no cause, but it proves the status: the first question is answered by it.
    @Test func aStatusAloneAnswersTheStatusQuestionButNoCause() throws {
        let curl = BinaryRunner.packageRoot.appendingPathComponent("Tests/Fixtures/http-response/curl-i-http-500.txt").path
        let result = try BinaryRunner.run(
            ["--plain", "--evidence", curl], input: "",
            environment: ["XDG_STATE_HOME": FileManager.default.temporaryDirectory.appendingPathComponent("e2e-\(UUID())").path])
        #expect(result.stdout.contains("Skipped \"Status code\": 500 (known fact status (from"))
        #expect(!result.stdout.contains("\nCause: "))
    }

    @Test func aFileThatCannotBeReadIsReportedAndTheSessionGoesOn() throws {
        let home = try StateHome()
        defer { home.remove() }
        let result = try BinaryRunner.run(
            ["--plain", "--evidence", "/nonexistent/exec.log", "--start", "504"], input: "rest\n1\n\n1\nskip all\n",
            environment: ["XDG_STATE_HOME": home.path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("/nonexistent/exec.log"))
        #expect(result.stdout.contains("\nCause: integration-timeout ("))
    }

    @Test func scanMasksSecretsInTheLinesItShows() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scan-mask-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let key = "AKIAIOSFODNN7EXAMPLE"
        let jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzZWNyZXQtdXNlciJ9.c2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJl"
        // An access log whose format records the caller's credentials: the whole line is shown as evidence.
        let log = #"{"requestId":"c0ffee00-1111-4222-8333-944455556666","status":"500","integrationStatus":"-","integrationErrorMessage":"The IAM role configured on the integration or API Gateway doesn't have permissions to call the integration. Check the permissions and try again.","routeKey":"GET /orders","authorization":"Bearer "#
            + jwt + #"","accessKey":""# + key + #""}"# + "\n"
        let path = folder.appendingPathComponent("access.log").path
        try log.write(toFile: path, atomically: false, encoding: .utf8)
        for format in ["text", "json"] {
            let result = try BinaryRunner.run(["scan", path, "--format", format])
            #expect(result.status == 0)
            #expect(result.stdout.contains("lambda-invoke-permission"))
            #expect(!result.stdout.contains(key))
            #expect(!result.stdout.contains(jwt))
        }
        let unmasked = try BinaryRunner.run(["scan", path, "--format", "json", "--no-mask"])
        #expect(unmasked.stderr.contains("--no-mask"))
        // The secret-bearing line is among the lines shown, so the masked runs above prove something.
        #expect(unmasked.stdout.contains(key))
    }
}
