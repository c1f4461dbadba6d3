import TriageKit

/// Turns keys into engine events and UI changes; owns the session while the full screen is up.
///
/// Pure apart from the injected `WizardServices`: no curses, no clock, no global state, so tests
/// drive it with key sequences and read back the events it sent and the state it reached.
/// - Keys go to the open overlay first (help, a confirmation, a path prompt), then to the screen:
///   a question (by kind) or the outcome.
/// - After every event the engine accepts, the answer widgets are reset from the new question
///   (its previous answer pre-filled after Back).
/// - A refused answer leaves the state as it was and shows the engine's reason under the answer.
struct WizardController {
    let engine: Engine
    let services: WizardServices
    /// Learn mode (`--explain`): the why panel also explains the route.
    var explain = false
    private(set) var state: SessionState
    private(set) var screen: ScreenModel
    var ui: UIState
    /// What the last drawing said about the layout (scroll limits, clickable places).
    private(set) var layout = LayoutFeedback()
    /// Every event sent to the engine, accepted or not, in order (tests read it).
    private(set) var sentEvents: [SessionEvent] = []

    init(engine: Engine, state: SessionState, size: TerminalSize, services: WizardServices) {
        self.engine = engine
        self.services = services
        self.state = state
        self.screen = engine.screen(for: state)
        self.ui = UIState(size: size)
        resetAnswerWidgets()
    }

    /// How long the terminal should wait for the next key before sending `.timeout` (milliseconds),
    /// or nil to wait for ever: a number on a long list waits this long for its second digit.
    var keyTimeout: Int? { ui.pendingNumber.isEmpty ? nil : Self.secondDigitWait }

    /// Long enough to type a second digit, short enough not to feel like a stall.
    static let secondDigitWait = 600

    /// The files given so far, for the evidence panel (the screen model carries facts, not files).
    var evidence: [EvidenceReport] { state.evidence }

    var question: QuestionView? {
        if case .question(let question) = screen.body { return question }
        return nil
    }

    var outcome: RenderedFix? {
        if case .outcome(let fix) = screen.body { return fix }
        return nil
    }

    var copyItems: [CopyItem] { outcome.map(CopyItem.items) ?? [] }

    /// True when quitting now would throw away answers the user typed (the outcome is printed on exit).
    var answersWouldBeLost: Bool { screen.canGoBack && outcome == nil }

    /// Stores what the renderer found out, keeping scroll positions within what is drawn.
    mutating func absorb(_ feedback: LayoutFeedback) {
        layout = feedback
        ui.choiceTop = feedback.choiceTop
        ui.documentTop = clampedDocumentTop(ui.documentTop)
        let limit = max(0, feedback.helpLength - feedback.helpViewport)
        switch ui.overlay {
        case .help(let top): ui.overlay = .help(top: min(top, limit))
        case .map(let lines, let top): ui.overlay = .map(lines: lines, top: min(top, limit))
        case .collect(let script, let fileName, let top): ui.overlay = .collect(script: script, fileName: fileName, top: min(top, limit))
        default: break
        }
    }

    // MARK: - Keys

    mutating func handle(_ key: Key) -> [TerminalRequest] {
        switch key {
        case .resize(let size):
            ui.size = size
            return []
        case .control("c"):
            return [.quit]
        case .control("l"):
            return [.redrawAll]
        default:
            break
        }
        // Too small to draw anything: only quitting and redrawing (above) mean something.
        if ui.size.isTooSmall { return [] }
        if case .mouse(let event) = key, ui.overlay == nil { return handleMouse(event) }
        ui.status = nil
        if let overlay = ui.overlay { return handle(key, in: overlay) }
        if key == .function(1) {
            openHelp()
            return []
        }
        if outcome != nil { return handleOutcome(key) }
        guard let question else { return [] }
        if let form = question.form { return handleForm(key, form: form) }
        switch question.kind {
        case .input, .file: return handleTyping(key, question: question)
        default: return handleChoosing(key, question: question)
        }
    }

    /// Keys every non-typing screen shares. Returns nil when the key is not one of them.
    mutating func handleCommonKey(_ key: Key) -> [TerminalRequest]? {
        switch key {
        case .escape, .left, .character("b"):
            goBack()
        case .character("?"):
            openHelp()
        case .character("q"):
            if answersWouldBeLost {
                ui.overlay = .confirm(.quit(firstQuestion: false))
            } else {
                return [.quit]
            }
        case .character("r"):
            if screen.canGoBack { ui.overlay = .confirm(.restart) } else { send(.restart) }
        case .character("a"):
            ui.overlay = .prompt(PathPrompt(purpose: .addEvidence, field: TextField()))
        case .character("u") where screen.notes.contains(where: \.canAccept):
            send(.acceptEvidence)
        case .character("m"):
            openMap()
        case .character("C"):
            openCollect()
        case .character("e"):
            ui.showsEvidence.toggle()
            ui.status = StatusMessage(
                text: ui.showsEvidence ? "Evidence panel shown." : "Evidence panel hidden (e shows it).", tone: .info)
        default:
            return nil
        }
        return []
    }

    mutating func openHelp() {
        ui.overlay = .help(top: 0)
    }

    /// The outline of the whole tree, opened a few lines above the current position.
    mutating func openMap() {
        let text = OutlineText.legend + "\n\n" + OutlineText.render(engine.outline(for: state))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let here = lines.firstIndex { $0.hasPrefix("> ") } ?? 0
        ui.overlay = .map(lines: lines, top: max(0, here - 4))
    }

    /// Back one question, or (on the first question) ask whether to quit.
    mutating func goBack() {
        if screen.canGoBack {
            send(.back)
        } else if outcome != nil {
            // Files answered every question on the way here: there is no answer of the user's to undo.
            ui.status = StatusMessage(text: "Nothing to go back to: the files given answered every question. r restarts.", tone: .info)
        } else {
            ui.overlay = .confirm(.quit(firstQuestion: true))
        }
    }

    // MARK: - Engine

    /// Sends an event to the engine. Returns the refusal, if any, after showing it.
    @discardableResult
    mutating func send(_ event: SessionEvent) -> SessionError? {
        sentEvents.append(event)
        let before = (state.current, state.path.count)
        do {
            state = try engine.apply(event, to: state)
        } catch {
            ui.validation = error.description
            return error
        }
        screen = engine.screen(for: state)
        services.stateChanged(state)
        if before != (state.current, state.path.count) || event == .restart { resetAnswerWidgets() }
        return nil
    }

    /// Puts the answer widgets in their starting state for the current screen, pre-filling the
    /// previous answer after Back.
    mutating func resetAnswerWidgets() {
        ui.validation = nil
        ui.detection = nil
        ui.detectedPath = nil
        ui.completions = []
        ui.choiceTop = 0
        ui.documentTop = 0
        ui.selectedCopy = 0
        ui.selection = 0
        ui.field = TextField()
        ui.formFields = []
        ui.formFocus = 0
        ui.filter = nil
        ui.pendingNumber = ""
        guard let question else { return }
        if let form = question.form {
            ui.formFields = form.open.map { TextField($0.prefill ?? "") }
            return
        }
        let prefill = question.prefill
        switch question.kind {
        case .yesno:
            ui.selection = prefill == "no" ? 1 : 0
        case .choice:
            ui.selection = question.choices.firstIndex { $0.value == prefill } ?? 0
        case .input:
            ui.field = TextField(prefill ?? "")
        case .file:
            ui.field = TextField(prefill == "skip" ? "" : prefill ?? "")
        case .fix, .end:
            break
        }
    }

    // MARK: - Evidence files

    /// Checks a typed path, inspects the file and adds it as evidence.
    /// Returns the report, or the reason the path cannot be read (nothing is sent then).
    mutating func addEvidenceFile(typed: String) -> Result<EvidenceReport, EvidenceFileProblem> {
        let path = resolvedEvidencePath(typed.trimmingLeadingSpaces.trimmingTrailingSpaces)
        switch services.files.isDirectory(path) {
        case nil: return .failure(.missing(typed))
        case true?: return addEvidenceFolder(path, typed: typed)
        case false?: break
        }
        let report = services.inspect(path)
        send(.addEvidence(report))
        return .success(report)
    }

    /// Every file below a folder: the recognised ones are added; the result stands for the folder
    /// (its description says what was read and skipped; its kind is the first file's).
    private mutating func addEvidenceFolder(_ path: String, typed: String) -> Result<EvidenceReport, EvidenceFileProblem> {
        let expansion = services.files.evidenceFiles(below: path)
        guard expansion.folders > 0, !expansion.files.isEmpty else { return .failure(.emptyFolder(typed)) }
        let reports = expansion.files.map(services.inspect)
        let recognised = reports.filter { $0.kind != nil }
        for report in recognised { send(.addEvidence(report)) }
        var kinds: [String] = []
        for kind in recognised.compactMap(\.kind) where !kinds.contains(kind) { kinds.append(kind) }
        var description = "\(recognised.count) \(recognised.count == 1 ? "file" : "files") read"
        if !kinds.isEmpty { description += " (" + kinds.map { EvidenceKind.all[$0] ?? $0 }.joined(separator: ", ") + ")" }
        if reports.count > recognised.count { description += ", \(reports.count - recognised.count) not recognised" }
        if !expansion.skipped.isEmpty { description += ", \(expansion.skipped.count) skipped" }
        return .success(EvidenceReport(path: path, kind: recognised.first?.kind, description: description, problems: expansion.notes))
    }
}

/// Why a typed evidence path was not read.
enum EvidenceFileProblem: Error, Equatable {
    case missing(String)
    case emptyFolder(String)

    var message: String {
        switch self {
        case .missing(let path): "There is no file at \(path). Tab completes paths."
        case .emptyFolder(let path): "\(path) is a folder with no file to read in it; choose another (Tab lists them)."
        }
    }
}
