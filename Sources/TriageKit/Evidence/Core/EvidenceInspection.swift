/// How a front end turns an evidence file into a report: the injected seam between the
/// session and the inspectors.
///
/// The training mode and the tests take one of these instead of calling the inspectors
/// directly, so they run in builds without inspectors (`unavailable`) and the scanner is wired
/// in one place. Inspection never throws: an unreadable or unknown file is a report with
/// `kind` nil and a description saying why.
public struct EvidenceInspection: Sendable {
    /// False for the stand-in: reports carry no kind, findings or facts.
    public let isAvailable: Bool
    private let body: @Sendable (String) -> EvidenceReport

    /// Wraps a real inspector: `inspect(path)` reads the file and reports what it shows.
    public init(_ inspect: @escaping @Sendable (String) -> EvidenceReport) {
        isAvailable = true
        body = inspect
    }

    private init(standIn: @escaping @Sendable (String) -> EvidenceReport) {
        isAvailable = false
        body = standIn
    }

    public func inspect(_ path: String) -> EvidenceReport { body(path) }

    /// Inspects a path that may be a folder: every file below it (see `EvidencePaths.expand`),
    /// with the entries skipped and why. A file path gives its one report.
    public func inspectAll(_ path: String, limits: EvidencePaths.Limits = EvidencePaths.Limits()) -> (
        reports: [EvidenceReport], expansion: EvidencePaths.Expansion
    ) {
        let expansion = EvidencePaths.expand([path], limits: limits)
        return (expansion.files.map(body), expansion)
    }

    /// The stand-in for builds without the evidence inspectors: it recognises nothing and says so.
    public static let unavailable = EvidenceInspection(standIn: { path in
        EvidenceReport(path: path, kind: nil, description: unavailableDescription)
    })

    public static let unavailableDescription =
        "not inspected: this build has no evidence inspectors, so files cannot answer questions"
}
