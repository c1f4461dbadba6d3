import Foundation
import Testing

/// The command line's surface (issue 13 item 7): top-level help, scan into a pipe, no OSC 52 in
/// redirected plain output, and reports that do not overwrite files unasked.
@Suite struct CLISurfaceTests {
    @Test func topLevelHelpShowsTheWizardsOptionsAndExamples() throws {
        let home = try StateHome()
        defer { home.remove() }
        let help = try TriageBinary.run(["--help"], stateHome: home.path).stdout
        for option in ["--evidence", "--plain", "--start", "--resume", "--fact", "--report"] {
            #expect(help.contains(option), "top-level help names \(option)")
        }
        #expect(help.contains("EXAMPLES:"))
        #expect(help.contains("$ apigw-triage --start 502 --evidence execution.log"))
    }

    @Test func scanIntoAPipeKeepsWholeLines() throws {
        let log = ScanCommandTests.fixture("execution-log/cloudwatch-function-error.log")
        let run = try ScanCommandTests.run(["scan", log])
        #expect(!run.output.contains("…"), "lines are not cut when stdout is not a terminal:\n\(run.output)")
        #expect(run.output.split(separator: "\n").contains { $0.count > 80 })
    }

    @Test func copyInRedirectedPlainModeSendsNoEscape() throws {
        let home = try StateHome()
        defer { home.remove() }
        let result = try TriageBinary.run(
            ["--plain", "--content", TriageBinary.fixtureContent], input: ReportCommandLineTests.fullSession + "copy 1\n\n",
            stateHome: home.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("\u{1B}"), "no escape sequence in redirected output")
        #expect(result.stdout.contains("nothing was sent to a clipboard; command 1 is:"))
    }

    @Test func reportRefusesToOverwriteWithoutForce() throws {
        let home = try StateHome()
        defer { home.remove() }
        let report = home.path + "/ticket.md"
        try Data("keep me\n".utf8).write(to: URL(fileURLWithPath: report))
        let refused = try TriageBinary.run(
            ["--plain", "--content", TriageBinary.fixtureContent, "--report", report], input: ReportCommandLineTests.fullSession + "\n",
            stateHome: home.path)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("\(report) already exists; add --force to overwrite it"))
        #expect(try String(contentsOfFile: report, encoding: .utf8) == "keep me\n")
        let forced = try TriageBinary.run(
            ["--plain", "--content", TriageBinary.fixtureContent, "--report", report, "--force"],
            input: ReportCommandLineTests.fullSession + "\n", stateHome: home.path)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOfFile: report, encoding: .utf8).hasPrefix("# API Gateway 5xx triage"))
    }

    @Test func saveAsksBeforeOverwriting() throws {
        let home = try StateHome()
        defer { home.remove() }
        let report = home.path + "/ticket.md"
        try Data("keep me\n".utf8).write(to: URL(fileURLWithPath: report))
        let kept = try TriageBinary.run(
            ["--plain", "--content", TriageBinary.fixtureContent],
            input: ReportCommandLineTests.fullSession + "save \(report)\nn\n\n", stateHome: home.path)
        #expect(kept.stdout.contains("\(report) already exists. Overwrite it? [y/N] "))
        #expect(kept.stdout.contains("Not saved; \(report) is unchanged."))
        #expect(try String(contentsOfFile: report, encoding: .utf8) == "keep me\n")
        let replaced = try TriageBinary.run(
            ["--plain", "--content", TriageBinary.fixtureContent],
            input: ReportCommandLineTests.fullSession + "save \(report)\ny\n\n", stateHome: home.path)
        #expect(replaced.stdout.contains("Report saved to \(report)"))
        #expect(try String(contentsOfFile: report, encoding: .utf8).hasPrefix("# API Gateway 5xx triage"))
    }
}
