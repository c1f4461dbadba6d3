import TriageKit

/// The keys that work on the current screen, most useful first, for the footer.
enum KeyHints {
    struct Hint: Equatable {
        var key: String
        var label: String
    }

    static func hints(for view: WizardView, copyItems: Int) -> [Hint] {
        let glyphs = view.theme.glyphs
        if let overlay = view.ui.overlay {
            switch overlay {
            case .help: return [Hint(key: glyphs.upDown, label: "scroll"), Hint(key: "Esc", label: "close help")]
            case .map: return [Hint(key: glyphs.upDown, label: "scroll"), Hint(key: "Esc", label: "close the map")]
            case .collect:
                return [Hint(key: glyphs.upDown, label: "scroll"), Hint(key: "s", label: "save the script"), Hint(key: "Esc", label: "close")]
            case .confirm: return [Hint(key: "y", label: "yes"), Hint(key: "n", label: "no")]
            case .prompt(let prompt):
                return [Hint(key: "Enter", label: prompt.purpose == .addEvidence ? "add the file" : "save"),
                        Hint(key: "Tab", label: "complete"), Hint(key: "Esc", label: "cancel")]
            }
        }
        let back = Hint(key: "Esc", label: view.screen.canGoBack ? "back" : "quit")
        switch view.screen.body {
        case .outcome:
            var hints = [Hint(key: glyphs.upDown, label: "scroll")]
            if copyItems > 0 {
                hints.append(Hint(key: copyItems == 1 ? "1/Enter" : "1-\(min(copyItems, 9))/Enter", label: "copy"))
                if copyItems > 1 { hints.append(Hint(key: "Tab", label: "next command")) }
            }
            if view.screen.notes.contains(where: \.canAccept) { hints.insert(Hint(key: "u", label: "use evidence"), at: 0) }
            return hints + [Hint(key: "s", label: "save"), back, Hint(key: "?", label: "help"), Hint(key: "q", label: "quit"),
                            Hint(key: "r", label: "restart")]
        case .question(let question):
            if question.form != nil {
                return [Hint(key: "Tab", label: "next id"), Hint(key: "Enter", label: "next / show the fix"),
                        Hint(key: "Esc", label: "back"), Hint(key: "F1", label: "help"), Hint(key: "^C", label: "quit")]
            }
            switch question.kind {
            case .input, .file:
                var hints = [Hint(key: "Enter", label: "answer")]
                if question.kind == .file { hints.append(Hint(key: "Tab", label: "complete")) }
                hints.append(Hint(key: "Esc", label: "back"))
                hints += [Hint(key: "F1", label: "help"), Hint(key: "^C", label: "quit")]
                if question.isFactQuestion { hints.insert(Hint(key: "skip all", label: "show the fix"), at: 1) }
                return hints
            default:
                var hints = [Hint(key: "Enter", label: "answer"), Hint(key: glyphs.upDown, label: "move")]
                if question.kind == .yesno {
                    hints.insert(Hint(key: "y/n", label: "answer"), at: 0)
                } else if view.ui.filter != nil {
                    return [Hint(key: "Enter", label: "answer"), Hint(key: glyphs.upDown, label: "move"),
                            Hint(key: "Esc", label: "show all"), Hint(key: "^C", label: "quit")]
                } else {
                    hints.append(Hint(key: "1-\(question.choices.count)", label: "choose"))
                    if question.choices.count > 9 { hints.append(Hint(key: "/", label: "filter")) }
                }
                hints += [back, Hint(key: "?", label: "help")]
                if view.screen.notes.contains(where: \.canAccept) { hints.insert(Hint(key: "u", label: "use evidence"), at: 0) }
                // On the first question Esc already says "quit".
                if view.screen.canGoBack { hints.append(Hint(key: "q", label: "quit")) }
                hints.append(Hint(key: "a", label: "add file"))
                if !view.evidence.isEmpty { hints.append(Hint(key: "e", label: "evidence")) }
                hints.append(Hint(key: "r", label: "restart"))
                return hints
            }
        }
    }

    /// Draws as many hints as fit on the row, in order; keys in reverse video, like buttons.
    static func draw(_ hints: [Hint], into grid: inout CellGrid, row: Int) {
        var x = 1
        for hint in hints {
            let needed = DisplayWidth.of(hint.key) + 1 + DisplayWidth.of(hint.label) + 2
            if x + needed > grid.width { break }
            x = grid.put(hint.key, row: row, column: x, style: CellStyle(bold: true, reverse: true, role: .key))
            x = grid.put(" \(hint.label)  ", row: row, column: x)
        }
    }
}
