import Foundation
import Testing

/// The full-screen wizard where evidence meets the answers (issue 13, items 1 and 2), with the
/// real content: a log with 502s on one route and 504s on another asks which failure, Back after
/// the evidence goes to what it answered, and a contradicted status is a note `u` settles.
///
/// Needs tmux (`apt-get install -y tmux`); skipped with a message when it is missing.
extension TUITmuxTests {
@Suite struct EvidenceAgreementTmuxTests {
    static let content = WrappedRun.packageRoot + "/Content"
    static func fixture(_ path: String) -> String { WrappedRun.packageRoot + "/Tests/Fixtures/" + path }

    /// Runs the wizard with its own state folder, removed afterwards.
    private func withRun(_ arguments: [String], _ body: (WrappedRun) throws -> Void) throws {
        let state = NSTemporaryDirectory() + "apigw-tmux-state-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: state) }
        let run = try WrappedRun(arguments: arguments, environment: ["XDG_STATE_HOME": state], content: Self.content)
        try body(run)
    }

    @Test func aMixedLogAsksWhichFailureAndBackAfterEvidenceReturnsToIt() throws {
        try withRun(["--evidence", Self.fixture("execution-log/cloudwatch-mixed-502-504.log")]) { run in
            let tmux = run.tmux
            let asked = try tmux.waitFor("Which failure are you troubleshooting?")
            #expect(asked.contains("▶ 1. 502 on POST /orders, 3 requests, first 10:02:11Z"))
            #expect(asked.contains("2. 504 on GET /reports/{id}, 2 requests, first 10:05:40Z"))
            #expect(!asked.contains("previous answer"))
            try tmux.send("2")
            // The ids the fix needs (one form): the facts are the 504's route, not the 502's.
            // Only the resource id: the 504's route calls an HTTP backend, so no Lambda id is asked.
            let fact = try tmux.waitFor("Ids for the fix · 1 of 1")
            #expect(fact.contains("status=504"))
            #expect(!fact.contains("function_name="))
            #expect(fact.contains("resource_path=/reports/r-2291"))
            #expect(!fact.contains("resource_path=/orders"))
            // Back goes to the failure question (the evidence's answers after it are undone too), not "quit?".
            try tmux.send("Escape")
            let back = try tmux.waitFor("the failure question again, the 504 marked") { screen in
                screen.contains("Which failure are you troubleshooting?") && screen.contains("▶ 2. 504 on GET /reports/{id}")
            }
            #expect(!back.contains("Quit"))
            try tmux.send("q")
            try run.waitForExit()
        }
    }

    @Test func backOnTheFirstQuestionAfterEvidenceGoesToWhatTheEvidenceAnswered() throws {
        try withRun(["--evidence", Self.fixture("execution-log/cloudwatch-network-error.log")]) { run in
            let tmux = run.tmux
            try tmux.waitFor("Does the failing integration go through a VPC link")
            try tmux.send("Escape")
            let back = try tmux.waitFor("the evidence-answered question before it") { screen in
                !screen.contains("go through a VPC link") && screen.contains("Can you point me at the execution log")
            }
            // Asked, with the file the evidence gave offered again.
            #expect(back.contains("cloudwatch-network-error.log"))
            #expect(!back.contains("Quit"))
            try tmux.send("C-c")
            try run.waitForExit()
        }
    }

    @Test func aContradictedStatusIsANoteAndUTakesTheEvidences() throws {
        try withRun(["--start", "500", "--evidence", Self.fixture("execution-log/cloudwatch-function-error.log")]) { run in
            let tmux = run.tmux
            let noted = try tmux.waitFor("! The evidence shows 502")
            #expect(noted.contains("(cloudwatch-function-error.log), you said 500"))
            #expect(noted.contains("Press u to use the evidence's."))
            #expect(noted.contains("u use evidence"))
            try tmux.send("u")
            try tmux.waitFor("Fix: Find and fix the error inside the Lambda function")
            try tmux.send("Escape")
            let back = try tmux.waitFor("What status code does the client get back from the API?")
            #expect(back.contains("▶  1. 500 Internal Server Error (previous answer)"))
            try tmux.send("C-c")
            try run.waitForExit()
        }
    }
}
}
