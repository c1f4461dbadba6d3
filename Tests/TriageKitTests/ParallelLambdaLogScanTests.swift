import Foundation
import Testing

@testable import TriageKit

/// A Lambda log read on several cores gives the same report as one pass (issue 15): on generated
/// logs in both formats whose invocations cross the split points (START in one part, REPORT or a
/// late `Task timed out` in the next, interleaved invocations, init failures), and on every
/// Lambda log fixture, with the parts forced small.
@Suite("ParallelLambdaLogScan")
struct ParallelLambdaLogScanTests {
    /// Part counts and warm-up lengths that put the cuts everywhere: inside invocations, on a
    /// part's first line; warm-ups too short (the true scan reads the part again) and long enough
    /// (the part's own counts are taken over).
    private static let partCounts = [2, 3, 4, 7, 16]
    private static let warmUps = [0, 200, 5_000, 30_000, 10_000_000]

    @Test(arguments: [GeneratedLambdaLog.Format.text, .json], [UInt64(4), 5])
    func aGeneratedLogReadsTheSameOnAnyNumberOfParts(format: GeneratedLambdaLog.Format, seed: UInt64) throws {
        let text = GeneratedLambdaLog.text(invocations: 700, seed: seed, format: format)
        let report = try expectSameReports(text, name: "generated.log", expectTakenOver: true)
        // Not an empty agreement: the generator's failures are found.
        #expect((report.failed ?? 0) > 50)
    }

    /// The small logs `Scripts/gen-logs.py` wrote (every failure kind it makes), one after another
    /// several times so that the parts hold several invocations each.
    @Test(arguments: ["lambda-text.log", "lambda-json.log"])
    func theGeneratorsLogsReadTheSame(name: String) throws {
        let text = try String(contentsOf: EvidenceTestSupport.fixtures.appendingPathComponent("generated/\(name)"), encoding: .utf8)
        try expectSameReports(String(repeating: text, count: 6), name: name, expectTakenOver: true)
    }

    @Test func theFixturesOneAfterAnotherReadTheSame() throws {
        let folder = EvidenceTestSupport.fixtures.appendingPathComponent("lambda-log")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".log") }.sorted()
        #expect(names.count > 15)
        var text = ""
        for name in names {
            text += try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            if !text.hasSuffix("\n") { text += "\n" }
        }
        try expectSameReports(text, name: "fixtures.log")
    }

    @Test(arguments: EvidenceTestSupport.fixtures(ofKinds: ["lambda-log"]))
    func everyFixtureAloneReadsTheSame(fixture: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: EvidenceTestSupport.fixture(fixture)))
        try expectSameReports(String(decoding: data, as: UTF8.self), name: URL(fileURLWithPath: fixture).lastPathComponent)
    }

    @Test func crlfAndNoFinalNewlineReadTheSame() throws {
        // Every line ends in CRLF (the generator writes a few already: not doubled), the last in nothing.
        let lines = Array(GeneratedLambdaLog.text(invocations: 200, seed: 8, format: .text).utf8).split(separator: 0x0A)
        var bytes: [UInt8] = []
        for line in lines { bytes += (line.last == 0x0D ? line.dropLast() : line) + [0x0D, 0x0A] }
        bytes.removeLast(2)
        let text = String(decoding: bytes, as: UTF8.self)
        try expectSameReports(text, name: "crlf.log", expectTakenOver: true)
    }

    /// An invocation that never reports stays open to the end: every later part's state differs
    /// from the true one, which then reads the parts itself.
    @Test func anInvocationOpenToTheEndReadsTheSame() throws {
        let open = "START RequestId: 0badc0de-1111-4222-8333-944445555666 Version: $LATEST\n"
            + "2026-01-08T10:00:00.100Z\t0badc0de-1111-4222-8333-944445555666\tINFO\tstill working\n"
        let text = open + GeneratedLambdaLog.text(invocations: 200, seed: 9, format: .text)
            + "2026-01-08T11:00:00.100Z 0badc0de-1111-4222-8333-944445555666 Task timed out after 30.00 seconds\n"
        try expectSameReports(text, name: "open.log")
    }

    @Test func tinyFilesReadTheSame() throws {
        try expectSameReports("START RequestId: 6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e Version: $LATEST\n", name: "one.log")
        try expectSameReports("\n\n\n", name: "blank.log")
        try expectSameReports("x", name: "x.log")
    }

    // MARK: - Helpers

    /// Scans `text` in one pass and with every forced plan, and expects the same report (and the
    /// same JSON); with `expectTakenOver`, at least one plan must have used a later part's counts.
    @discardableResult
    private func expectSameReports(_ text: String, name: String, expectTakenOver: Bool = false) throws -> EvidenceReport {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let file = try ForcedPlanComparison.file(text, named: name, in: folder)
            let outcome = try ForcedPlanComparison.compare(
                name: name, partCounts: Self.partCounts, warmUps: Self.warmUps,
                inspect: { try LambdaLogInspector(plan: $0).inspect(file) },
                takenOver: { try ParallelLambdaLogScan.run(file, plan: $0, limits: .standard)?.partsTakenOver })
            if expectTakenOver { #expect(outcome.takenOver > 0, "\(name): no part's own counts were used") }
            return outcome.single
        }
    }
}
