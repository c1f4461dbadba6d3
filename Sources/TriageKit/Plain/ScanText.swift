/// The text form of `apigw-triage scan`: readable in 80 columns, without colour.
///
/// - Each file: its description, then its problems.
/// - Each cause, most significant first: a status glyph that does not rely on colour (`[!!]` a
///   line states it, `[! ]` strong hint, `[? ]` possible), the count and status, the cause's title,
///   one example line cut to the width, and the command that prints the fix.
/// - The failures no file explains: candidates and what would decide (`ScanText+Undetermined`).
/// - The facts found, and a legend for the glyphs.
public enum ScanText {
    /// The text; control characters from files and file names are shown as escapes (`\x1b`), never raw.
    /// A width no line reaches: for output that is not a terminal, where lines are never cut or wrapped.
    public static let unlimitedWidth = 1 << 30

    public static func render(_ summary: ScanSummary, titles: [String: String], width: Int = 80) -> String {
        VisibleText.visibleLines(renderRaw(summary.visible, titles: titles, width: width))
    }

    private static func renderRaw(_ summary: ScanSummary, titles: [String: String], width: Int) -> String {
        var out: [String] = []
        for file in summary.files {
            out.append(leftCut(file.path, width))
            out.append(hanging(file.description, first: "  ", width: width))
            for problem in file.problems {
                let text = problem.hasPrefix(file.path + ": ") ? String(problem.dropFirst(file.path.count + 2)) : problem
                out.append(hanging(text, first: "  - ", width: width))
            }
        }
        out += skippedLines(summary, width: width)
        out.append("")
        if summary.diagnoses.isEmpty {
            out.append("No 5xx cause found.")
        } else {
            out.append("Causes, most significant first:")
            let namesFiles = summary.files.count > 1
            for diagnosis in summary.diagnoses { out += lines(for: diagnosis, titles: titles, namesFiles: namesFiles, width: width) }
        }
        out += undeterminedLines(summary, namesFiles: summary.files.count > 1, width: width)
        if !summary.gaps.isEmpty {
            out.append("")
            out.append("Gaps (calls the collect script could not make; what they would have shown is unknown):")
            for gap in summary.gaps {
                out += TextWrap.wrap("- \(gap.file): \(gap.reason)", width: width).split(separator: "\n").map { "  " + $0 }
            }
        }
        if !summary.timeline.isEmpty {
            out.append("")
            out.append("Timeline (UTC):")
            for event in summary.timeline { out += timelineLines(event, namesFiles: summary.files.count > 1, width: width) }
        }
        if !summary.facts.isEmpty {
            out.append("")
            let facts = summary.facts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "  ")
            out.append(hanging(facts, first: "Facts: ", width: width))
        }
        if !summary.diagnoses.isEmpty || !summary.undetermined.isEmpty {
            out.append("")
            out.append("\(glyph(.high)) a log line states it  \(glyph(.medium)) strong hint  \(glyph(.low)) possible cause")
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// `2026-11-30 14:04:12  CloudTrail CreateDeployment … (2 min before the first 5xx)`, then where.
    private static func timelineLines(_ event: TimelineEvent, namesFiles: Bool, width: Int) -> [String] {
        let time = event.time.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: "")
        var out = [hanging(event.text, first: "  \(time)  ", width: width)]
        if event.source.line > 0 {
            let file = namesFiles ? "\(event.source.file.split(separator: "/").last ?? ""):" : "line "
            out.append(cut("       \(file)\(event.source.line)", width))
        }
        return out
    }

    public static func glyph(_ confidence: Confidence) -> String {
        switch confidence {
        case .high: "[!!]"
        case .medium: "[! ]"
        case .low: "[? ]"
        }
    }

    private static func lines(for diagnosis: ScanSummary.Diagnosis, titles: [String: String], namesFiles: Bool, width: Int) -> [String] {
        let status = diagnosis.status.map { " x \($0)" } ?? ""
        let title = titles[diagnosis.cause] ?? diagnosis.cause
        var out = [cut("\(glyph(diagnosis.confidence)) \(CountText.grouped(diagnosis.count))\(status)  \(title)", width)]
        if let example = diagnosis.evidence.first {
            let name = String(example.file.split(separator: "/").last ?? "")
            // A line 0 stands for the whole file (a cross-file conclusion): name the file, not "line 0".
            let place = example.line < 1 ? name : namesFiles ? "\(name):\(example.line)" : "line \(example.line)"
            out.append(cut("     \(place): \(messageText(example.text))", width))
        }
        out.append("     -> apigw-triage fix \(diagnosis.cause)")
        return out
    }

    /// A log line without its request-id or timestamp prefix: in 80 columns the message is what
    /// counts. A JSON access-log line shows only the fields that explain the failure, a CLF line
    /// its request and what follows.
    static func messageText(_ line: String) -> String {
        if line.hasPrefix("{"), let condensed = AccessLogEntry.condensed(line) { return condensed }
        // CLF: from the quoted request on (the address and time say nothing about the cause).
        if let time = line.firstRange(of: "] \""), line[..<time.lowerBound].contains(" [") {
            return String(line[line.index(after: time.lowerBound)...].dropFirst())
        }
        let bytes = Array(line.utf8)
        let start: Int? = bytes.withUnsafeBufferPointer { text in
            switch ExecutionLogLineShape.of(text) {
            case .request(_, let message), .console(let message): message
            case .continuation: nil
            }
        }
        guard let start else { return line }
        return String(decoding: bytes[start...], as: UTF8.self)
    }

    /// Wrapped text whose first line starts with `first` and whose next lines are indented as far.
    static func hanging(_ text: String, first: String, width: Int) -> String {
        let indent = String(repeating: " ", count: first.count)
        // A word wider than the line (a long path or URL) is cut so no line overflows.
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map { cut(String($0), width - indent.count) }
        let wrapped = TextWrap.wrap(words.joined(separator: " "), width: width, indent: indent)
        return first + wrapped.dropFirst(indent.count)
    }

    /// The text cut to `width` characters from the left, keeping its end (a path's file name).
    static func leftCut(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : "…" + String(text.suffix(width - 1))
    }

    /// The text cut to `width` characters, ending in "…" when cut.
    static func cut(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }
}
