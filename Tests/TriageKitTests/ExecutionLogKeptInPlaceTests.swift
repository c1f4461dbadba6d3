import Foundation
import Testing

@testable import TriageKit

/// Lines of a plain execution log kept by their place in the file (`KeptLine.inFile`, read again
/// through `ExecutionLogLineFile` only for the requests that need them) give the same scan as
/// lines copied when kept: on generated logs whose failing requests' lines have long left the
/// reader's buffer, with CRLF, lines cut by a chunk, continuation lines and over-long lines.
@Suite("Execution-log lines kept in place")
struct ExecutionLogKeptInPlaceTests {
    /// Chunks far smaller than a request, so every kept line has left the buffer when its
    /// request ends, and lines are cut by chunk ends everywhere.
    private static let smallChunks = LineReadingLimits(chunkSize: 700, maxLineLength: 2 * 1024 * 1024)

    @Test func aGeneratedLogScansTheSameKeptInPlace() throws {
        try expectSameScan(GeneratedExecutionLog.text(requests: 300, seed: 21), name: "generated.log")
    }

    @Test func requestsSpreadFarApartScanTheSame() throws {
        // Hundreds of requests in flight: a failing request's lines lie more than one re-read
        // window (`ExecutionLogLineFile.spanBytes`) apart.
        let text = GeneratedExecutionLog.text(requests: 2_400, seed: 5, inFlight: 1_000)
        #expect(text.utf8.count > 4 * ExecutionLogLineFile.spanBytes)
        try expectSameScan(text, name: "spread.log")
    }

    @Test func crlfLinesScanTheSame() throws {
        try expectSameScan(GeneratedExecutionLog.text(requests: 150, seed: 8).replacingOccurrences(of: "\n", with: "\r\n"), name: "crlf.log")
    }

    @Test func overLongLinesAndFullRequestsScanTheSame() throws {
        // Lines over the 4 KiB kept of one line, and a request that passes its byte limit
        // (its later lines are dropped and counted) before it fails.
        let id = "(7d1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e) "
        var text = GeneratedExecutionLog.text(requests: 40, seed: 2)
        text += id + "Endpoint request headers: {" + String(repeating: "h=v, ", count: 1500) + "}\n"
        for index in 0..<12 {
            text += id + "Endpoint response body before transformations: " + String(repeating: "b\(index)", count: 900) + "\n"
        }
        text += id + "Execution failed due to a timeout error\n"
        text += id + "Method completed with status: 504\n"
        text += GeneratedExecutionLog.text(requests: 40, seed: 3)
        try expectSameScan(text, name: "long.log")
    }

    @Test func theFixturesScanTheSameKeptInPlace() throws {
        let folder = EvidenceTestSupport.fixtures.appendingPathComponent("execution-log")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".log") }.sorted()
        #expect(names.count > 10)
        for name in names {
            try expectSameScan(String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8), name: name)
        }
    }

    /// A line kept by place reads back as the copy would have been, the 4 KiB cut and the
    /// request's byte limit included.
    @Test func aRequestKeptInPlaceMaterialisesAsTheCopy() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let lines = ["first line", String(repeating: "x", count: 5000), "", "third\u{00E9}", String(repeating: "y", count: 3000)]
            let text = lines.joined(separator: "\n") + "\n"
            let path = try EvidenceTestSupport.write(Data(text.utf8), named: "kept.log", in: folder)
            let file = try ExecutionLogLineFile(path: path)
            var copied = PendingRequest()
            var inPlace = PendingRequest()
            var offset = 0
            for (index, line) in lines.enumerated() {
                let bytes = Array(line.utf8)
                bytes.withUnsafeBufferPointer { copied.keep($0, number: index + 1, message: index == 2 ? nil : 0, byteLimit: 7000) }
                inPlace.keep(fileOffset: offset, count: bytes.count, number: index + 1, message: index == 2 ? nil : 0, byteLimit: 7000)
                offset += bytes.count + 1
            }
            #expect(copied.droppedLines == 1)
            #expect(inPlace.droppedLines == copied.droppedLines)
            #expect(inPlace.keptBytes == copied.keptBytes)
            let read = inPlace.materialized(from: file)
            #expect(read.bytes == copied.bytes)
            #expect(read.lines == copied.lines)
        }
    }

    // MARK: - Helpers

    /// What a scan found, for comparing two scans of one file.
    private struct Summary: Equatable {
        var requests, failed, keyThrottled, closedEarly, droppedLines, unexplainedCount: Int
        var unexplained: [String]
        var findings: [Finding]
        var undetermined: [UndeterminedFailure]
        var facts: [String: String]

        init(_ scan: ExecutionLogScan) {
            requests = scan.requests
            failed = scan.failed
            keyThrottled = scan.keyThrottled
            closedEarly = scan.closedEarly
            droppedLines = scan.droppedLines
            unexplainedCount = scan.unexplainedCount
            unexplained = scan.unexplained.map { "\($0.status.map(String.init) ?? "-") \($0.line)" }
            findings = scan.tally.findings(counting: "request")
            undetermined = scan.undetermined.failures
            facts = scan.firstFacts
        }
    }

    /// Scans `text` with copied lines (the whole-file reader), with lines kept in place (one part
    /// read in small chunks), and on several parts; expects the same scan from each.
    private func expectSameScan(_ text: String, name: String) throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let path = try EvidenceTestSupport.write(Data(text.utf8), named: name, in: folder)
            let size = text.utf8.count
            let file = EvidenceFile(path: path, sample: EvidenceSample(path: path, head: "", isComplete: false, size: size))

            var copied = ExecutionLogPass(scan: ExecutionLogScan(path: path))
            _ = try file.forEachLogLine(limits: Self.smallChunks) { line, number in copied.take(line, number: number) }
            copied.scan.finish()
            let expected = Summary(copied.scan)
            #expect(expected.requests > 0 || size < 200, "\(name): nothing scanned")

            var inPlace = ExecutionLogPass(scan: ExecutionLogScan(path: path, lineFile: try ExecutionLogLineFile(path: path)))
            let summary = try file.forEachRawLineAt(in: 0..<size, limits: Self.smallChunks) { line, number, start, _ in
                inPlace.scan.lineLies(at: start, line)
                inPlace.take(line, number: number)
            }
            #expect(!summary.metLongLine)
            inPlace.scan.finish()
            #expect(Summary(inPlace.scan) == expected, "\(name): one part kept in place")

            for parts in [2, 3, 5] {
                for warmUp in [0, 2_000, 50_000] {
                    let plan = ParallelScanPlan(parts: parts, minPartBytes: 1, warmUpBytes: warmUp)
                    guard let parallel = try ParallelExecutionLogScan.run(file, plan: plan, limits: Self.smallChunks) else { continue }
                    #expect(Summary(parallel.pass.scan) == expected, "\(name): \(parts) parts, warm-up \(warmUp)")
                }
            }
        }
    }
}
