import TriageKit

/// Everything one frame shows: the engine's screen model, the UI state, the files given and the theme.
struct WizardView: Sendable {
    var screen: ScreenModel
    var ui: UIState
    var evidence: [EvidenceReport]
    var theme: Theme
    /// Training: the scenario's files, kept in view so the trainee can load them by number.
    var offeredFiles: [OfferedFile] = []
    /// Learn mode: how the latest answers moved the session, shown above the why text.
    var routeNotes: [String] = []
    /// The saved session's id, named in the quit dialog's resume command.
    var sessionID: String?
}

/// One drawn frame: the cells, where the text cursor goes (nil hides it), and what the layout
/// turned out to be.
struct RenderedScreen: Sendable {
    var grid: CellGrid
    var cursor: (row: Int, column: Int)?
    var feedback: LayoutFeedback
}

extension WizardController {
    func view(theme: Theme) -> WizardView {
        WizardView(
            screen: screen, ui: ui, evidence: evidence, theme: theme, offeredFiles: services.offeredFiles,
            routeNotes: explain ? engine.routeNotes(for: state).map(\.sentence) : [], sessionID: services.sessionID)
    }
}
