import Foundation

/// A `SessionReport` as Markdown, to paste into a ticket.
///
/// - Commands and queries sit in fenced blocks at the top level, so they copy cleanly from the
///   rendered page and from the raw text alike.
/// - Text from evidence goes into code spans or blocks whose fences are longer than any run of
///   backticks inside, so a quoted line can never break the layout.
/// - The renderer masks nothing itself: it is given a report already passed through
///   `SessionReport.masked(by:)` (see `ReportWriter`).
public enum MarkdownReport {
    /// The Markdown text; control characters from files are shown as escapes (`\x1b`), never raw.
    public static func render(_ report: SessionReport) -> String {
        VisibleText.visibleLines(renderRaw(report.visible))
    }

    private static func renderRaw(_ report: SessionReport) -> String {
        var out: [String] = []
        out.append("# API Gateway 5xx triage: \(headline(report))")
        out.append("")
        out += summary(report)
        out += path(report)
        out += facts(report)
        out += evidence(report)
        if let fix = report.outcome { out += outcome(fix) }
        return out.joined(separator: "\n") + "\n"
    }

    private static func headline(_ report: SessionReport) -> String {
        if let fix = report.outcome { return fix.title }
        return "unfinished"
    }

    private static func summary(_ report: SessionReport) -> [String] {
        var out = [
            "- Date: \(report.date.ISO8601Format())",
            "- Tool: apigw-triage \(report.toolVersion), content \(report.contentVersion)",
        ]
        if let fix = report.outcome {
            var line = "- Outcome: \(fix.title)"
            if let cause = fix.cause { line += " (cause \(code(cause))" + (fix.causeTitle.map { ": \($0)" } ?? "") + ")" }
            out.append(line)
        } else if let stop = report.stoppedAt {
            out.append("- Outcome: not reached; the session stopped at step \(stop.step), \(stop.title): \(stop.question)")
        }
        out.append("- Secrets in evidence: " + (report.secretsMasked ? "masked" : "NOT masked (--no-mask)"))
        out.append("")
        return out
    }

    private static func path(_ report: SessionReport) -> [String] {
        var out = ["## Path taken", ""]
        if report.path.isEmpty { out.append("No question was answered.") }
        for step in report.path {
            out.append("\(step.number). \(step.title): \(step.question)  ")
            out.append("   Answer: \(step.answer.isEmpty ? "none" : code(step.answer)) (\(step.answeredBy))")
        }
        if let stop = report.stoppedAt {
            if !report.path.isEmpty { out.append("") }
            out.append("Stopped at step \(stop.step), not answered yet: \(stop.question)")
        }
        out.append("")
        return out
    }

    private static func facts(_ report: SessionReport) -> [String] {
        var out = ["## Facts", ""]
        if report.facts.isEmpty { out.append("No facts are known.") }
        for fact in report.facts {
            out.append("- \(fact.label) (\(code(fact.key))): \(code(fact.value)), \(fact.origin)")
        }
        out.append("")
        return out
    }

    private static func evidence(_ report: SessionReport) -> [String] {
        var out = ["## Evidence", ""]
        if report.evidence.isEmpty {
            out += ["No evidence files were given.", ""]
            return out
        }
        for file in report.evidence {
            out.append("### \(code(file.path))")
            out.append("")
            out.append(file.description)
            out.append("")
            if file.causes.isEmpty { out += ["No 5xx cause found in this file.", ""] }
            for cause in file.causes {
                var line = "- \(code(cause.cause))"
                if let title = cause.title { line += " (\(title))" }
                line += ": \(cause.count) " + (cause.count == 1 ? "occurrence" : "occurrences")
                if let status = cause.status { line += ", status \(status)" }
                line += ", confidence \(cause.confidence.rawValue)."
                if !cause.summary.isEmpty { line += " \(cause.summary)" }
                out.append(line)
                if !cause.examples.isEmpty {
                    out.append("")
                    out += fenced(cause.examples.map(\.quoted), info: "text")
                }
                out.append("")
            }
            if !file.facts.isEmpty {
                let facts = file.facts.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }
                out += ["Facts from this file: " + facts.map(code).joined(separator: ", "), ""]
            }
            for problem in file.problems { out += ["Problem reading it: \(problem)", ""] }
        }
        return out
    }

    private static func outcome(_ fix: RenderedFix) -> [String] {
        var out = ["## " + (fix.kind == .fix ? "Fix: " : "Outcome: ") + fix.title, ""]
        if let cause = fix.cause {
            out += ["Cause: \(code(cause))" + (fix.causeTitle.map { " (\($0))" } ?? ""), ""]
        }
        out += [fix.explanation.trimmedOfWhitespaceAndNewlines(), ""]
        if !fix.steps.isEmpty {
            out += ["### Steps", ""]
            for step in fix.steps { out += stepLines(step) }
        }
        if let verify = fix.verify {
            out += ["### Verify the fix", ""]
            out += stepLines(verify)
        }
        if let query = fix.query {
            out += ["### Find every other occurrence", ""]
            if let text = query.text { out += [text.trimmedOfWhitespaceAndNewlines(), ""] }
            if let group = query.logGroup { out += ["CloudWatch Logs Insights, log group \(code(group)):", ""] }
            if let insights = query.insights { out += fenced(insights.trimmedTrailing.components(separatedBy: "\n"), info: "") + [""] }
            if let command = query.command { out += fenced([command.trimmedTrailing], info: "sh") + [""] }
        }
        if !fix.missingFacts.isEmpty {
            out += ["### Still needed", "", "These values are shown as placeholders in the commands above:", ""]
            out += fix.missingFacts.map { "- \(code($0.placeholder)): \($0.label)" }
            out.append("")
        }
        if !fix.docs.isEmpty {
            out += ["### Documentation", ""]
            out += fix.docs.map { doc in doc.url.map { "- [\(doc.title)](\($0))" } ?? "- \(doc.title)" }
            out.append("")
        }
        return out
    }

    private static func stepLines(_ step: RenderedStep) -> [String] {
        var out = ["**\(step.number).** \(step.text.trimmedTrailing)", ""]
        if let command = step.command { out += fenced([command.trimmedTrailing], info: "sh") + [""] }
        return out
    }

    // MARK: - Markdown pieces

    /// Inline code whose delimiter is longer than any backtick run inside it.
    static func code(_ text: String) -> String {
        let ticks = String(repeating: "`", count: longestBacktickRun(in: text) + 1)
        let padding = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
        return ticks + padding + text + padding + ticks
    }

    /// A fenced block whose fence is longer than any backtick run in the lines.
    static func fenced(_ lines: [String], info: String) -> [String] {
        let fence = String(repeating: "`", count: max(3, lines.map(longestBacktickRun).max().map { $0 + 1 } ?? 3))
        return [fence + info] + lines + [fence]
    }

    private static func longestBacktickRun(in text: String) -> Int {
        var longest = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }
}
