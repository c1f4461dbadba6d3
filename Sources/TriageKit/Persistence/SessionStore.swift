import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Saved sessions in the state folder, one JSON file per session (`<id>.json`).
///
/// - Writes are atomic (`AtomicFile`): a crash or SIGKILL at any moment leaves the previous save.
/// - The folder is 0700 and every file 0600: sessions quote evidence and name the user's APIs.
/// - A file that cannot be read is renamed aside (`<id>.json.corrupt-<time>`) with a message, so
///   it can be inspected and never blocks listing, resuming another session or starting a new one.
public struct SessionStore: Sendable {
    public let folder: String
    /// Test seam: runs between writing the temporary file and renaming it (see `AtomicFile`).
    let beforeRename: @Sendable (String) throws -> Void

    public init(folder: String) {
        self.init(folder: folder, beforeRename: { _ in })
    }

    init(folder: String, beforeRename: @escaping @Sendable (String) throws -> Void) {
        self.folder = folder
        self.beforeRename = beforeRename
    }

    /// The store in the standard state folder for this environment, or nil when there is none.
    public static func standard(environment: [String: String]) -> SessionStore? {
        StateFolder.path(environment: environment).map(SessionStore.init(folder:))
    }

    // MARK: - Saving

    public func save(_ session: SavedSession) throws(SessionStoreError) {
        guard SessionID.isWellFormed(session.id) else { throw .invalidID(session.id) }
        try makeFolder()
        let data: Data
        do {
            data = JSONOutputText.escapingControls(try Self.encoder.encode(session))
        } catch {
            throw .unwritable(path: file(for: session.id), reason: "\(error)")
        }
        do {
            try AtomicFile.write(
                data, to: file(for: session.id), temporaryPath: temporaryFile(for: session.id), beforeRename: beforeRename)
        } catch let failure as AtomicFile.Failure {
            throw .unwritable(path: failure.path, reason: failure.reason)
        } catch {
            throw .unwritable(path: file(for: session.id), reason: "\(error)")
        }
    }

    // MARK: - Reading

    /// One session by id. A corrupt file is moved aside and reported.
    public func load(id: String) throws(SessionStoreError) -> SavedSession {
        guard SessionID.isWellFormed(id) else { throw .invalidID(id) }
        let path = file(for: id)
        guard FileManager.default.fileExists(atPath: path) else { throw .notFound(id: id, folder: folder) }
        return try read(path)
    }

    /// Every readable session, most recently updated first, and a message for each file moved aside.
    public func list() -> (sessions: [SavedSession], problems: [SessionStoreError]) {
        sweepAbandonedTemporaryFiles()
        var sessions: [SavedSession] = []
        var problems: [SessionStoreError] = []
        for name in sessionFileNames() {
            do {
                sessions.append(try read(folder + "/" + name))
            } catch {
                problems.append(error)
            }
        }
        sessions.sort { ($0.updated, $0.id) > ($1.updated, $1.id) }
        return (sessions, problems)
    }

    /// The unfinished session updated last (what `--resume` without an id continues).
    public func latestUnfinished() -> (session: SavedSession?, problems: [SessionStoreError]) {
        let (sessions, problems) = list()
        return (sessions.first { !$0.finished }, problems)
    }

    private func read(_ path: String) throws(SessionStoreError) -> SavedSession {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: "\(error.localizedDescription)")
        }
        let session: SavedSession
        do {
            session = try Self.decoder.decode(SavedSession.self, from: data)
        } catch {
            throw setAside(path, reason: Self.describe(error))
        }
        guard session.format <= SavedSession.currentFormat else {
            throw .newerFormat(path: path, format: session.format)
        }
        return session
    }

    /// Renames a file that cannot be read to `<name>.corrupt-<UTC time>` and says so.
    private func setAside(_ path: String, reason: String) -> SessionStoreError {
        let stamp = Date().formatted(.iso8601.dateSeparator(.omitted).timeSeparator(.omitted))
        let aside = path + ".corrupt-" + stamp
        guard rename(path, aside) == 0 else {
            return .corrupt(path: path, movedTo: nil, reason: reason)
        }
        return .corrupt(path: path, movedTo: aside, reason: reason)
    }

    // MARK: - The folder

    private func file(for id: String) -> String { folder + "/" + id + ".json" }

    /// One temporary name per process, so two processes saving the same session never share one.
    private func temporaryFile(for id: String) -> String { folder + "/." + id + "." + String(getpid()) + ".tmp" }

    private func sessionFileNames() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
    }

    /// Creates the folder (and missing parents) as 0700, and tightens it if it exists wider.
    private func makeFolder() throws(SessionStoreError) {
        var path = ""
        for component in folder.split(separator: "/") {
            path += "/" + component
            if mkdir(path, 0o700) != 0, errno != EEXIST {
                throw .unwritable(path: path, reason: String(cString: strerror(errno)))
            }
        }
        guard chmod(folder, 0o700) == 0 else {
            throw .unwritable(path: folder, reason: String(cString: strerror(errno)))
        }
    }

    /// Temporary files left by a process killed between write and rename. Only old ones are
    /// removed: a young one may belong to a process saving right now.
    private func sweepAbandonedTemporaryFiles() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let cutoff = Date().addingTimeInterval(-3600)
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            let path = folder + "/" + name
            let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
            if let modified, modified < cutoff { unlink(path) }
        }
    }

    // MARK: - Coding

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty: "not valid JSON"
        case DecodingError.keyNotFound(let key, _): "'\(key.stringValue)' is missing"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
            DecodingError.dataCorrupted(let context):
            "unexpected value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: "\(error)"
        }
    }
}

/// What can go wrong with saved sessions, in words for the user.
public enum SessionStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case unwritable(path: String, reason: String)
    case unreadable(path: String, reason: String)
    /// The file is not a session; it was renamed to `movedTo` (nil if even that failed).
    case corrupt(path: String, movedTo: String?, reason: String)
    case newerFormat(path: String, format: Int)
    case notFound(id: String, folder: String)
    case invalidID(String)
    /// Another running apigw-triage has the session open.
    case locked(id: String, pid: Int32)

    public var description: String {
        switch self {
        case .unwritable(let path, let reason):
            "cannot save the session to \(path): \(reason)"
        case .unreadable(let path, let reason):
            "cannot read the saved session \(path): \(reason)"
        case .corrupt(let path, let movedTo, let reason):
            "the saved session \(path) is damaged (\(reason)); "
                + (movedTo.map { "it was moved to \($0) for inspection" } ?? "it could not be moved aside")
        case .newerFormat(let path, let format):
            "the saved session \(path) was written by a newer apigw-triage (format \(format)); update the tool to resume it"
        case .notFound(let id, let folder):
            "no saved session '\(id)' in \(folder); 'apigw-triage sessions' lists them"
        case .invalidID(let id):
            "'\(id)' is not a session id (ids look like 20261121-140512-3fa9)"
        case .locked(let id, let pid):
            "session \(id) is open in another apigw-triage (process \(pid)); finish it there, or end that process first"
        }
    }
}
