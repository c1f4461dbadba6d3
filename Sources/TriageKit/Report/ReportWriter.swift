import Foundation

/// The formats a report is written in: Markdown for people, JSON for ticket systems.
public enum ReportFormat: String, Sendable, CaseIterable {
    case markdown, json

    /// The format a file name suggests: `.json` is JSON, anything else Markdown.
    public static func guessed(from path: String) -> ReportFormat {
        path.lowercased().hasSuffix(".json") ? .json : .markdown
    }
}

/// Renders a session's report and writes it to a file: what `--report FILE`, `save PATH` in
/// plain mode and `s` on the TUI fix screen all call.
///
/// Masking happens here, once, on the way out, so no caller can forget it.
public struct ReportWriter: Sendable {
    public var engine: Engine
    public var masker: SecretMasker
    /// nil: chosen per file from its name (`ReportFormat.guessed`).
    public var format: ReportFormat?

    public init(engine: Engine, masker: SecretMasker, format: ReportFormat? = nil) {
        self.engine = engine
        self.masker = masker
        self.format = format
    }

    /// The report's text for a state, as of `date`.
    public func render(_ state: SessionState, date: Date, format: ReportFormat) throws -> String {
        let report = SessionReport(engine: engine, state: state, date: date).masked(by: masker)
        switch format {
        case .markdown:
            return MarkdownReport.render(report)
        case .json:
            return try JSONOutputText.encode(report, dates: .iso8601) + "\n"
        }
    }

    /// Writes the report to `path`, replacing any file there; returns the format used.
    /// (`~` is the caller's to expand: it knows the environment.)
    @discardableResult
    public func write(_ state: SessionState, date: Date, to path: String) throws -> ReportFormat {
        let format = format ?? ReportFormat.guessed(from: path)
        let text = try render(state, date: date, format: format)
        // Beside the target, not Foundation's `.atomic` (which leaves a `TemporaryDirectory.*`
        // folder behind in the system's temporary folder on Linux); 0600, as reports may quote
        // what a masker cannot recognise.
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        try AtomicFile.write(Data(text.utf8), to: path, temporaryPath: temporary.path)
        return format
    }
}
