import Foundation
import Testing

@testable import TriageKit

/// The acceptance rules for REST Lambda proxy responses observed on real AWS (domain reference
/// §5.2, and its list of other confirmed triggers), one test per row. Each response is one line, as
/// people paste it: the scan must read it as a proxy response (never as an access log), and the
/// REST verdict must match AWS's.
@Suite struct ProxyAcceptanceTableTests {
    enum Outcome: Sendable {
        /// Accepted; the client gets this status.
        case accepted
        /// Refused: `Malformed Lambda proxy response`, 502.
        case malformed
        /// Not a response at all: Lambda's error object, a function error (502 through "customer function error").
        case functionError(String)
    }

    static let rows: [(String, Outcome)] = [
        (#"{"statusCode": 200}"#, .accepted),
        (#"{"statusCode": 200, "headers": {"test-header": "value", "header-bool": true}}"#, .accepted),
        (#"{"statusCode": 200, "headers": null}"#, .accepted),
        (#"{"statusCode": 200, "wrongValue": "value"}"#, .malformed),
        (#"{"statusCode": 200, "multiValueHeaders": {"test-multi-invalid": "value1"}}"#, .malformed),
        (#"{"statusCode": "test"}"#, .malformed),
        (#"{"statusCode": "201"}"#, .accepted),
        (#""justAString""#, .malformed),
        (#"{"headers": {"test-header": "value"}}"#, .accepted),
        (#"{"statusCode": 200, "body": "eyJvayI6IHRydWV9"}"#, .accepted),
        // Other confirmed triggers.
        (#"{"statusCode": 500, "body": {"message": "Order service unavailable"}}"#, .malformed),
        (#"{"statusCode": 200, "cookies": ["a=1"], "body": "ok"}"#, .malformed),
        (#"{"statusCode": 200, "headers": [{"Content-Type": "application/json"}], "body": "ok"}"#, .malformed),
        (#"{"errorMessage": "boom", "errorType": "Error", "trace": ["Error: boom"]}"#, .functionError("lambda-function-error")),
        (#"{"errorMessage": "2026-11-30T10:00:04.126Z 8c2f4a61-0b7d-4e3a-9f55-2a6c1d8e0b47 Task timed out after 3.00 seconds"}"#,
         .functionError("lambda-timeout")),
        (#"{"errorMessage": "Response payload size (11249613 bytes) exceeded maximum allowed payload size (6291556 bytes).", "errorType": "Function.ResponseSizeTooLarge"}"#,
         .functionError("lambda-response-too-large")),
    ]

    @Test(arguments: rows.indices)
    func row(_ index: Int) throws {
        let (json, outcome) = Self.rows[index]
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let path = try EvidenceTestSupport.write(Data((json + "\n").utf8), named: "response.json", in: folder)
            let scanned = EvidenceScanner().scan(path)
            #expect(scanned.kind == "lambda-response", "\(json) read as \(scanned.kind ?? "nothing")")

            let sample = ConfigFixture.sample(at: URL(fileURLWithPath: path))
            let rest = try LambdaResponseInspector(format: .rest).inspect(EvidenceFile(path: path, sample: sample))
            let format = rest.findings.first { $0.cause == "lambda-response-format" }
            switch outcome {
            case .accepted:
                #expect(format == nil, "\(json): \(format?.summary ?? "")")
                #expect(rest.description.contains("valid for REST"))
            case .malformed:
                #expect(format?.status == 502, "\(json)")
                // Observed on AWS: high; `headers` as an array is a community report: medium.
                #expect((format?.confidence ?? .low) >= .medium, "\(json)")
            case .functionError(let cause):
                #expect(format == nil, "\(json)")
                #expect(rest.findings.first?.cause == cause, "\(json)")
            }
        }
    }

    /// HTTP API payload 2.0 has no `multiValueHeaders`: a list as a header value is refused.
    @Test func aHeaderListBreaksPayload2() throws {
        let report = try LambdaResponseInspector(format: .httpPayload2).inspect(ConfigFixture.file("lambda-response", "header-list-v2.json"))
        let finding = try #require(report.findings.first)
        #expect(finding.cause == "lambda-response-format")
        #expect(finding.status == 500)
        #expect(finding.confidence == .high)
        #expect(finding.summary.contains("the header set-cookie is a list"))
        #expect(finding.evidence.first?.line == ConfigFixture.line(of: "set-cookie", in: "lambda-response", "header-list-v2.json"))
    }

    @Test func aNodeErrorObjectIsAFunctionErrorNotAFormatError() throws {
        let report = EvidenceTestSupport.scan("lambda-response/error-object-node.json")
        #expect(report.findings.map(\.cause) == ["lambda-function-error"])
        #expect(report.findings.first?.confidence == .high)
    }

    @Test func theNewerOversizeWordingIsTooLarge() {
        let report = EvidenceTestSupport.scan("lambda-response/response-too-large-newer-wording.json")
        #expect(report.findings.first?.cause == "lambda-response-too-large")
    }
}
