/// A grid as text, for screen tests: the characters inside a frame, then a parallel picture of the
/// attributes (R reverse, B bold, U underline, D dim, blank for plain), then the cursor.
///
/// The frame keeps trailing spaces visible and stops editors from trimming them.
enum TextPicture {
    static func text(of grid: CellGrid) -> String {
        let border = "+" + String(repeating: "-", count: grid.width) + "+"
        var lines = [border]
        for row in 0..<grid.height { lines.append("|" + grid.text(ofRow: row) + "|") }
        lines.append(border)
        return lines.joined(separator: "\n")
    }

    static func attributes(of grid: CellGrid) -> String {
        let border = "+" + String(repeating: "-", count: grid.width) + "+"
        var lines = [border]
        for row in 0..<grid.height {
            var line = "|"
            for x in 0..<grid.width {
                let style = grid[row, x].style
                line.append(style.reverse ? "R" : style.bold ? "B" : style.underline ? "U" : style.dim ? "D" : " ")
            }
            lines.append(line + "|")
        }
        lines.append(border)
        return lines.joined(separator: "\n")
    }

    /// The full picture a snapshot stores.
    static func snapshot(of screen: RenderedScreen) -> String {
        let cursor = screen.cursor.map { "cursor: row \($0.row), column \($0.column)" } ?? "cursor: hidden"
        return "size: \(screen.grid.width)x\(screen.grid.height)\n"
            + text(of: screen.grid) + "\n"
            + "attributes:\n" + attributes(of: screen.grid) + "\n"
            + cursor + "\n"
    }
}
