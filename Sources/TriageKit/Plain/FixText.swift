/// The plain-text form of a fix: what plain mode prints at the end, and `apigw-triage fix` prints.
///
/// Commands stand on lines of their own, unindented and undecorated, so a terminal's own
/// selection copies them cleanly; prose is wrapped, commands never are.
public enum FixText {
    public static func render(_ fix: RenderedFix, width: Int = 78) -> String {
        var out: [String] = []
        let rule = String(repeating: "=", count: min(width, 72))
        out.append(rule)
        out.append((fix.kind == .fix ? "FIX: " : "OUTCOME: ") + fix.title)
        if let cause = fix.cause {
            out.append("Cause: \(cause)" + (fix.causeTitle.map { " (\($0))" } ?? ""))
        }
        out.append(rule)
        out.append("")
        out.append(TextWrap.wrap(fix.explanation.trimmedTrailing, width: width))
        if !fix.evidence.isEmpty {
            out.append("")
            out.append("Evidence:")
            for line in fix.evidence { out.append("  \(line.quoted)") }
        }
        if !fix.steps.isEmpty {
            out.append("")
            out.append("Steps:")
            out += fix.steps.map { stepLines($0, width: width) }.joined(separator: [""])
        }
        if let verify = fix.verify {
            out.append("")
            out.append("Verify the fix:")
            out += stepLines(verify, width: width)
        }
        if let query = fix.query {
            out.append("")
            var heading = "Find every other occurrence"
            if let group = query.logGroup { heading += " (CloudWatch Logs Insights, log group \(group))" }
            out.append(TextWrap.wrap(heading + ":", width: width))
            if let text = query.text { out.append(TextWrap.wrap(text, width: width)) }
            if let insights = query.insights { out.append(insights.trimmedTrailing) }
            if let command = query.command { out.append(command.trimmedTrailing) }
        }
        if !fix.missingFacts.isEmpty {
            out.append("")
            out.append("Still needed (shown as placeholders):")
            for fact in fix.missingFacts { out.append("  \(fact.placeholder)  \(fact.label)") }
        }
        if !fix.docs.isEmpty {
            out.append("")
            out.append("Documentation:")
            for doc in fix.docs { out.append("  - \(doc.line)") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private static func stepLines(_ step: RenderedStep, width: Int) -> [String] {
        var lines = [TextWrap.wrap("\(step.number). \(step.text.trimmedTrailing)", width: width)]
        if let command = step.command { lines.append(command.trimmedTrailing) }
        return lines
    }
}

extension String {
    public var trimmedTrailing: String {
        var text = self
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }
}
