import TriageKit

/// The answer widgets: the yes/no pair, the choice list (scrolling when long) and the text field.
///
/// The selected item is marked by a pointer character and reverse video, never by colour alone.
struct AnswerArea {
    let question: QuestionView
    let ui: UIState
    let glyphs: Glyphs
    let width: Int

    /// What drawing the area produced besides cells.
    struct Result {
        var cursor: (row: Int, column: Int)?
        var hits: [HitRegion] = []
        var choiceTop = 0
    }

    private struct Item {
        var key: String
        var label: String
        var previous: Bool
    }

    private var isList: Bool { question.kind == .yesno || question.kind == .choice }

    private var items: [Item] {
        if question.kind == .yesno {
            return [
                Item(key: "y", label: "Yes", previous: question.prefill == "yes"),
                Item(key: "n", label: "No", previous: question.prefill == "no"),
            ]
        }
        return question.choices.enumerated().map { offset, choice in
            Item(key: "\(offset + 1).", label: choice.label, previous: question.prefill == choice.value)
        }
    }

    /// Columns before an item's label: indent, pointer, space, key, space.
    private var labelColumn: Int { 4 + keyWidth + 1 }

    private var keyWidth: Int { items.map { DisplayWidth.of($0.key) }.max() ?? 1 }

    private func lines(of item: Item, scrolling: Bool) -> [String] {
        let room = width - labelColumn - 1 - (scrolling ? 10 : 0)
        let label = item.label + (item.previous ? "  (previous answer)" : "")
        return ProseWrap.wrap(label, width: max(8, room))
    }

    private var completionLines: [String] {
        guard !ui.completions.isEmpty else { return [] }
        var lines: [String] = []
        var current = ""
        for name in ui.completions {
            let piece = current.isEmpty ? name : current + "  " + name
            if DisplayWidth.of(piece) > width - 6, !current.isEmpty {
                lines.append(current)
                current = name
            } else {
                current = piece
            }
        }
        lines.append(current)
        return lines
    }

    /// The choices shown: those matching the filter while one is typed, else all (original numbers kept).
    private var shown: [Int] {
        guard question.kind == .choice, let filter = ui.filter else { return Array(items.indices) }
        return ChoiceFilter.matches(question.choices, filter.text)
    }

    /// The filter's own row above the list while filtering.
    private var filterRows: Int { question.kind == .choice && ui.filter != nil ? 1 : 0 }

    var desiredRows: Int {
        if let form = question.form { return form.open.count }
        if isList {
            let items = items
            return filterRows + max(1, shown.reduce(0) { $0 + lines(of: items[$1], scrolling: false).count })
        }
        return 1 + min(completionLines.count, 4)
    }

    var minimumRows: Int {
        if let form = question.form { return min(form.open.count, 3) }
        if question.kind == .yesno { return 2 }
        if isList { return min(desiredRows, 3) }
        return 1
    }

    func draw(into grid: inout CellGrid, top: Int, rows: Int, left: Int) -> Result {
        guard rows > 0 else { return Result() }
        if let form = question.form { return drawForm(form, into: &grid, top: top, rows: rows, left: left) }
        return isList ? drawList(into: &grid, top: top, rows: rows, left: left)
            : drawField(into: &grid, top: top, rows: rows, left: left)
    }

    // MARK: - Lists

    private func drawList(into grid: inout CellGrid, top: Int, rows: Int, left: Int) -> Result {
        var top = top
        var rows = rows
        var filterCursor: (row: Int, column: Int)?
        let shown = shown
        if let filter = ui.filter, question.kind == .choice {
            let count = "  \(shown.count) of \(question.choices.count)  Esc shows all"
            let (cursor, _) = FieldRenderer.draw(
                filter, prompt: "Filter / ", glyphs: glyphs, into: &grid, row: top, left: left + 2,
                width: max(20, width - 4 - DisplayWidth.of(count)))
            grid.put(count, row: top, column: left + width - DisplayWidth.of(count) - 1, style: .dim)
            filterCursor = cursor
            top += 1
            rows -= 1
            if shown.isEmpty, rows > 0 {
                grid.put("No choice matches; Backspace widens the filter.", row: top, column: left + 4, style: .dim)
            }
        }
        guard !shown.isEmpty, rows > 0 else { return Result(cursor: filterCursor) }
        let all = items
        let items = shown.map { all[$0] }
        let scrolling = desiredRows - filterRows > rows
        let itemLines = items.map { lines(of: $0, scrolling: scrolling) }
        let selection = shown.firstIndex(of: ui.selection) ?? 0
        let first = firstVisible(itemLines.map(\.count), rows: rows, selection: selection, hint: ui.choiceTop)
        var result = Result(cursor: filterCursor, choiceTop: first)
        var row = top
        var index = first
        while index < items.count, row < top + rows {
            let item = items[index]
            let selected = index == selection
            let style: CellStyle = selected ? CellStyle(bold: true, reverse: true, role: .selection) : .plain
            let labelX = left + labelColumn
            let startRow = row
            for (lineNumber, text) in itemLines[index].enumerated() where row < top + rows {
                if lineNumber == 0 {
                    let pointer = selected ? glyphs.pointer : String(repeating: " ", count: DisplayWidth.of(glyphs.pointer))
                    grid.put(pointer, row: row, column: left + 2, style: selected ? .bold : .plain)
                    // Numbers right-aligned, so " 9." and "10." line up their labels.
                    let key = String(repeating: " ", count: keyWidth - DisplayWidth.of(item.key)) + item.key
                    grid.put(key, row: row, column: left + 4, style: selected ? style : .dim)
                }
                let end = grid.put(text, row: row, column: labelX, style: style)
                if selected { grid.reverse(row: row, from: left + 4, to: end + 1) }
                row += 1
            }
            result.hits += (startRow..<row).map { HitRegion(row: $0, columns: left..<(left + width), target: .choice(shown[index])) }
            index += 1
        }
        if scrolling {
            let above = first
            let below = items.count - index
            if above > 0 { indicator("\(glyphs.moreAbove) \(above) more", into: &grid, row: top, left: left) }
            if below > 0 { indicator("\(glyphs.moreBelow) \(below) more", into: &grid, row: top + rows - 1, left: left) }
        }
        return result
    }

    private func indicator(_ text: String, into grid: inout CellGrid, row: Int, left: Int) {
        let x = left + width - DisplayWidth.of(text) - 1
        grid.put(" " + text, row: row, column: x - 1, style: .dim)
    }

    /// The first item to show: the remembered one if the selection stays fully in view, moved just
    /// enough otherwise, and never leaving empty rows at the end while items are hidden above.
    private func firstVisible(_ heights: [Int], rows: Int, selection: Int, hint: Int) -> Int {
        var first = min(max(0, hint), selection)
        while first < selection, heights[first...selection].reduce(0, +) > rows { first += 1 }
        while first > 0, heights[(first - 1)...].reduce(0, +) <= rows { first -= 1 }
        return first
    }

    // MARK: - Ids form

    /// One row per id: the pointer on the field being typed in, the label, the field (an empty
    /// field shows the placeholder the fix will keep, dimmed), and the id's example.
    private func drawForm(_ form: FactForm, into grid: inout CellGrid, top: Int, rows: Int, left: Int) -> Result {
        let fields = Array(form.open)
        let focus = min(max(0, ui.formFocus), fields.count - 1)
        let labelWidth = min(26, fields.map { DisplayWidth.of($0.label) }.max() ?? 0)
        let fieldX = left + 4 + labelWidth + 1
        let fieldWidth = min(32, max(8, width - fieldX - 16))
        // Keep the field being typed in on screen when the rows are fewer than the ids.
        let first = max(0, focus - rows + 1)
        var result = Result()
        for (offset, index) in (first..<min(fields.count, first + rows)).enumerated() {
            let field = fields[index]
            let row = top + offset
            let focused = index == focus
            if focused { grid.put(glyphs.pointer, row: row, column: left + 2, style: .bold) }
            let label = DisplayWidth.truncate(field.label, to: labelWidth, ellipsis: glyphs.ellipsis)
            grid.put(label, row: row, column: left + 4, style: focused ? .bold : .plain)
            let typed = index < ui.formFields.count ? ui.formFields[index] : TextField()
            let drawn = FieldRenderer.draw(typed, prompt: "", glyphs: glyphs, into: &grid, row: row, left: fieldX, width: fieldWidth)
            if typed.isEmpty, !focused {
                grid.put(field.placeholder, row: row, column: fieldX, style: CellStyle(dim: true, underline: true), limit: fieldX + fieldWidth)
            }
            if focused { result.cursor = drawn.cursor }
            if let example = field.example {
                grid.put("e.g. " + example, row: row, column: fieldX + fieldWidth + 2, style: .dim, limit: left + width - 1)
            }
        }
        return result
    }

    // MARK: - Text field

    private func drawField(into grid: inout CellGrid, top: Int, rows: Int, left: Int) -> Result {
        let prompt = question.kind == .file ? "Path " + glyphs.pointer + " " : glyphs.pointer + " "
        let (cursor, fieldX) = FieldRenderer.draw(ui.field, prompt: prompt, glyphs: glyphs, into: &grid, row: top, left: left + 2, width: width - 4)
        // Tab's candidates under the path; the last row shown ends in "…" when more did not fit.
        let lines = completionLines
        let shown = min(lines.count, rows - 1)
        for (index, line) in lines.prefix(shown).enumerated() {
            let cut = index == shown - 1 && shown < lines.count
            let text = cut ? DisplayWidth.truncate(line, to: width - 8, ellipsis: "") + " " + glyphs.ellipsis : line
            grid.put(text, row: top + 1 + index, column: fieldX, style: .dim, limit: left + width)
        }
        return Result(cursor: cursor)
    }
}
