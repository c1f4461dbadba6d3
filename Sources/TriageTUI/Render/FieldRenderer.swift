/// A one-line text field: a bold prompt, then the text on an underlined run of cells (so it reads
/// as a field without colour), scrolled sideways to keep the cursor in view.
enum FieldRenderer {
    /// Draws the field; returns where the text cursor goes and the column the text starts at.
    static func draw(
        _ field: TextField, prompt: String, glyphs: Glyphs, into grid: inout CellGrid, row: Int, left: Int, width: Int
    ) -> (cursor: (row: Int, column: Int), textColumn: Int) {
        let fieldX = grid.put(prompt, row: row, column: left, style: .bold)
        let fieldWidth = max(4, left + width - fieldX)
        grid.put(String(repeating: " ", count: fieldWidth), row: row, column: fieldX, style: CellStyle(underline: true))

        // "…" on the left stands for text scrolled out of view.
        let characters = field.characters
        let cursorColumn = DisplayWidth.of(String(characters[..<field.cursor]))
        let mark = cursorColumn > fieldWidth - 1 ? glyphs.ellipsis : ""
        let room = fieldWidth - 1 - DisplayWidth.of(mark)
        var start = 0
        var startColumn = 0
        while cursorColumn - startColumn > room, start < characters.count {
            startColumn += DisplayWidth.of(characters[start])
            start += 1
        }
        let x = grid.put(mark, row: row, column: fieldX, style: CellStyle(dim: true, underline: true))
        grid.put(String(characters[start...]), row: row, column: x, style: CellStyle(underline: true), limit: fieldX + fieldWidth)
        return ((row: row, column: x + cursorColumn - startColumn), fieldX)
    }
}
