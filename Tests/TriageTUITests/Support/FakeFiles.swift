import TriageKit

@testable import TriageTUI

/// A fixed folder tree for Tab completion and path checks: folder path -> entries (names ending in
/// `/` are folders).
struct FakeFiles: FileBrowsing {
    var homeDirectory = "/home/sam"
    var currentDirectory = "/work"
    var folders: [String: [String]] = [
        "/work": ["logs/", "notes.txt", ".hidden"],
        "/work/logs": ["execution-502.log", "execution-504.log", "access.json", "archive/"],
        "/work/logs/archive": [],
        "/home/sam": ["Downloads/", "exec.log"],
        "/home/sam/Downloads": ["get-integration.json"],
    ]

    func entries(of directory: String) -> [FolderEntry]? {
        let key = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        return folders[key]?.map { name in
            name.hasSuffix("/") ? FolderEntry(name: String(name.dropLast()), isDirectory: true) : FolderEntry(name: name, isDirectory: false)
        }
    }

    /// Every file below the folder, in name order (nothing is skipped in a fixed tree).
    func evidenceFiles(below folder: String) -> EvidencePaths.Expansion {
        let absolute = folder.hasPrefix("/") ? folder : currentDirectory + "/" + folder
        let root = absolute.count > 1 && absolute.hasSuffix("/") ? String(absolute.dropLast()) : absolute
        guard folders[root] != nil else { return EvidencePaths.Expansion(files: [folder]) }
        var files: [String] = []
        func walk(_ directory: String) {
            for name in (folders[directory] ?? []).sorted() {
                if name.hasSuffix("/") { walk(directory + "/" + name.dropLast()) } else { files.append(directory + "/" + name) }
            }
        }
        walk(root)
        return EvidencePaths.Expansion(files: files, folders: 1)
    }

    func isDirectory(_ path: String) -> Bool? {
        let absolute = path.hasPrefix("/") ? path : currentDirectory + "/" + path
        let trimmed = absolute.count > 1 && absolute.hasSuffix("/") ? String(absolute.dropLast()) : absolute
        if folders[trimmed] != nil { return true }
        let slash = trimmed.lastIndex(of: "/")!
        let parent = slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
        let name = String(trimmed[trimmed.index(after: slash)...])
        return folders[parent]?.contains(name) == true ? false : nil
    }
}
