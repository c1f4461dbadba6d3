import Foundation
import Testing

@testable import TriageKit

@Suite("EvidenceFile line reading")
struct EvidenceFileLinesTests {
    private func lines(of data: Data, limits: LineReadingLimits = .standard) throws -> (lines: [TextLine], summary: LineReadSummary) {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let path = try EvidenceTestSupport.write(data, named: "lines.txt", in: folder)
            let file = EvidenceFile(path: path, sample: EvidenceSample(path: path, head: "", isComplete: false, size: nil))
            var lines: [TextLine] = []
            let summary = try file.forEachLine(limits: limits) { line in
                lines.append(line)
                return true
            }
            return (lines, summary)
        }
    }

    @Test func readsLinesWithTheirNumbersAndStripsLineEndings() throws {
        let (lines, summary) = try lines(of: Data("first\r\nsecond\n\nfourth".utf8))
        #expect(lines.map(\.text) == ["first", "second", "", "fourth"])
        #expect(lines.map(\.number) == [1, 2, 3, 4])
        #expect(summary.lines == 4)
        #expect(summary.bytesRead == 21)
    }

    @Test func aFileEndingInANewlineHasNoExtraEmptyLine() throws {
        let (lines, _) = try lines(of: Data("a\nb\n".utf8))
        #expect(lines.map(\.text) == ["a", "b"])
    }

    @Test func linesThatCrossChunkBoundariesArriveWhole() throws {
        let text = (1...200).map { "line number \($0) with some words after it" }.joined(separator: "\n")
        let (lines, _) = try lines(of: Data(text.utf8), limits: LineReadingLimits(chunkSize: 7, maxLineLength: 64))
        #expect(lines.count == 200)
        #expect(lines.last?.text == "line number 200 with some words after it")
        #expect(lines.allSatisfy { !$0.isCut })
    }

    @Test func aLineOverTheLimitIsCutAndFlaggedAndTheNextLineStillArrives() throws {
        let long = String(repeating: "x", count: 1000)
        let (lines, summary) = try lines(of: Data("short\n\(long)\nafter\n".utf8), limits: LineReadingLimits(chunkSize: 64, maxLineLength: 100))
        #expect(lines.map(\.number) == [1, 2, 3])
        #expect(lines[1].isCut)
        #expect(lines[1].text.count == 100)
        #expect(lines[2].text == "after")
        #expect(summary.cutLines == 1)
    }

    @Test func invalidUTF8IsReplacedNotFatal() throws {
        var data = Data("ok ".utf8)
        data.append(contentsOf: [0xFF, 0xFE, 0x41])
        let (lines, _) = try lines(of: data)
        #expect(lines.first?.text == "ok \u{FFFD}\u{FFFD}A")
    }

    @Test func returningFalseStopsTheRead() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let path = try EvidenceTestSupport.write(Data("1\n2\n3\n4\n".utf8), named: "stop.txt", in: folder)
            let file = EvidenceFile(path: path, sample: EvidenceSample(path: path, head: "", isComplete: false, size: nil))
            var seen: [Int] = []
            let summary = try file.forEachRawLine { line in
                seen.append(line.number)
                return line.number < 2
            }
            #expect(seen == [1, 2])
            #expect(summary.stoppedEarly)
        }
    }

    @Test func aDirectoryIsRefusedWithAReadError() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let file = EvidenceFile(path: folder.path, sample: EvidenceSample(path: folder.path, head: "", isComplete: false, size: nil))
            #expect(throws: EvidenceReadError.notAFile(path: folder.path, kind: .directory)) {
                try file.forEachRawLine { _ in true }
            }
        }
    }

    /// A 100 MB line: read to its end, passed on once and cut, never held whole.
    @Test func aHundredMegabyteSingleLineIsCutAndStreamed() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let size = 100 << 20
            let path = try EvidenceTestSupport.writeSingleLine(prefix: "", repeating: UInt8(ascii: "a"), size: size, named: "one-line.txt", in: folder)
            let file = EvidenceFile(path: path, sample: EvidenceSample(path: path, head: "", isComplete: false, size: size))
            var longest = 0
            let summary = try file.forEachRawLine { line in
                longest = max(longest, line.bytes.count)
                return true
            }
            #expect(summary.lines == 1)
            #expect(summary.cutLines == 1)
            #expect(summary.bytesRead == size)
            #expect(longest == LineReadingLimits.standard.maxLineLength)
        }
    }
}
