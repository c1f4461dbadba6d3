import TriageKit

/// Keys on question screens: choosing (yes/no, choice lists) and typing (input, file paths).
extension WizardController {
    /// Yes/no and choice questions: arrows, j/k, Home/End, Page keys, digits, y/n, Enter.
    mutating func handleChoosing(_ key: Key, question: QuestionView) -> [TerminalRequest] {
        if question.kind == .choice, ui.filter != nil { return handleFilter(key, question: question) }
        let values = question.kind == .yesno ? ["yes", "no"] : question.choices.map(\.value)
        let last = max(0, values.count - 1)
        // Digits waiting for a second one: any key but another digit ends the wait.
        let pending = ui.pendingNumber
        ui.pendingNumber = ""
        switch key {
        case .enter where !pending.isEmpty, .timeout where !pending.isEmpty:
            answerNumber(pending, values: values)
        case .timeout:
            break
        case .character("/") where question.kind == .choice:
            ui.filter = TextField()
            ui.validation = nil
        case .up, .character("k"), .backTab: select(ui.selection - 1, last: last)
        case .down, .character("j"), .tab: select(ui.selection + 1, last: last)
        case .home, .character("g"): select(0, last: last)
        case .end, .character("G"): select(last, last: last)
        case .pageUp: select(ui.selection - 5, last: last)
        case .pageDown: select(ui.selection + 5, last: last)
        case .enter:
            if values.indices.contains(ui.selection) { send(.answer(values[ui.selection])) }
        case .character("y") where question.kind == .yesno:
            ui.selection = 0
            send(.answer("yes"))
        case .character("n") where question.kind == .yesno:
            ui.selection = 1
            send(.answer("no"))
        case .character(let digit) where digit.isASCII && digit.isNumber && question.kind == .choice:
            typeDigit(digit, after: pending, values: values)
        default:
            return handleCommonKey(key) ?? []
        }
        return []
    }

    private mutating func select(_ index: Int, last: Int) {
        ui.selection = min(max(0, index), last)
        ui.validation = nil
    }

    /// Input and file questions: every printable key is text, so commands use Esc, F1 and Ctrl keys.
    mutating func handleTyping(_ key: Key, question: QuestionView) -> [TerminalRequest] {
        switch key {
        case .enter:
            submitTyped(question: question)
        case .escape:
            goBack()
        case .tab where question.kind == .file:
            complete()
        case .up, .down, .pageUp, .pageDown, .backTab, .tab, .function, .mouse, .resize:
            break
        default:
            let before = ui.field.text
            // Only a change of text clears the message; moving the cursor to fix a typo keeps it.
            if ui.field.edit(key), ui.field.text != before {
                ui.validation = nil
                ui.completions = []
            }
        }
        return []
    }

    private mutating func complete() {
        let completion = PathCompleter.complete(ui.field.textBeforeCursor, in: services.files)
        ui.field.replaceBeforeCursor(with: completion.text)
        ui.completions = completion.candidates
        ui.validation = completion.noMatch ? "Nothing matches \(ui.field.textBeforeCursor)." : nil
    }

    private mutating func submitTyped(question: QuestionView) {
        let text = ui.field.text
        let trimmed = text.trimmingLeadingSpaces.trimmingTrailingSpaces
        if question.isFactQuestion, trimmed.lowercased() == "skip all" {
            send(.skipFacts)
            return
        }
        guard question.kind == .file, !AnswerParser.skipWords.contains(trimmed.lowercased()) else {
            send(.answer(text))
            return
        }
        // The same file again after its detection was shown: go on with it anyway.
        if ui.detectedPath == trimmed {
            send(.answer(trimmed))
            return
        }
        let position = state.current
        switch addEvidenceFile(typed: trimmed) {
        case .failure(let problem):
            ui.validation = problem.message
        case .success(let report):
            if state.current == position {
                ui.detection = detectionMessage(report, wanted: question.evidenceKinds)
                ui.detectedPath = trimmed
            } else {
                ui.status = StatusMessage(text: "Read \(trimmed): \(report.description)", tone: .success)
            }
        }
    }

    private func detectionMessage(_ report: EvidenceReport, wanted: [String]) -> String {
        let found = report.kind.map { "Detected: \(EvidenceKind.all[$0] ?? $0) (\(report.description))." }
            ?? "Not recognised: \(report.description)."
        let kinds = wanted.map { EvidenceKind.all[$0] ?? $0 }.joined(separator: " or ")
        return "\(found) This question wants \(kinds.isEmpty ? "another kind of file" : kinds). "
            + "Press Enter again to go on with this file, type another path, or clear the field and press Enter to skip."
    }
}
