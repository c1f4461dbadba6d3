import Foundation
import Testing

@testable import TriageKit

/// The access log's fast paths (issue 15): a successful request counted from its bytes
/// (`FlatJSONStatus`, `CommonLogFormatLine.quickStatus`) must leave the report exactly as parsing
/// every line does, on every access-log fixture and on generated logs built to hit the edges
/// (fields in any order and spelling, escapes, CRLF, missing or odd statuses, broken lines).
@Suite("Access log fast path")
struct AccessLogFastPathTests {
    /// The report of `file` read with the fast paths and with a full parse of every line.
    private static func reports(_ file: EvidenceFile) throws -> (fast: EvidenceReport, full: EvidenceReport) {
        (
            try AccessLogInspector().inspect(file),
            try AccessLogInspector(countsSuccessesFromBytes: false).inspect(file)
        )
    }

    private static func reports(ofText text: String, named name: String) throws -> (fast: EvidenceReport, full: EvidenceReport) {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let path = try EvidenceTestSupport.write(Data(text.utf8), named: name, in: folder)
            return try reports(ConfigFixture.file(at: URL(fileURLWithPath: path)))
        }
    }

    @Test(arguments: EvidenceTestSupport.fixtures(ofKinds: ["access-log"]))
    func everyFixtureReadsTheSameBothWays(fixture: String) throws {
        let (fast, full) = try Self.reports(ConfigFixture.file(at: URL(fileURLWithPath: EvidenceTestSupport.fixture(fixture))))
        #expect(fast == full)
        #expect((fast.requests ?? 0) > 0)
    }

    @Test(arguments: 1...8)
    func generatedJSONLogsReadTheSameBothWays(seed: UInt64) throws {
        var generator = GeneratedExecutionLog.SplitMix(state: seed)
        let text = GeneratedAccessLog.json(lines: 400, using: &generator)
        let (fast, full) = try Self.reports(ofText: text, named: "access-\(seed).log")
        #expect(fast == full)
        #expect((fast.requests ?? 0) > 250)
        #expect((fast.failed ?? 0) > 0)
    }

    @Test(arguments: 1...8)
    func generatedCLFLogsReadTheSameBothWays(seed: UInt64) throws {
        var generator = GeneratedExecutionLog.SplitMix(state: seed &* 31)
        let text = GeneratedAccessLog.clf(lines: 400, using: &generator)
        let (fast, full) = try Self.reports(ofText: text, named: "access-\(seed).log")
        #expect(fast == full)
        #expect((fast.requests ?? 0) > 300)
        #expect((fast.failed ?? 0) > 0)
    }

    /// Line by line: when the fast reader answers, the full parse accepts the line and reads the
    /// same status from the same field.
    @Test func statusFromBytesIsTheParsedStatus() throws {
        var generator = GeneratedExecutionLog.SplitMix(state: 42)
        var lines = Self.edges
        // Split on bytes: as `String`, `\r\n` is one character and would not split at `\n`.
        lines += Array(GeneratedAccessLog.json(lines: 2000, using: &generator).utf8).split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
        for fixture in EvidenceTestSupport.fixtures(ofKinds: ["access-log"]) {
            let data = try Data(contentsOf: URL(fileURLWithPath: EvidenceTestSupport.fixture(fixture)))
            lines += data.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
        }
        var answered = 0
        for line in lines {
            var bytes = Array(line.utf8)
            bytes.withUnsafeMutableBufferPointer { buffer in
                let raw = UnsafeBufferPointer(buffer)
                guard let status = FlatJSONStatus.status(raw) else { return }
                answered += 1
                var json = FlatJSONLine()
                let parsed = json.parse(raw)
                #expect(parsed, "\(line)")
                let field = json.field(AccessLogEntry.Keys.status)
                #expect(field.flatMap { FlatJSONLine.text(of: $0, in: raw) }.flatMap { Int($0) } == status, "\(line)")
            }
        }
        #expect(answered > 800)
    }

    /// The shapes the fast reader must answer for, or the fast path would never be taken.
    @Test(arguments: [
        (#"{"requestId":"a1", "status":"200", "ip":"1.2.3.4"}"#, 200),
        (#"{ "Status" : 404 , "requestId" : "a1" }"#, 404),
        (#"{"statusCode":201,"path":"/x","tags":["a","b\"]"],"ok":true}"#, 201),
        (#"{"httpStatus":"302","ua":"Mozilla \"x\" \u00e9"},"#, 302),
        (#"{"statusCode":"500","status":"200"}"#, 200),
        (#"{"status":"200","status":"503"}"#, 200),
        ("{\"status\":\"200\",\t\"x\":\"y\"\r}", 200),
    ])
    func typicalLinesAreReadFromBytes(line: String, status: Int) {
        var bytes = Array(line.utf8)
        #expect(bytes.withUnsafeMutableBufferPointer { FlatJSONStatus.status(UnsafeBufferPointer($0)) } == status)
    }

    /// Lines only the full parse may judge: broken, nested, or with a status that needs decoding.
    static let edges = [
        #"{"status":"200""#,
        #"{"status":"200",}"#,
        #"{"status":"200"} x"#,
        #"{"status":"20\u0030"}"#,
        #"{"status":"-"}"#,
        #"{"status":" 200"}"#,
        #"{"status":200 }"#,
        #"{"status":2000}"#,
        #"{"status":}"#,
        #"{"status":"200","a":}"#,
        #"{"status":"200","a":"b\"}"#,
        #"{"status":"200","a":"b\\"}"#,
        #"{"status":"200","a":["x",["y"]}"#,
        #"{"status":"200","a":["x","]"]}"#,
        #"{"response":{"status":"200"}}"#,
        #"{"response-status":"200","requestId":"a"}"#,
        #"{"STATUS_CODE":"200"}"#,
        #"{"st\u0061tus":"200"}"#,
        #"{"status" "200"}"#,
        #"{"status":"200" "a":"b"}"#,
        #"{"status":"200",,"a":"b"}"#,
        #"{"status":"200"}}"#,
        #"{"status":"200"},,"#,
        #"{"#,
        #"{}"#,
        "{\"status\":\"200\"\\",
        "",
        "   ",
        "[1,2]",
    ]
}

/// Access logs made up for the equivalence tests: REST and HTTP API fields under several of the
/// spellings custom formats use, in shuffled order, with the odd lines real files have.
enum GeneratedAccessLog {
    private static let statuses = [200, 200, 200, 201, 204, 301, 400, 403, 404, 429, 500, 502, 503, 504]
    private static let statusKeys = ["status", "Status", "statusCode", "http_status", "httpStatus"]
    private static let messages = [
        "Execution failed due to configuration error: Malformed Lambda proxy response",
        "Rate Exceeded.",
        "Internal server error",
        "Endpoint request timed out",
        "The IAM role configured on the integration or API Gateway doesn't have permissions to call the integration.",
        #"Lambda said \"no\" \u00e9 \\ done"#,
        "-",
    ]

    static func json<G: RandomNumberGenerator>(lines: Int, using generator: inout G) -> String {
        var out = ""
        for number in 0..<lines {
            let status = statuses.randomElement(using: &generator)!
            var fields: [String] = [
                #""requestId":"\#(id(number))""#,
                #""requestTime":"2026-01-08T10:00:\#(String(format: "%02d", number % 60)).000Z""#,
                #""ip":"198.51.100.\#(number % 250)""#,
            ]
            fields.append(Bool.random(using: &generator) ? #""resourcePath":"/orders/{id}""# : #""routeKey":"GET /pets""#)
            fields.append(statusField(status, using: &generator))
            if Bool.random(using: &generator) { fields.append(#""integrationStatus":"\#([200, 429, 500, 503].randomElement(using: &generator)!)""#) }
            if Bool.random(using: &generator) { fields.append(#""integration.status":\#([200, 502, 503].randomElement(using: &generator)!)"#) }
            if status >= 500 || Int.random(in: 0..<4, using: &generator) == 0 {
                let key = ["integration-error", "integrationErrorMessage", "errorMessage", "error.responseType"].randomElement(using: &generator)!
                fields.append(#""\#(key)":"\#(messages.randomElement(using: &generator)!)""#)
            }
            if Bool.random(using: &generator) { fields.append(#""integrationLatency":"\#([12, 350, 29000, -1].randomElement(using: &generator)!)""#) }
            if Bool.random(using: &generator) { fields.append(#""userAgent":"Mozilla/5.0 \"quoted\" \\ \u00e9""#) }
            if Int.random(in: 0..<5, using: &generator) == 0 { fields.append(#""tags":["a","b\"]",[1,2]]"#) }
            if Int.random(in: 0..<6, using: &generator) == 0 { fields.append(#""cached":true"#) }
            fields.append(#""apiId":"k7x2m9q4ab""#)
            fields.append(#""stage":"prod""#)
            fields.shuffle(using: &generator)
            let separator = [",", ", ", " , ", ",\t"].randomElement(using: &generator)!
            var line = "{" + fields.joined(separator: separator) + "}"
            switch Int.random(in: 0..<40, using: &generator) {
            case 0: line = String(line.prefix(Int.random(in: 1..<line.count, using: &generator)))  // cut
            case 1: line = "2026-01-08T10:00:00.000Z " + line  // a timestamp an export put in front
            case 2: line += ","
            case 3: line = ""
            case 4: line = "not an access log line"
            case 5: line = #"{"response":{"status":"\#(status)"},"requestId":"\#(id(number))"}"#
            case 6: line = "  " + line + " "
            default: break
            }
            out += line + (Bool.random(using: &generator) ? "\r\n" : "\n")
        }
        return out
    }

    private static func statusField<G: RandomNumberGenerator>(_ status: Int, using generator: inout G) -> String {
        let key = statusKeys.randomElement(using: &generator)!
        switch Int.random(in: 0..<12, using: &generator) {
        case 0: return #""\#(key)":\#(status)"#
        case 1: return #""\#(key)" : "\#(status)""#
        case 2: return #""\#(key)":"-""#
        case 3: return #""\#(key)":"\#(status)0""#
        case 4: return #""statusCode":"500","status":"\#(status)""#
        case 5: return #""\#(key)":"\u003\#(status % 10)\#(status % 100)""#
        case 6: return #""other":"\#(status)""#  // no status at all
        default: return #""\#(key)":"\#(status)""#
        }
    }

    static func clf<G: RandomNumberGenerator>(lines: Int, using generator: inout G) -> String {
        var out = ""
        for number in 0..<lines {
            let status = statuses.randomElement(using: &generator)!
            let request =
                ["GET /orders HTTP/1.1", "POST GET /pets HTTP/2.0", "GET $default HTTP/1.1", "DELETE /orders/{id} HTTP/1.1", "GET /é HTTP/1.1"]
                .randomElement(using: &generator)!
            var line = "198.51.100.\(number % 250) - - [08/Jan/2026:00:00:\(String(format: "%02d", number % 60)) +0000] \"\(request)\" "
            line += ["\(status)", "\(status)", "\(status)", " \(status)", "+\(status)", "0\(status)"].randomElement(using: &generator)!
            line += " \(Int.random(in: 10..<999, using: &generator)) \(id(number))"
            if Bool.random(using: &generator) { line += " AdHQ_PsBrdKa\(number)=" }
            if status >= 500 || Int.random(in: 0..<6, using: &generator) == 0 {
                line += " " + messages.randomElement(using: &generator)!
            }
            switch Int.random(in: 0..<30, using: &generator) {
            case 0: line = String(line.prefix(Int.random(in: 1..<line.count, using: &generator)))
            case 1: line = ""
            case 2: line = "[x] \"GET\" 200"
            case 3: line = line.replacingOccurrences(of: "] \"", with: "]  \"")
            case 4: line = "  " + line
            default: break
            }
            out += line + (Bool.random(using: &generator) ? "\r\n" : "\n")
        }
        return out
    }

    private static func id(_ number: Int) -> String {
        "bd2195fd-a99b-7eca-77bb-\(String(format: "%012d", number))"
    }
}
