import Foundation

/// An evidence file a training session offers: what the scenario says about it, and a path on
/// disk where the trainee (and the inspector) can read it.
public struct OfferedFile: Sendable, Equatable {
    /// 1-based position in the scenario's list, for `load 2`.
    public var number: Int
    public var name: String
    public var description: String
    public var path: String
}

/// Puts a scenario's files where they can be read: embedded scenarios are written to a folder
/// under the temporary directory (the inspector reads paths, and the trainee may want to open
/// the files in another terminal); scenarios from a folder are offered where they are.
public enum ScenarioWorkspace {
    /// The folder embedded scenarios are written to (one subfolder per scenario, rewritten on
    /// every run so an edited copy never outlives a new build).
    public static func defaultRoot() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("apigw-triage-training-\(getuid())", isDirectory: true)
    }

    public static func prepare(_ bundle: ScenarioBundle, root: URL = defaultRoot()) throws(ScenarioWorkspaceError) -> [OfferedFile] {
        let folder: URL
        switch bundle.files {
        case .directory(let path):
            folder = URL(fileURLWithPath: path, isDirectory: true)
        case .embedded(let texts):
            folder = root.appendingPathComponent(bundle.scenario.id, isDirectory: true)
            try claim(root)
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                for entry in bundle.scenario.files {
                    try Data((texts[entry.name] ?? "").utf8).write(to: folder.appendingPathComponent(entry.name))
                }
            } catch {
                throw .cannotWrite(folder.path, "\(error.localizedDescription)")
            }
        }
        return bundle.scenario.files.enumerated().map { offset, entry in
            OfferedFile(
                number: offset + 1, name: entry.name, description: entry.description,
                path: folder.appendingPathComponent(entry.name).path)
        }
    }

    /// Makes the root folder ours alone: created private, and refused when something else (another
    /// user's folder, a symbolic link planted in a shared temporary directory) stands there.
    private static func claim(_ root: URL) throws(ScenarioWorkspaceError) {
        let manager = FileManager.default
        if (try? manager.attributesOfItem(atPath: root.path)) == nil {
            do {
                try manager.createDirectory(at: root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw .cannotWrite(root.path, error.localizedDescription)
            }
        }
        // attributesOfItem does not follow a symbolic link at the path itself.
        let attributes = (try? manager.attributesOfItem(atPath: root.path)) ?? [:]
        let owner = (attributes[.ownerAccountID] as? NSNumber)?.uint32Value
        guard attributes[.type] as? FileAttributeType == .typeDirectory, owner == getuid() else {
            throw .cannotWrite(root.path, "it is not a folder owned by you")
        }
    }
}

/// Why a scenario's files could not be put on disk.
public enum ScenarioWorkspaceError: Error, Equatable, CustomStringConvertible {
    case cannotWrite(String, String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): "cannot write the scenario's files to \(path): \(reason)"
        }
    }
}
