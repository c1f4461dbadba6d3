extension ScanText {
    /// How many candidate causes a text line names before "and N more" (JSON lists them all).
    static let shownCandidates = 6

    /// The failures no file explains, after the causes: status and count, an example line, the
    /// candidates, and what would decide.
    static func undeterminedLines(_ summary: ScanSummary, namesFiles: Bool, width: Int) -> [String] {
        guard !summary.undetermined.isEmpty else { return [] }
        var out = ["", "Undetermined (a status, but no line that shows why):"]
        for failure in summary.undetermined {
            let type = failure.apiType.map { $0 == "http" ? " (HTTP API)" : $0 == "rest" ? " (REST API)" : " (\($0))" } ?? ""
            let requests = CountText.counted(failure.count, "request")
            out.append(hanging("\(requests) failed with \(failure.status)\(type).", first: "\(glyph(.low)) ", width: width))
            if let example = failure.evidence.first {
                let place = namesFiles ? "\(example.file.split(separator: "/").last ?? "")" + ":\(example.line)" : "line \(example.line)"
                out.append(cut("     \(place): \(messageText(example.text))", width))
            }
            if !failure.candidates.isEmpty {
                let shown = failure.candidates.prefix(shownCandidates).joined(separator: ", ")
                let more = failure.candidates.count > shownCandidates ? " and \(failure.candidates.count - shownCandidates) more" : ""
                out.append(hanging("candidates: \(shown)\(more)", first: "     ", width: width))
            }
            for next in failure.next { out.append(hanging("would decide: \(next)", first: "     ", width: width)) }
        }
        return out
    }

    /// The entries of folders that were not read.
    static func skippedLines(_ summary: ScanSummary, width: Int) -> [String] {
        guard !summary.skipped.isEmpty else { return [] }
        return ["Skipped in the folders given:"] + summary.skipped.map { hanging("\(leftCut($0.path, width / 2)): \($0.reason)", first: "  - ", width: width) }
    }
}
