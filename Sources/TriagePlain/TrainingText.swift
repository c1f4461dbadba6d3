import TriageKit

/// The words and layout of training in plain mode: the scenario's introduction, its files, and
/// the verdict. (What a scenario says comes from its `scenario.yaml`.)
public enum TrainingText {
    /// The numbered list `train --list` prints.
    public static func list(_ library: ScenarioLibrary, origin: String) -> String {
        guard !library.scenarios.isEmpty else { return "No training scenarios (\(origin)).\n" }
        var out = "Training scenarios (\(origin)):\n"
        let numberWidth = String(library.scenarios.count).count
        for (offset, bundle) in library.scenarios.enumerated() {
            let scenario = bundle.scenario
            let number = String(offset + 1).leftPadded(to: numberWidth)
            let level = scenario.difficulty.rawValue.rightPadded(to: 12)
            out += "  \(number). \(level) \(scenario.status) \(scenario.api_type == "http" ? "HTTP" : "REST")  \(scenario.title)  [\(scenario.id)]\n"
        }
        out += "\n'apigw-triage train NUMBER' or 'apigw-triage train NAME' starts one.\n"
        return out
    }

    public static func story(_ scenario: Scenario, width: Int) -> String {
        let api = scenario.api_type == "http" ? "HTTP API" : "REST API"
        var out = "\nTRAINING: \(scenario.title)\n"
        out += "(\(scenario.difficulty.rawValue); the customer sees \(scenario.status); \(api))\n\n"
        out += TextWrap.wrap(reflow(scenario.story), width: width) + "\n"
        return out
    }

    /// Joins the lines of each paragraph (scenario files wrap their prose by hand), keeping blank
    /// lines between paragraphs and lines that start a list item.
    static func reflow(_ text: String) -> String {
        var paragraphs: [String] = []
        var current: [String] = []
        for line in text.trimmedTrailing.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingSpaces
            if trimmed.isEmpty {
                if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
                current = []
                paragraphs.append("")
            } else if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") {
                if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
                current = [trimmed]
            } else {
                current.append(trimmed)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        return paragraphs.joined(separator: "\n")
    }

    /// The story, the files on offer and how to use them.
    public static func introduction(_ session: TrainingSession, width: Int) -> String {
        var out = story(session.scenario, width: width)
        out += "\n" + TextWrap.wrap(
            "The engineer on the ticket collected these files. None is loaded yet: open them in another terminal, "
                + "type 'load N' to load one as evidence at any point, or give its number at a question that asks for a file.",
            width: width) + "\n"
        out += fileLines(session, state: nil)
        out += "\n" + TextWrap.wrap(
            "Find the cause with the wizard. Type 'files' to see this list again, 'map' for the whole tree, 'help' for every command.",
            width: width) + "\n\n"
        return out
    }

    /// The introduction before the full-screen wizard: the same story and files, with the keys
    /// that load a file there (the story stays in the scroll-back while the wizard runs).
    public static func fullScreenIntroduction(_ session: TrainingSession, width: Int) -> String {
        var out = story(session.scenario, width: width)
        out += "\n" + TextWrap.wrap(
            "The engineer on the ticket collected these files. None is loaded yet: open them in another terminal, "
                + "and in the wizard press 'a' (or answer a question that asks for a file) and give a file's path; "
                + "Tab completes it. Press 'm' for the whole tree.",
            width: width) + "\n"
        out += fileLines(session, state: nil)
        return out + "\n"
    }

    static func files(_ session: TrainingSession, state: SessionState, width: Int) -> String {
        "Files offered by the scenario:\n" + fileLines(session, state: state)
    }

    private static func fileLines(_ session: TrainingSession, state: SessionState?) -> String {
        session.files.map { file in
            let loaded = state.map { session.isLoaded(file, in: $0) ? " (loaded)" : "" } ?? ""
            return "  \(file.number). \(file.name)\(loaded): \(file.description)\n     \(file.path)\n"
        }.joined()
    }

    static func loaded(_ file: OfferedFile, report: EvidenceReport, width: Int) -> String {
        TextWrap.wrap("Loaded \(file.number). \(file.name): \(report.description)", width: width) + "\n"
    }

    public static func verdict(_ verdict: TrainingVerdict, width: Int) -> String {
        let rule = String(repeating: "=", count: min(width, 72))
        var out = [rule]
        out.append(verdict.isCorrect ? "TRAINING RESULT: you found the cause" : "TRAINING RESULT: not the scenario's cause")
        out.append(rule)
        out.append("")
        let reached = verdict.reachedCause.map { "\($0) (\(verdict.reachedTitle))" } ?? "\(verdict.reachedTitle), which is not a cause"
        out.append(TextWrap.wrap("You reached: \(reached).", width: width))
        out.append(TextWrap.wrap(
            "The scenario's cause: \(verdict.expectedCause)" + (verdict.expectedTitle.map { " (\($0))" } ?? "") + ".", width: width))
        out.append("")
        var count = "Questions you answered: \(verdict.questionsAnswered)"
        if verdict.answersGiven > verdict.questionsAnswered {
            count += " (\(verdict.answersGiven) answers in all, counting the ones you went back on)"
        }
        out.append(TextWrap.wrap(count + ".", width: width))
        if let shortest = verdict.shortestPath {
            out.append(TextWrap.wrap(
                "Shortest path to the scenario's fix: \(shortest.count) question\(shortest.count == 1 ? "" : "s")"
                    + (shortest.isEmpty ? "." : ": " + shortest.joined(separator: " > ") + "."), width: width))
        } else {
            out.append(TextWrap.wrap("The tree has no path to a fix for \(verdict.expectedCause).", width: width))
        }
        out.append("")
        out += coverageLines(verdict, width: width)
        if !verdict.keyEvidence.isEmpty {
            out.append("")
            out.append("The lines that give it away:")
            for line in verdict.keyEvidence { out.append("  \(line.file): \(line.text)") }
        }
        if let misleads = verdict.misleads {
            out.append("")
            out.append(TextWrap.wrap(
                "This scenario is built to mislead: a scan of all its files names \(misleads) first.", width: width))
        }
        out.append("")
        out.append("Why:")
        out.append(TextWrap.wrap(reflow(verdict.explanation), width: width))
        if let about = verdict.causeExplanation {
            out.append("")
            out.append("About \(verdict.expectedCause):")
            out.append(TextWrap.wrap(reflow(about), width: width))
        }
        return out.joined(separator: "\n") + "\n"
    }

    private static func coverageLines(_ verdict: TrainingVerdict, width: Int) -> [String] {
        var out = ["What each file would have answered:"]
        guard verdict.inspectionAvailable else {
            out.append(TextWrap.wrap(
                "  (not known: this build cannot inspect evidence files, so they cannot be matched to questions)",
                width: width, indent: "  "))
            for entry in verdict.coverage {
                out.append("  \(entry.file.number). \(entry.file.name)\(entry.loaded ? " (loaded)" : "")")
            }
            return out
        }
        for entry in verdict.coverage {
            out.append("  \(entry.file.number). \(entry.file.name)\(entry.loaded ? " (loaded)" : " (not loaded)"): \(entry.description)")
            if !entry.findings.isEmpty {
                let findings = entry.findings.map { "\($0.cause) ×\($0.count)" }.joined(separator: ", ")
                out.append(TextWrap.wrap("finds \(findings)", width: width, indent: "     "))
            }
            if entry.answers.isEmpty {
                out.append("     answers none of the questions on these paths")
            } else {
                for answer in entry.answers {
                    let note = answer.askedOfTrainee ? " (you answered it by hand)" : ""
                    out.append(TextWrap.wrap("answers \"\(answer.title)\": \(answer.answer)\(note)", width: width, indent: "     "))
                }
            }
        }
        return out
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }

    fileprivate func rightPadded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
