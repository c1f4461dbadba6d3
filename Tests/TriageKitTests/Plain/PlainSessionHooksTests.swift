import Foundation
import Testing

@testable import TriageKit
@testable import TriagePlain

/// Plain mode's autosave hook, `save PATH`, `copy N` and masking, on the fixture content.
@Suite struct PlainSessionHooksTests {
    let engine: Engine
    init() throws { engine = try FixtureSessions.engine() }

    /// Runs plain mode on scripted lines; returns the output and every state the hook saw.
    func run(_ lines: [String], evidence: [EvidenceReport] = [], hooks: PlainSessionHooks = .none)
        -> (output: String, outcome: PlainOutcome, saved: [SessionState])
    {
        final class Recorder: @unchecked Sendable { var states: [SessionState] = [] }
        let recorder = Recorder()
        var hooks = hooks
        let inner = hooks.stateChanged
        hooks.stateChanged = { state in
            recorder.states.append(state)
            inner(state)
        }
        var wizard = PlainWizard(
            engine: engine, state: engine.start(evidence: evidence), input: ScriptedInput(lines), output: CapturedOutput(),
            hooks: hooks)
        let outcome = wizard.run()
        return (wizard.output.text, outcome, recorder.states)
    }

    @Test func stateIsHandedOverAtTheStartAndAfterEveryChange() throws {
        let (_, outcome, saved) = run(["502", "logs/exec.log", "back", "skip"])
        #expect(outcome == .endOfInput)
        // start, 502, a path for the file question, back to it, skip it.
        #expect(saved.map(\.stepNumber) == [1, 2, 3, 2, 3])
        #expect(saved[2].path.last?.answer == "logs/exec.log")
        #expect(saved[4].path.last?.answer == "skip")
        #expect(saved.last?.current == .node("api-id"))
    }

    @Test func refusedAnswersSaveNothing() {
        let (output, _, saved) = run(["7", "maybe"])
        #expect(output.contains("! Choose a number from 1-3."))
        #expect(saved.count == 1)
    }

    @Test func saveWritesAReportOfTheCurrentState() {
        final class Calls: @unchecked Sendable { var list: [(String, Int)] = [] }
        let calls = Calls()
        let hooks = PlainSessionHooks(saveReport: { path, state in
            calls.list.append((path, state.stepNumber))
            return "Report saved to \(path)."
        })
        let (output, _, _) = run(["502", "save ~/ticket 42.md"], hooks: hooks)
        #expect(calls.list.count == 1)
        #expect(calls.list.first?.0 == "~/ticket 42.md")
        #expect(calls.list.first?.1 == 2)
        #expect(output.contains("Report saved to ~/ticket 42.md.\n"))
    }

    @Test func copySendsTheCommandThroughOSC52() throws {
        var terminal = PlainSessionHooks.none
        terminal.outputIsTerminal = true
        let (output, outcome, _) = run(FixtureSessions.answersWithoutEvidence + ["copy 1", "copy 3", "copy 9"], hooks: terminal)
        #expect(outcome == .finished)
        let first = "aws logs tail /aws/lambda/orders-handler --since 1h --region eu-west-1"
        let verify = "curl -i https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/prod/"
        #expect(output.contains("\u{1B}]52;c;\(Data(first.utf8).base64EncodedString())\u{07}sent command 1 to the clipboard (OSC 52)\n"))
        #expect(output.contains("\u{1B}]52;c;\(Data(verify.utf8).base64EncodedString())\u{07}sent command 3 to the clipboard (OSC 52)\n"))
        #expect(output.contains("There is no command 9; commands: 1, 2, 3.\n"))
    }

    @Test func copyIntoAFileOrPipeSendsNoEscapeAndPrintsTheCommand() {
        let (output, _, _) = run(FixtureSessions.answersWithoutEvidence + ["copy 1"])
        #expect(!output.contains("\u{1B}"))
        #expect(output.contains("nothing was sent to a clipboard; command 1 is:\naws logs tail /aws/lambda/orders-handler"))
    }

    @Test func saveAsksBeforeReplacingAFile() {
        var hooks = PlainSessionHooks(saveReport: { path, _ in "Report saved to \(path)." })
        hooks.fileExists = { $0 == "old.md" }
        let (kept, _, _) = run(FixtureSessions.answersWithoutEvidence + ["save old.md", "n"], hooks: hooks)
        #expect(kept.contains("old.md already exists. Overwrite it? [y/N] Not saved; old.md is unchanged.\n"))
        let (replaced, _, _) = run(FixtureSessions.answersWithoutEvidence + ["save old.md", "y"], hooks: hooks)
        #expect(replaced.contains("Report saved to old.md."))
        hooks.overwriteAllowed = true
        let (forced, _, _) = run(FixtureSessions.answersWithoutEvidence + ["save old.md"], hooks: hooks)
        #expect(!forced.contains("Overwrite it?"))
        #expect(forced.contains("Report saved to old.md."))
    }

    @Test func copyBeforeTheFixSaysWhenItWorks() {
        let (output, _, _) = run(["502", "copy 1"])
        #expect(output.contains("There are no commands yet: 'copy N' works on the fix screen.\n"))
    }

    @Test func everyCommandStandsAloneOnItsLine() throws {
        let (output, _, saved) = run(FixtureSessions.answersWithoutEvidence)
        let state = try #require(saved.last)
        guard case .outcome(let fix) = engine.screen(for: state).body else {
            Issue.record("the script should reach the fix")
            return
        }
        let lines = Set(output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        #expect(fix.commands.count == 3)
        for command in fix.commands {
            #expect(lines.contains(command), "not on a line of its own: \(command)")
        }
    }

    @Test func evidenceOnTheFixScreenIsMaskedUnlessMaskingIsOff() throws {
        let evidence = [try FixtureSessions.executionLogReport()]
        let masked = run(FixtureSessions.answersWithEvidence, evidence: evidence).output
        #expect(masked.contains("execution.log:6: "))
        for secret in SecretMaskerCorpusTests.planted {
            #expect(SecretMaskerCorpusTests.survivingPiece(of: secret, in: masked) == nil, "\(secret)")
        }
        let unmasked = run(FixtureSessions.answersWithEvidence, evidence: evidence, hooks: PlainSessionHooks(masker: .disabled)).output
        #expect(unmasked.contains("x-api-key=PlantedApiKeyV4b5N6m7Q8w9E0rTGHIJ"))
    }

    @Test func scriptedSessionSavesAReportWithEverySecretMasked() throws {
        let folder = try TemporaryFolder("plain-report")
        defer { folder.remove() }
        let writer = ReportWriter(engine: engine, masker: .standard)
        let hooks = PlainSessionHooks(saveReport: { path, state in
            (try? writer.write(state, date: FixtureSessions.date, to: path)).map { _ in "saved \(path)" } ?? "failed"
        })
        let markdown = folder.path + "/ticket.md"
        let json = folder.path + "/ticket.json"
        let (output, _, _) = run(
            FixtureSessions.answersWithEvidence + ["save \(markdown)", "save \(json)"],
            evidence: [try FixtureSessions.executionLogReport()], hooks: hooks)
        #expect(output.contains("saved \(markdown)"))
        for path in [markdown, json] {
            let report = try String(contentsOfFile: path, encoding: .utf8)
            #expect(report.contains("lambda-response-format"))
            for secret in SecretMaskerCorpusTests.planted {
                #expect(SecretMaskerCorpusTests.survivingPiece(of: secret, in: report) == nil, "\(path): \(secret)")
            }
        }
    }

    @Test func commandWordsParse() {
        #expect(PlainCommand("save report.md") == .save("report.md"))
        #expect(PlainCommand("SAVE  /tmp/a b.md ") == .save("/tmp/a b.md"))
        #expect(PlainCommand("copy 2") == .copy(2))
        #expect(PlainCommand("save") == .answer("save"))
        #expect(PlainCommand("copy two") == .answer("copy two"))
    }
}
