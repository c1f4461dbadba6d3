/// Every bound a reader of evidence keeps, in one place, so a hostile or wrong file (a 1 GB single
/// line, JSON nested 100,000 deep, a YAML alias bomb, `/dev/zero`) gets a clear message naming the
/// limit instead of exhausting memory or time.
///
/// Readers written for new formats use these too:
/// - whole documents: `EvidenceFile.contents(limit: ParserLimits.documentBytes)`;
/// - lines: `forEachRawLine`/`forEachLine` (lines cut at `lineBytes`, time checked per chunk);
/// - nesting (JSON, HCL blocks, HAR pages): refuse beyond `nestingDepth`, message from
///   `ParserLimits.tooDeep(_:line:)`;
/// - records (CSV rows, HAR entries, Postman items): stop counting detail beyond `records`, and
///   call `ScanBudget.check(path)` every few thousand records so the per-file time budget holds;
/// - YAML: `YAMLDocumentParser` (alias pre-check and node budget) through `ConfigDocument`.
public enum ParserLimits {
    /// The most read for one JSON, YAML, HCL, HAR or CSV document held in memory.
    public static let documentBytes = 32 * 1024 * 1024
    /// Longer lines are cut (and flagged) at this many bytes; the rest is skipped unread.
    public static let lineBytes = 64 * 1024
    /// Deeper nesting is refused rather than risking the stack (JSON, HCL blocks, nested YAML).
    public static let nestingDepth = 512
    /// The most nodes a YAML document may copy through aliases (each alias counts the nodes of its
    /// anchor, aliases inside included) before reading it is refused.
    public static let yamlAliasExpansions = 100_000
    /// The most anchors open inside one another while checking aliases.
    public static let yamlOpenAnchors = 64
    /// The most nodes a YAML document may turn into (after aliases); real templates hold far fewer.
    public static let yamlNodes = 2_000_000
    /// The most records (rows, entries, items) a record-oriented reader looks at in detail.
    public static let records = 1_000_000
    /// The time budget for reading one file, in seconds: past it the scan of that file stops with a message.
    public static let fileSeconds = 30

    /// "nested more than 512 levels deep at line 7 (the limit for any document)".
    public static func tooDeep(_ what: String, line: Int?) -> String {
        "\(what) nested more than \(nestingDepth) levels deep" + (line.map { " at line \($0)" } ?? "")
            + " (the nesting limit for any document); refused rather than risk the stack"
    }
}

/// The per-file time budget of a scan, checked by the line readers between chunks (and by any
/// reader that loops over records) without passing a clock through every inspector.
///
/// `EvidenceScanner` sets the deadline around each file with `ScanBudget.$deadline.withValue`;
/// code running outside a scan (tests calling an inspector directly) has no deadline.
public enum ScanBudget {
    @TaskLocal public static var deadline: ContinuousClock.Instant?

    /// Throws `ParserLimitError.timeBudget` when the current file's time is up.
    public static func check(_ path: String) throws(ParserLimitError) {
        guard let deadline, ContinuousClock.now >= deadline else { return }
        throw .timeBudget(path: path, seconds: budgetSeconds)
    }

    /// The budget in force, for the message (the scanner may be given a shorter one).
    @TaskLocal public static var budgetSeconds: Double = Double(ParserLimits.fileSeconds)
}

/// A file refused or stopped by one of the `ParserLimits`, with the limit named.
public enum ParserLimitError: Error, Equatable, Sendable, CustomStringConvertible {
    case timeBudget(path: String, seconds: Double)

    public var description: String {
        switch self {
        case .timeBudget(let path, let seconds):
            let shown = seconds == seconds.rounded() ? "\(Int(seconds))" : "\(seconds)"
            return "\(path): reading stopped after \(shown) s, the time budget for one file; "
                + "give a smaller extract (the failing requests) instead."
        }
    }
}
