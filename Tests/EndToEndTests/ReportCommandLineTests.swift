import Foundation
import Testing

/// `--report`, `--report-format`, `save PATH` and `--no-mask`, through the binary.
@Suite struct ReportCommandLineTests {
    static let fullSession = "502\nskip\na1b2c3d4e5\ny\norders-handler\neu-west-1\n\nprod\n"

    @Test func reportIsWrittenWhenTheWizardEnds() throws {
        let home = try StateHome()
        defer { home.remove() }
        let report = home.path + "/ticket.md"
        let result = try TriageBinary.run(
            ["--plain", "--content", TriageBinary.fixtureContent, "--report", report], input: Self.fullSession + "\n",
            stateHome: home.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Report saved to \(report) (Markdown, secrets masked)."))
        let text = try String(contentsOfFile: report, encoding: .utf8)
        #expect(text.hasPrefix("# API Gateway 5xx triage: Return a valid Lambda proxy response\n"))
        #expect(text.contains("- Tool: apigw-triage "))
        #expect(text.contains(", content fixture-1\n"))
        #expect(text.contains("3. API id: What is the API id?  \n   Answer: `a1b2c3d4e5` (you)\n"))
        #expect(text.contains("```sh\naws logs tail /aws/lambda/orders-handler --since 1h --region eu-west-1\n```"))
        #expect(text.contains("CloudWatch Logs Insights, log group `API-Gateway-Execution-Logs_a1b2c3d4e5/prod`:"))
    }

    @Test func jsonReportForTicketSystems() throws {
        let home = try StateHome()
        defer { home.remove() }
        let report = home.path + "/ticket.txt"
        let result = try TriageBinary.run(
            ["--plain", "--content", TriageBinary.fixtureContent, "--report", report, "--report-format", "json"],
            input: Self.fullSession, stateHome: home.path)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any])
        #expect(json["contentVersion"] as? String == "fixture-1")
        #expect(json["finished"] as? Bool == true)
        #expect((json["outcome"] as? [String: Any])?["cause"] as? String == "lambda-response-format")
        #expect((json["path"] as? [Any])?.count == 8)
    }

    @Test func unfinishedSessionStillGetsItsReport() throws {
        let home = try StateHome()
        defer { home.remove() }
        let report = home.path + "/partial.md"
        let result = try TriageBinary.run(
            ["--plain", "--content", TriageBinary.fixtureContent, "--report", report], input: "502\n", stateHome: home.path)
        #expect(result.status == 2)
        #expect(try String(contentsOfFile: report, encoding: .utf8).contains("- Outcome: not reached; the session stopped at step 2"))
        #expect(result.stdout.contains("is saved; continue it with: apigw-triage --resume "))
    }

    @Test func saveWritesAReportMidSession() throws {
        let home = try StateHome()
        defer { home.remove() }
        let result = try TriageBinary.run(
            ["--plain", "--content", TriageBinary.fixtureContent], input: "502\nsave ~/mid.json\nquit\n", stateHome: home.path)
        #expect(result.stdout.contains("Report saved to \(home.path)/mid.json (JSON, secrets masked)."))
        #expect(FileManager.default.fileExists(atPath: home.path + "/mid.json"))
    }

    @Test func noMaskWarns() throws {
        let home = try StateHome()
        defer { home.remove() }
        let result = try TriageBinary.run(
            ["--plain", "--content", TriageBinary.fixtureContent, "--no-mask"], input: "quit\n", stateHome: home.path)
        #expect(result.stderr.contains("warning: --no-mask: secrets found in evidence are shown and written as they are."))
    }

    @Test func sessionIDWithoutResumeIsAUsageError() throws {
        let home = try StateHome()
        defer { home.remove() }
        let result = try TriageBinary.run(["--plain", "bogus"], stateHome: home.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("only --resume takes an argument"))
    }
}
