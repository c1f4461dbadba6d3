import TriageKit

/// The top of every screen: the title bar with the step, the breadcrumbs of the path, and the
/// questions just answered automatically.
enum HeaderLines {
    static let toolName = "apigw-triage"
    static let subtitle = "API Gateway 5xx triage"

    /// Draws the header from row 0; returns the first row below it.
    static func draw(_ view: WizardView, into grid: inout CellGrid) -> Int {
        let glyphs = view.theme.glyphs
        let width = grid.width
        // Title bar: reverse video, so it reads as a bar on any terminal.
        let bar = CellStyle(bold: true, reverse: true, role: .chrome)
        grid.paint(row: 0, from: 0, to: width, style: bar)
        let right = stepLabel(view.screen, glyphs: glyphs) + " "
        let left = " \(toolName)" + (width >= 72 ? "  \(glyphs.bullet)  \(subtitle)" : "")
        grid.put(left, row: 0, column: 0, style: bar, limit: width - DisplayWidth.of(right) - 1)
        grid.put(right, row: 0, column: width - DisplayWidth.of(right), style: bar)

        var row = 1
        let crumbRows = view.ui.size.rows >= 30 ? 2 : 1
        for line in breadcrumbLines(view.screen, width: width - 2, maxLines: crumbRows, glyphs: glyphs) {
            grid.put(line, row: row, column: 1, limit: width - 1)
            row += 1
        }
        for line in skippedLines(view.screen, width: width - 2, glyphs: glyphs) {
            grid.put(line, row: row, column: 1, limit: width - 1)
            row += 1
        }
        for line in noteLines(view.screen, width: width - 2) {
            grid.put(line, row: row, column: 1, limit: width - 1)
            row += 1
        }
        return row
    }

    /// Where evidence and the answers disagree, in bold, three lines at most per note: the engine
    /// never applies such evidence silently, so the screen must say it.
    static func noteLines(_ screen: ScreenModel, width: Int) -> [StyledLine] {
        screen.notes.flatMap { note in
            let text = "! " + note.text + (note.canAccept ? " Press u to use the evidence's." : "")
            return Array(wrapSpans([Span(text, .bold)], width: width).prefix(3))
        }
    }

    static func stepLabel(_ screen: ScreenModel, glyphs: Glyphs) -> String {
        let step = "Step \(screen.stepNumber)"
        switch screen.body {
        case .question(let question):
            if question.form != nil { return "\(step) \(glyphs.dot) ids for the fix" }
            return question.isFactQuestion ? "\(step) \(glyphs.dot) fact for the fix" : step
        case .outcome(let fix): return "\(step) \(glyphs.dot) \(fix.kind == .fix ? "fix" : "outcome")"
        }
    }

    /// "Path: Status code: 502 › API type: rest (by fact) › ..." wrapped to at most `maxLines`;
    /// when it is longer the oldest crumbs give way to "…", since the latest matter most.
    static func breadcrumbLines(_ screen: ScreenModel, width: Int, maxLines: Int, glyphs: Glyphs) -> [StyledLine] {
        let label = Span("Path: ", .dim)
        guard !screen.breadcrumbs.isEmpty else {
            return [StyledLine([label, Span("this is the first question", .dim)])]
        }
        let crumbs = screen.breadcrumbs.map { crumb -> [Span] in
            var spans = [Span(crumb.title + ": "), Span(shortAnswer(crumb.answer, glyphs: glyphs), .bold)]
            if crumb.automatic { spans.append(Span(" (\(automaticLabel(crumb.source)))", .dim)) }
            return spans
        }
        var first = 0
        while true {
            var spans = [label]
            if first > 0 { spans.append(Span(glyphs.ellipsis + glyphs.crumbSeparator, .dim)) }
            for (index, crumb) in crumbs[first...].enumerated() {
                if index > 0 { spans.append(Span(glyphs.crumbSeparator, .dim)) }
                spans += crumb
            }
            let lines = wrapSpans(spans, width: width)
            if lines.count <= maxLines || first == crumbs.count - 1 { return Array(lines.prefix(maxLines)) }
            first += 1
        }
    }

    /// A crumb's answer kept short: a path shows its file name, other long text is cut.
    static func shortAnswer(_ answer: String, glyphs: Glyphs) -> String {
        let limit = 28
        guard DisplayWidth.of(answer) > limit else { return answer }
        if let slash = answer.lastIndex(of: "/"), answer.index(after: slash) < answer.endIndex {
            return DisplayWidth.truncateFront(glyphs.ellipsis + "/" + answer[answer.index(after: slash)...], to: limit, ellipsis: glyphs.ellipsis)
        }
        return DisplayWidth.truncate(answer, to: limit, ellipsis: glyphs.ellipsis)
    }

    /// How an automatic crumb was answered, in two or three words.
    static func automaticLabel(_ source: String?) -> String {
        guard let source else { return "automatic" }
        if source.hasPrefix("known fact") { return "by fact" }
        if source.hasPrefix("evidence file") { return "by file" }
        if source.hasPrefix("evidence finding") { return "by evidence" }
        if source == "--start" { return "--start" }
        return "automatic"
    }

    /// One line per question answered automatically since the user's last answer (at most two).
    static func skippedLines(_ screen: ScreenModel, width: Int, glyphs: Glyphs) -> [StyledLine] {
        let notices = screen.skipped
        var lines: [StyledLine] = []
        for (index, notice) in notices.enumerated() {
            if index == 1, notices.count > 2 {
                lines.append(StyledLine("\(glyphs.automatic) and \(notices.count - 1) more answered automatically (see the path)", .dim))
                break
            }
            let text = "\(glyphs.automatic) Skipped \"\(notice.title)\": \(notice.answer), \(notice.reason)"
            lines.append(StyledLine(DisplayWidth.truncate(text, to: width, ellipsis: glyphs.ellipsis), .dim))
        }
        return lines
    }

    /// Word-wraps styled spans (breaking only at spaces inside spans).
    static func wrapSpans(_ spans: [Span], width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        var current = StyledLine()
        var used = 0
        for span in spans {
            var words = span.text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            while !words.isEmpty {
                let word = words.removeFirst()
                let piece = word + (words.isEmpty ? "" : " ")
                let pieceWidth = DisplayWidth.of(piece)
                if used + DisplayWidth.of(word) > width, used > 0 {
                    lines.append(current)
                    current = StyledLine()
                    used = 0
                }
                current.spans.append(Span(piece, span.style))
                used += pieceWidth
            }
        }
        if used > 0 { lines.append(current) }
        return lines
    }
}
