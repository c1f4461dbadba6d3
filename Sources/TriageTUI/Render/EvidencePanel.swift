import TriageKit

/// The evidence panel's lines: each file given with what was detected, then the facts files stated.
enum EvidencePanel {
    static func lines(_ view: WizardView, width: Int, glyphs: Glyphs) -> [String] {
        guard !view.evidence.isEmpty || !view.offeredFiles.isEmpty else { return [] }
        var lines: [String] = []
        for report in view.evidence {
            // A recognised file gets a check mark; an unrecognised one a "?", so no colour is needed.
            let mark = report.kind == nil ? "?" : glyphs.check
            lines.append(DisplayWidth.truncate("\(mark) \(report.path): \(report.description)", to: width, ellipsis: glyphs.ellipsis))
            // A status the file shows without its cause is said so: it answers nothing.
            for failure in report.undetermined.prefix(2) {
                let text = "  \(failure.status) x\(failure.count): the status only, no line shows its cause"
                lines.append(DisplayWidth.truncate(text, to: width, ellipsis: glyphs.ellipsis))
            }
        }
        let fromFiles = view.screen.facts.filter { $0.origin.hasPrefix("from ") }
        if !fromFiles.isEmpty {
            let facts = fromFiles.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
            lines += ProseWrap.wrap("Facts from files: \(facts)", width: width)
        }
        if !view.offeredFiles.isEmpty {
            let files = view.offeredFiles.map { "\($0.number) \($0.name)" }.joined(separator: ", ")
            lines += ProseWrap.wrap("Scenario files (a, then a number): \(files)", width: width)
        }
        return lines
    }
}
