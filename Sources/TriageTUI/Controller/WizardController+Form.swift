import TriageKit

/// Keys on the ids form: every id the fix still needs on one screen.
extension WizardController {
    /// Tab/Shift-Tab (and the arrows) move between fields, Enter moves on and on the last field
    /// gives every id at once, Esc goes back one screen (to the question before the form).
    mutating func handleForm(_ key: Key, form: FactForm) -> [TerminalRequest] {
        let count = ui.formFields.count
        guard count > 0 else { return [] }
        switch key {
        case .tab, .down: ui.formFocus = (ui.formFocus + 1) % count
        case .backTab, .up: ui.formFocus = (ui.formFocus + count - 1) % count
        case .escape: goBack()
        case .enter:
            let typed = ui.formFields[ui.formFocus].text.trimmingLeadingSpaces.trimmingTrailingSpaces
            if typed.lowercased() == "skip all" {
                send(.skipFacts)
            } else if ui.formFocus < count - 1 {
                ui.formFocus += 1
            } else {
                submitForm(form)
            }
        case .pageUp, .pageDown, .function, .mouse, .resize:
            break
        default:
            let before = ui.formFields[ui.formFocus].text
            if ui.formFields[ui.formFocus].edit(key), ui.formFields[ui.formFocus].text != before { ui.validation = nil }
        }
        return []
    }

    /// Sends every field; a refused id gets the focus, with the engine's reason under the form.
    private mutating func submitForm(_ form: FactForm) {
        var values: [String: String] = [:]
        for (field, typed) in zip(form.open, ui.formFields) { values[field.key] = typed.text }
        if case .invalidFact(let key, let reason)? = send(.answerFacts(values)),
            let index = form.open.firstIndex(where: { $0.key == key })
        {
            ui.formFocus = index - form.open.startIndex
            ui.validation = reason
        }
    }
}
