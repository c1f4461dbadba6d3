import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension SessionState {
    /// Whether the user answered anything (a session with no answer is not worth keeping: starting
    /// the wizard and quitting must not leave a file behind, nor be what `--resume` picks).
    public var hasUserAnswers: Bool { transcript.contains { $0.event == .answered } }
}

extension SessionStore {
    /// Whether a session of this id is on disk.
    public func exists(id: String) -> Bool {
        SessionID.isWellFormed(id) && FileManager.default.fileExists(atPath: folder + "/" + id + ".json")
    }

    /// The unfinished session with answers updated last: what `--resume` without an id continues.
    public func latestResumable() -> (session: SavedSession?, problems: [SessionStoreError]) {
        let (sessions, problems) = list()
        return (sessions.first { !$0.finished && $0.state.hasUserAnswers }, problems)
    }

    /// Removes one session (and its lock, if its process is gone).
    public func remove(id: String) throws(SessionStoreError) {
        guard SessionID.isWellFormed(id) else { throw .invalidID(id) }
        guard exists(id: id) else { throw .notFound(id: id, folder: folder) }
        if let owner = SessionLock.owner(of: id, in: folder) { throw .locked(id: id, pid: owner) }
        guard unlink(folder + "/" + id + ".json") == 0 else {
            throw .unwritable(path: folder + "/" + id + ".json", reason: String(cString: strerror(errno)))
        }
    }

    /// Removes finished sessions, sessions without an answer, and, with `olderThan`, every session
    /// not updated since then. Sessions open in another process are kept. Returns the removed ids.
    public func prune(olderThan cutoff: Date?) -> (removed: [String], problems: [SessionStoreError]) {
        let (sessions, problems) = list()
        var removed: [String] = []
        var failures = problems
        for session in sessions {
            let stale = cutoff.map { session.updated < $0 } ?? false
            guard session.finished || !session.state.hasUserAnswers || stale else { continue }
            do {
                try remove(id: session.id)
                removed.append(session.id)
            } catch {
                failures.append(error)
            }
        }
        return (removed, failures)
    }
}

/// A lock file beside a session (`<id>.lock`, holding the owner's process id) so a second process
/// resuming the same session is told so instead of both saving over each other.
///
/// A lock whose process is gone (killed, crashed) is stale and taken over; the lock is released when
/// the wizard ends.
public final class SessionLock: Sendable {
    public let path: String

    private init(path: String) {
        self.path = path
    }

    /// Takes the lock of a session, or throws `.locked` naming the process that holds it.
    public static func acquire(id: String, in folder: String) throws(SessionStoreError) -> SessionLock {
        let path = folder + "/" + id + ".lock"
        for _ in 0..<2 {
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
            if descriptor >= 0 {
                let text = "\(getpid())\n"
                _ = text.withCString { write(descriptor, $0, strlen($0)) }
                close(descriptor)
                return SessionLock(path: path)
            }
            guard errno == EEXIST else {
                // No folder yet (nothing saved) or not writable: the session runs without a lock.
                return SessionLock(path: "")
            }
            if let pid = owner(of: id, in: folder) { throw .locked(id: id, pid: pid) }
            unlink(path)  // stale: its process is gone
        }
        return SessionLock(path: "")
    }

    /// The live process holding a session's lock, if any.
    public static func owner(of id: String, in folder: String) -> Int32? {
        guard let text = try? String(contentsOfFile: folder + "/" + id + ".lock", encoding: .utf8),
            let pid = Int32(text.trimmedOfWhitespaceAndNewlines()), pid > 0
        else { return nil }
        if pid == getpid() { return nil }
        return kill(pid, 0) == 0 || errno == EPERM ? pid : nil
    }

    public func release() {
        if !path.isEmpty { unlink(path) }
    }
}
