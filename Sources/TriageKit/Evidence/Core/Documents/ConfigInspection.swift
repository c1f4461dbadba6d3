/// The common frame of every document inspector: read the file whole, parse it, and either hand
/// the document to the inspector or report, in our words, why it could not be read.
enum ConfigInspection {
    /// Reads `file` and runs `inspect` on its document. A file that is not a usable document (cut
    /// off, not JSON, binary) yields a report with the problem and no findings, never a crash;
    /// a file that cannot be opened or is too large throws `EvidenceContentsError`.
    ///
    /// A pasted command line adds the ids it names to the facts (the document's own win), and an
    /// error printed instead of output is reported by `onError` (by default: what the error says).
    static func run(
        _ file: EvidenceFile, kind: String, as format: ConfigDocument.Format? = nil,
        onError: ((CLIErrorOutput) -> EvidenceReport)? = nil,
        inspect: (ConfigDocument) -> EvidenceReport
    ) throws -> EvidenceReport {
        switch try ConfigDocument.read(file, as: format) {
        case .document(let document):
            var report = inspect(document)
            if let pasted = document.pasted { CommandLineNotes.apply(pasted, to: &report) }
            return report
        case .unusable(let problem, let lines):
            return unusable(file.path, kind: kind, problem: problem, lines: lines)
        case .cliError(let error, let pasted, let lines):
            let output = CLIErrorOutput(path: file.path, error: error, pasted: pasted, lines: lines)
            var report = onError?(output) ?? cliError(output, kind: kind)
            CommandLineNotes.apply(pasted, to: &report, describe: false)
            return report
        }
    }

    /// A report for a file of `kind` whose content could not be used.
    static func unusable(_ path: String, kind: String, problem: String, lines: Int) -> EvidenceReport {
        EvidenceReport(
            path: path, kind: kind, description: "\(label(kind)), but \(problem)", lines: lines,
            problems: [problem.prefix(1).uppercased() + problem.dropFirst() + "."])
    }

    /// A report for an error the CLI printed instead of the output: what it means, no finding.
    static func cliError(_ output: CLIErrorOutput, kind: String) -> EvidenceReport {
        let error = output.error
        let command = output.pasted.command?.name ?? error.operation
        let meaning: String
        if error.isAccessDenied {
            meaning = "the caller could not read it (\(error.code)), so it says nothing about the configuration; run it with a role that may"
        } else if error.isNotFound {
            meaning = "what it asks for does not exist (\(error.code): \(error.message))"
        } else {
            meaning = "the call failed (\(error.code): \(error.message))"
        }
        return EvidenceReport(
            path: output.path, kind: kind, description: "\(label(kind)): \(command) printed an error instead: \(meaning)",
            lines: output.lines)
    }

    /// "1 operation", "3 operations".
    static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// The user-facing name of an evidence kind.
    static func label(_ kind: String) -> String {
        EvidenceKind.all[kind] ?? kind
    }
}
