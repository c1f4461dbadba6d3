import TriageKit

/// A one-line message under the answer area: what just happened, in words.
struct StatusMessage: Equatable, Sendable {
    enum Tone: Equatable, Sendable {
        case info, success, error
    }

    var text: String
    var tone: Tone
}

/// A question the wizard asks before doing something that cannot be undone.
enum Confirmation: Equatable, Sendable {
    /// Quit while answers would be lost; `firstQuestion` when reached by going back from the start.
    case quit(firstQuestion: Bool)
    case restart
    /// Saving over an existing file.
    case overwrite(path: String)
    /// Saving the collect script over an existing file.
    case overwriteScript(path: String, script: String)
}

/// A small path prompt over the screen: where to save the fix, or which file to add as evidence.
struct PathPrompt: Equatable, Sendable {
    enum Purpose: Equatable, Sendable {
        case save, addEvidence
        /// Where to save the collect script (`C`), which it carries.
        case saveScript(script: String)
    }

    var purpose: Purpose
    var field: TextField
    var completions: [String] = []
    var message: StatusMessage?
}

/// What is drawn over the current screen, taking the keys until it closes.
enum Overlay: Equatable, Sendable {
    case help(top: Int)
    /// The whole tree as an outline (`m`), with the path and the current position marked.
    case map(lines: [String], top: Int)
    case confirm(Confirmation)
    case prompt(PathPrompt)
    /// The read-only collect script filled from the session's facts (`C`), with the file name
    /// `s` offers to save it as.
    case collect(script: String, fileName: String, top: Int)
}

/// Everything the full-screen front end shows beyond the engine's `ScreenModel`: selection, typed
/// text, scroll positions, dialogs and messages. The controller changes it; the renderer draws it.
struct UIState: Equatable, Sendable {
    var size: TerminalSize
    /// The highlighted choice (yes/no: 0 yes, 1 no).
    var selection = 0
    /// The first choice shown when the list scrolls (the renderer keeps the selection in view).
    var choiceTop = 0
    /// Choice lists: what was typed after `/` to filter the list (nil when not filtering).
    var filter: TextField?
    /// Digits typed on a list of more than 9 choices, waiting briefly for another digit or Enter.
    var pendingNumber = ""
    /// The answer being typed on input and file questions.
    var field = TextField()
    /// The ids form: one field per id the fix still needs, and the one being typed in.
    var formFields: [TextField] = []
    var formFocus = 0
    /// Names Tab found when several match, shown under the path.
    var completions: [String] = []
    /// Why the last answer was refused, shown under the answer.
    var validation: String?
    /// What the file given at a file question turned out to be, when it did not answer the question.
    var detection: String?
    /// The path `detection` describes (Enter again on it goes on with that file).
    var detectedPath: String?
    /// Outcome screen: the first line of the document shown, and the selected copyable item.
    var documentTop = 0
    var selectedCopy = 0
    var overlay: Overlay?
    var status: StatusMessage?
    /// The evidence panel (`e` toggles it); shown when there is evidence to show.
    var showsEvidence = true

    init(size: TerminalSize) {
        self.size = size
    }
}
