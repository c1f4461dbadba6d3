import Foundation
import Testing

@testable import TriageKit
@testable import TriagePlain

/// Escape sequences and bidi overrides from files never reach a terminal or a document raw: each
/// text channel shows them as escapes, JSON escapes them, and only the copy command sends OSC 52.
@Suite struct ControlCharacterTests {
    static let osc52 = "\u{1B}]52;c;aGFja2Vk\u{07}"
    static let retitle = "\u{1B}]0;pwned\u{07}"
    static let hostile = "evil \(osc52)\(retitle)\u{9B}31m \u{202E}gnp.exe\u{2066} \u{7F}"

    /// Whether a text holds any raw control character besides line ends and tabs.
    static func hasRawControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { VisibleText.isUnsafe($0) && $0 != "\n" && $0 != "\t" }
    }

    @Test func visibleTextEscapesEveryControl() {
        #expect(VisibleText.visible("a\u{1B}[2Jb") == "a\\x1b[2Jb")
        #expect(VisibleText.visible("x\u{202E}y\u{2069}") == "x\\u202ey\\u2069")
        #expect(VisibleText.visible("n\nl\tt\u{7F}\u{85}") == "n\\x0al\\x09t\\x7f\\x85")
        #expect(VisibleText.visibleLines("one\ntwo\u{1B}\r\nthree\tx") == "one\ntwo\\x1b\r\nthree\tx")
        #expect(VisibleText.visible("plain é 日本") == "plain é 日本")
    }

    @Test func jsonOutputEscapesWhatTheEncoderLeavesRaw() throws {
        let json = try JSONOutputText.encode(["text": Self.hostile])
        #expect(!Self.hasRawControl(json))
        #expect(json.contains("\\u001b]52;c;"))
        #expect(json.contains("\\u202e"))
        #expect(json.contains("\\u009b"))
        let decoded = try JSONDecoder().decode([String: String].self, from: Data(json.utf8))
        #expect(decoded["text"] == Self.hostile)
    }

    /// A report as a hostile file and file name would give it.
    static func hostileReport(path: String) -> EvidenceReport {
        EvidenceReport(
            path: path, kind: "execution-log", description: "API Gateway execution log \(hostile)", lines: 2, requests: 1,
            failed: 1,
            findings: [
                Finding(
                    cause: "lambda-response-format", status: 502, confidence: .high,
                    evidence: [EvidenceLine(file: path, line: 2, text: "(r1) Execution failed: \(hostile)")],
                    facts: ["function_name": "fn\u{1B}[31m"], summary: "summary \(hostile)")
            ],
            facts: ["api_id": "a1b2c3d4e5", "stage": "prod\(osc52)"], problems: ["\(path): problem \(hostile)"])
    }

    static let hostileName = "/tmp/evil\u{1B}]0;title\u{07}\nFAKE LINE.log"

    @Test func scanTextShowsEscapes() {
        let text = ScanText.render(ScanSummary(reports: [Self.hostileReport(path: Self.hostileName)]), titles: [:])
        #expect(!Self.hasRawControl(text))
        #expect(text.contains("\\x1b]52;c;"))
        #expect(text.contains("\\u202e"))
        // The file name's newline does not start a line of its own.
        #expect(!text.split(separator: "\n").contains { $0.hasPrefix("FAKE LINE") })
        #expect(text.contains("\\x0aFAKE LINE.log"))
    }

    /// Found by apigw-fuzz (seed 1, run 1117): a status-only capture spliced with tab-separated
    /// `filter-log-events --output text` lines. Its lines are quoted under "undetermined" and in the
    /// timeline, which the visible pass once skipped.
    @Test func undeterminedAndTimelineLinesShowEscapes() throws {
        let text = """
            HTTP/1.1 502 Bad Gateway\r
            content-type: application/json\r
            \r
            {"message": "Internal server error"}
            EVENTS\t17365\u{1B}]0;pwned\u{07}\t(8b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e) Method completed with status: 502\t1736507087982
            """
        let summary = try EvidenceTestSupport.withTemporaryDirectory { folder in
            let path = try EvidenceTestSupport.write(Data(text.utf8), named: "capture.txt", in: folder)
            return ScanSummary(reports: [EvidenceScanner().scan(path)])
        }
        #expect(!summary.undetermined.isEmpty || !summary.timeline.isEmpty || !summary.diagnoses.isEmpty)
        let rendered = ScanText.render(summary, titles: [:])
        #expect(!rendered.unicodeScalars.contains { VisibleText.isUnsafe($0) && $0 != "\n" })
        #expect(rendered.contains("\\x1b]0;pwned"))
    }

    @Test func scanJSONEscapes() throws {
        let json = try JSONOutputText.encode(ScanSummary(reports: [Self.hostileReport(path: Self.hostileName)]))
        #expect(!Self.hasRawControl(json))
        #expect(json.contains("\\u001b"))
    }

    @Test func markdownAndJSONReportsEscape() throws {
        let engine = try FixtureSessions.engine()
        var state = engine.start(evidence: [Self.hostileReport(path: Self.hostileName)])
        // As far as the answers go: the report's facts answer some questions themselves.
        for answer in FixtureSessions.answersWithoutEvidence {
            guard let next = try? engine.apply(.answer(answer), to: state) else { break }
            state = next
        }
        let writer = ReportWriter(engine: engine, masker: .standard)
        let markdown = try writer.render(state, date: FixtureSessions.date, format: .markdown)
        #expect(!Self.hasRawControl(markdown))
        #expect(markdown.contains("\\x1b"))
        #expect(!markdown.split(separator: "\n").contains { $0.hasPrefix("FAKE LINE") })
        let json = try writer.render(state, date: FixtureSessions.date, format: .json)
        #expect(!Self.hasRawControl(json))
    }

    @Test func savedSessionFileEscapes() throws {
        let engine = try FixtureSessions.engine()
        let state = engine.start(evidence: [Self.hostileReport(path: Self.hostileName)])
        let text = try OutputChannels.savedSession(state, engine: engine)
        #expect(!text.isEmpty)
        #expect(!Self.hasRawControl(text))
    }

    @Test func plainWizardShowsEscapesAndCopySendsItsOwnOSC52() throws {
        let engine = try FixtureSessions.engine()
        let state = engine.start(evidence: [Self.hostileReport(path: Self.hostileName)])
        var wizard = PlainWizard(
            engine: engine, state: state, input: ScriptedInput(["facts", "quit"]), output: CapturedOutput())
        _ = wizard.run()
        #expect(!Self.hasRawControl(wizard.output.text))
        #expect(wizard.output.text.contains("\\x1b"))

        // The copy command is the one place plain mode sends an escape sequence on purpose.
        var finished = try FixtureSessions.run(FixtureSessions.answersWithoutEvidence, engine: engine)
        finished.evidence = [Self.hostileReport(path: Self.hostileName)]
        // (To a terminal: into a file or a pipe plain mode sends no escape at all.)
        var terminal = PlainSessionHooks.none
        terminal.outputIsTerminal = true
        var copying = PlainWizard(
            engine: engine, state: finished, input: ScriptedInput(["copy 1", "quit"]), output: CapturedOutput(), hooks: terminal)
        _ = copying.run()
        let sequences = copying.output.text.components(separatedBy: "\u{1B}]52;c;").count - 1
        #expect(sequences == 1)
        #expect(!copying.output.text.contains(Self.osc52))
    }
}
