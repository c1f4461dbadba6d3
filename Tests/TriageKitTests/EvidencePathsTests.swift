import Foundation
import Testing

@testable import TriageKit

@Suite("Evidence paths: folders become their files")
struct EvidencePathsTests {
    private func text(_ content: String, _ name: String, in folder: URL) throws {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(content.utf8).write(to: url)
    }

    @Test func aFolderIsEveryFileBelowItSortedAndNested() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            try text("b", "b.log", in: folder)
            try text("a", "a.log", in: folder)
            try text("c", "logs/deeper/c.txt", in: folder)
            try text("d", "logs/d.json", in: folder)
            let expansion = EvidencePaths.expand([folder.path])
            let names = expansion.files.map { String($0.dropFirst(folder.path.count + 1)) }
            #expect(names == ["a.log", "b.log", "logs/d.json", "logs/deeper/c.txt"])
            #expect(expansion.skipped.isEmpty)
            #expect(expansion.folders == 1)
        }
    }

    @Test func aFilePathIsPassedOnAsItIsEvenWhenMissing() {
        let expansion = EvidencePaths.expand(["/no/such/file.log", "/dev/null"])
        #expect(expansion.files == ["/no/such/file.log", "/dev/null"])
        #expect(expansion.folders == 0)
    }

    @Test func binaryEmptyHiddenAndManifestFilesAreSkippedWithANoteEach() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            try text("(id) Method completed with status: 502\n", "execution.log", in: folder)
            try EvidenceTestSupport.write(Data([0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00]), named: "logs.gz", in: folder)
            try text("", "empty.txt", in: folder)
            try text("x", ".DS_Store", in: folder)
            try text("command: aws logs tail\n", "MANIFEST", in: folder)
            try text("# apigw-triage collect manifest 1\n", "calls.txt", in: folder)
            let expansion = EvidencePaths.expand([folder.path])
            #expect(expansion.files == [folder.appendingPathComponent("execution.log").path])
            let reasons = Dictionary(uniqueKeysWithValues: expansion.skipped.map { (URL(fileURLWithPath: $0.path).lastPathComponent, $0.reason) })
            #expect(reasons["logs.gz"]?.contains("binary data") == true)
            #expect(reasons["empty.txt"]?.contains("empty") == true)
            #expect(reasons[".DS_Store"]?.contains("hidden") == true)
            #expect(reasons["MANIFEST"]?.contains("MANIFEST") == true)
            #expect(reasons["calls.txt"]?.contains("MANIFEST") == true)
            #expect(expansion.notes.count == 5)
        }
    }

    @Test func filesOverTheSizeLimitAreSkippedButNamedFilesAreNot() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            try text(String(repeating: "x", count: 2048) + "\n", "big.log", in: folder)
            try text("small\n", "small.log", in: folder)
            let limits = EvidencePaths.Limits(maxFileSize: 1024)
            let expansion = EvidencePaths.expand([folder.path], limits: limits)
            #expect(expansion.files.map { URL(fileURLWithPath: $0).lastPathComponent } == ["small.log"])
            #expect(expansion.skipped.first?.reason.contains("over the 1 KiB limit") == true)
            let named = folder.appendingPathComponent("big.log").path
            #expect(EvidencePaths.expand([named], limits: limits).files == [named])
        }
    }

    @Test func theNumberOfFilesIsCappedWithOneNote() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            for index in 0..<7 { try text("line \(index)\n", "f\(index).log", in: folder) }
            let expansion = EvidencePaths.expand([folder.path], limits: EvidencePaths.Limits(maxFiles: 3))
            #expect(expansion.files.count == 3)
            #expect(expansion.skipped.count == 1)
            #expect(expansion.skipped.first?.reason.contains("4 more files not read") == true)
        }
    }

    @Test func theWalkStopsAfterTooManyEntries() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            for index in 0..<6 { try text("line\n", "d\(index)/f.log", in: folder) }
            let expansion = EvidencePaths.expand([folder.path], limits: EvidencePaths.Limits(maxEntries: 5))
            #expect(expansion.files.count == 2)
            #expect(expansion.skipped.last?.reason.contains("stopped after 5 entries") == true)
        }
    }

    @Test func aSymbolicLinkLoopEndsAndALinkedFileIsReadOnce() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            try text("a\n", "sub/a.log", in: folder)
            let manager = FileManager.default
            try manager.createSymbolicLink(atPath: folder.appendingPathComponent("sub/loop").path, withDestinationPath: folder.path)
            try manager.createSymbolicLink(atPath: folder.appendingPathComponent("sub/b.log").path, withDestinationPath: "a.log")
            try manager.createSymbolicLink(atPath: folder.appendingPathComponent("dangling.log").path, withDestinationPath: "nowhere")
            let expansion = EvidencePaths.expand([folder.path])
            #expect(expansion.files == [folder.appendingPathComponent("sub/a.log").path])
            let reasons = expansion.skipped.map(\.reason)
            #expect(reasons.contains { $0.contains("symbolic link loops") })
            #expect(reasons.contains { $0.contains("same file") })
            #expect(reasons.contains { $0.contains("link to nothing") })
        }
    }

    @Test func aFIFOInAFolderIsSkippedWithoutOpeningIt() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let fifo = folder.appendingPathComponent("pipe").path
            #expect(mkfifo(fifo, 0o600) == 0)
            try text("a\n", "a.log", in: folder)
            let expansion = EvidencePaths.expand([folder.path])
            #expect(expansion.files.count == 1)
            #expect(expansion.skipped.first?.reason.contains("named pipe") == true)
        }
    }

    @Test func inspectionOfAFolderGivesOneReportPerFile() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            try text("one\n", "one.log", in: folder)
            try text("two\n", "two.log", in: folder)
            let inspection = EvidenceInspection { path in EvidenceReport(path: path, kind: "access-log", description: "seen") }
            let (reports, expansion) = inspection.inspectAll(folder.path)
            #expect(reports.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["one.log", "two.log"])
            #expect(expansion.folders == 1)
        }
    }

    @Test func byteCountsReadAsPeopleWriteThem() {
        #expect(ByteCount.words(512) == "512 bytes")
        #expect(ByteCount.words(1024) == "1 KiB")
        #expect(ByteCount.words(1 << 30) == "1 GiB")
        #expect(ByteCount.words(3_355_443) == "3.2 MiB")
    }
}
