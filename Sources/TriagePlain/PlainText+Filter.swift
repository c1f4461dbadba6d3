import TriageKit

/// Plain mode's `/TEXT` on a choice list: the matching choices, with their own numbers.
extension PlainText {
    static func filtered(_ question: QuestionView, text: String, width: Int) -> String {
        let shown = ChoiceFilter.matches(question.choices, text)
        guard !shown.isEmpty else {
            return "No choice matches \"\(text)\"; the choices are numbered 1-\(question.choices.count).\n"
        }
        let digits = String(question.choices.count).count
        var out = "\(shown.count) of \(question.choices.count) choices match \"\(text)\":\n"
        for index in shown {
            let number = String(index + 1)
            let lead = "  " + String(repeating: " ", count: digits - number.count) + number + ". "
            let label = TextWrap.wrap(question.choices[index].label, width: width - lead.count).split(separator: "\n")
            for (line, part) in label.enumerated() {
                out += (line == 0 ? lead : String(repeating: " ", count: lead.count)) + part + "\n"
            }
        }
        return out + "Type the number to answer.\n"
    }
}
