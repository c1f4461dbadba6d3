import Foundation
import Testing

@testable import TriageKit

@Suite struct EvidenceFileContentsTests {
    func file(_ path: String) -> EvidenceFile {
        EvidenceFile(path: path, sample: EvidenceSample(path: path, head: "", isComplete: false, size: nil))
    }

    @Test func readsAFileUpToTheLimit() throws {
        let file = try ConfigFixture.temporary("0123456789")
        #expect(try file.contents(limit: 10) == Data("0123456789".utf8))
    }

    @Test func refusesAFileOneByteOverTheLimit() throws {
        let file = try ConfigFixture.temporary("0123456789A")
        #expect(throws: EvidenceContentsError.tooLarge(path: file.path, limit: 10)) { try file.contents(limit: 10) }
    }

    @Test func stopsReadingAnEndlessDevice() {
        // /dev/zero claims no size and never ends: only limit + 1 bytes are read.
        #expect(throws: EvidenceContentsError.tooLarge(path: "/dev/zero", limit: 1024)) {
            try file("/dev/zero").contents(limit: 1024)
        }
    }

    @Test func aDirectoryOrMissingFileIsUnreadable() throws {
        for path in [FileManager.default.temporaryDirectory.path, "/nonexistent/evidence.json"] {
            do {
                _ = try file(path).contents()
                Issue.record("\(path) was read")
            } catch {
                guard case .unreadable(let failing, let reason) = error else {
                    Issue.record("unexpected \(error)")
                    continue
                }
                #expect(failing == path)
                #expect(!reason.isEmpty)
            }
        }
    }

    @Test func theTooLargeMessageNamesTheLimitInMebibytes() {
        let error = EvidenceContentsError.tooLarge(path: "big.json", limit: EvidenceFile.documentLimit)
        #expect(error.description.hasPrefix("big.json is larger than 32 MiB"))
    }
}
