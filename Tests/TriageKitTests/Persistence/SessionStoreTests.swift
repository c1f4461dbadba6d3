import Foundation
import Testing

@testable import TriageKit

@Suite struct SessionStoreTests {
    struct SimulatedCrash: Error {}

    static func session(_ id: String, answers: [String] = ["502"], updated: TimeInterval = 0, finished: Bool = false) throws -> SavedSession {
        let engine = try FixtureSessions.engine()
        let state = try FixtureSessions.run(answers, engine: engine)
        let date = FixtureSessions.date.addingTimeInterval(updated)
        return SavedSession(id: id, created: FixtureSessions.date, updated: date, finished: finished, summary: "step \(state.stepNumber)", state: state)
    }

    @Test func savedSessionLoadsBackUnchanged() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = SessionStore(folder: folder.path + "/state/apigw-triage")
        let saved = try Self.session("20261118-110640-0001", answers: ["502", "skip", "a1b2c3d4e5"])
        try store.save(saved)
        #expect(try store.load(id: saved.id) == saved)
    }

    @Test func folderIsPrivateAndFilesAreReadableOnlyByTheUser() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // A folder that already exists with wider permissions is tightened.
        try FileManager.default.createDirectory(atPath: folder.path + "/apigw-triage", withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
        let store = SessionStore(folder: folder.path + "/apigw-triage")
        try store.save(try Self.session("20261118-110640-0001"))
        #expect(try folder.permissions(of: "apigw-triage") == 0o700)
        #expect(try folder.permissions(of: "apigw-triage/20261118-110640-0001.json") == 0o600)
    }

    @Test func crashBetweenWriteAndRenameLeavesThePreviousSave() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let first = try Self.session("20261118-110640-0001", answers: ["502"])
        try SessionStore(folder: folder.path).save(first)

        let crashing = SessionStore(folder: folder.path, beforeRename: { _ in throw SimulatedCrash() })
        let second = try Self.session("20261118-110640-0001", answers: ["502", "skip", "a1b2c3d4e5"])
        #expect(throws: (any Error).self) { try crashing.save(second) }

        // The temporary file is complete, as a crash would leave it, but never read as a session.
        #expect(folder.names().contains { $0.hasPrefix(".20261118-110640-0001.") && $0.hasSuffix(".tmp") })
        let store = SessionStore(folder: folder.path)
        #expect(try store.load(id: first.id) == first)
        #expect(store.list().sessions == [first])
        #expect(store.list().problems.isEmpty)
    }

    @Test func abandonedTemporaryFilesAreSweptOnlyWhenOld() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let old = folder.path + "/.20261118-110640-0001.4242.tmp"
        let young = folder.path + "/.20261118-110640-0002.4243.tmp"
        try Data("{\"half".utf8).write(to: URL(fileURLWithPath: old))
        try Data("{\"half".utf8).write(to: URL(fileURLWithPath: young))
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-7200)], ofItemAtPath: old)
        _ = SessionStore(folder: folder.path).list()
        #expect(!FileManager.default.fileExists(atPath: old))
        #expect(FileManager.default.fileExists(atPath: young))
    }

    @Test func corruptFileIsSetAsideWithAMessageAndBlocksNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = SessionStore(folder: folder.path)
        let good = try Self.session("20261118-110640-0001")
        try store.save(good)
        try Data("{\"format\": 1, \"id\": tru".utf8).write(to: URL(fileURLWithPath: folder.path + "/20261118-110640-0bad.json"))

        let (sessions, problems) = store.list()
        #expect(sessions == [good])
        let problem = try #require(problems.first)
        guard case .corrupt(let path, let movedTo, _) = problem else {
            Issue.record("expected a corrupt-file problem, got \(problem)")
            return
        }
        #expect(path.hasSuffix("20261118-110640-0bad.json"))
        let aside = try #require(movedTo)
        #expect(aside.contains("20261118-110640-0bad.json.corrupt-"))
        #expect(FileManager.default.fileExists(atPath: aside))
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(problem.description.contains("moved to \(aside) for inspection"))

        // A new session saves, and the listing is clean from now on.
        try store.save(try Self.session("20261118-110640-0002"))
        #expect(store.list().problems.isEmpty)
        #expect(store.list().sessions.count == 2)
    }

    @Test func loadingACorruptSessionByIDSaysSoAndSetsItAside() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Data("not json".utf8).write(to: URL(fileURLWithPath: folder.path + "/20261118-110640-0bad.json"))
        #expect {
            try SessionStore(folder: folder.path).load(id: "20261118-110640-0bad")
        } throws: { error in
            guard case .corrupt(_, let movedTo?, _) = error as? SessionStoreError else { return false }
            return FileManager.default.fileExists(atPath: movedTo)
        }
    }

    @Test func fileFromANewerToolIsRefusedAndKept() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = SessionStore(folder: folder.path)
        var session = try Self.session("20261118-110640-0001")
        session.format = 99
        try store.save(session)
        #expect(throws: SessionStoreError.newerFormat(path: folder.path + "/20261118-110640-0001.json", format: 99)) {
            try store.load(id: "20261118-110640-0001")
        }
        #expect(folder.names() == ["20261118-110640-0001.json"])
    }

    @Test func latestUnfinishedSkipsFinishedSessions() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = SessionStore(folder: folder.path)
        try store.save(try Self.session("20261118-110640-0001", updated: 10))
        try store.save(try Self.session("20261118-110640-0002", updated: 20))
        try store.save(try Self.session("20261118-110640-0003", updated: 30, finished: true))
        #expect(store.latestUnfinished().session?.id == "20261118-110640-0002")
        #expect(store.list().sessions.map(\.id) == ["20261118-110640-0003", "20261118-110640-0002", "20261118-110640-0001"])
    }

    @Test func unknownAndMalformedIDsAreRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = SessionStore(folder: folder.path)
        #expect(throws: SessionStoreError.notFound(id: "20261118-110640-0009", folder: folder.path)) {
            try store.load(id: "20261118-110640-0009")
        }
        #expect(throws: SessionStoreError.invalidID("../secrets")) { try store.load(id: "../secrets") }
    }
}
