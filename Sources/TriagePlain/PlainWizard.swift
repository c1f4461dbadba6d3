import Foundation
import TriageKit

/// How a plain-mode session ended.
public enum PlainOutcome: Equatable, Sendable {
    /// A fix or end node was shown.
    case finished
    /// The user typed `quit`.
    case quit
    /// Input ended before an outcome was reached (a scripted session that stopped short).
    case endOfInput
}

/// Plain line mode: one question at a time, one answer per input line, no colour or box drawing.
///
/// It renders the engine's `ScreenModel` as text, so it shows exactly what the full-screen
/// wizard shows. Works with screen readers, pipes and scripts (`printf '502\ny\n' | apigw-triage --plain`).
public struct PlainWizard<Input: LineSource, Output: TextSink> {
    public let engine: Engine
    public private(set) var state: SessionState
    private var input: Input
    public private(set) var output: Output
    /// Print each answer after its prompt, so a piped session reads as a transcript.
    private let echo: Bool
    private let width: Int
    private let hooks: PlainSessionHooks
    /// Learn mode: say how each answer moved the session, and why skipped questions exist.
    private let explain: Bool
    private var companion: (any PlainCompanion)?

    public init(
        engine: Engine, state: SessionState, input: Input, output: Output, echo: Bool = false, width: Int = 78,
        hooks: PlainSessionHooks = .none, explain: Bool = false, companion: (any PlainCompanion)? = nil
    ) {
        self.engine = engine
        self.state = state
        self.input = input
        self.output = output
        self.echo = echo
        self.width = width
        self.hooks = hooks
        self.explain = explain
        self.companion = companion
    }

    public mutating func run() -> PlainOutcome {
        write(PlainText.banner)
        hooks.stateChanged(state)
        var showScreen = true
        while true {
            let screen = engine.screen(for: state)
            let notes = explain ? engine.routeNotes(for: state) : nil
            if case .outcome(let fix) = screen.body {
                if showScreen {
                    var text = "\n" + PlainText.path(screen, width: width)
                    if let notes { text += PlainText.routeNotes(notes, width: width) }
                    write(text + FixText.render(hooks.masker.mask(fix), width: width))
                    if let footer = companionFooter() { write("\n" + footer) }
                }
                write(PlainText.afterOutcomePrompt)
                guard let line = read() else { return .finished }
                // Commands that only print leave the outcome as it is: show the prompt again, not the fix.
                showScreen = true
                if let reply = companionReply(to: line) {
                    take(reply, showScreen: &showScreen)
                    continue
                }
                switch PlainCommand(line) {
                case .back: perform(.back, showScreen: &showScreen)
                case .useEvidence: perform(.acceptEvidence, showScreen: &showScreen)
                case .restart: perform(.restart, showScreen: &showScreen)
                case .help:
                    write(help)
                    showScreen = false
                case .facts:
                    write(PlainText.facts(screen))
                    showScreen = false
                case .map:
                    write(map)
                    showScreen = false
                case .save(let path):
                    saveReport(to: path)
                    showScreen = false
                case .copy(let number):
                    copy(number, from: fix)
                    showScreen = false
                case .collect(let path):
                    write(collectScript(to: path))
                    showScreen = false
                default: return .finished
                }
                continue
            }
            guard case .question(let question) = screen.body else { continue }
            if showScreen {
                // The ids after the first follow on without a blank line: one compact sequence.
                let gap = (question.form?.current ?? 0) > 0 ? "" : "\n"
                write(gap + PlainText.question(question, screen: screen, width: width, notes: notes))
            }
            write(PlainText.prompt(for: question))
            guard let line = read() else {
                write("\n" + PlainText.endOfInput(question))
                return .endOfInput
            }
            showScreen = true
            if let reply = companionReply(to: line) {
                take(reply, showScreen: &showScreen)
                continue
            }
            switch PlainCommand(line) {
            case .quit:
                write(PlainText.quitting(state.stepNumber))
                return .quit
            case .back: perform(.back, showScreen: &showScreen)
            case .useEvidence: perform(.acceptEvidence, showScreen: &showScreen)
            case .restart: perform(.restart, showScreen: &showScreen)
            case .help:
                write(help)
                showScreen = false
            case .map:
                write(map)
                showScreen = false
            case .why:
                write(TextWrap.wrap("Why this matters: " + question.why, width: width) + "\n")
                showScreen = false
            case .facts:
                write(PlainText.facts(screen))
                showScreen = false
            case .save(let path):
                saveReport(to: path)
                showScreen = false
            case .copy:
                write(PlainText.nothingToCopy)
                showScreen = false
            case .collect(let path):
                write(collectScript(to: path))
                showScreen = false
            case .skipAll: perform(.skipFacts, showScreen: &showScreen)
            case .set(let key, let value): perform(.setFact(key: key, value: value), showScreen: &showScreen)
            case .add(let path): addEvidence(path, showScreen: &showScreen)
            case .answer(let text) where question.kind == .choice && text.hasPrefix("/"):
                write(PlainText.filtered(question, text: String(text.dropFirst()), width: width))
                showScreen = false
            case .answer(let text):
                if question.kind == .file, hooks.inspection.isAvailable, !AnswerParser.skipWords.contains(text.lowercased()) {
                    answerFileQuestion(with: text, showScreen: &showScreen)
                } else {
                    perform(.answer(text), showScreen: &showScreen)
                }
            }
        }
    }

    /// `add PATH`: reads the file (or every file below a folder), says what it is, and lets it answer what it can.
    private mutating func addEvidence(_ path: String, showScreen: inout Bool) {
        guard hooks.inspection.isAvailable else {
            write("! " + EvidenceInspection.unavailableDescription + "\n")
            showScreen = false
            return
        }
        let before = state.current
        _ = inspect(path)
        // Ask the question again in full only when the file moved the session on.
        showScreen = state.current != before
    }

    /// A path at a file question: the file is read; a file that could not be read or recognised
    /// leaves the question asked again. A recognised file answers the question (its findings
    /// route), even when it is another kind than the question hoped for.
    private mutating func answerFileQuestion(with path: String, showScreen: inout Bool) {
        let before = state.current
        guard inspect(path) != nil else {
            showScreen = false
            return
        }
        if state.current == before { perform(.answer(path), showScreen: &showScreen) }
    }

    /// Inspects a file, or every file below a folder, and adds each recognised one to the session;
    /// prints what each is and what a folder skipped. Returns the first recognised report.
    private mutating func inspect(_ path: String) -> EvidenceReport? {
        let (reports, expansion) = hooks.inspection.inspectAll(path)
        var first: EvidenceReport?
        for report in reports.map(hooks.masker.mask) {
            write(PlainText.evidence(report, width: width))
            guard report.kind != nil else { continue }
            var redraw = true
            perform(.addEvidence(report), showScreen: &redraw)
            if first == nil { first = report }
        }
        for note in expansion.notes { write(TextWrap.wrap("- skipped " + note, width: width, indent: "  ") + "\n") }
        if expansion.folders > 0, expansion.files.isEmpty { write("! \(path): the folder holds no file to read.\n") }
        return first
    }

    /// The help text, with the companion's commands.
    private var help: String {
        PlainText.help + (companion?.helpLines ?? []).map { $0 + "\n" }.joined()
    }

    /// The tree as an outline with the path taken and the current position marked.
    private var map: String {
        "\n" + TextWrap.wrap(OutlineText.legend, width: width) + "\n" + OutlineText.render(engine.outline(for: state))
    }

    /// The companion's reply to a line (it is copied out and back so the call does not overlap
    /// the access to the state it reads).
    private mutating func companionReply(to line: String) -> PlainCompanionReply? {
        guard var companion else { return nil }
        let reply = companion.handle(line, state: state, engine: engine)
        self.companion = companion
        return reply
    }

    private mutating func companionFooter() -> String? {
        guard var companion else { return nil }
        let footer = companion.afterOutcome(state, engine: engine)
        self.companion = companion
        return footer
    }

    /// Prints a companion's reply and takes its state; unless the question moved on, the same
    /// question is asked again, prompt only.
    private mutating func take(_ reply: PlainCompanionReply, showScreen: inout Bool) {
        write(reply.output)
        if let next = reply.state { state = next }
        showScreen = reply.redraw
    }

    /// Applies an event; on refusal, says why and asks the same question again (prompt only).
    private mutating func perform(_ event: SessionEvent, showScreen: inout Bool) {
        do {
            state = try engine.apply(event, to: state)
            hooks.stateChanged(state)
        } catch {
            write("! \(error.description)\n")
            showScreen = false
        }
    }

    /// `copy N`: sends command N to the terminal's clipboard (OSC 52); the command itself is
    /// printed on the fix screen already, for terminals that ignore the sequence.
    private mutating func copy(_ number: Int, from fix: RenderedFix) {
        guard let command = fix.command(numbered: number) else {
            write(PlainText.noSuchCommand(number, available: fix.commandNumbers))
            return
        }
        guard hooks.outputIsTerminal else {
            write("The output is not a terminal, so nothing was sent to a clipboard; command \(number) is:\n\(command)\n")
            return
        }
        // The one escape sequence plain mode sends on purpose: written past `write`, which escapes them.
        output.write(Clipboard.osc52(command))
        write("sent command \(number) to the clipboard (OSC 52)\n")
    }

    /// `save PATH`: over an existing file only after a y at the prompt (or with `--force`).
    private mutating func saveReport(to path: String) {
        if !hooks.overwriteAllowed, hooks.fileExists(path) {
            write("\(path) already exists. Overwrite it? [y/N] ")
            guard let reply = read(), ["y", "yes"].contains(reply.trimmingSpaces.lowercased()) else {
                write("Not saved; \(path) is unchanged.\n")
                return
            }
        }
        write(hooks.saveReport(path, state) + "\n")
    }

    private mutating func read() -> String? {
        guard let line = input.nextLine() else { return nil }
        if echo { write(line + "\n") }
        return line
    }

    /// Everything plain mode prints passes here: control characters from files (an ESC in a log
    /// line, a bidi override in a file name) are shown as escapes, never sent to the terminal.
    private mutating func write(_ text: String) { output.write(VisibleText.visibleLines(text)) }

    /// `collect [FILE]`: the read-only script for this session's API, printed, or saved as FILE.
    private func collectScript(to path: String?) -> String {
        let facts = engine.facts(in: state).mapValues(\.value)
        switch CollectRequest.fromFacts(facts, now: Date()) {
        case .failure(let missing):
            return PlainText.collectNeeds(missing.keys)
        case .success(let request):
            let script = CollectScript.render(request, generator: "apigw-triage \(TriageKitVersion.tool)")
            guard let path else { return script + PlainText.collectPrinted }
            do {
                try Data(script.utf8).write(to: URL(fileURLWithPath: path))
                try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
                return PlainText.collectSaved(path, folder: request.defaultFolder)
            } catch {
                return "! Cannot write \(path): \(error.localizedDescription)\n"
            }
        }
    }
}

/// A line typed in plain mode: a command word or an answer.
enum PlainCommand: Equatable {
    case back, restart, quit, help, why, facts, map, skipAll
    /// `use evidence`: take the evidence's status over the one given.
    case useEvidence
    case set(key: String, value: String)
    /// `add PATH`: read an evidence file now.
    case add(String)
    /// `save PATH`: write a report.
    case save(String)
    /// `copy N`: put command N of the fix on the clipboard.
    case copy(Int)
    /// `collect [FILE]`: the read-only evidence script for the session's API, printed or saved.
    case collect(String?)
    case answer(String)

    init(_ line: String) {
        let text = line.trimmingSpaces
        switch text.lowercased() {
        case "back", "b": self = .back
        case "restart": self = .restart
        case "quit", "exit", "q": self = .quit
        case "help", "?": self = .help
        case "why": self = .why
        case "facts": self = .facts
        case "map": self = .map
        case "skip all": self = .skipAll
        case "use evidence": self = .useEvidence
        case "collect": self = .collect(nil)
        default:
            if text.lowercased().hasPrefix("add ") {
                self = .add(text.dropFirst(4).trimmingSpaces)
                return
            }
            if text.lowercased().hasPrefix("set "), let equals = text.firstIndex(of: "=") {
                let key = text[text.index(text.startIndex, offsetBy: 4)..<equals].trimmingSpaces
                self = .set(key: key, value: text[text.index(after: equals)...].trimmingSpaces)
            } else if let path = Self.argument(after: "save", in: text), !path.isEmpty {
                self = .save(path)
            } else if let number = Self.argument(after: "copy", in: text).flatMap({ Int($0) }) {
                self = .copy(number)
            } else if let path = Self.argument(after: "collect", in: text), !path.isEmpty {
                self = .collect(path)
            } else {
                self = .answer(text)
            }
        }
    }
}

extension PlainCommand {
    /// What follows a command word and a space (`save report.md` → `report.md`), or nil.
    private static func argument(after word: String, in text: String) -> String? {
        guard text.lowercased().hasPrefix(word + " ") else { return nil }
        return text.dropFirst(word.count + 1).trimmingSpaces
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }
}
