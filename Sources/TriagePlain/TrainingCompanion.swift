import TriageKit

/// Training in plain mode: the wizard plus the scenario's offered files and, at the end, the verdict.
///
/// Commands it adds: `files` (what is offered, what is loaded, where the files are), `load N`
/// (load a file as evidence at any point), `story` (the ticket again). At a file question,
/// typing an offered file's number or name answers the question with that file.
public struct TrainingCompanion: PlainCompanion {
    public private(set) var session: TrainingSession
    private let width: Int

    public init(session: TrainingSession, width: Int = 78) {
        self.session = session
        self.width = width
    }

    public var helpLines: [String] {
        [
            "  files       the scenario's files, which are loaded, and where they are on disk",
            "  load N      load file N (number or name) as evidence; at a file question, just type N",
            "  story       the scenario's story again",
        ]
    }

    public mutating func handle(_ line: String, state: SessionState, engine: Engine) -> PlainCompanionReply? {
        let text = line.trimmingSpaces
        let lower = text.lowercased()
        if lower == "files" { return PlainCompanionReply(output: TrainingText.files(session, state: state, width: width)) }
        if lower == "story" { return PlainCompanionReply(output: TrainingText.story(session.scenario, width: width)) }
        if lower.hasPrefix("load ") {
            let reference = String(text.dropFirst(5)).trimmingSpaces
            guard let file = session.file(reference) else {
                return PlainCompanionReply(output: "! No offered file '\(reference)'. Type 'files' for the list.\n")
            }
            let next = session.load(file, into: state, engine: engine)
            let output = TrainingText.loaded(file, report: session.report(for: file), width: width)
            // The evidence is kept either way; the screen changes only if it answered the question.
            return PlainCompanionReply(output: output, state: next, redraw: next.current != state.current)
        }
        // A file question takes a path; an offered file's number or name stands for its path.
        guard case .node(let id) = state.current, engine.tree.node(id)?.kind == .file,
            !AnswerParser.skipWords.contains(lower), let file = session.file(text)
        else { return nil }
        do {
            let next = try session.answer(with: file, in: state, engine: engine)
            return PlainCompanionReply(
                output: TrainingText.loaded(file, report: session.report(for: file), width: width), state: next, redraw: true)
        } catch {
            return PlainCompanionReply(output: "! \(error.description)\n")
        }
    }

    public mutating func afterOutcome(_ state: SessionState, engine: Engine) -> String? {
        session.verdict(for: state, engine: engine).map { TrainingText.verdict($0, width: width) }
    }
}
