/// The words and layout of plain mode (front-end chrome; everything the tree says comes from content).
enum PlainText {
    static let banner = """
        apigw-triage: API Gateway 5xx troubleshooting (plain mode)
        Answer with a number, y or n, or a value. Type 'help' for commands.

        """

    static let help = """
        Commands:
          back        go back one question (your answers are kept)
          restart     start again from the first question
          why         why this question matters
          facts       the facts known so far and where they came from
          map         the whole tree as an outline, with your path and position marked
          set K=V     give a fact, e.g. set api_id=a1b2c3d4e5
          skip all    show the fix now, without the facts it still needs
          quit        stop here

        """

    static let afterOutcomePrompt = "\nType 'back' to change an answer or 'restart' to begin again; press Enter to finish.\n> "

    /// A question with the path so far. With route notes (learn mode) they replace the skip
    /// notices: they say the same and also which rule each answer followed.
    static func question(_ question: QuestionView, screen: ScreenModel, width: Int, notes: [RouteNote]? = nil) -> String {
        var out = path(screen, width: width)
        if let notes {
            out += routeNotes(notes, width: width)
        } else {
            for notice in screen.skipped {
                out += TextWrap.wrap("Skipped \"\(notice.title)\": \(notice.answer) (\(notice.reason))", width: width) + "\n"
            }
        }
        out += "Step \(screen.stepNumber): \(question.title)\n"
        out += TextWrap.wrap(question.text, width: width) + "\n"
        for (offset, choice) in question.choices.enumerated() {
            // "*" marks the answer given before going back; labels wrap under themselves.
            let marker = question.prefill == choice.value ? "* " : "  "
            let number = "\(offset + 1).".padding(to: String(question.choices.count).count + 1) + " "
            let label = TextWrap.wrap(choice.label, width: width - 6).split(separator: "\n")
            for (index, line) in label.enumerated() {
                out += (index == 0 ? marker + number : String(repeating: " ", count: marker.count + number.count)) + line + "\n"
            }
        }
        if let hint = question.hint { out += TextWrap.wrap(hint, width: width) + "\n" }
        if !question.evidenceKinds.isEmpty {
            let kinds = question.evidenceKinds.map { EvidenceKind.all[$0] ?? $0 }.joined(separator: "; ")
            out += TextWrap.wrap("Files that help: \(kinds).", width: width) + "\n"
        }
        if !question.why.isEmpty { out += TextWrap.wrap("Why: " + question.why, width: width) + "\n" }
        return out
    }

    /// Learn mode: how the latest answers led here, one paragraph per move.
    static func routeNotes(_ notes: [RouteNote], width: Int) -> String {
        notes.map { note in
            var text: String
            if let source = note.answeredBy {
                text = "\"\(note.question)\" was answered for you: \(note.answer) (\(source)). Rule \"\(note.condition)\" leads to \"\(note.destination)\"."
                if let why = note.why, !why.isEmpty { text += " The question exists because: " + why.trimmedTrailing }
            } else {
                text = "Your answer \"\(note.answer)\" to \"\(note.question)\" follows the rule \"\(note.condition)\" to \"\(note.destination)\"."
            }
            return TextWrap.wrap(text, width: width) + "\n"
        }.joined()
    }

    static func path(_ screen: ScreenModel, width: Int) -> String {
        guard !screen.breadcrumbs.isEmpty else { return "" }
        let crumbs = screen.breadcrumbs.map { "\($0.title): \($0.answer)" + ($0.automatic ? " (auto)" : "") }
        return TextWrap.wrap("Path: " + crumbs.joined(separator: " > "), width: width) + "\n"
    }

    static func prompt(for question: QuestionView) -> String {
        var parts: [String] = []
        switch question.kind {
        case .yesno: parts.append("y/n")
        case .choice: parts.append("1-\(question.choices.count)")
        case .input:
            if let example = question.example { parts.append("e.g. \(example)") }
            if question.optional { parts.append("Enter to skip") }
        case .file: parts.append("path, or Enter to skip")
        case .fix, .end: break
        }
        if let prefill = question.prefill, !prefill.isEmpty, question.kind != .choice {
            parts.append("was: \(prefill)")
        }
        return (parts.isEmpty ? "" : "[\(parts.joined(separator: "; "))] ") + "> "
    }

    static func facts(_ screen: ScreenModel) -> String {
        guard !screen.facts.isEmpty else { return "No facts known yet.\n" }
        return screen.facts.map { "  \($0.key) = \($0.value)  (\($0.origin))" }.joined(separator: "\n") + "\n"
    }

    static func endOfInput(_ question: QuestionView) -> String {
        "Input ended before the wizard reached a fix (waiting at \"\(question.title)\"). Add the remaining answers, one per line, and run again.\n"
    }

    static func quitting(_ step: Int) -> String {
        "Stopped at step \(step).\n"
    }
}

extension String {
    /// Pads with spaces on the right to at least `width` characters.
    fileprivate func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
