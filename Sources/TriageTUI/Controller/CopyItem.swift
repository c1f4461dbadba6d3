import TriageKit

/// Something on the fix screen that can be copied: a step's command, the verify command, the query.
struct CopyItem: Equatable, Sendable {
    /// How the status line names it ("command 2", "the Logs Insights query").
    var name: String
    var text: String

    /// The items of a fix in screen order; numbered 1... on screen, and digits copy them.
    static func items(of fix: RenderedFix) -> [CopyItem] {
        var items: [CopyItem] = []
        for step in fix.steps {
            if let command = step.command { items.append(CopyItem(name: "the command of step \(step.number)", text: command)) }
        }
        if let command = fix.verify?.command { items.append(CopyItem(name: "the verify command", text: command)) }
        if let insights = fix.query?.insights { items.append(CopyItem(name: "the Logs Insights query", text: insights)) }
        if let command = fix.query?.command { items.append(CopyItem(name: "the query command", text: command)) }
        // Copied without the trailing newline a YAML block leaves, so pasting does not run it at once.
        return items.map { item in
            var text = Substring(item.text)
            while let last = text.last, last.isWhitespace { text = text.dropLast() }
            return CopyItem(name: item.name, text: String(text))
        }
    }
}
