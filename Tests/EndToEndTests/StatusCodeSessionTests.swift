import Foundation
import Testing

/// One scripted plain session per status code on the built-in content, as a script would run it:
/// answers piped in, one per line, ending with "skip all" where the fix asks for facts.
@Suite("Status-code sessions on the built-in content")
struct StatusCodeSessionTests {
    /// Runs the binary from a folder with no Content/ beside it, so only the embedded tree can answer.
    private func session(_ answers: [String], arguments: [String] = []) throws -> BinaryRunner.Result {
        try BinaryRunner.run(["--plain"] + arguments, input: answers.joined(separator: "\n") + "\n", workingDirectory: FileManager.default.temporaryDirectory.path)
    }

    private func expectFix(_ result: BinaryRunner.Result, cause: String) {
        #expect(result.status == 0, "exit \(result.status): \(result.stderr)")
        #expect(result.stdout.contains("\nCause: \(cause) ("), "no fix for \(cause) in:\n\(result.stdout.suffix(600))")
    }

    @Test func a500WithInvalidPermissionsEndsOnTheInvokePermissionFix() throws {
        // status, API type, no log file, the "Invalid permissions" line, no authorizer line, no stage variable
        let result = try session(["500", "rest", "1", "", "5", "n", "n", "n", "skip all"])
        expectFix(result, cause: "lambda-invoke-permission")
        #expect(result.stdout.contains("\naws lambda add-permission --function-name <function-name> "))
    }

    @Test func a502WithAThrottleBodyEndsOnTheThrottlingFix() throws {
        // status, API type, no log file, "Malformed Lambda proxy response", a Lambda throttle body
        expectFix(try session(["502", "rest", "1", "", "1", "1", "skip all"]), cause: "backend-throttling")
    }

    @Test func anHTTPAPI503ThatTookThirtySecondsIsATimeout() throws {
        expectFix(try session(["503", "http", "", "1", "skip all"]), cause: "integration-timeout")
    }

    @Test func a504WithTheTimeoutLineIsAnIntegrationTimeoutWithFactsFilled() throws {
        let facts = ["--fact", "api_id=a1b2c3d4e5", "--fact", "stage=prod", "--fact", "region=eu-west-1"]
        let result = try session(["504", "rest", "1", "", "1", "skip all"], arguments: facts)
        expectFix(result, cause: "integration-timeout")
        #expect(result.stdout.contains("API-Gateway-Execution-Logs_a1b2c3d4e5/prod"))
        #expect(!result.stdout.contains("<api-id>"))
    }

    @Test func startJumpsStraightIntoTheBranch() throws {
        let result = try session(["rest", "1", "", "1", "skip all"], arguments: ["--start", "504"])
        expectFix(result, cause: "integration-timeout")
        #expect(result.stdout.contains("Path: Status code: 504 > API type: rest"))
    }
}
