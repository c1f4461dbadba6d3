/// What a pasted command line adds to a document's report: the ids its options name (the
/// document's own facts win), and a note naming later command-and-output pairs that were not read.
enum CommandLineNotes {
    static func apply(_ pasted: PastedOutput, to report: inout EvidenceReport, describe: Bool = true) {
        if let command = pasted.command {
            report.facts.merge(command.facts) { held, _ in held }
            if describe, report.kind != nil { report.description += " (pasted with `\(command.name)` on line \(command.line))" }
        }
        if !pasted.laterCommands.isEmpty {
            let names = pasted.laterCommands.map { "\($0.name) (line \($0.line))" }.joined(separator: ", ")
            report.problems.append(
                "The file holds more than one command and output; only the first was read. Save each of these in "
                    + "its own file to read it: \(names).")
        }
    }
}
