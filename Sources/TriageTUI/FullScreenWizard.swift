import Foundation
import TriageKit

/// How a full-screen session ended.
public enum FullScreenOutcome: Sendable, Equatable {
    /// The session ran; `reachedOutcome` when it ended on a fix or outcome (printed on exit), and
    /// the state it ended in (for a report).
    case finished(reachedOutcome: Bool, state: SessionState)
    /// The user pressed Ctrl-C (raw mode turns it into a key): the caller exits 130, as a shell
    /// expects of an interrupted command, with the state it stopped in.
    case interrupted(state: SessionState)
    /// The terminal could not be opened full screen (the reason, for one line on stderr); use plain mode.
    case unavailable(reason: String)
}

/// The full-screen (ncurses) wizard: draws the engine's screens and feeds it the user's keys.
///
/// `run` owns the terminal from open to close: every way out (a quit key, Ctrl-C, the end of input)
/// closes it before anything is printed, and signal handlers cover the ways out it does not see.
/// On exit, a fix reached is printed to the normal screen so it stays in the scroll-back.
public enum FullScreenWizard {
    @MainActor
    public static func run(engine: Engine, state: SessionState, options: TUIOptions, services: WizardServices = WizardServices()) -> FullScreenOutcome {
        let terminal: CursesTerminal
        switch CursesTerminal.open(wantsColor: options.color) {
        case .success(let opened): terminal = opened
        case .failure(.unknownTerminal(let name)):
            return .unavailable(reason: "the terminal type '\(name)' is not known here (no terminfo entry)")
        }
        let theme = Theme(glyphs: options.ascii || !terminal.isUTF8 ? .ascii : .unicode, usesColor: terminal.usesColor)
        var controller = WizardController(engine: engine, state: state, size: terminal.size, services: services)
        controller.explain = options.explain

        var interrupted = false
        session: while true {
            let frame = ScreenRenderer.render(controller.view(theme: theme))
            terminal.draw(frame)
            controller.absorb(frame.feedback)
            guard let key = terminal.readKey(timeout: controller.keyTimeout) else { continue }
            if key == .control("z") {
                terminal.suspend()
                continue
            }
            for request in controller.handle(key) {
                switch request {
                case .quit:
                    interrupted = key == .control("c")
                    break session
                case .redrawAll: terminal.invalidate()
                case .copyToClipboard(let text): terminal.sendToClipboard(text)
                }
            }
        }
        terminal.close()
        let width = max(60, min(terminal.size.columns - 2, 100))
        FileHandle.standardOutput.write(Data(exitText(controller, width: width).utf8))
        if interrupted { return .interrupted(state: controller.state) }
        return .finished(reachedOutcome: controller.outcome != nil, state: controller.state)
    }

    /// What stays on the normal screen: the fix with its commands, or where the session stopped.
    static func exitText(_ controller: WizardController, width: Int) -> String {
        if let fix = controller.outcome {
            return FixExport.text(screen: controller.screen, fix: fix, width: width)
        }
        let title = controller.question?.title ?? ""
        return "apigw-triage: stopped at step \(controller.screen.stepNumber) (\(title)) before reaching a fix.\n"
    }
}
