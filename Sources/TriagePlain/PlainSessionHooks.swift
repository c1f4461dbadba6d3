import TriageKit

/// What plain mode does around the questions, supplied by the front end so that TriageKit
/// itself reads no clock and writes no files: saving as it goes, writing reports on `save`,
/// and the masker for the evidence lines it prints.
public struct PlainSessionHooks {
    /// Called once at the start and after every change of state (answer, back, restart, fact).
    public var stateChanged: (SessionState) -> Void
    /// `save PATH`: writes a report of the state and returns the line to print (success or why not).
    public var saveReport: (_ path: String, _ state: SessionState) -> String
    public var masker: SecretMasker
    /// Reads the evidence files given at file questions and with `add PATH`.
    public var inspection: EvidenceInspection
    /// Whether the output is a terminal: only then does `copy N` send the OSC 52 sequence (into a
    /// file or a pipe it would only be noise).
    public var outputIsTerminal = false
    /// Whether `save PATH` may replace an existing file, and how to tell (`--force` allows it;
    /// otherwise plain mode asks y/N first).
    public var overwriteAllowed = false
    public var fileExists: (String) -> Bool = { _ in false }

    public init(
        stateChanged: @escaping (SessionState) -> Void = { _ in },
        saveReport: @escaping (_ path: String, _ state: SessionState) -> String = { _, _ in "Reports are not available here." },
        masker: SecretMasker = .standard,
        inspection: EvidenceInspection = .unavailable
    ) {
        self.stateChanged = stateChanged
        self.saveReport = saveReport
        self.masker = masker
        self.inspection = inspection
    }

    /// No saving, no reports; evidence still masked.
    public static var none: PlainSessionHooks { PlainSessionHooks() }
}
