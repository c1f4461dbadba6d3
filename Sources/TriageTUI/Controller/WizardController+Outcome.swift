import TriageKit

/// Keys on the fix screen: scrolling, choosing and copying commands, saving.
extension WizardController {
    mutating func handleOutcome(_ key: Key) -> [TerminalRequest] {
        let items = copyItems
        switch key {
        case .up, .character("k"): scrollDocument(by: -1)
        case .down, .character("j"): scrollDocument(by: 1)
        case .pageUp: scrollDocument(by: -max(1, layout.documentViewport - 1))
        case .pageDown, .character(" "): scrollDocument(by: max(1, layout.documentViewport - 1))
        case .home, .character("g"): scrollDocument(by: -layout.documentLength)
        case .end, .character("G"): scrollDocument(by: layout.documentLength)
        case .tab where !items.isEmpty: selectCopyItem((ui.selectedCopy + 1) % items.count)
        case .backTab where !items.isEmpty: selectCopyItem((ui.selectedCopy + items.count - 1) % items.count)
        case .enter where !items.isEmpty:
            return copy(ui.selectedCopy)
        case .character(let digit) where digit.isASCII && digit.isNumber && digit != "0":
            let index = Int(String(digit))! - 1
            guard items.indices.contains(index) else {
                ui.status = StatusMessage(text: "There is no item \(digit) on this screen.", tone: .error)
                return []
            }
            selectCopyItem(index)
            return copy(index)
        case .character("s"):
            let name = outcome.map { FixExport.suggestedFileName(for: $0, report: services.saveReport != nil) } ?? "apigw-triage-fix.txt"
            ui.overlay = .prompt(PathPrompt(purpose: .save, field: TextField(name)))
        default:
            return handleCommonKey(key) ?? []
        }
        return []
    }

    mutating func copy(_ index: Int) -> [TerminalRequest] {
        let items = copyItems
        guard items.indices.contains(index) else { return [] }
        ui.status = StatusMessage(
            text: "Sent \(items[index].name) to the clipboard (OSC 52); also printed on exit.",
            tone: .success)
        return [.copyToClipboard(items[index].text)]
    }

    mutating func scrollDocument(by lines: Int) {
        ui.documentTop = clampedDocumentTop(ui.documentTop + lines)
        // Keep the selection on something the user can see, so Enter copies what is on screen.
        let visible = ui.documentTop..<(ui.documentTop + layout.documentViewport)
        let lines = layout.copyItemLines
        if lines.indices.contains(ui.selectedCopy), !visible.contains(lines[ui.selectedCopy]),
            let first = lines.firstIndex(where: visible.contains)
        {
            ui.selectedCopy = first
        }
    }

    mutating func selectCopyItem(_ index: Int) {
        ui.selectedCopy = index
        guard layout.copyItemLines.indices.contains(index) else { return }
        let line = layout.copyItemLines[index]
        if line < ui.documentTop {
            ui.documentTop = clampedDocumentTop(line - 1)
        } else if line >= ui.documentTop + layout.documentViewport - 1 {
            ui.documentTop = clampedDocumentTop(line - 2)
        }
    }

    func clampedDocumentTop(_ top: Int) -> Int {
        min(max(0, top), max(0, layout.documentLength - layout.documentViewport))
    }

    /// Saves the fix; asks first when the file exists and `overwrite` is false.
    mutating func save(to typed: String, overwrite: Bool) {
        guard let fix = outcome else { return }
        let path = PathCompleter.expand(typed.trimmingLeadingSpaces.trimmingTrailingSpaces, home: services.files.homeDirectory)
        if services.files.isDirectory(path) == true {
            ui.overlay = .prompt(PathPrompt(
                purpose: .save, field: TextField(typed),
                message: StatusMessage(text: "\(typed) is a folder; add a file name.", tone: .error)))
            return
        }
        if !overwrite, services.files.isDirectory(path) == false {
            ui.overlay = .confirm(.overwrite(path: typed))
            return
        }
        ui.overlay = nil
        let outcome = services.saveReport.map { $0(path, state) } ?? services.save(path, FixExport.text(screen: screen, fix: fix))
        switch outcome {
        case .saved(let written):
            let what = services.saveReport == nil ? "the fix, the path and the facts" : "a report of the session"
            ui.status = StatusMessage(text: "Saved \(what) to \(written).", tone: .success)
        case .failed(let reason):
            ui.status = StatusMessage(text: "Could not save to \(typed): \(reason)", tone: .error)
        }
    }
}
