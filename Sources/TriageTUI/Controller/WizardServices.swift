import Foundation
import TriageKit

/// How saving a file went.
public enum SaveOutcome: Equatable, Sendable {
    case saved(path: String)
    case failed(reason: String)
}

/// The outside world the controller may touch, injected so tests can replace every part.
public struct WizardServices: Sendable {
    /// Reads an evidence file and reports what it is. The lead wires the real scanner here.
    public var inspect: @Sendable (String) -> EvidenceReport
    /// Called after every change of the session state (the CLI autosaves here).
    public var stateChanged: @Sendable (SessionState) -> Void = { _ in }
    /// Writes a report of the session for `s` on the fix screen; without it, `s` saves the fix as text.
    public var saveReport: (@Sendable (_ path: String, _ state: SessionState) -> SaveOutcome)?
    /// The saved session's id, for the quit dialog's resume command; nil when nothing is saved.
    public var sessionID: String?
    var files: any FileBrowsing
    /// Training: the scenario's files, listed beside the question and in the add-file prompt, where
    /// `a` takes a file's number or name as well as a path.
    public private(set) var offeredFiles: [OfferedFile] = []
    var save: @Sendable (_ path: String, _ contents: String) -> SaveOutcome

    /// Services on the real file system, with `inspect` reading evidence files.
    public init(inspect: @escaping @Sendable (String) -> EvidenceReport = WizardServices.inspectionUnavailable) {
        self.init(inspect: inspect, files: LocalFileBrowsing(), save: WizardServices.writeFile)
    }

    init(
        inspect: @escaping @Sendable (String) -> EvidenceReport, files: any FileBrowsing,
        save: @escaping @Sendable (String, String) -> SaveOutcome
    ) {
        self.inspect = inspect
        self.files = files
        self.save = save
    }

    /// Offers a training scenario's files: they stay listed, `a` takes their numbers or names, and
    /// relative paths (typed or completed with Tab) start in the scenario's folder.
    public mutating func offer(_ files: [OfferedFile], folder: String) {
        offeredFiles = files
        self.files = LocalFileBrowsing(folder: folder)
    }

    /// The stand-in until a build wires the evidence scanner: the file is listed, nothing is detected.
    public static let inspectionUnavailable: @Sendable (String) -> EvidenceReport = { path in
        EvidenceReport(path: path, kind: nil, description: "file inspection is not available in this build")
    }

    static let writeFile: @Sendable (String, String) -> SaveOutcome = { path, contents in
        do {
            try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
            return .saved(path: URL(fileURLWithPath: path).standardizedFileURL.path)
        } catch {
            return .failed(reason: (error as NSError).localizedDescription)
        }
    }
}
