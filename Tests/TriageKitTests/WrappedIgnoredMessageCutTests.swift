import Foundation
import Testing

@testable import TriageKit

/// A wrapped execution log read with its ignored bodies handed over cut (`IgnoredMessageHead`,
/// issue 15) gives the report of the reading that decodes every message whole: on messages made to
/// put their first escape around the cut, behind every known message and role prefix, with line
/// breaks, `\u`, `\r` and long bodies; on every plain execution-log fixture wrapped in
/// `filter-log-events` JSON, an Insights JSON and an Insights CSV export; on every wrapped fixture;
/// in one pass and on several cores.
@Suite("Wrapped execution logs: ignored messages cut")
struct WrappedIgnoredMessageCutTests {
    private static let ids = [
        "5a000001-1001-4001-9001-001234567891", "5a000001-1001-4001-9001-001234567892", "5a000001-1001-4001-9001-001234567893",
    ]

    /// Message texts (decoded) whose first quote, backslash, line break or `\r` falls before,
    /// at and after the cut, behind each prefix the scan reads.
    private static func messages() -> [String] {
        let prefixes =
            ExecutionLogSample.knownMessages.map(\.description) + [
                "Method request body before transformations: ", "Method request path: {", "Method request path: {}",
                "Endpoint request body after transformations: ", "Endpoint response body before transformations: ",
                "Execution log for request ", "Key throttle limit exceeded", "Lambda ", "Authorizer", "Gateway response",
                "Method completed with status: 502", "There was an internal error", "Starting authorizer", "Zebra",
            ]
        let tails = [
            #"{"a":"b","c":[1,2]}"#, "line one\nline two", "caf\u{e9} \u{1F600} \"x\"", "cr\r", "\r\n(5a000001-1001-4001-9001-001234567891) Method completed with status: 504",
            #"back\slash"#, "tab\there",
        ]
        var messages: [String] = []
        for (index, prefix) in prefixes.enumerated() {
            for filler in [0, 1, 8, 17, 30, 39, 40, 41, 60, 200, 1_300] {
                let id = ids[(index + filler) % ids.count]
                let tail = tails[(index + filler) % tails.count]
                messages.append("(\(id)) " + prefix + String(repeating: "x", count: filler) + tail)
            }
            messages.append("(\(ids[index % ids.count])) Method completed with status: \(index % 2 == 0 ? 502 : 200)")
        }
        return messages
    }

    @Test func generatedMessagesReadTheSameCutOrWhole() throws {
        let messages = Self.messages()
        for (name, text) in Self.wrapped(messages) {
            try expectSameReports(text, name: name)
        }
    }

    /// Every plain execution-log fixture, each line a message, in each wrapper.
    @Test func everyPlainFixtureWrappedReadsTheSame() throws {
        let names = EvidenceTestSupport.fixtures(ofKinds: ["execution-log"]).filter { $0.hasSuffix(".log") } + ["generated/execution-plain.log"]
        #expect(names.count >= 20)
        for name in names {
            let text = try String(contentsOfFile: EvidenceTestSupport.fixture(name), encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (wrapper, wrapped) in Self.wrapped(lines) {
                try expectSameReports(wrapped, name: "\(name) as \(wrapper)")
            }
        }
    }

    /// The fixtures kept in a wrapper, and the generated 100 KB exports.
    @Test func everyWrappedFixtureReadsTheSame() throws {
        let names =
            EvidenceTestSupport.fixtures(ofKinds: ["execution-log", "logs-insights"]).filter { $0.hasSuffix(".json") || $0.hasSuffix(".csv") }
            + ["generated/execution-events.json", "generated/execution-insights.csv"]
        #expect(names.count >= 12)
        for name in names {
            let text = try String(contentsOfFile: EvidenceTestSupport.fixture(name), encoding: .utf8)
            try expectSameReports(text, name: name)
        }
    }

    /// A cut only ever stands for a line the scan drops: never for one that may matter, one with
    /// an escape or `\r` in its first bytes, or one longer than a standard event.
    @Test func onlyIgnoredHeadsAreCut() {
        func allows(_ text: String) -> Bool {
            Array(text.utf8).withUnsafeBufferPointer { IgnoredMessageHead.allows($0.baseAddress!, plain: $0.count) }
        }
        let id = Self.ids[0]
        #expect(allows("(\(id)) Method request body before transformations: {"))
        #expect(allows("(\(id)) Endpoint request body after transformations: {"))
        #expect(allows("(\(id)) Verifying Usage Plan for request: \(id)"))
        #expect(!allows("(\(id)) Endpoint response body before transformations: {"))
        #expect(!allows("(\(id)) Method completed with status: 502 and some more words"))
        #expect(!allows("(\(id)) Method request path: {id=5} and some more words here"))
        #expect(!allows("(\(id)) Method request body before transf"))  // too short to judge
        #expect(!allows("(\(id)) Method request body before\rtransformations: {"))
        #expect(!allows("(short-id) Method request body before transformations: {"))
    }

    // MARK: - Helpers

    /// `messages` as `filter-log-events` JSON (pretty and compact), an Insights JSON and an
    /// Insights CSV export (`\n` and `\r\n`).
    private static func wrapped(_ messages: [String]) -> [(String, String)] {
        let escaped = messages.enumerated().map { jsonEscaped($1, index: $0) }
        let pretty = escaped.enumerated().map { index, message in
            "        {\n            \"logStreamName\": \"9f8e7d6c5b4a\",\n            \"timestamp\": \(1_767_836_000_000 + index),\n"
                + "            \"message\": \"\(message)\",\n            \"ingestionTime\": \(1_767_836_000_050 + index),\n"
                + "            \"eventId\": \"3871\(index)\"\n        }"
        }
        let events = "{\n    \"events\": [\n" + pretty.joined(separator: ",\n") + "\n    ],\n    \"searchedLogStreams\": []\n}\n"
        let compact = "{\"events\":[" + escaped.map { "{\"timestamp\":1,\"message\":\"\($0)\",\"eventId\":\"1\"}" }.joined(separator: ",") + "]}"
        let rows = escaped.map {
            "  {\n    \"@timestamp\": \"2026-01-08 10:00:00.000\",\n    \"@message\": \"\($0)\",\n    \"@log\": \"123456789012:API-Gateway-Execution-Logs_k7x2m9q4ab/prod\"\n  }"
        }
        let insightsJSON = "[\n" + rows.joined(separator: ",\n") + "\n]\n"
        return [
            ("events.json", events), ("events-compact.json", compact), ("insights.json", insightsJSON),
            ("insights.csv", insightsCSV(messages, newline: "\n")), ("insights-crlf.csv", insightsCSV(messages, newline: "\r\n")),
        ]
    }

    private static func insightsCSV(_ messages: [String], newline: String) -> String {
        var text = "@timestamp,@message,@log" + newline
        for (index, message) in messages.enumerated() {
            var field = message
            if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
                field = "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            text += "2026-01-08 10:00:\(String(format: "%02d", index % 60)).000,\(field),123456789012:group" + newline
        }
        return text
    }

    /// JSON string text; every other message spells its non-ASCII as `\u`.
    private static func jsonEscaped(_ text: String, index: Int) -> String {
        var out = ""
        for character in text.unicodeScalars {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where character.value > 0x7F && index % 2 == 0:
                for unit in String(character).utf16 { out += String(format: "\\u%04x", unit) }
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// The report with every message decoded whole (one pass) against the reports with ignored
    /// messages cut, in one pass and with forced small parts.
    private func expectSameReports(_ text: String, name: String) throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let path = try EvidenceTestSupport.write(Data(text.utf8), named: (name as NSString).lastPathComponent, in: folder)
            let bytes = Array(text.utf8)
            let head = String(decoding: bytes.prefix(64 * 1024), as: UTF8.self)
            let file = EvidenceFile(path: path, sample: EvidenceSample(path: path, head: head, isComplete: bytes.count <= 64 * 1024, size: bytes.count))
            let whole = try ExecutionLogInspector(plan: .singleThreaded, cutsIgnoredMessages: false).inspect(file)
            #expect(try ExecutionLogInspector(plan: .singleThreaded).inspect(file) == whole, "\(name): one pass")
            for parts in [2, 5] {
                let plan = ParallelScanPlan(parts: parts, minPartBytes: 1, warmUpBytes: 500)
                #expect(try ExecutionLogInspector(plan: plan).inspect(file) == whole, "\(name): \(parts) parts")
            }
        }
    }
}
