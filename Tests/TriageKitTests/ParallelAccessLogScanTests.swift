import Foundation
import Testing

@testable import TriageKit

/// The access log read on several cores gives the same report as one pass (issue 15): on generated
/// JSON and CLF logs (failures of every kind on both sides of the cuts, broken lines, CRLF, no final
/// newline) and on every access-log fixture, with the parts forced small so the cuts fall anywhere.
@Suite("ParallelAccessLogScan")
struct ParallelAccessLogScanTests {
    /// Part counts that put the cuts everywhere: next to failures, inside the first entries (whose
    /// facts count), one or two lines per part on the small files.
    private static let partCounts = [2, 3, 4, 5, 7, 9, 16, 40]

    @Test(arguments: 1...4)
    func generatedJSONLogsReadTheSameOnAnyNumberOfParts(seed: UInt64) throws {
        var generator = GeneratedExecutionLog.SplitMix(state: seed &* 7)
        try expectSameReports(GeneratedAccessLog.json(lines: 500, using: &generator), name: "access-\(seed).log")
    }

    @Test(arguments: 1...4)
    func generatedCLFLogsReadTheSameOnAnyNumberOfParts(seed: UInt64) throws {
        var generator = GeneratedExecutionLog.SplitMix(state: seed &* 13)
        try expectSameReports(GeneratedAccessLog.clf(lines: 500, using: &generator), name: "access-clf-\(seed).log")
    }

    @Test func aLogWithoutANewlineAtTheEndReadsTheSame() throws {
        var generator = GeneratedExecutionLog.SplitMix(state: 99)
        var text = GeneratedAccessLog.json(lines: 200, using: &generator)
        while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        text += "\n" + #"{"requestId":"c7e6bc50-6968-7c2a-f0b6-d8f9f7d01108","status":"504","errorMessage":"Endpoint request timed out"}"#
        try expectSameReports(text, name: "no-newline.log")
    }

    @Test func jsonAndCLFMixedWithCRLFReadTheSame() throws {
        var generator = GeneratedExecutionLog.SplitMix(state: 5)
        let json = GeneratedAccessLog.json(lines: 150, using: &generator).replacingOccurrences(of: "\r\n", with: "\n")
        let clf = GeneratedAccessLog.clf(lines: 150, using: &generator).replacingOccurrences(of: "\r\n", with: "\n")
        try expectSameReports((clf + json).replacingOccurrences(of: "\n", with: "\r\n"), name: "mixed-crlf.log")
    }

    /// The facts are those of the file's first entries: here junk, entries without facts and
    /// entries with other facts lie where the first, second and later parts begin.
    @Test func theFactsOfTheFirstEntriesComeFromTheEarliestParts() throws {
        var lines = ["not an access log line", "", #"{"status":"200"}"#, "junk {", #"{"status":"500","stage":"beta"}"#]
        for index in 0..<30 {
            let api = index < 12 ? "k7x2m9q4a\(index % 10)" : "zzzzzzzzz\(index % 10)"
            let path = index % 2 == 0 ? #""resourcePath":"/orders""# : #""routeKey":"GET /pets""#
            lines.append(#"{"status":"\#(index % 3 == 0 ? 502 : 200)","apiId":"\#(api)","stage":"prod\#(index)",\#(path)}"#)
        }
        try expectSameReports(lines.joined(separator: "\n") + "\n", name: "facts.log")
    }

    @Test(arguments: EvidenceTestSupport.fixtures(ofKinds: ["access-log"]))
    func everyFixtureReadsTheSame(fixture: String) throws {
        let text = try String(contentsOf: URL(fileURLWithPath: EvidenceTestSupport.fixture(fixture)), encoding: .utf8)
        try expectSameReports(text, name: (fixture as NSString).lastPathComponent, requireSplit: false)
    }

    @Test func theFixturesOneAfterAnotherReadTheSame() throws {
        var text = ""
        for fixture in EvidenceTestSupport.fixtures(ofKinds: ["access-log"]) where fixture.hasSuffix(".log") {
            text += try String(contentsOf: URL(fileURLWithPath: EvidenceTestSupport.fixture(fixture)), encoding: .utf8)
            if !text.hasSuffix("\n") { text += "\n" }
        }
        #expect(text.count > 1000)
        try expectSameReports(text, name: "fixtures.log")
    }

    @Test func tinyFilesReadTheSame() throws {
        try expectSameReports(#"{"status":"502","integrationStatus":"200"}"#, name: "one.log", requireSplit: false)
        try expectSameReports("\n\n\n", name: "blank.log", requireSplit: false)
        try expectSameReports("\n", name: "newline.log", requireSplit: false)
    }

    /// A line of the maximum length or more sends the file back to one pass (which reads it whole
    /// or cuts it where its chunks fall), with the same report.
    @Test func aVeryLongLineFallsBackToOnePass() throws {
        let long = #"{"status":"500","integrationErrorMessage":""# + String(repeating: "x", count: 70_000) + #""}"#
        let text = #"{"status":"200"}"# + "\n" + long + "\n" + #"{"status":"503"}"# + "\n"
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let file = try Self.file(text, named: "long.log", in: folder)
            let plan = ParallelScanPlan(parts: 3, minPartBytes: 1, warmUpBytes: 0)
            #expect(try ParallelAccessLogScan.run(file, plan: plan, countsSuccessesFromBytes: true) == nil)
            let single = try AccessLogInspector(plan: .singleThreaded).inspect(file)
            #expect(try AccessLogInspector(plan: plan).inspect(file) == single)
            #expect(single.requests == 3)
        }
    }

    /// A log inside `filter-log-events` output is read in one pass (its lines are messages).
    @Test func aWrappedLogIsNotSplit() throws {
        let file = ConfigFixture.file(at: URL(fileURLWithPath: EvidenceTestSupport.fixture("access-log/filter-log-events-http.json")))
        let plan = ParallelScanPlan(parts: 4, minPartBytes: 1, warmUpBytes: 0)
        let report = try AccessLogInspector(plan: plan).inspect(file)
        #expect(report == (try AccessLogInspector(plan: .singleThreaded).inspect(file)))
        #expect((report.requests ?? 0) > 0)
    }

    // MARK: - Helpers

    private static func file(_ text: String, named name: String, in folder: URL) throws -> EvidenceFile {
        let path = try EvidenceTestSupport.write(Data(text.utf8), named: name, in: folder)
        return ConfigFixture.file(at: URL(fileURLWithPath: path))
    }

    /// Scans `text` in one pass and with every forced plan, and expects the same report and the
    /// same JSON; with `requireSplit`, the file must really have been read in parts.
    private func expectSameReports(_ text: String, name: String, requireSplit: Bool = true) throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let file = try Self.file(text, named: name, in: folder)
            let single = try AccessLogInspector(plan: .singleThreaded).inspect(file)
            let full = try AccessLogInspector(countsSuccessesFromBytes: false, plan: .singleThreaded).inspect(file)
            #expect(single == full, "\(name): the fast paths differ from a full parse")
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let singleJSON = try encoder.encode(single)
            for parts in Self.partCounts {
                let plan = ParallelScanPlan(parts: parts, minPartBytes: 1, warmUpBytes: 0)
                let report = try AccessLogInspector(plan: plan).inspect(file)
                #expect(report == single, "\(name): \(parts) parts")
                #expect(try encoder.encode(report) == singleJSON, "\(name): \(parts) parts")
                if requireSplit {
                    #expect(try ParallelAccessLogScan.run(file, plan: plan, countsSuccessesFromBytes: true) != nil, "\(name): not split")
                }
            }
        }
    }
}
