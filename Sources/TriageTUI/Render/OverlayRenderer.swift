import TriageKit

/// Help, confirmations and path prompts, drawn in a box over the screen.
enum OverlayRenderer {
    /// Draws the overlay; returns the text cursor for prompts and the help's scroll facts.
    static func draw(_ overlay: Overlay, view: WizardView, into grid: inout CellGrid, feedback: inout LayoutFeedback) -> (row: Int, column: Int)? {
        switch overlay {
        case .help(let top):
            let width = min(grid.width - 4, 96)
            drawDocument("Help", lines: HelpText.lines(for: view, width: width - 4), width: width, top: top,
                         view: view, into: &grid, feedback: &feedback)
            return nil
        case .map(let lines, let top):
            // Outline lines are not wrapped: their indentation is the meaning; long ones are cut.
            drawDocument("Map of the tree", lines: lines.map { StyledLine($0) }, width: grid.width - 2, top: top,
                         view: view, into: &grid, feedback: &feedback)
            return nil
        case .collect(let script, _, let top):
            // Script lines are not wrapped (a wrapped shell line reads as two commands); long ones are cut.
            let lines = script.split(separator: "\n", omittingEmptySubsequences: false).map { StyledLine(String($0)) }
            drawDocument("Collect script (read-only; s saves it)", lines: lines, width: grid.width - 2, top: top,
                         view: view, into: &grid, feedback: &feedback)
            return nil
        case .confirm(let confirmation):
            drawConfirm(confirmation, view: view, into: &grid)
            return nil
        case .prompt(let prompt):
            return drawPrompt(prompt, view: view, into: &grid)
        }
    }

    /// A scrollable box of lines between the title bar and the footer (help, the map).
    private static func drawDocument(
        _ title: String, lines: [StyledLine], width: Int, top: Int, view: WizardView, into grid: inout CellGrid,
        feedback: inout LayoutFeedback
    ) {
        let glyphs = view.theme.glyphs
        let left = (grid.width - width) / 2
        let height = grid.height - 3
        grid.clear(rows: 1..<(grid.height - 1), columns: 0..<grid.width)
        grid.box(top: 1, left: left, height: height, width: width, title: title, glyphs: glyphs)
        let viewport = height - 2
        let first = min(max(0, top), max(0, lines.count - viewport))
        for (offset, line) in lines.dropFirst(first).prefix(viewport).enumerated() {
            grid.put(line, row: 2 + offset, column: left + 2, limit: left + width - 1)
        }
        if lines.count > viewport {
            let position = " \(first + 1)-\(min(lines.count, first + viewport)) of \(lines.count) "
            grid.put(position, row: height, column: left + width - DisplayWidth.of(position) - 2, style: .dim)
        }
        feedback.helpLength = lines.count
        feedback.helpViewport = viewport
    }

    private static func drawConfirm(_ confirmation: Confirmation, view: WizardView, into grid: inout CellGrid) {
        let (title, text): (String, String) = switch confirmation {
        case .quit(let first):
            ("Quit?", first
                ? "This is the first question, so there is nothing to go back to. Quit apigw-triage?"
                : "Quit apigw-triage? Your answers stay saved: continue with apigw-triage --resume \(view.sessionID ?? "ID") (printed again on exit).")
        case .restart:
            ("Restart?", "Start again from the first question? Your answers are dropped; files you gave are kept.")
        case .overwrite(let path):
            ("Overwrite?", "\(path) already exists. Replace it with the fix?")
        case .overwriteScript(let path, _):
            ("Overwrite?", "\(path) already exists. Replace it with the collect script?")
        }
        let width = min(grid.width - 4, 60)
        let lines = ProseWrap.wrap(text, width: width - 4)
        let height = lines.count + 4
        let top = max(2, (grid.height - height) / 2)
        let left = (grid.width - width) / 2
        grid.box(top: top, left: left, height: height, width: width, title: title, glyphs: view.theme.glyphs)
        for (offset, line) in lines.enumerated() {
            grid.put(line, row: top + 1 + offset, column: left + 2)
        }
        var x = left + 2
        x = grid.put(" y ", row: top + height - 2, column: x, style: CellStyle(bold: true, reverse: true, role: .key))
        x = grid.put(" yes   ", row: top + height - 2, column: x)
        x = grid.put(" n ", row: top + height - 2, column: x, style: CellStyle(bold: true, reverse: true, role: .key))
        grid.put(" no (Esc)", row: top + height - 2, column: x)
    }

    private static func drawPrompt(_ prompt: PathPrompt, view: WizardView, into grid: inout CellGrid) -> (row: Int, column: Int) {
        let glyphs = view.theme.glyphs
        let (title, label) = switch prompt.purpose {
        case .save: ("Save the fix", "Save the fix, the path and the facts to this file:")
        case .addEvidence: ("Add an evidence file", "A log, AWS CLI output, an export or a template to read:")
        case .saveScript: ("Save the collect script", "Save the read-only collect script to this file:")
        }
        let width = min(grid.width - 4, 72)
        let left = (grid.width - width) / 2
        var extra: [StyledLine] = []
        if let message = prompt.message {
            extra += StatusLine.lines(message, glyphs: glyphs, width: width - 2)
        }
        if !prompt.completions.isEmpty {
            let names = prompt.completions.joined(separator: "  ")
            extra += ProseWrap.wrap(names, width: width - 4).prefix(3).map { StyledLine($0, .dim) }
        }
        if prompt.purpose == .addEvidence, !view.offeredFiles.isEmpty {
            // Training: the scenario's files, by number; room is kept for the box on a small screen.
            extra.append(StyledLine("The scenario's files (type a number, a name or a path):", .dim))
            let room = max(1, grid.height - 8 - extra.count)
            for file in view.offeredFiles.prefix(room) {
                extra.append(StyledLine(DisplayWidth.truncate("\(file.number). \(file.name): \(file.description)", to: width - 4, ellipsis: glyphs.ellipsis)))
            }
        }
        let height = 5 + extra.count
        let top = max(2, (grid.height - height) / 2)
        grid.box(top: top, left: left, height: height, width: width, title: title, glyphs: glyphs)
        grid.put(DisplayWidth.truncate(label, to: width - 4, ellipsis: glyphs.ellipsis), row: top + 1, column: left + 2)
        let (cursor, _) = FieldRenderer.draw(prompt.field, prompt: glyphs.pointer + " ", glyphs: glyphs, into: &grid, row: top + 2, left: left + 2, width: width - 4)
        for (offset, line) in extra.enumerated() {
            grid.put(line, row: top + 3 + offset, column: left + 2, limit: left + width - 1)
        }
        return cursor
    }
}
