/// Chrome drawn onto the grid: section rules and boxes, in Unicode or ASCII glyphs.
extension CellGrid {
    /// A full-width rule with a title: `── Title ───────── right ─`.
    mutating func rule(row: Int, title: String, right: String = "", glyphs: Glyphs, style: CellStyle, from: Int = 0, to: Int? = nil) {
        let end = to ?? width
        let line = String(repeating: glyphs.horizontal, count: max(0, end - from))
        put(line, row: row, column: from, style: .dim, limit: end)
        var x = from + 2
        if !title.isEmpty {
            let room = max(0, end - x - 2 - (right.isEmpty ? 0 : DisplayWidth.of(right) + 3))
            let shown = DisplayWidth.truncate(title, to: room, ellipsis: glyphs.ellipsis)
            x = put(" " + shown + " ", row: row, column: x, style: style, limit: end)
        }
        if !right.isEmpty {
            let start = end - DisplayWidth.of(right) - 3
            if start > x { put(" " + right + " ", row: row, column: start, style: .dim, limit: end) }
        }
    }

    /// A box with an optional title in its top border; the inside and one column either side are
    /// cleared, so no stray characters of the screen below touch the border.
    mutating func box(top: Int, left: Int, height: Int, width boxWidth: Int, title: String, glyphs: Glyphs) {
        guard height >= 2, boxWidth >= 2 else { return }
        let bottom = top + height - 1
        let right = left + boxWidth - 1
        clear(rows: top..<(bottom + 1), columns: (left - 1)..<(right + 2))
        let horizontal = String(repeating: glyphs.horizontal, count: boxWidth - 2)
        put(String(glyphs.topLeft) + horizontal + String(glyphs.topRight), row: top, column: left)
        put(String(glyphs.bottomLeft) + horizontal + String(glyphs.bottomRight), row: bottom, column: left)
        for row in (top + 1)..<bottom {
            put(String(glyphs.vertical), row: row, column: left)
            put(String(glyphs.vertical), row: row, column: right)
        }
        if !title.isEmpty {
            let shown = DisplayWidth.truncate(title, to: boxWidth - 6, ellipsis: glyphs.ellipsis)
            put(" \(shown) ", row: top, column: left + 2, style: .bold)
        }
    }
}
