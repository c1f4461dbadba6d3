import Foundation
import Testing

@testable import TriageKit

/// Sessions that stay tidy: nothing saved before an answer, `--resume` skips empty sessions,
/// prune and remove, and the lock that keeps two processes off one session.
@Suite struct SessionHousekeepingTests {
    @Test func aSessionWithoutAnAnswerIsNotSaved() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let engine = try FixtureSessions.engine()
        let store = SessionStore(folder: folder.path)
        let autosave = SessionAutosave(store: store, id: "20261118-110640-0001", created: FixtureSessions.date, engine: engine, masker: SecretMasker())
        #expect(try autosave.save(engine.start(), at: FixtureSessions.date) == false)
        #expect(folder.names().isEmpty)
        #expect(try autosave.save(FixtureSessions.run(["502"], engine: engine), at: FixtureSessions.date))
        #expect(folder.names() == ["20261118-110640-0001.json"])
        // Once on disk (a resumed session), going back to no answer still saves.
        #expect(try autosave.save(engine.start(), at: FixtureSessions.date))
    }

    @Test func resumeTakesTheNewestUnfinishedSessionWithAnswers() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = SessionStore(folder: folder.path)
        try store.save(try SessionStoreTests.session("20261118-110640-0001", updated: 10))
        try store.save(try SessionStoreTests.session("20261118-110640-0002", answers: [], updated: 20))
        try store.save(try SessionStoreTests.session("20261118-110640-0003", updated: 30, finished: true))
        #expect(store.latestResumable().session?.id == "20261118-110640-0001")
    }

    @Test func pruneRemovesFinishedEmptyAndOldSessions() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = SessionStore(folder: folder.path)
        try store.save(try SessionStoreTests.session("20261118-110640-0001", updated: 10))
        try store.save(try SessionStoreTests.session("20261118-110640-0002", answers: [], updated: 20))
        try store.save(try SessionStoreTests.session("20261118-110640-0003", updated: 30, finished: true))
        try store.save(try SessionStoreTests.session("20261118-110640-0004", updated: 86_400 * 30))
        #expect(store.prune(olderThan: nil).removed.sorted() == ["20261118-110640-0002", "20261118-110640-0003"])
        let cutoff = FixtureSessions.date.addingTimeInterval(86_400)
        #expect(store.prune(olderThan: cutoff).removed == ["20261118-110640-0001"])
        #expect(folder.names() == ["20261118-110640-0004.json"])
    }

    @Test func removeTakesOneSessionAndRefusesUnknownIDs() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = SessionStore(folder: folder.path)
        try store.save(try SessionStoreTests.session("20261118-110640-0001"))
        try store.remove(id: "20261118-110640-0001")
        #expect(folder.names().isEmpty)
        #expect(throws: SessionStoreError.notFound(id: "20261118-110640-0001", folder: folder.path)) {
            try store.remove(id: "20261118-110640-0001")
        }
        #expect(throws: SessionStoreError.invalidID("../x")) { try store.remove(id: "../x") }
    }

    @Test func aLockHeldByALiveProcessRefusesASecondOneAndAStaleLockIsTakenOver() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let id = "20261118-110640-0001"
        // A live process other than this one: the parent (the test runner's launcher) or init.
        let other = getppid() > 1 ? getppid() : 1
        try "\(other)\n".write(toFile: folder.path + "/\(id).lock", atomically: true, encoding: .utf8)
        #expect(throws: SessionStoreError.locked(id: id, pid: other)) { try SessionLock.acquire(id: id, in: folder.path) }
        let store = SessionStore(folder: folder.path)
        try store.save(try SessionStoreTests.session(id))
        #expect(throws: SessionStoreError.locked(id: id, pid: other)) { try store.remove(id: id) }

        // A process id that cannot be running (beyond pid_max) is a stale lock.
        try "2147483646\n".write(toFile: folder.path + "/\(id).lock", atomically: true, encoding: .utf8)
        let lock = try SessionLock.acquire(id: id, in: folder.path)
        #expect(try String(contentsOfFile: folder.path + "/\(id).lock", encoding: .utf8) == "\(getpid())\n")
        lock.release()
        #expect(folder.names() == ["\(id).json"])
    }
}
