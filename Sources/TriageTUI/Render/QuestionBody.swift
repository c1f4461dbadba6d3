import TriageKit

/// A question screen below the header: the question, its answer widget, messages, the hint,
/// the "why this matters" panel and the evidence panel, fitted to the rows there are.
enum QuestionBody {
    static func draw(_ view: WizardView, question: QuestionView, into grid: inout CellGrid, top: Int, bottom: Int) -> AnswerArea.Result {
        let glyphs = view.theme.glyphs
        let width = grid.width
        let textWidth = width - 2
        let answer = AnswerArea(question: question, ui: view.ui, glyphs: glyphs, width: width)

        let text = ProseWrap.wrap(question.form.map(formText) ?? question.text, width: textWidth)
        let messages = messageLines(view.ui, width: textWidth - 2)
        let hints = hintLines(question, width: textWidth)
        let commands = question.command.map { CommandWrap.wrap($0, width: textWidth - 2).map { "  " + $0.text } } ?? []
        // In learn mode the route comes first: it is what the trainee is there to see.
        let notes = view.routeNotes.isEmpty ? "" : "How you got here: " + view.routeNotes.joined(separator: " ") + "\n\n"
        let why = ProseWrap.wrap(notes + (question.form == nil ? question.why : formWhy), width: textWidth)
        let evidence = view.ui.showsEvidence ? EvidencePanel.lines(view, width: textWidth, glyphs: glyphs) : []

        var budget = QuestionBudget(
            text: text.count, answer: answer.desiredRows, answerMinimum: answer.minimumRows,
            message: messages.count, hint: hints.count + commands.count, why: why.count, evidence: evidence.count)
        budget.fit(into: bottom - top)

        var row = top
        var title = question.isFactQuestion ? "Fact for the fix: \(question.title)" : question.title
        if let form = question.form {
            title = "Ids for the fix \(glyphs.dot) \(form.current + min(view.ui.formFocus, form.open.count - 1) + 1) of \(form.count)"
        }
        grid.rule(row: row, title: title, glyphs: glyphs, style: CellStyle(bold: true, role: .heading))
        row += 1
        row = put(text, count: budget.text, style: .bold, into: &grid, row: row, glyphs: glyphs)
        row += budget.gap
        let result = answer.draw(into: &grid, top: row, rows: budget.answer, left: 0)
        row += budget.answer
        for line in messages.prefix(budget.message) {
            grid.put(line, row: row, column: 1, limit: width - 1)
            row += 1
        }
        if budget.hint > 0 { row += budget.gapAfterAnswer }
        let commandCount = min(commands.count, max(0, budget.hint - hints.count))
        row = put(hints, count: budget.hint - commandCount, style: .dim, into: &grid, row: row, glyphs: glyphs)
        // The command that finds the answer: in the command style, wrapped with continuation marks.
        for line in commands.prefix(commandCount) {
            grid.put(line, row: row, column: 1, style: FixDocument.command, limit: width - 1)
            row += 1
        }
        if budget.why > 0 {
            row += budget.spacerBeforeWhy
            grid.rule(row: row, title: "Why this matters", glyphs: glyphs, style: CellStyle(bold: true, role: .heading))
            row = put(why, count: budget.why, style: .plain, into: &grid, row: row + 1, glyphs: glyphs)
        }
        if budget.evidence > 0 {
            row += budget.spacerBeforeEvidence
            let files = view.evidence.count
            grid.rule(row: row, title: "Evidence: \(files) file\(files == 1 ? "" : "s")", glyphs: glyphs,
                      style: CellStyle(bold: true, role: .heading))
            row += 1
            for line in evidence.prefix(budget.evidence) {
                grid.put(line, row: row, column: 1, limit: width - 1)
                row += 1
            }
        }
        return result
    }

    /// Puts up to `count` lines; the last gets "…" when some had to be left out.
    private static func put(_ lines: [String], count: Int, style: CellStyle, into grid: inout CellGrid, row: Int, glyphs: Glyphs) -> Int {
        var row = row
        for (index, line) in lines.prefix(count).enumerated() {
            var text = line
            if index == count - 1, count < lines.count {
                // Lines were left out below: end the last one shown with "…".
                let mark = " " + glyphs.ellipsis
                text = DisplayWidth.truncate(line, to: grid.width - 2 - DisplayWidth.of(mark), ellipsis: "") + mark
            }
            grid.put(text, row: row, column: 1, style: style, limit: grid.width - 1)
            row += 1
        }
        return row
    }

    /// The refusal of the last answer and what a given file turned out to be, under the answer.
    private static func messageLines(_ ui: UIState, width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        if let validation = ui.validation {
            let style = CellStyle(bold: true, role: .error)
            for (index, line) in ProseWrap.wrap(validation, width: width - 2).enumerated() {
                lines.append(StyledLine(index == 0 ? "! " + line : "  " + line, style))
            }
        }
        if let detection = ui.detection {
            for (index, line) in ProseWrap.wrap(detection, width: width - 2).enumerated() {
                lines.append(StyledLine((index == 0 ? "i " : "  ") + line, CellStyle(role: .key)))
            }
        }
        return lines
    }

    /// The ids form's question, in the front end's words (the content words one id at a time).
    private static func formText(_ form: FactForm) -> String {
        "The commands of \"\(form.fixTitle)\" need \(form.count == 1 ? "this id" : "these ids"). Fill in what you know."
    }

    private static let formWhy = "Given ids make the fix's commands ready to paste; an empty field keeps the placeholder "
        + "shown in it, to fill in later."

    private static func hintLines(_ question: QuestionView, width: Int) -> [String] {
        var text: [String] = []
        if question.form != nil {
            text.append("Tab and Shift-Tab move between the ids; Enter on the last one shows the fix. "
                + "Type 'skip all' in a field to see the fix now.")
            return text.flatMap { ProseWrap.wrap($0, width: width) }
        }
        if let hint = question.hint { text.append(hint) }
        if question.kind == .input, !question.isFactQuestion, let example = question.example {
            text.append("Example: \(example)" + (question.optional ? ". Enter with nothing leaves it unknown." : "."))
        }
        if question.kind == .file {
            let kinds = question.evidenceKinds.map { EvidenceKind.all[$0] ?? $0 }.joined(separator: "; ")
            if !kinds.isEmpty { text.append("Files that help: \(kinds).") }
            text.append("Tab completes the path; Enter with nothing skips the question.")
        }
        return text.flatMap { ProseWrap.wrap($0, width: width) }
    }
}
