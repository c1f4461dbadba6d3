import TriageKit

/// Long choice lists: numbers of two digits, and the `/` filter.
extension WizardController {
    /// A digit on a choice list. Up to 9 choices it answers at once; beyond, it waits briefly
    /// (`keyTimeout`) for a second digit, unless no second digit could make a choice ("3" of 22),
    /// so "15" answers the 15th choice and "1" then a pause, or "1" Enter, answers the first.
    mutating func typeDigit(_ digit: Character, after pending: String, values: [String]) {
        let typed = pending + String(digit)
        guard let number = Int(typed) else { return }
        if values.count <= 9 || number * 10 > values.count || typed.count >= String(values.count).count {
            answerNumber(typed, values: values)
            return
        }
        ui.pendingNumber = typed
        if values.indices.contains(number - 1) { ui.selection = number - 1 }
        ui.status = StatusMessage(text: "\(typed)… another digit, or Enter for choice \(typed).", tone: .info)
    }

    /// Answers the choice with this number, or says there is none.
    mutating func answerNumber(_ typed: String, values: [String]) {
        guard let number = Int(typed), values.indices.contains(number - 1) else {
            ui.validation = "There is no choice \(typed); choose from 1-\(values.count)."
            return
        }
        ui.selection = number - 1
        send(.answer(values[number - 1]))
    }

    /// Keys while the list is filtered: typing narrows it, the arrows move among what is left,
    /// Enter answers the highlighted choice, Esc (or Backspace on an empty filter) shows all again.
    mutating func handleFilter(_ key: Key, question: QuestionView) -> [TerminalRequest] {
        var filter = ui.filter ?? TextField()
        let shown = ChoiceFilter.matches(question.choices, filter.text)
        switch key {
        case .escape:
            ui.filter = nil
        case .backspace where filter.isEmpty:
            ui.filter = nil
        case .enter:
            if shown.contains(ui.selection) {
                send(.answer(question.choices[ui.selection].value))
            } else {
                ui.validation = "No choice matches \"\(filter.text)\"; Backspace widens the filter, Esc shows every choice."
            }
        case .up, .backTab: moveAmong(shown, by: -1)
        case .down, .tab: moveAmong(shown, by: 1)
        case .home: if let first = shown.first { ui.selection = first }
        case .end: if let last = shown.last { ui.selection = last }
        case .mouse, .resize, .timeout, .function, .pageUp, .pageDown:
            break
        default:
            guard filter.edit(key) else { break }
            ui.filter = filter
            ui.validation = nil
            let now = ChoiceFilter.matches(question.choices, filter.text)
            if !now.contains(ui.selection), let first = now.first { ui.selection = first }
        }
        return []
    }

    private mutating func moveAmong(_ shown: [Int], by step: Int) {
        guard !shown.isEmpty else { return }
        let position = shown.firstIndex(of: ui.selection) ?? 0
        ui.selection = shown[min(max(0, position + step), shown.count - 1)]
    }
}
