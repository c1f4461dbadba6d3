import Foundation
import Testing

@testable import TriageKit

/// The execution log read on several cores gives the same report as one pass (issue 15): on
/// generated logs whose requests cross the split points, with the parts forced small.
@Suite("ParallelExecutionLogScan")
struct ParallelExecutionLogScanTests {
    /// Part counts and warm-up lengths that put the cuts everywhere: inside requests, inside
    /// multi-line bodies, on the first line of a part; warm-ups too short (the true scan reads the
    /// part again) and long enough (the part's own counts are taken over).
    private static let partCounts = [2, 3, 4, 5, 7, 9, 16]
    private static let warmUps = [0, 300, 6_000, 40_000, 10_000_000]

    @Test func aGeneratedLogReadsTheSameOnAnyNumberOfParts() throws {
        try expectSameReports(GeneratedExecutionLog.text(requests: 220, seed: 7), name: "generated.log", expectTakenOver: true)
    }

    @Test func crlfLineEndingsReadTheSame() throws {
        let text = GeneratedExecutionLog.text(requests: 120, seed: 11).replacingOccurrences(of: "\n", with: "\r\n")
        try expectSameReports(text, name: "crlf.log", expectTakenOver: true)
    }

    @Test func aLogWithoutANewlineAtTheEndReadsTheSame() throws {
        var text = GeneratedExecutionLog.text(requests: 120, seed: 13)
        text.removeLast()
        // The last request never completes: it is judged at the end, from the unterminated line.
        text += "\n(0badc0de-1111-4222-8333-944445555666) Execution failed due to a timeout error"
        try expectSameReports(text, name: "no-newline.log", expectTakenOver: true)
    }

    @Test func theFixturesOneAfterAnotherReadTheSame() throws {
        // Every shape of plain execution log the project holds: CloudWatch, console test output
        // (one request without ids, told by `Execution log for request`), delivered JSON events.
        let folder = EvidenceTestSupport.fixtures.appendingPathComponent("execution-log")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".log") }.sorted()
        #expect(names.count > 10)
        var text = ""
        for name in names {
            text += try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            if !text.hasSuffix("\n") { text += "\n" }
        }
        try expectSameReports(text, name: "fixtures.log", expectTakenOver: false)
    }

    @Test func aOneLineFileAndFilesSmallerThanThePartsReadTheSame() throws {
        try expectSameReports("(6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e) Execution failed due to a timeout error\n", name: "one.log")
        try expectSameReports("(6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e) Method completed with status: 504", name: "cut.log")
        try expectSameReports("(a)\n\n\n", name: "tiny.log")
        try expectSameReports("\n", name: "newline.log")
    }

    /// The parts cover the file exactly, each after a line end; too small a file is not split.
    @Test func partsStartAtLineStartsAndCoverTheFile() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let text = GeneratedExecutionLog.text(requests: 40, seed: 3)
            let path = try EvidenceTestSupport.write(Data(text.utf8), named: "parts.log", in: folder)
            let file = EvidenceFile(path: path, sample: EvidenceSample(path: path, head: "", isComplete: false, size: text.utf8.count))
            let bytes = Array(text.utf8)
            let parts = try #require(try file.lineAlignedParts(count: 6, minBytes: 1, searchBytes: 4096))
            #expect(parts.count == 6)
            #expect(parts.first?.lowerBound == 0)
            #expect(parts.last?.upperBound == bytes.count)
            for (left, right) in zip(parts, parts.dropFirst()) {
                #expect(left.upperBound == right.lowerBound)
                #expect(bytes[right.lowerBound - 1] == 0x0A)
            }
            #expect(try file.lineAlignedParts(count: 6, minBytes: bytes.count, searchBytes: 4096) == nil)
        }
    }

    /// A line of the maximum length or more sends the file back to one pass.
    @Test func aVeryLongLineStopsThePartReader() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let text = "short\n" + String(repeating: "x", count: 300) + "\nshort again\n"
            let path = try EvidenceTestSupport.write(Data(text.utf8), named: "long.log", in: folder)
            let file = EvidenceFile(path: path, sample: EvidenceSample(path: path, head: "", isComplete: true, size: text.utf8.count))
            var seen: [String] = []
            let summary = try file.forEachRawLine(in: 0..<text.utf8.count, limits: LineReadingLimits(chunkSize: 64, maxLineLength: 256)) { line, _, _ in
                seen.append(String(decoding: line, as: UTF8.self))
            }
            #expect(summary.metLongLine)
            #expect(seen == ["short"])
        }
    }

    // MARK: - Helpers

    /// Scans `text` in one pass and with every forced plan, and expects the same report (and the
    /// same JSON); with `expectTakenOver`, at least one plan must have used a later part's counts.
    private func expectSameReports(_ text: String, name: String, expectTakenOver: Bool = false) throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let file = try ForcedPlanComparison.file(text, named: name, in: folder)
            let outcome = try ForcedPlanComparison.compare(
                name: name, partCounts: Self.partCounts, warmUps: Self.warmUps,
                inspect: { try ExecutionLogInspector(plan: $0).inspect(file) },
                takenOver: { try ParallelExecutionLogScan.run(file, plan: $0, limits: ExecutionLogInspector.lineLimits)?.partsTakenOver })
            if expectTakenOver { #expect(outcome.takenOver > 0, "\(name): no part's own counts were used") }
        }
    }
}
