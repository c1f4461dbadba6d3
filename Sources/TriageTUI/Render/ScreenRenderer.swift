import TriageKit

/// Draws a whole frame into a grid: header, the question or the fix, status, footer and overlay.
///
/// A pure function of `WizardView`: the same view always gives the same cells, which is what the
/// screen tests compare, and the only input the curses layer needs.
enum ScreenRenderer {
    static func render(_ view: WizardView) -> RenderedScreen {
        let size = view.ui.size
        var grid = CellGrid(width: size.columns, height: size.rows)
        guard !size.isTooSmall else {
            TooSmallScreen.draw(size: size, glyphs: view.theme.glyphs, into: &grid)
            return RenderedScreen(grid: grid, cursor: nil, feedback: LayoutFeedback(choiceTop: view.ui.choiceTop))
        }
        let glyphs = view.theme.glyphs
        let top = HeaderLines.draw(view, into: &grid)
        let footerRow = size.rows - 1
        let status = StatusLine.lines(view.ui.status, glyphs: glyphs, width: size.columns)
        let bodyBottom = footerRow - max(1, status.count)
        for (offset, line) in status.enumerated() {
            grid.put(line, row: bodyBottom + offset, column: 1, limit: size.columns - 1)
        }

        var cursor: (row: Int, column: Int)?
        var feedback = LayoutFeedback(choiceTop: view.ui.choiceTop)
        var copyItems = 0
        switch view.screen.body {
        case .question(let question):
            let result = QuestionBody.draw(view, question: question, into: &grid, top: top, bottom: bodyBottom)
            cursor = result.cursor
            feedback.choiceTop = result.choiceTop
            feedback.hits = result.hits
        case .outcome(let fix):
            feedback = OutcomeBody.draw(view, fix: fix, into: &grid, top: top, bottom: bodyBottom)
            copyItems = CopyItem.items(of: fix).count
        }
        KeyHints.draw(KeyHints.hints(for: view, copyItems: copyItems), into: &grid, row: footerRow)
        if let overlay = view.ui.overlay {
            cursor = OverlayRenderer.draw(overlay, view: view, into: &grid, feedback: &feedback)
        }
        return RenderedScreen(grid: grid, cursor: cursor, feedback: feedback)
    }
}
