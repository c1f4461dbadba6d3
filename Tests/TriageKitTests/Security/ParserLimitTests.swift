import Foundation
import Testing

@testable import TriageKit

/// Every parser is bounded: a hostile document is refused within a second, in bounded memory,
/// with a message naming the limit.
@Suite struct ParserLimitTests {
    static let bomb = (try? String(contentsOfFile: EvidenceTestSupport.fixture("bad-input/yaml-alias-bomb.yaml"), encoding: .utf8)) ?? ""

    private func elapsed<T>(_ body: () throws -> T) rethrows -> (T, Duration) {
        let start = ContinuousClock.now
        let value = try body()
        return (value, ContinuousClock.now - start)
    }

    @Test func billionLaughsIsRefusedBeforeYamsExpandsIt() {
        #expect(Self.bomb.hasPrefix("a: &a"))
        let before = ProcessMemory.peakMiB()
        let (result, time) = elapsed { Result { () throws(YAMLDocumentError) in try YAMLDocumentParser.parse(Self.bomb) } }
        #expect(time < .seconds(10), "a hang guard: the suite runs tests in parallel on 2 cores, so wall time is not a measure here (the scan alone takes well under a second)")
        #expect(ProcessMemory.peakMiB() - before < 100)
        guard case .failure(let error) = result else {
            Issue.record("the alias bomb was read")
            return
        }
        #expect(error.description.contains("more than 100,000 nodes"))
        #expect(error.description.contains("limit for YAML aliases"))
    }

    @Test func aliasBombInATemplateGetsAMessageThroughTheScanner() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let text = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Api:\n    Type: AWS::ApiGateway::RestApi\n" + Self.bomb
            let path = try EvidenceTestSupport.write(Data(text.utf8), named: "template.yaml", in: folder)
            let (report, time) = elapsed { EvidenceScanner().scan(path) }
            #expect(time < .seconds(10), "a hang guard: the suite runs tests in parallel on 2 cores, so wall time is not a measure here (the scan alone takes well under a second)")
            #expect(report.findings.isEmpty)
            let said = (report.problems + [report.description]).joined(separator: " ")
            #expect(said.contains("limit for YAML aliases"), "\(report)")
        }
    }

    @Test func ordinaryAliasesStillRead() throws {
        let text = """
            defaults: &defaults
              timeout: 29
              memory: 512
            functions:
              a:
                <<: *defaults
              b:
                <<: *defaults
            list: &items [x, y]
            again: *items
            """
        let root = try YAMLDocumentParser.parse(text)
        #expect(root["again"]?.elements.count == 2)
    }

    @Test func fewAliasesOfALargeAnchorAreRefusedToo() {
        // 2,500 aliases of a 1,000-item anchor: few aliases, but 2.5 million nodes copied.
        let items = (0..<1_000).map { "x\($0)" }.joined(separator: ", ")
        let text = "big: &big [\(items)]\nuses: [" + Array(repeating: "*big", count: 2_500).joined(separator: ", ") + "]\n"
        let (result, time) = elapsed { Result { () throws(YAMLDocumentError) in try YAMLDocumentParser.parse(text) } }
        #expect(time < .seconds(10), "a hang guard: the suite runs tests in parallel on 2 cores, so wall time is not a measure here (the scan alone takes well under a second)")
        guard case .failure(let error) = result else {
            Issue.record("2.5 million nodes were read")
            return
        }
        #expect(error.description.contains("limit for YAML aliases"))
    }

    @Test func deepFlowNestingIsRefused() {
        let text = String(repeating: "[", count: 100_000)
        let (result, time) = elapsed { Result { () throws(YAMLDocumentError) in try YAMLDocumentParser.parse(text) } }
        #expect(time < .seconds(10), "a hang guard: the suite runs tests in parallel on 2 cores, so wall time is not a measure here (the scan alone takes well under a second)")
        guard case .failure(let error) = result else {
            Issue.record("100,000 brackets were read")
            return
        }
        #expect(error.description.contains("nested more than 512 levels"))
    }

    @Test func deepJSONIsRefused() {
        let text = String(repeating: "[", count: 100_000)
        let (result, time) = elapsed { Result { () throws(JSONDocumentError) in try JSONDocumentParser.parse(text) } }
        #expect(time < .seconds(10), "a hang guard: the suite runs tests in parallel on 2 cores, so wall time is not a measure here (the scan alone takes well under a second)")
        guard case .failure(let error) = result else {
            Issue.record("100,000 brackets were read")
            return
        }
        #expect(error.description.contains("nested more than \(ParserLimits.nestingDepth) levels"))
    }

    @Test func longLinesAreCutAtTheLineLimit() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let path = try EvidenceTestSupport.writeSingleLine(
                prefix: "(r1) Method completed with status: 502 ", repeating: UInt8(ascii: "x"), size: 8 << 20, named: "long.log", in: folder)
            let (report, time) = elapsed { EvidenceScanner().scan(path) }
            #expect(time < .seconds(10), "a hang guard, not a speed measure")
            #expect(report.findings.flatMap(\.evidence).allSatisfy { $0.text.utf8.count <= ParserLimits.lineBytes })
        }
    }

    @Test func theTimeBudgetStopsAFileWithAMessage() {
        let path = EvidenceTestSupport.fixture("execution-log/cloudwatch-lambda-timeout.log")
        let report = EvidenceScanner(timeBudget: 0).scan(path)
        let said = report.problems.joined(separator: " ")
        #expect(said.contains("time budget for one file"), "\(report)")
        // Outside a scan there is no deadline.
        #expect(throws: Never.self) { try ScanBudget.check(path) }
    }

    @Test func limitsLiveInOnePlace() {
        #expect(EvidenceFile.documentLimit == ParserLimits.documentBytes)
        #expect(LineReadingLimits.standard.maxLineLength == ParserLimits.lineBytes)
        #expect(JSONDocumentParser.maximumDepth == ParserLimits.nestingDepth)
    }
}

/// The process's peak memory, to show a refusal did not allocate its way there.
enum ProcessMemory {
    static func peakMiB() -> Int {
        var usage = rusage()
        #if os(Linux)
            getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
            return Int(usage.ru_maxrss) / 1024
        #else
            getrusage(RUSAGE_SELF, &usage)
            return Int(usage.ru_maxrss) / (1024 * 1024)
        #endif
    }
}
