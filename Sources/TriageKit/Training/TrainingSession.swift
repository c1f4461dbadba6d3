/// A training run: one scenario, the evidence files it offers, and what inspecting them gave.
///
/// The front end owns the wizard's `SessionState` and drives the engine as usual; this type adds
/// what training needs around it — finding an offered file from what the trainee typed, loading
/// it as evidence, and judging the outcome (`verdict`). Plain mode and the TUI both use it.
/// Files are offered, never loaded up front: the trainee decides what to look at and when.
public struct TrainingSession: Sendable {
    public let scenario: Scenario
    public let files: [OfferedFile]
    public let inspection: EvidenceInspection
    /// Reports by path, so a file is inspected once however often it is loaded or judged.
    private var reports: [String: EvidenceReport] = [:]

    public init(scenario: Scenario, files: [OfferedFile], inspection: EvidenceInspection) {
        self.scenario = scenario
        self.files = files
        self.inspection = inspection
    }

    /// An offered file by list number, name or path (as the trainee may type any of them).
    public func file(_ reference: String) -> OfferedFile? {
        let text = reference.trimmedOfWhitespace()
        if let number = Int(text) { return files.first { $0.number == number } }
        return files.first { $0.name == text || $0.path == text }
    }

    public func isLoaded(_ file: OfferedFile, in state: SessionState) -> Bool {
        state.evidence.contains { $0.path == file.path }
    }

    /// The file's report, inspecting it the first time.
    public mutating func report(for file: OfferedFile) -> EvidenceReport {
        if let known = reports[file.path] { return known }
        let report = inspection.inspect(file.path)
        reports[file.path] = report
        return report
    }

    /// Adds the file to the session's evidence; questions it answers are then skipped.
    public mutating func load(_ file: OfferedFile, into state: SessionState, engine: Engine) -> SessionState {
        // Adding evidence is never refused by the engine.
        (try? engine.apply(.addEvidence(report(for: file)), to: state)) ?? state
    }

    /// Answers the current file question with an offered file: loads it and, when the evidence
    /// did not settle the question by itself (its kind is not one the question wants, or it was
    /// not recognised), gives the file's path as the answer.
    public mutating func answer(
        with file: OfferedFile, in state: SessionState, engine: Engine
    ) throws(SessionError) -> SessionState {
        let question = state.current
        let loaded = load(file, into: state, engine: engine)
        guard loaded.current == question else { return loaded }
        return try engine.apply(.answer(file.path), to: loaded)
    }
}
