import TriageKit

/// The fix screen below the header: a heading rule with the title and the scroll position, then
/// the part of the fix document that fits.
enum OutcomeBody {
    static func draw(_ view: WizardView, fix: RenderedFix, into grid: inout CellGrid, top: Int, bottom: Int) -> LayoutFeedback {
        let glyphs = view.theme.glyphs
        let document = FixDocument(fix: fix, width: grid.width, glyphs: glyphs, selectedCopy: view.ui.selectedCopy)
        let length = document.lines.count
        let available = max(1, bottom - top - 1)
        // When the fix is longer than the screen, the last row says so instead of showing a line.
        let viewport = length > available ? max(1, available - 1) : available
        let first = min(max(0, view.ui.documentTop), max(0, length - viewport))
        let last = min(length, first + viewport)
        let position = length > viewport ? "lines \(first + 1)-\(last) of \(length)" : ""
        let title = (fix.kind == .fix ? "Fix: " : "Outcome: ") + fix.title
        grid.rule(row: top, title: title, right: position, glyphs: glyphs, style: CellStyle(bold: true, role: .heading))

        var feedback = LayoutFeedback(documentLength: length, documentViewport: viewport, copyItemLines: document.copyItemLines)
        for (offset, line) in document.lines[first..<last].enumerated() {
            let row = top + 1 + offset
            grid.put(line.content, row: row, column: 0, limit: grid.width)
            if let item = line.copyItem {
                feedback.hits.append(HitRegion(row: row, columns: 0..<grid.width, target: .copyItem(item)))
            }
        }
        if length > viewport {
            let text = last < length
                ? "\(glyphs.moreBelow) \(length - last) more lines below (\(glyphs.upDown) PgDn scroll)"
                : "\(glyphs.moreAbove) end of the fix; \(first) lines above"
            grid.put(text, row: top + 1 + viewport, column: 2, style: .dim)
        }
        return feedback
    }
}
