import TriageKit

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
          add PATH    read an evidence file or a folder of them (logs, CLI output, templates)
          skip all    show the fix now, without the facts it still needs
          use evidence  take the status the evidence shows over the one you gave (when they differ)
          /TEXT       on a list: show only the choices that match TEXT (then type the number)
          save FILE   write a report of the session (Markdown; JSON if FILE ends in .json)
          copy N      on the fix: send command N to the clipboard (OSC 52)
          collect [FILE]  the read-only script that gathers this API's evidence (printed, or saved as FILE)
          quit        stop here (a saved session says how to continue it)

        """

    static let afterOutcomePrompt = """

        Type 'copy N' to copy command N, 'save FILE' to write a report,
        'back' to change an answer, 'restart' to begin again; Enter to finish.
        >\u{20}
        """

    static let nothingToCopy = "There are no commands yet: 'copy N' works on the fix screen.\n"

    static func collectNeeds(_ keys: [String]) -> String {
        "The collect script needs \(keys.joined(separator: " and ")) first: 'set \(keys.first ?? "api_id")=...', "
            + "or run 'apigw-triage collect --api-id ID --stage STAGE'.\n"
    }

    static let collectPrinted = "\n(The script above only reads. Save it with 'collect FILE', run it with bash where your "
        + "AWS credentials are, then 'add' the folder it writes.)\n"

    static func collectSaved(_ path: String, folder: String) -> String {
        "Saved the read-only collect script to \(path). Run it (bash \(path)) where your AWS credentials are, "
            + "then 'add \(folder)'.\n"
    }

    static func noSuchCommand(_ number: Int, available: [Int]) -> String {
        guard !available.isEmpty else { return "This outcome has no commands to copy.\n" }
        return "There is no command \(number); commands: \(available.map(String.init).joined(separator: ", ")).\n"
    }

    /// A question with the path so far. With route notes (learn mode) they replace the skip
    /// notices: they say the same and also which rule each answer followed.
    static func question(_ question: QuestionView, screen: ScreenModel, width: Int, notes: [RouteNote]? = nil) -> String {
        if let form = question.form { return factItem(question, form: form, screen: screen, width: width, notes: notes) }
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
            let digits = String(question.choices.count).count
            let number = String(repeating: " ", count: digits - String(offset + 1).count) + "\(offset + 1). "
            let label = TextWrap.wrap(choice.label, width: width - 6).split(separator: "\n")
            for (index, line) in label.enumerated() {
                out += (index == 0 ? marker + number : String(repeating: " ", count: marker.count + number.count)) + line + "\n"
            }
        }
        if let hint = question.hint { out += TextWrap.wrap(hint, width: width) + "\n" }
        // Commands stand alone and unwrapped so they can be copied as they are.
        if let command = question.command { out += "To find out:\n" + command.trimmedTrailing + "\n" }
        if !question.evidenceKinds.isEmpty {
            let kinds = question.evidenceKinds.map { EvidenceKind.all[$0] ?? $0 }.joined(separator: "; ")
            out += TextWrap.wrap("Files that help: \(kinds).", width: width) + "\n"
        }
        if !question.why.isEmpty { out += TextWrap.wrap("Why: " + question.why, width: width) + "\n" }
        return out
    }

    /// Learn mode: how the latest answers led here, one paragraph per move.
    static func routeNotes(_ notes: [RouteNote], width: Int) -> String {
        notes.map { TextWrap.wrap($0.sentence, width: width) + "\n" }.joined()
    }

    static func path(_ screen: ScreenModel, width: Int) -> String {
        // Where evidence and answers disagree, said under the path on every screen until settled.
        let notes = screen.notes.map { note in
            TextWrap.wrap("! " + note.text + (note.canAccept ? " Type 'use evidence' to take the evidence's." : ""), width: width) + "\n"
        }.joined()
        guard !screen.breadcrumbs.isEmpty else { return notes }
        let crumbs = screen.breadcrumbs.map { "\($0.title): \($0.answer)" + ($0.automatic ? " (auto)" : "") }
        return TextWrap.wrap("Path: " + crumbs.joined(separator: " > "), width: width) + "\n" + notes
    }

    static func prompt(for question: QuestionView) -> String {
        if let form = question.form { return factPrompt(question, form: form) }
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

    /// What a file turned out to be, with its findings, as shown when it is given.
    static func evidence(_ report: EvidenceReport, width: Int) -> String {
        var out = TextWrap.wrap("File \(report.path): \(report.description)", width: width) + "\n"
        for problem in report.problems { out += TextWrap.wrap("! " + problem, width: width, indent: "  ") + "\n" }
        for finding in report.findings.prefix(5) {
            let summary = "- \(finding.cause) (\(finding.confidence.rawValue), \(finding.count)x): \(finding.summary)"
            out += TextWrap.wrap(summary, width: width, indent: "  ") + "\n"
            if let line = finding.evidence.first { out += "    \(line.quoted)\n" }
        }
        for failure in report.undetermined.prefix(3) {
            let summary = "- \(failure.status) (\(failure.count)x): the status only, no line shows its cause "
                + "(`apigw-triage scan` lists the candidates and what would decide)"
            out += TextWrap.wrap(summary, width: width, indent: "  ") + "\n"
        }
        if report.kind == nil { out += "Not used. Give another file, or press Enter to skip.\n" }
        return out
    }
}
