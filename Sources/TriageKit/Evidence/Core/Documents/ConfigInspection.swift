/// The common frame of every document inspector: read the file whole, parse it, and either hand
/// the document to the inspector or report, in our words, why it could not be read.
enum ConfigInspection {
    /// Reads `file` and runs `inspect` on its document. A file that is not a usable document (cut
    /// off, not JSON, binary) yields a report with the problem and no findings, never a crash;
    /// a file that cannot be opened or is too large throws `EvidenceContentsError`.
    static func run(
        _ file: EvidenceFile, kind: String, as format: ConfigDocument.Format? = nil,
        inspect: (ConfigDocument) -> EvidenceReport
    ) throws -> EvidenceReport {
        switch try ConfigDocument.read(file, as: format) {
        case .document(let document):
            return inspect(document)
        case .unusable(let problem, let lines):
            return unusable(file.path, kind: kind, problem: problem, lines: lines)
        }
    }

    /// A report for a file of `kind` whose content could not be used.
    static func unusable(_ path: String, kind: String, problem: String, lines: Int) -> EvidenceReport {
        EvidenceReport(
            path: path, kind: kind, description: "\(label(kind)), but \(problem)", lines: lines,
            problems: [problem.prefix(1).uppercased() + problem.dropFirst() + "."])
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
