import Foundation

@testable import TriageKit
@testable import TriagePlain

/// Every output channel a scanned file reaches, rendered to text: scan text and JSON, the plain
/// wizard's screens, the Markdown and JSON reports, and the saved session file.
enum OutputChannels {
    static func all(for reports: [EvidenceReport]) throws -> [(channel: String, text: String)] {
        let summary = ScanSummary(reports: reports)
        var outputs: [(String, String)] = [
            ("scan text", ScanText.render(summary, titles: [:])),
            ("scan JSON", try JSONOutputText.encode(summary)),
        ]
        let engine = try FixtureSessions.engine()
        let state = engine.start(evidence: reports)
        var wizard = PlainWizard(
            engine: engine, state: state, input: ScriptedInput(["facts", "502", "facts", "skip all", "quit"]),
            output: CapturedOutput())
        _ = wizard.run()
        outputs.append(("plain screens", wizard.output.text))
        // As far as the answers go: evidence may answer some questions itself.
        var finished = state
        for answer in FixtureSessions.answersWithoutEvidence {
            guard let next = try? engine.apply(.answer(answer), to: finished) else { break }
            finished = next
        }
        let writer = ReportWriter(engine: engine, masker: .standard)
        outputs.append(("Markdown report", try writer.render(finished, date: FixtureSessions.date, format: .markdown)))
        outputs.append(("JSON report", try writer.render(finished, date: FixtureSessions.date, format: .json)))
        outputs.append(("saved session", try savedSession(finished, engine: engine)))
        return outputs
    }

    struct NoSessionWritten: Error {}

    /// The bytes `SessionAutosave` writes for `state`, as text.
    static func savedSession(_ state: SessionState, engine: Engine) throws -> String {
        let folder = try TemporaryFolder("secret-channels")
        defer { folder.remove() }
        let store = SessionStore(folder: folder.path)
        let id = "20261203-101500-ab12"
        let autosave = SessionAutosave(store: store, id: id, created: FixtureSessions.date, engine: engine, masker: .standard)
        if try !autosave.save(state, at: FixtureSessions.date) {
            // Autosave waits for a first answer; write what it would write, through the same store.
            try store.save(SavedSession(
                id: id, created: FixtureSessions.date, updated: FixtureSessions.date, finished: false,
                summary: SessionAutosave.summary(of: state, engine: engine), state: SecretMasker.standard.mask(state)))
        }
        let names = folder.names().filter { $0.hasSuffix(".json") }
        guard !names.isEmpty else { throw NoSessionWritten() }
        return try names.map { try String(contentsOfFile: folder.path + "/" + $0, encoding: .utf8) }.joined(separator: "\n")
    }
}
