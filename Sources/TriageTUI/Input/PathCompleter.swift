/// What Tab did to a path being typed.
struct PathCompletion: Equatable, Sendable {
    /// The text before the cursor after completing (unchanged when nothing matched).
    var text: String
    /// The names that still match when more than one does (folders end in `/`), for showing.
    var candidates: [String]
    var noMatch: Bool
}

/// Tab completion of folders and files, the way a shell does it.
///
/// - One match: completed, with `/` after a folder so the next Tab goes inside it.
/// - Several: completed as far as they agree, and listed.
/// - `~` and `~/...` complete against the home folder and stay as typed (`expand` resolves them).
/// - Hidden entries only match a name that starts with `.`.
enum PathCompleter {
    static func complete(_ typed: String, in files: some FileBrowsing) -> PathCompletion {
        if typed == "~" { return PathCompletion(text: "~/", candidates: [], noMatch: false) }
        let slash = typed.lastIndex(of: "/")
        let folderPart = slash.map { String(typed[...$0]) } ?? ""
        let namePart = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
        let folder = resolveFolder(folderPart, in: files)
        guard let entries = files.entries(of: folder) else {
            return PathCompletion(text: typed, candidates: [], noMatch: true)
        }
        let showHidden = namePart.hasPrefix(".")
        let matches = entries
            .filter { $0.name.hasPrefix(namePart) && (showHidden || !$0.name.hasPrefix(".")) }
            .sorted { $0.name < $1.name }
        switch matches.count {
        case 0:
            return PathCompletion(text: typed, candidates: [], noMatch: true)
        case 1:
            let match = matches[0]
            return PathCompletion(text: folderPart + match.name + (match.isDirectory ? "/" : ""), candidates: [], noMatch: false)
        default:
            let common = commonPrefix(matches.map(\.name))
            return PathCompletion(
                text: folderPart + (common.count > namePart.count ? common : namePart),
                candidates: matches.map { $0.name + ($0.isDirectory ? "/" : "") }, noMatch: false)
        }
    }

    /// The path a user means: `~` and `~/...` resolved against the home folder; others unchanged.
    static func expand(_ path: String, home: String) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return home + path.dropFirst() }
        return path
    }

    private static func resolveFolder(_ folderPart: String, in files: some FileBrowsing) -> String {
        if folderPart.isEmpty { return files.currentDirectory }
        let expanded = expand(folderPart, home: files.homeDirectory)
        if expanded.hasPrefix("/") { return expanded }
        return files.currentDirectory + "/" + expanded
    }

    private static func commonPrefix(_ names: [String]) -> String {
        guard var prefix = names.first.map(Array.init) else { return "" }
        for name in names.dropFirst() {
            let characters = Array(name)
            var length = 0
            while length < min(prefix.count, characters.count), prefix[length] == characters[length] { length += 1 }
            prefix = Array(prefix[..<length])
        }
        return String(prefix)
    }
}
