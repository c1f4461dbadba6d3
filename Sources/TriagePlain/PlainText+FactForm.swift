import TriageKit

/// Plain mode's words for a fix's ids: a short header once, then one compact line per id.
extension PlainText {
    /// The screen for one id of the form: the header before the first id (with the path and the
    /// skips, as any screen), then "Id 3 of 8: API id".
    static func factItem(
        _ question: QuestionView, form: FactForm, screen: ScreenModel, width: Int, notes: [RouteNote]? = nil
    ) -> String {
        var out = ""
        if form.current == 0 {
            out += path(screen, width: width)
            // Learn mode's route notes say what the skip notices say, and which rule each answer followed.
            if let notes {
                out += routeNotes(notes, width: width)
            } else {
                for notice in screen.skipped {
                    out += TextWrap.wrap("Skipped \"\(notice.title)\": \(notice.answer) (\(notice.reason))", width: width) + "\n"
                }
            }
            out += "Step \(screen.stepNumber): ids for the fix \"\(form.fixTitle)\"\n"
            let ids = form.count == 1 ? "1 id" : "\(form.count) ids"
            out += TextWrap.wrap(
                "Its commands need \(ids). Give each one, press Enter to keep its placeholder, "
                    + "type 'back' to leave the ids, or 'skip all' to see the fix now.", width: width) + "\n"
        }
        return out + "Id \(form.number) of \(form.count): \(question.title)\n"
    }

    /// The prompt for one id: its example, what Enter keeps, and the value given before.
    static func factPrompt(_ question: QuestionView, form: FactForm) -> String {
        let field = form.fields.indices.contains(form.current) ? form.fields[form.current] : nil
        var parts: [String] = []
        if let example = question.example { parts.append("e.g. \(example)") }
        parts.append("Enter keeps \(field?.placeholder ?? "the placeholder")")
        if let prefill = question.prefill, !prefill.isEmpty { parts.append("was: \(prefill)") }
        return "[\(parts.joined(separator: "; "))] > "
    }
}
