import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@testable import TriageKit

/// Whatever the path, the scanner answers with a report and a clear message: never a crash, never
/// a hang, never unbounded memory.
@Suite("EvidenceScanner on bad input")
struct EvidenceScannerTests {
    let scanner = EvidenceScanner()

    @Test func aDirectoryIsRefusedUnread() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let result = scanner.scanFile(folder.path)
            #expect(!result.wasRead)
            #expect(result.report.kind == nil)
            #expect(result.report.problems.contains { $0.contains("is a directory") })
        }
    }

    /// Reading a FIFO with no writer would block forever; it must be refused before any read.
    @Test func aFIFOIsRefusedWithoutBlocking() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("pipe").path
            #expect(mkfifo(path, 0o600) == 0)
            let result = scanner.scanFile(path)
            #expect(!result.wasRead)
            #expect(result.report.problems.contains { $0.contains("named pipe (FIFO)") })
        }
    }

    /// `/dev/zero` never ends: refused as a device.
    @Test func devZeroIsRefused() {
        let result = scanner.scanFile("/dev/zero")
        #expect(!result.wasRead)
        #expect(result.report.kind == nil)
        #expect(result.report.problems.contains { $0.contains("is a device") })
    }

    /// Root reads a mode-000 file anyway, so this case cannot be made under root: it is disabled
    /// there, and `aPathThatCannotBeOpenedIsReported` covers the unreadable path for everyone.
    @Test(.enabled(if: geteuid() != 0, "root can read a file whose mode is 000"))
    func anUnreadableFileIsReported() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let path = try EvidenceTestSupport.write(Data("(id) Method completed with status: 502\n".utf8), named: "secret.log", in: folder)
            #expect(chmod(path, 0) == 0)
            defer { chmod(path, 0o600) }
            let result = scanner.scanFile(path)
            #expect(!result.wasRead)
            #expect(result.report.problems.contains { $0.contains("permission denied") })
        }
    }

    @Test func aPathThatCannotBeOpenedIsReported() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let file = try EvidenceTestSupport.write(Data("x".utf8), named: "plain.txt", in: folder)
            let result = scanner.scanFile(file + "/inside")  // a path through a regular file
            #expect(!result.wasRead)
            #expect(result.report.problems == ["\(file)/inside: cannot be opened (a part of the path is not a folder)."])
            let missing = scanner.scanFile(folder.appendingPathComponent("missing.log").path)
            #expect(missing.report.problems.first?.hasSuffix("cannot be opened (no such file).") == true)
        }
    }

    @Test func anEmptyFileIsReadButNotRecognised() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let path = try EvidenceTestSupport.write(Data(), named: "empty.log", in: folder)
            let result = scanner.scanFile(path)
            #expect(result.wasRead)
            #expect(result.report.kind == nil)
            #expect(result.report.problems == ["\(path): the file is empty."])
        }
    }

    @Test func binaryDataIsNamedAsSuch() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            var generator = SystemRandomNumberGenerator()
            let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) } + [0, 0, 0]
            let path = try EvidenceTestSupport.write(Data(bytes), named: "blob.bin", in: folder)
            let result = scanner.scanFile(path)
            #expect(result.wasRead)
            #expect(result.report.kind == nil)
            #expect(result.report.problems.contains { $0.contains("binary data") })
            #expect(result.report.problems.last?.contains("Tried: API Gateway REST execution log") == true)
        }
    }

    /// A log with a few bad bytes is still a log; the report says what was replaced.
    @Test func invalidUTF8InALogIsReplacedAndReported() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            var data = Data("(6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e) Execution failed due to configuration error: Malformed Lambda proxy response ".utf8)
            data.append(contentsOf: [0xC3, 0x28, 0xFF])
            data.append(Data("\n(6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e) Method completed with status: 502\n".utf8))
            let path = try EvidenceTestSupport.write(data, named: "latin1.log", in: folder)
            let report = scanner.scan(path)
            #expect(report.kind == "execution-log")
            #expect(report.findings.first?.cause == "lambda-response-format")
            #expect(report.problems.contains { $0.contains("Not valid UTF-8 text: 2 invalid byte sequences") })
        }
    }

    /// Plain text nothing recognises: kind nil, and the kinds that were tried are named.
    @Test func unrecognisedTextListsWhatWasTried() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let path = try EvidenceTestSupport.write(Data("Dear team,\nthe API is down again.\n".utf8), named: "note.txt", in: folder)
            let report = scanner.scan(path)
            #expect(report.kind == nil)
            let tried = try #require(report.problems.last)
            for name in ["API Gateway REST execution log", "API Gateway access log", "curl -v / curl -i output"] {
                #expect(tried.contains(name))
            }
        }
    }

    /// Recognised by its keys as far as they go, and reported as cut off, with no finding drawn from it.
    @Test func truncatedJSONIsCalledTruncated() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let path = try EvidenceTestSupport.write(
                Data(#"{"id": "x3o5ih", "type": "AWS_PROXY", "httpMethod": "POST", "uri": "arn:aws:apigateway:eu-w"#.utf8),
                named: "integration.json", in: folder)
            let report = scanner.scan(path)
            #expect(report.kind == "get-integration")
            #expect(report.problems.contains { $0.contains("cut off or truncated") })
            #expect(report.findings.isEmpty)
        }
    }

    /// JSON that no inspector claims and that does not parse is named as such.
    @Test func truncatedJSONThatNothingReadsIsCalledTruncated() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let path = try EvidenceTestSupport.write(Data(#"{"colour": "blue", "sizes": [1, 2"#.utf8), named: "other.json", in: folder)
            let report = scanner.scan(path)
            #expect(report.kind == nil)
            #expect(report.problems.contains { $0.contains("looks like JSON but does not parse") })
        }
    }

    /// filter-log-events output cut mid-way is still read up to the cut, and the cut is reported.
    @Test func truncatedLogEventsJSONIsReadUpToTheCut() {
        let report = EvidenceTestSupport.scan("execution-log/filter-log-events-truncated.json")
        #expect(report.kind == "execution-log")
        #expect(report.findings.first?.cause == "integration-timeout")
        #expect(report.problems.contains { $0.contains("The JSON ends before it closes") })
    }

    /// 100 MB on one line, not recognisable: only the 64 KiB sample is read.
    @Test func aHundredMegabyteLineOfNothingIsNotRecognised() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let path = try EvidenceTestSupport.writeSingleLine(prefix: "", repeating: UInt8(ascii: "z"), size: 100 << 20, named: "z.txt", in: folder)
            let result = scanner.scanFile(path)
            #expect(result.wasRead)
            #expect(result.report.kind == nil)
        }
    }

    /// 100 MB on one line that starts like an execution-log line: streamed to the end, cut at 2 MiB
    /// (delivered execution-log events reach 1 MB, so that is the execution log's line bound).
    @Test func aHundredMegabyteLogLineIsStreamedAndCut() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let prefix = "(6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e) Endpoint response body before transformations: "
            let path = try EvidenceTestSupport.writeSingleLine(prefix: prefix, repeating: UInt8(ascii: "x"), size: 100 << 20, named: "huge.log", in: folder)
            let report = scanner.scan(path)
            #expect(report.kind == "execution-log")
            #expect(report.lines == 1)
            #expect(report.problems.contains("1 line longer than 2 MiB was cut; only the start was read."))
        }
    }

    @Test func eachFixtureKindIsDetectedByItsInspector() {
        let expectations: [(String, String)] = [
            ("execution-log/cloudwatch-mixed-malformed.log", "execution-log"),
            ("execution-log/console-method-not-post.log", "execution-log"),
            ("execution-log/iso-integration-role.log", "execution-log"),
            ("execution-log/tab-separated-old-throttle.log", "execution-log"),
            ("execution-log/filter-log-events-timeout.json", "execution-log"),
            ("access-log/rest-json-mixed.log", "access-log"),
            ("access-log/rest-clf-mixed.log", "access-log"),
            ("access-log/http-clf-iam-role.log", "access-log"),
            ("access-log/filter-log-events-http.json", "access-log"),
            ("http-response/curl-v-rest-502.txt", "http-response"),
            ("http-response/curl-i-http-503.txt", "http-response"),
        ]
        for (fixture, kind) in expectations {
            #expect(EvidenceTestSupport.scan(fixture).kind == kind, "\(fixture)")
        }
    }
}
