import TriageKit

/// Keys while help, a confirmation or a path prompt is open, and mouse actions.
extension WizardController {
    mutating func handle(_ key: Key, in overlay: Overlay) -> [TerminalRequest] {
        switch overlay {
        case .help(let top): handleDocument(key, top: top) { .help(top: $0) }
        case .map(let lines, let top): handleDocument(key, top: top) { .map(lines: lines, top: $0) }
        case .confirm(let confirmation): return handleConfirm(key, confirmation)
        case .prompt(let prompt): handlePrompt(key, prompt)
        case .collect(let script, let fileName, let top):
            if key == .character("s") || key == .character("S") {
                ui.overlay = .prompt(PathPrompt(purpose: .saveScript(script: script), field: TextField(fileName)))
            } else if key == .character("C") {
                ui.overlay = nil
            } else {
                handleDocument(key, top: top) { .collect(script: script, fileName: fileName, top: $0) }
            }
        }
        return []
    }

    /// Scrolling and closing for the overlays that show a document (help, the map).
    private mutating func handleDocument(_ key: Key, top: Int, at position: (Int) -> Overlay) {
        let limit = max(0, layout.helpLength - layout.helpViewport)
        let page = max(1, layout.helpViewport - 1)
        func scroll(_ to: Int) { ui.overlay = position(min(max(0, to), limit)) }
        switch key {
        case .up, .character("k"): scroll(top - 1)
        case .down, .character("j"): scroll(top + 1)
        case .pageUp: scroll(top - page)
        case .pageDown, .character(" "): scroll(top + page)
        case .home, .character("g"): scroll(0)
        case .end, .character("G"): scroll(limit)
        case .escape, .enter, .character("q"), .character("?"), .character("m"), .function(1), .left:
            ui.overlay = nil
        default: break
        }
    }

    private mutating func handleConfirm(_ key: Key, _ confirmation: Confirmation) -> [TerminalRequest] {
        let yes = key == .character("y") || key == .character("Y")
            || (key == .character("q") && confirmation != .restart)
        let no = key == .character("n") || key == .character("N") || key == .escape
        if no { ui.overlay = nil }
        guard yes else { return [] }
        ui.overlay = nil
        switch confirmation {
        case .quit:
            return [.quit]
        case .restart:
            send(.restart)
            ui.status = StatusMessage(text: "Started again from the first question; files given are kept.", tone: .info)
        case .overwrite(let path):
            save(to: path, overwrite: true)
        case .overwriteScript(let path, let script):
            saveScript(script, to: path, overwrite: true)
        }
        return []
    }

    private mutating func handlePrompt(_ key: Key, _ prompt: PathPrompt) {
        var prompt = prompt
        switch key {
        case .escape:
            ui.overlay = nil
            return
        case .enter:
            submit(prompt)
            return
        case .tab:
            let completion = PathCompleter.complete(prompt.field.textBeforeCursor, in: services.files)
            prompt.field.replaceBeforeCursor(with: completion.text)
            prompt.completions = completion.candidates
            prompt.message = completion.noMatch
                ? StatusMessage(text: "Nothing matches \(prompt.field.textBeforeCursor).", tone: .error) : nil
        default:
            if prompt.field.edit(key) {
                prompt.completions = []
                prompt.message = nil
            }
        }
        ui.overlay = .prompt(prompt)
    }

    private mutating func submit(_ prompt: PathPrompt) {
        let typed = prompt.field.text.trimmingLeadingSpaces.trimmingTrailingSpaces
        guard !typed.isEmpty else {
            ui.overlay = nil
            return
        }
        switch prompt.purpose {
        case .save:
            save(to: typed, overwrite: false)
        case .saveScript(let script):
            saveScript(script, to: typed, overwrite: false)
        case .addEvidence:
            let before = state.current
            switch addEvidenceFile(typed: typed) {
            case .failure(let problem):
                var prompt = prompt
                prompt.message = StatusMessage(text: problem.message, tone: .error)
                ui.overlay = .prompt(prompt)
            case .success(let report):
                ui.overlay = nil
                let moved = state.current != before ? " It answered the question you were on." : ""
                ui.status = StatusMessage(text: "Added \(typed): \(report.description).\(moved)", tone: .success)
            }
        }
    }

    // MARK: - Mouse

    mutating func handleMouse(_ event: MouseEvent) -> [TerminalRequest] {
        switch event.action {
        case .wheelUp, .wheelDown:
            let step = event.action == .wheelUp ? -1 : 1
            if outcome != nil {
                scrollDocument(by: 3 * step)
            } else if let question, question.kind == .choice || question.kind == .yesno {
                let count = question.kind == .yesno ? 2 : question.choices.count
                ui.selection = min(max(0, ui.selection + step), max(0, count - 1))
            }
        case .click, .doubleClick:
            let hit = layout.hits.first { $0.row == event.row && $0.columns.contains(event.column) }
            switch hit?.target {
            case .choice(let index)?:
                // A click on a choice answers it, as Enter on the selection would.
                ui.selection = index
                ui.validation = nil
                if let question {
                    let values = question.kind == .yesno ? ["yes", "no"] : question.choices.map(\.value)
                    if values.indices.contains(index) { send(.answer(values[index])) }
                }
            case .copyItem(let index)?:
                selectCopyItem(index)
                if event.action == .doubleClick { return copy(index) }
            case nil:
                break
            }
        }
        return []
    }
}

extension WizardController {
    /// What a typed evidence reference points at: in training, a scenario file's number or name;
    /// otherwise a path, `~` expanded and relative paths taken from the browsing folder (the
    /// scenario's folder in training, so Tab and Enter agree).
    func resolvedEvidencePath(_ typed: String) -> String {
        let offered = services.offeredFiles
        if let number = Int(typed), let file = offered.first(where: { $0.number == number }) { return file.path }
        if let file = offered.first(where: { $0.name == typed }) { return file.path }
        let path = PathCompleter.expand(typed, home: services.files.homeDirectory)
        if path.hasPrefix("/") || offered.isEmpty { return path }
        return services.files.currentDirectory + "/" + path
    }
}
