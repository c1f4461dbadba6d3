import TriageKit

/// The fix as a scrollable document of styled lines: cause, explanation, numbered steps with their
/// commands, the verify step, the query, the facts still needed and the documentation.
///
/// Commands are numbered `[1]`, `[2]`... in the order digits copy them, drawn in their own style,
/// and broken only with a visible continuation mark (see `CommandWrap`). The selected one carries
/// the pointer and reverse video.
struct FixDocument {
    struct Line: Equatable {
        var content: StyledLine
        /// The copyable item this line belongs to, if any.
        var copyItem: Int?
    }

    private(set) var lines: [Line] = []
    /// The first line of each copyable item.
    private(set) var copyItemLines: [Int] = []

    private let width: Int
    private let glyphs: Glyphs
    private let selectedCopy: Int

    static let heading = CellStyle(bold: true, role: .heading)
    static let command = CellStyle(bold: true, role: .command)
    static let placeholder = CellStyle(bold: true, underline: true, role: .placeholder)

    init(fix: RenderedFix, width: Int, glyphs: Glyphs, selectedCopy: Int) {
        self.width = width
        self.glyphs = glyphs
        self.selectedCopy = selectedCopy
        build(fix)
    }

    private mutating func build(_ fix: RenderedFix) {
        if let cause = fix.cause {
            prose("Cause: \(cause)" + (fix.causeTitle.map { " (\($0))" } ?? ""), style: .bold)
            blank()
        }
        prose(fix.explanation)
        if !fix.evidence.isEmpty {
            section("Evidence")
            for line in fix.evidence {
                add(StyledLine(DisplayWidth.truncate("  \(line.quoted)", to: width, ellipsis: glyphs.ellipsis)))
            }
        }
        if !fix.steps.isEmpty {
            section("Steps")
            for step in fix.steps { self.step(step) }
        }
        if let verify = fix.verify {
            section("Verify the fix")
            step(verify)
        }
        if let query = fix.query { self.query(query) }
        if !fix.missingFacts.isEmpty {
            section("Still needed (placeholders in the commands)")
            let labelWidth = fix.missingFacts.map { DisplayWidth.of($0.placeholder) }.max() ?? 0
            for fact in fix.missingFacts {
                let padding = String(repeating: " ", count: labelWidth - DisplayWidth.of(fact.placeholder))
                add(StyledLine([Span("  "), Span(fact.placeholder, Self.placeholder), Span(padding + "  " + fact.label)]))
            }
        }
        if !fix.docs.isEmpty {
            section("Documentation")
            for doc in fix.docs { prose("\(glyphs.bullet) \(doc.line)", indent: 2, hanging: 4) }
        }
    }

    private mutating func query(_ query: RenderedQuery) {
        section("Find every other occurrence")
        if let group = query.logGroup {
            prose("CloudWatch Logs Insights, log group \(group)")
        }
        if let text = query.text { prose(text) }
        if let insights = query.insights { copyable(insights) }
        if let command = query.command { copyable(command) }
    }

    private mutating func step(_ step: RenderedStep) {
        prose("\(step.number). \(step.text)", indent: 1, hanging: 4)
        if let command = step.command { copyable(command) }
    }

    /// A command block: `[n]` in the gutter, the command in its style, placeholders underlined.
    private mutating func copyable(_ text: String) {
        let index = copyItemLines.count
        let selected = index == selectedCopy
        let label = "[\(index + 1)]"
        let gutter = 4 + max(4, DisplayWidth.of(label) + 1)
        copyItemLines.append(lines.count)
        for (lineNumber, line) in CommandWrap.wrap(text, width: width - gutter - 1).enumerated() {
            var spans: [Span] = []
            if lineNumber == 0 {
                let pointer = selected ? glyphs.pointer : String(repeating: " ", count: DisplayWidth.of(glyphs.pointer))
                let labelStyle = selected ? CellStyle(bold: true, reverse: true, role: .selection) : CellStyle.dim
                spans += [Span("  "), Span(pointer, .bold), Span(" "), Span(label, labelStyle)]
                spans.append(Span(String(repeating: " ", count: gutter - 4 - DisplayWidth.of(label))))
            } else {
                spans.append(Span(String(repeating: " ", count: gutter)))
            }
            spans += Self.commandSpans(line)
            add(StyledLine(spans), copyItem: index)
        }
    }

    /// A command line in the command style, with `<placeholders>` marked and the continuation dim.
    static func commandSpans(_ line: CommandLine) -> [Span] {
        var spans: [Span] = []
        var text = line.text
        var mark = ""
        if line.continues {
            text.removeLast(CommandWrap.mark.count)
            mark = CommandWrap.mark
        }
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">"),
            rest[rest.index(after: open)..<close].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }),
            rest.index(after: open) < close
        {
            if open > rest.startIndex { spans.append(Span(String(rest[..<open]), command)) }
            spans.append(Span(String(rest[open...close]), placeholder))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { spans.append(Span(String(rest), command)) }
        if !mark.isEmpty { spans.append(Span(mark, .dim)) }
        return spans
    }

    private mutating func section(_ title: String) {
        blank()
        add(StyledLine(" " + title, Self.heading))
    }

    private mutating func prose(_ text: String, style: CellStyle = .plain, indent: Int = 1, hanging: Int? = nil) {
        let hanging = hanging ?? indent
        let wrapped = ProseWrap.wrap(text, width: width - hanging - 1)
        for (index, line) in wrapped.enumerated() {
            let pad = String(repeating: " ", count: index == 0 ? indent : hanging)
            add(StyledLine(pad + line, style))
        }
    }

    private mutating func blank() {
        if let last = lines.last, last.content.text.isEmpty { return }
        if !lines.isEmpty { add(StyledLine()) }
    }

    private mutating func add(_ line: StyledLine, copyItem: Int? = nil) {
        lines.append(Line(content: line, copyItem: copyItem))
    }
}
