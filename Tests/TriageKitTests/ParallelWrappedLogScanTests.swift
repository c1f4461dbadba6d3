import Foundation
import Testing

@testable import TriageKit

/// An execution log wrapped in `filter-log-events` JSON or a Logs Insights export, read on several
/// cores, gives the same report as one pass (issue 15): generated files whose requests and
/// multi-line messages cross the cuts, escapes, CRLF, cut files, lines made to look like record
/// starts inside quoted fields, and every wrapped fixture.
@Suite("ParallelExecutionLogScan through wrappers")
struct ParallelWrappedLogScanTests {
    private static let partCounts = [2, 3, 5, 9, 16]
    private static let warmUps = [0, 300, 6_000, 40_000, 10_000_000]

    // MARK: filter-log-events JSON and the Insights JSON export

    @Test func eventsJSONReadsTheSameOnAnyNumberOfParts() throws {
        let messages = Self.messages(requests: 200, seed: 21)
        try expectSameReports(Self.eventsDocument(messages), name: "events.json", expectParallel: true, expectTakenOver: true)
    }

    @Test func eventsJSONWithCRLFReadsTheSame() throws {
        let text = Self.eventsDocument(Self.messages(requests: 120, seed: 22)).replacingOccurrences(of: "\n", with: "\r\n")
        try expectSameReports(text, name: "events-crlf.json", expectParallel: true, expectTakenOver: true)
    }

    @Test func aCutEventsDocumentReadsTheSame() throws {
        let text = Self.eventsDocument(Self.messages(requests: 120, seed: 23))
        for fraction in [0.37, 0.71, 0.99] {
            let cut = String(decoding: Array(text.utf8).prefix(Int(Double(text.utf8.count) * fraction)), as: UTF8.self)
            try expectSameReports(cut, name: "events-cut.json", expectParallel: true)
        }
    }

    @Test func insightsJSONExportReadsTheSame() throws {
        let text = Self.insightsJSON(Self.messages(requests: 150, seed: 24))
        try expectSameReports(text, name: "insights.json", expectParallel: true, expectTakenOver: true)
    }

    // MARK: Logs Insights CSV

    @Test func insightsCSVReadsTheSameOnAnyNumberOfParts() throws {
        try expectSameReports(Self.insightsCSV(Self.messages(requests: 200, seed: 31)), name: "insights.csv", expectParallel: true, expectTakenOver: true)
    }

    @Test func insightsCSVWithCRLFReadsTheSame() throws {
        let text = Self.insightsCSV(Self.messages(requests: 120, seed: 32), newline: "\r\n")
        try expectSameReports(text, name: "insights-crlf.csv", expectParallel: true, expectTakenOver: true)
    }

    @Test func aCutInsightsCSVReadsTheSame() throws {
        // Cut inside a quoted multi-line message: the export says it looks cut off.
        var text = Self.insightsCSV(Self.messages(requests: 120, seed: 33))
        text += "2026-01-08 11:00:00.000,\"(0badc0de-1111-4222-8333-944445555666) Endpoint response body before transformations: {\n  \"\"a\"\": 1"
        try expectSameReports(text, name: "insights-cut.csv", expectParallel: true)
        var noNewline = Self.insightsCSV(Self.messages(requests: 60, seed: 34))
        noNewline.removeLast()
        try expectSameReports(noNewline, name: "insights-no-newline.csv", expectParallel: true)
    }

    /// Quoted messages whose lines look like record starts: a cut there is found out by the stream
    /// of the part before it (it ends inside quotes), and the file is read in one pass.
    @Test func recordLikeLinesInsideQuotedMessagesCannotFoolTheCuts() throws {
        var messages = Self.messages(requests: 30, seed: 35)
        let fake = (0..<2_000).map { "2026-01-08 10:00:\(String(format: "%02d", $0 % 60)).000,(not a record) line \($0)" }
        messages.insert("(0badc0de-1111-4222-8333-944445555666) Endpoint response body before transformations: " + fake.joined(separator: "\n"), at: 15)
        let text = Self.insightsCSV(messages)
        try expectSameReports(text, name: "fooled.csv")
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let file = try ForcedPlanComparison.file(text, named: "fooled.csv", in: folder)
            let bytes = Array(text.utf8)
            let quoted = try #require(bytes.firstRange(of: Array("line 0\n".utf8)))
            let last = try #require(bytes.firstRange(of: Array("line 1999".utf8)))
            let parts = try #require(try file.recordAlignedParts(of: InsightsCSVStream.self, count: 2, minBytes: 1, searchBytes: 1 << 20))
            // The cut falls on a record-like line inside the quoted message ...
            #expect(parts[1].lowerBound > quoted.upperBound && parts[1].lowerBound < last.lowerBound)
            // ... and the part before it ends inside quotes: one pass.
            let plan = ParallelScanPlan(parts: 2, minPartBytes: 1, warmUpBytes: 0)
            #expect(try ParallelExecutionLogScan.run(file, plan: plan, limits: ExecutionLogInspector.lineLimits, source: .insightsCSV) == nil)
        }
    }

    /// The fixtures kept in these wrappers, each read with every forced plan.
    @Test func everyWrappedFixtureReadsTheSame() throws {
        let names = ["execution-log", "logs-insights"].flatMap { kind in
            let folder = EvidenceTestSupport.fixtures.appendingPathComponent(kind)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.filter { $0.hasSuffix(".json") || $0.hasSuffix(".csv") }.sorted().map { "\(kind)/\($0)" }
        }
        #expect(names.count >= 10)
        for name in names {
            let text = try String(contentsOfFile: EvidenceTestSupport.fixture(name), encoding: .utf8)
            try expectSameReports(text, name: (name as NSString).lastPathComponent)
        }
    }

    /// Cuts fall on lines that may start a record, and the parts cover the file.
    @Test func partsStartAtRecordStartsAndCoverTheFile() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let text = Self.insightsCSV(Self.messages(requests: 40, seed: 36))
            let file = try ForcedPlanComparison.file(text, named: "parts.csv", in: folder)
            let bytes = Array(text.utf8)
            let parts = try #require(try file.recordAlignedParts(of: InsightsCSVStream.self, count: 6, minBytes: 1, searchBytes: 1 << 20))
            #expect(parts.count == 6)
            #expect(parts.first?.lowerBound == 0)
            #expect(parts.last?.upperBound == bytes.count)
            for (left, right) in zip(parts, parts.dropFirst()) {
                #expect(left.upperBound == right.lowerBound)
                #expect(bytes[right.lowerBound - 1] == 0x0A)
                #expect(bytes[right.lowerBound..<right.lowerBound + 4].elementsEqual("2026".utf8))
            }
        }
    }

    // MARK: - Helpers

    /// The messages of a generated execution log: each line, with the continuation lines of a
    /// multi-line body joined to the line they follow (one event per message, as CloudWatch keeps
    /// them); a few made to need escapes.
    private static func messages(requests: Int, seed: UInt64) -> [String] {
        var messages: [String] = []
        for line in GeneratedExecutionLog.text(requests: requests, seed: seed).split(separator: "\n") {
            if line.hasPrefix("(") || messages.isEmpty {
                messages.append(String(line))
            } else {
                messages[messages.count - 1] += "\n" + line
            }
        }
        for index in stride(from: 5, to: messages.count, by: 37) {
            messages[index] += " caf\u{e9} \"quoted\", back\\slash\ttab \u{1F600}"
        }
        return messages
    }

    /// `aws logs filter-log-events` output, as the CLI pretty-prints it.
    private static func eventsDocument(_ messages: [String]) -> String {
        let events = messages.enumerated().map { index, message in
            """
                    {
                        "logStreamName": "9f8e7d6c5b4a39281706f5e4d3c2b1a0",
                        "timestamp": \(1_767_836_000_000 + index),
                        "message": "\(jsonEscaped(message, index: index))",
                        "ingestionTime": \(1_767_836_000_050 + index),
                        "eventId": "3871\(index)"
                    }
            """
        }
        return "{\n    \"events\": [\n" + events.joined(separator: ",\n") + "\n    ],\n    \"searchedLogStreams\": []\n}\n"
    }

    /// A Logs Insights console JSON export.
    private static func insightsJSON(_ messages: [String]) -> String {
        let rows = messages.enumerated().map { index, message in
            """
              {
                "@timestamp": "2026-01-08 10:00:00.\(String(format: "%03d", index % 1000))",
                "@message": "\(jsonEscaped(message, index: index))",
                "@log": "123456789012:API-Gateway-Execution-Logs_k7x2m9q4ab/prod"
              }
            """
        }
        return "[\n" + rows.joined(separator: ",\n") + "\n]\n"
    }

    /// A Logs Insights console CSV export (RFC 4180 quoting), with `@log` after the message.
    private static func insightsCSV(_ messages: [String], newline: String = "\n") -> String {
        var text = "@timestamp,@message,@log" + newline
        for (index, message) in messages.enumerated() {
            var field = message.replacingOccurrences(of: "\n", with: newline)
            if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                field = "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            text += "2026-01-08 10:00:\(String(format: "%02d", index % 60)).\(String(format: "%03d", index % 1000)),\(field)"
            text += ",123456789012:API-Gateway-Execution-Logs_k7x2m9q4ab/prod" + newline
        }
        return text
    }

    /// JSON string text; every few messages spell a character as `\u` or `/` as `\/`.
    private static func jsonEscaped(_ text: String, index: Int) -> String {
        var out = ""
        for character in text.unicodeScalars {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "/" where index % 3 == 0: out += "\\/"
            case "\u{e9}" where index % 2 == 0: out += "\\u00e9"
            case "\u{1F600}" where index % 2 == 0: out += "\\ud83d\\ude00"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// Scans `text` in one pass and with every forced plan, and expects the same report (and the
    /// same JSON). With `expectParallel`, every plan must have read the parts in parallel; with
    /// `expectTakenOver`, at least one must have used a later part's own counts.
    private func expectSameReports(_ text: String, name: String, expectParallel: Bool = false, expectTakenOver: Bool = false) throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let file = try ForcedPlanComparison.file(text, named: name, in: folder)
            let source = LogMessageSource.of(file.sample.head)
            if expectParallel { #expect(source != .lines, "\(name) is not read as a wrapper") }
            let outcome = try ForcedPlanComparison.compare(
                name: name, partCounts: Self.partCounts, warmUps: Self.warmUps,
                inspect: { try ExecutionLogInspector(plan: $0).inspect(file) },
                takenOver: {
                    try ParallelExecutionLogScan.run(file, plan: $0, limits: ExecutionLogInspector.lineLimits, source: source)?.partsTakenOver
                })
            if expectParallel { #expect(outcome.onePass == 0, "\(name): \(outcome.onePass) plans read the file in one pass") }
            if expectTakenOver { #expect(outcome.takenOver > 0, "\(name): no part's own counts were used") }
        }
    }
}
