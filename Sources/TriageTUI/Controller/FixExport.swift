import TriageKit

/// The text of a finished session, for the file `s` saves and for what is printed on exit:
/// the path taken, the facts and where they came from, then the fix as plain mode prints it.
enum FixExport {
    static func text(screen: ScreenModel, fix: RenderedFix, width: Int = 78) -> String {
        var out = ""
        if !screen.breadcrumbs.isEmpty {
            out += "Path:\n"
            for crumb in screen.breadcrumbs {
                out += "  \(crumb.title): \(crumb.answer)" + (crumb.source.map { " (\($0))" } ?? "") + "\n"
            }
            out += "\n"
        }
        if !screen.facts.isEmpty {
            out += "Facts:\n"
            for fact in screen.facts { out += "  \(fact.key) = \(fact.value)  (\(fact.origin))\n" }
            out += "\n"
        }
        return out + FixText.render(fix, width: width)
    }

    /// A file name to offer when saving: the cause id makes it recognisable in a ticket.
    static func suggestedFileName(for fix: RenderedFix, report: Bool = false) -> String {
        "apigw-triage-\(fix.cause ?? fix.node).\(report ? "md" : "txt")"
    }
}
