/// Lines of a file that hold a secret which only their neighbours reveal, found in one streaming
/// pass so the masker can hide them in any report quoting them.
///
/// Inspectors quote single lines; a single line cannot say that it is the middle of a PEM private
/// key, a value under `Environment.Variables`, or the `value` of a `get-api-keys` item. The state
/// that knows lives here, in a pass over the file made where evidence enters (`EvidenceScanner`),
/// so no inspector has to remember it.
public struct SensitiveLines: Sendable, Equatable {
    /// Why a line is hidden.
    public enum Reason: String, Sendable {
        /// Between `-----BEGIN … PRIVATE KEY-----` and its `END` line (both included).
        case privateKey
        /// A value under a Lambda function's environment variables (`Environment.Variables`,
        /// Terraform `environment { variables = {…} }`, serverless `environment:`).
        case environmentVariable
        /// The `value` of an API key item (`get-api-keys --include-values`).
        case apiKeyValue
    }

    /// Line number (1-based) → why it is hidden.
    public private(set) var reasons: [Int: Reason]

    public init(reasons: [Int: Reason] = [:]) { self.reasons = reasons }

    public static let none = SensitiveLines()

    public var isEmpty: Bool { reasons.isEmpty }

    /// The file's sensitive lines up to `lastLine` (and a few after, where an API key item shows
    /// it is one). Reads nothing when `lastLine` is below 1; a file that cannot be read has none.
    public static func find(in path: String, through lastLine: Int) -> SensitiveLines {
        guard lastLine >= 1 else { return .none }
        var tracker = SensitiveLineTracker()
        let file = EvidenceFile(path: path, sample: EvidenceSample(path: path, head: "", isComplete: false, size: 0))
        // An API key item shows `enabled` and `stageKeys` a few lines after its `value`.
        let stop = lastLine + 16
        _ = try? file.forEachRawLine { line in
            tracker.feed(line)
            return line.number < stop
        }
        return tracker.finish().forFile(path)
    }

    /// Lines of one file; other files' lines (from a report's cross-file pass) by file name.
    private var others: [String: SensitiveLines] = [:]
    /// The file these `reasons` belong to (nil: whichever file a line names).
    private var file: String?

    /// The lines of `path` (what `find` returns, tied to its file).
    public func forFile(_ path: String) -> SensitiveLines {
        var copy = self
        copy.file = path
        return copy
    }

    /// These lines plus the ones found among a report's quoted lines, per file.
    func merging(_ byFile: [String: SensitiveLines]) -> SensitiveLines {
        var copy = self
        for (path, lines) in byFile { copy.others[path, default: .none].reasons.merge(lines.reasons) { first, _ in first } }
        return copy
    }

    /// The line as it may be shown: unchanged unless it is sensitive.
    public func mask(_ line: EvidenceLine) -> EvidenceLine {
        let reason = (file == nil || file == line.file ? reasons[line.line] : nil) ?? others[line.file]?.reasons[line.line]
        guard let reason else { return line }
        var line = line
        line.text = Self.hide(line.text, reason: reason)
        return line
    }

    static let stars = String(repeating: "*", count: 16)

    /// A private-key line keeps its BEGIN/END marker; a value line keeps its name.
    static func hide(_ text: String, reason: Reason) -> String {
        switch reason {
        case .privateKey:
            if text.contains("-----") { return SecretMasker(rules: [MaskingRule.privateKeyBlock]).mask(text) }
            let indent = text.prefix { $0 == " " || $0 == "\t" }
            return text.allSatisfy(\.isWhitespace) ? text : indent + stars
        case .environmentVariable, .apiKeyValue:
            return hideValue(text)
        }
    }

    /// `"NAME": "value",` → `"NAME": "****************",`; `NAME = value` → `NAME = ****************`.
    /// Idempotent: a value already hidden stays as it is.
    static func hideValue(_ text: String) -> String {
        guard let separator = text.firstIndex(where: { $0 == ":" || $0 == "=" }) else {
            // A continuation line (a value folded over several lines): all of it is value.
            let indent = text.prefix { $0 == " " || $0 == "\t" }
            return text.allSatisfy(\.isWhitespace) || text.contains(stars) ? text : indent + stars
        }
        var valueStart = text.index(after: separator)
        while valueStart < text.endIndex, text[valueStart] == " " || text[valueStart] == "\t" { valueStart = text.index(after: valueStart) }
        var value = text[valueStart...]
        var trailer = ""
        if value.hasSuffix(",") {
            value = value.dropLast()
            trailer = ","
        }
        // A value that opens a block (`{`, `[`, `|`, `>`) or is empty holds no secret on this line.
        guard let first = value.first, !"{[|>".contains(first), !value.contains(stars) else { return text }
        let quoted = value.count >= 2 && (first == "\"" || first == "'") && value.last == first
        let masked = quoted ? String(first) + stars + String(first) : stars
        return String(text[..<valueStart]) + masked + trailer
    }
}
