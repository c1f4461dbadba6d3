import Foundation
import Testing

@testable import TriageKit

/// Execution-log and access-log messages the first evidence issue missed (issue 9 item 5): the
/// newer 6 MB wording, the 10 MB integration-response line, and a Lambda error object judged as a
/// proxy response.
@Suite struct ExecutionLogMessageTests {
    @Test(arguments: [
        ("cloudwatch-response-too-large-newer-wording.log", "lambda-response-too-large", 502, Confidence.high),
        ("cloudwatch-integration-response-over-10mb.log", "payload-too-large", 500, .high),
        ("cloudwatch-error-object-as-response.log", "lambda-function-error", 502, .high),
    ])
    func namesTheCause(name: String, cause: String, status: Int, confidence: Confidence) throws {
        let report = EvidenceTestSupport.scan("execution-log/" + name)
        #expect(report.kind == "execution-log")
        let first = try #require(report.findings.first)
        #expect(first.cause == cause)
        #expect(first.status == status)
        #expect(first.confidence == confidence)
        #expect(report.findings.count == 1)
    }

    @Test func theTellingLineOfAnErrorObjectIsTheBody() throws {
        let name = "cloudwatch-error-object-as-response.log"
        let first = try #require(EvidenceTestSupport.scan("execution-log/" + name).findings.first)
        #expect(first.evidence.first?.line == ConfigFixture.line(of: "Endpoint response body before", in: "execution-log", name))
        #expect(first.evidence.contains { $0.text.contains("X-Amz-Function-Error=Unhandled") })
        #expect(first.summary.contains("Lambda's error object reached API Gateway as the response"))
    }

    /// Both wordings of the 6 MB message, on the customer-function-error line.
    @Test(arguments: [
        "Lambda execution failed with status 200 due to customer function error: Response payload size exceeded maximum allowed payload size (6291556 bytes).. Lambda request id: a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
        "Lambda execution failed with status 200 due to customer function error: Response payload size (11249613 bytes) exceeded maximum allowed payload size (6291556 bytes).. Lambda request id: a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
    ])
    func bothOversizeWordings(_ message: String) {
        var bytes = Array(message.utf8)
        let signal = bytes.withUnsafeMutableBufferPointer { ExecutionLogCatalogue.signal(of: UnsafeBufferPointer($0)) }
        #expect(signal == .customerFunctionError(.responseTooLarge))
    }

    /// The same texts in an access log's integration error field.
    @Test func anAccessLogIntegrationErrorUsesTheSameCatalogue() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let lines = [
                #"{"requestId":"1e2d3c4b-5a69-4788-9a6b-5c4d3e2f1a0b","requestTime":"30/Nov/2026:10:15:04 +0000","status":"500","integrationErrorMessage":"Execution failed due to configuration error: Integration response of reported length 114540033 is larger than allowed maximum of 10485760 bytes."}"#,
                #"{"requestId":"2f3e4d5c-6b7a-4899-8b7c-6d5e4f3a2b1c","requestTime":"30/Nov/2026:10:15:09 +0000","status":"200","integrationErrorMessage":"-"}"#,
            ]
            let path = try EvidenceTestSupport.write(Data((lines.joined(separator: "\n") + "\n").utf8), named: "access.log", in: folder)
            let report = EvidenceScanner().scan(path)
            #expect(report.kind == "access-log")
            #expect(report.findings.first?.cause == "payload-too-large")
        }
    }

    /// A console test's stage is not the stage, whichever era the log is from.
    @Test func theConsoleTestStageIsNotAFact() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let text = """
                (3a4b5c6d-7e8f-4a9b-8c0d-1e2f3a4b5c6d) Endpoint request URI: https://lambda.eu-west-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:media-api/invocations
                (3a4b5c6d-7e8f-4a9b-8c0d-1e2f3a4b5c6d) Endpoint request headers: {x-amzn-apigateway-api-id=t4y6u8i0o2, X-Amz-Source-Arn=arn:aws:execute-api:eu-west-1:123456789012:t4y6u8i0o2/test-invoke-stage/GET/videos, Accept=application/json}
                (3a4b5c6d-7e8f-4a9b-8c0d-1e2f3a4b5c6d) Execution failed due to configuration error: Invalid permissions on Lambda function
                (3a4b5c6d-7e8f-4a9b-8c0d-1e2f3a4b5c6d) Method completed with status: 500

                """
            let report = EvidenceScanner().scan(try EvidenceTestSupport.write(Data(text.utf8), named: "exec.log", in: folder))
            #expect(report.facts["stage"] == nil)
            #expect(report.facts["api_id"] == "t4y6u8i0o2")
            #expect(report.findings.first?.summary.contains("stage test-invoke-stage") == true)
        }
    }
}
