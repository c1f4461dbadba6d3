import TriageKit

/// One cell of the screen: a character (or nothing, for the right half of a wide character) and its style.
struct Cell: Equatable, Sendable {
    var character: Character
    var style: CellStyle
    /// True for the column a wide character spills into; it has no text of its own.
    var isContinuation = false

    static let blank = Cell(character: " ", style: .plain)
}

/// The whole screen as cells: what the renderer draws into, what tests turn into text pictures,
/// and what `CursesTerminal` copies to the real terminal.
struct CellGrid: Equatable, Sendable {
    let width: Int
    let height: Int
    private(set) var cells: [Cell]

    init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    subscript(row: Int, column: Int) -> Cell {
        get { cells[row * width + column] }
        set { cells[row * width + column] = newValue }
    }

    func contains(row: Int, column: Int) -> Bool {
        row >= 0 && row < height && column >= 0 && column < width
    }

    /// Writes `text` from (row, column), clipped at `limit` columns (default: the right edge).
    /// Returns the column after the last character written.
    @discardableResult
    mutating func put(_ text: String, row: Int, column: Int, style: CellStyle = .plain, limit: Int? = nil) -> Int {
        let end = min(width, limit ?? width)
        guard row >= 0, row < height else { return column }
        var x = column
        for character in text {
            if character == "\n" || character == "\t" || character == "\r\n" {
                // Control characters never reach the grid; they would move the real cursor.
                if x < end, x >= 0 { self[row, x] = Cell(character: " ", style: style) }
                x += 1
                continue
            }
            if character.unicodeScalars.contains(where: VisibleText.isUnsafe) {
                // Any other control (ESC, C1, a bidi override) from a file is shown as its escape.
                x = put(VisibleText.visible(String(character)), row: row, column: x, style: style, limit: limit)
                if x >= end { break }
                continue
            }
            let columns = DisplayWidth.of(character)
            if columns == 0 { continue }
            if x + columns > end { break }
            if x >= 0 {
                self[row, x] = Cell(character: character, style: style)
                if columns == 2 { self[row, x + 1] = Cell(character: " ", style: style, isContinuation: true) }
            }
            x += columns
        }
        return x
    }

    /// Writes styled spans one after the other; returns the column after the last one.
    @discardableResult
    mutating func put(_ line: StyledLine, row: Int, column: Int, limit: Int? = nil) -> Int {
        var x = column
        for span in line.spans {
            x = put(span.text, row: row, column: x, style: span.style, limit: limit)
        }
        return x
    }

    /// Paints `style` over a run of cells, keeping their characters (a selected row, a title bar).
    mutating func paint(row: Int, from start: Int, to end: Int, style: CellStyle) {
        guard row >= 0, row < height else { return }
        for x in max(0, start)..<max(max(0, start), min(width, end)) {
            self[row, x].style = style
        }
    }

    /// Adds reverse video to a run of cells, keeping their own styles.
    mutating func reverse(row: Int, from start: Int, to end: Int) {
        guard row >= 0, row < height else { return }
        for x in max(0, start)..<max(max(0, start), min(width, end)) {
            self[row, x].style.reverse = true
        }
    }

    /// Blanks a rectangle (under a dialog).
    mutating func clear(rows: Range<Int>, columns: Range<Int>, style: CellStyle = .plain) {
        for row in rows where row >= 0 && row < height {
            for x in columns where x >= 0 && x < width {
                self[row, x] = Cell(character: " ", style: style)
            }
        }
    }

    /// The text of one row, wide characters written once.
    func text(ofRow row: Int) -> String {
        var line = ""
        for x in 0..<width where !self[row, x].isContinuation {
            line.append(self[row, x].character)
        }
        return line
    }
}
