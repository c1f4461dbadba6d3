import TriageKit

/// What `?` (or F1) shows: what the wizard does, every key, and why the current question is asked.
enum HelpText {
    static func lines(for view: WizardView, width: Int) -> [StyledLine] {
        let glyphs = view.theme.glyphs
        var lines: [StyledLine] = []
        func heading(_ text: String) {
            if !lines.isEmpty { lines.append(StyledLine()) }
            lines.append(StyledLine(text, CellStyle(bold: true, role: .heading)))
        }
        func prose(_ text: String) {
            lines += ProseWrap.wrap(text, width: width).map { StyledLine($0) }
        }
        func keys(_ rows: [(String, String)]) {
            let keyWidth = min(16, rows.map { DisplayWidth.of($0.0) }.max() ?? 0)
            for (key, meaning) in rows {
                let pad = String(repeating: " ", count: max(1, keyWidth - DisplayWidth.of(key) + 2))
                let wrapped = ProseWrap.wrap(meaning, width: max(10, width - keyWidth - 4))
                for (index, line) in wrapped.enumerated() {
                    if index == 0 {
                        lines.append(StyledLine([Span("  "), Span(key, .bold), Span(pad + line)]))
                    } else {
                        lines.append(StyledLine(String(repeating: " ", count: keyWidth + 4) + line))
                    }
                }
            }
        }

        heading("What this wizard does")
        prose("""
            It asks one question at a time about the failing API, follows the answers through a decision \
            tree of API Gateway 5xx causes, and ends at a fix: the cause, what to change, commands with your \
            IDs filled in, how to verify it, and a Logs Insights query that finds every other occurrence. \
            Files you give it (logs, AWS CLI output) can answer questions for you; those are marked "by fact", \
            "by file" or "by evidence" in the path.
            """)
        heading("On every screen")
        keys([
            ("Esc, \(glyphs.leftArrow)", "back one question (your answers are kept); on the first question, quit"),
            ("?, F1", "this help"),
            ("q", "quit (asks first when answers would be lost)"),
            ("r", "restart from the first question (files given are kept)"),
            ("a", "add an evidence file; it may answer questions"),
            ("u", "use the evidence's status over yours (when a note offers it)"),
            ("e", "show or hide the evidence panel"),
            ("m", "map: the whole tree as an outline, your path (*) and where you are (>)"),
            ("C", "the read-only collect script for this API, filled from the facts; s saves it (apigw-collect-<api>.sh)"),
            ("Ctrl-L", "redraw the screen"),
            ("Ctrl-C", "quit at once"),
        ])
        heading("Questions")
        keys([
            ("\(glyphs.upDown), j/k", "move the selection; Home/End, PgUp/PgDn jump"),
            ("1-9", "choose that option at once"),
            ("y, n", "answer a yes/no question"),
            ("Enter", "answer with the selection or the text typed"),
        ])
        heading("Typing an answer")
        keys([
            ("\(glyphs.leftArrow) \(glyphs.rightArrow)", "move the cursor (Esc goes back instead)"),
            ("Ctrl-A, Ctrl-E", "start, end of the line"),
            ("Ctrl-U, Ctrl-K", "delete to the start, to the end"),
            ("Ctrl-W", "delete the word (or folder) before the cursor"),
            ("Backspace, Del", "delete before, under the cursor"),
            ("Tab", "complete a file path; ~ is your home folder"),
            ("skip all", "typed at a fact question: show the fix now, with placeholders"),
        ])
        heading("The fix")
        keys([
            ("\(glyphs.upDown), PgUp/PgDn", "scroll"),
            ("Tab, Shift-Tab", "select the next, previous command"),
            ("1-9, Enter", "copy a command to the clipboard (OSC 52, works over SSH in most terminals)"),
            ("s", "save the fix, the path and the facts to a file"),
        ])
        prose("When you quit at the fix, it is printed to the terminal with its commands, so it stays in the scroll-back.")
        heading("Mouse")
        prose("Click a choice or a command to select it (double-click a command to copy it); the wheel scrolls. "
            + "To select text with the mouse while the wizard runs, hold Shift (Option in some macOS terminals).")
        if case .question(let question) = view.screen.body, !question.why.isEmpty {
            heading("Why this question matters")
            prose(question.why)
        }
        return lines
    }
}
