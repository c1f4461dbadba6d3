import Foundation
import TriageKit

/// An entry of a folder, as Tab completion lists it.
struct FolderEntry: Equatable, Sendable {
    var name: String
    var isDirectory: Bool
}

/// What the wizard asks of the file system: folder listings for Tab completion, whether a path
/// exists, and where `~` and relative paths point. Tests give a fixed folder tree instead.
protocol FileBrowsing: Sendable {
    var homeDirectory: String { get }
    var currentDirectory: String { get }
    /// The entries of a folder, or nil when it cannot be listed.
    func entries(of directory: String) -> [FolderEntry]?
    /// nil when nothing is there; otherwise whether it is a folder.
    func isDirectory(_ path: String) -> Bool?
    /// The evidence files below a folder and the entries skipped (`EvidencePaths.expand`).
    func evidenceFiles(below folder: String) -> EvidencePaths.Expansion
}

/// The real file system.
struct LocalFileBrowsing: FileBrowsing {
    /// Where relative paths start instead of the process's current folder (a training scenario's folder).
    var folder: String?

    var homeDirectory: String { FileManager.default.homeDirectoryForCurrentUser.path }
    var currentDirectory: String { folder ?? FileManager.default.currentDirectoryPath }

    func entries(of directory: String) -> [FolderEntry]? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return nil }
        return names.map { name in
            FolderEntry(name: name, isDirectory: isDirectory((directory as NSString).appendingPathComponent(name)) == true)
        }
    }

    func evidenceFiles(below folder: String) -> EvidencePaths.Expansion {
        EvidencePaths.expand([folder])
    }

    func isDirectory(_ path: String) -> Bool? {
        var directory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &directory) else { return nil }
        return directory.boolValue
    }
}
