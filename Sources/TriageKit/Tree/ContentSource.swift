import Foundation

/// One content file: its path relative to the content folder, and its text.
public struct ContentFile: Sendable, Equatable {
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

/// Where content comes from: a folder on disk (`--content DIR`) or the copy built into the binary.
public enum ContentSource: Sendable {
    case directory(String)
    case files([ContentFile])

    /// Reads the files (YAML only; the README and anything else are ignored).
    public func read() throws(ContentLoadError) -> [ContentFile] {
        switch self {
        case .files(let files):
            return files.filter(\.isYAML)
        case .directory(let path):
            return try Self.readDirectory(path)
        }
    }

    private static func readDirectory(_ path: String) throws(ContentLoadError) -> [ContentFile] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .notADirectory(path)
        }
        let root = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        else { throw .notADirectory(path) }
        var files: [ContentFile] = []
        for case let url as URL in walker {
            let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
            let file = ContentFile(path: relative, text: "")
            guard file.isYAML, (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else {
                continue
            }
            guard let data = FileManager.default.contents(atPath: url.path),
                let text = String(data: data, encoding: .utf8)
            else { throw .unreadable(relative) }
            files.append(ContentFile(path: relative, text: text))
        }
        return files.sorted { $0.path < $1.path }
    }
}

extension ContentFile {
    var isYAML: Bool { path.hasSuffix(".yaml") || path.hasSuffix(".yml") }
}

/// Why a content folder could not be loaded at all (as opposed to loading with issues).
public enum ContentLoadError: Error, Equatable, CustomStringConvertible {
    case notADirectory(String)
    case unreadable(String)
    case invalid([ContentIssue])

    public var description: String {
        switch self {
        case .notADirectory(let path): "content folder not found: \(path)"
        case .unreadable(let path): "cannot read content file \(path) (not UTF-8 text?)"
        case .invalid(let issues):
            "the content has \(issues.count) problem\(issues.count == 1 ? "" : "s"):\n"
                + issues.map { "  \($0)" }.joined(separator: "\n")
        }
    }
}
