import Foundation
import Testing

@testable import TriageKit

/// AWS CLI output pasted with its command line, prompts, `time` output, several pairs, or an error
/// printed instead of JSON (issue 10 item 4, "Misreadings").
@Suite("Pasted command lines")
struct PastedCommandTests {
    func lines(_ text: String) -> [Substring] { text.split(separator: "\n", omittingEmptySubsequences: false) }

    @Test(arguments: [
        ("$ aws lambda get-policy --function-name x", "lambda", "get-policy"),
        ("user@host:~$ aws lambda get-policy --function-name x", "lambda", "get-policy"),
        ("[cloudshell-user@ip-10-0-0-1 ~]$ aws iam get-role --role-name r", "iam", "get-role"),
        ("PS C:\\> aws apigateway get-stages --rest-api-id a1b2c3d4e5", "apigateway", "get-stages"),
        ("$ time aws xray batch-get-traces --trace-ids 1-abc", "xray", "batch-get-traces"),
        ("aws --region eu-west-1 --output json elbv2 describe-target-health --target-group-arn t", "elbv2", "describe-target-health"),
        ("# aws cloudtrail lookup-events", "cloudtrail", "lookup-events"),
    ])
    func readsTheCommandAfterAPrompt(_ text: String, _ service: String, _ operation: String) throws {
        let command = try #require(AWSCommandLine(line: Substring(text), number: 1))
        #expect(command.service == service)
        #expect(command.operation == operation)
    }

    @Test(arguments: ["    \"description\": \"$ aws lambda get-policy x\",", "{", "awsome tool run", "aws", "Type: AWS_PROXY"])
    func outputLinesAreNotCommands(_ text: String) {
        #expect(AWSCommandLine(line: Substring(text), number: 1) == nil)
    }

    @Test func theCommandNamesFacts() throws {
        let command = try #require(
            AWSCommandLine(
                line: "$ aws apigateway get-integration --rest-api-id a1b2c3d4e5 --resource-id x3o5ih --http-method get --region eu-west-1",
                number: 1))
        #expect(command.facts == ["api_id": "a1b2c3d4e5", "resource_id": "x3o5ih", "http_method": "GET", "region": "eu-west-1"])
        let function = try #require(AWSCommandLine(line: "aws lambda get-policy --function-name orders:live", number: 1))
        #expect(function.facts["function_name"] == "orders:live")
    }

    @Test func promptTimingAndLaterPairsAreBlankedKeepingLineNumbers() {
        let text = """
            dev@box:~$ time aws lambda get-policy \\
                --function-name orders
            {
                "Policy": "{}"
            }

            real\t0m1.204s
            user\t0m0.512s
            sys\t0m0.080s
            dev@box:~$ aws iam get-role --role-name r
            {"Role": {}}
            """
        let pasted = PastedOutput.strip(lines(text))
        #expect(pasted.command?.operation == "get-policy")
        #expect(pasted.command?.options["--function-name"] == "orders")
        #expect(pasted.laterCommands.map(\.operation) == ["get-role"])
        #expect(pasted.lines.count == lines(text).count)
        #expect(pasted.lines[3] == "    \"Policy\": \"{}\"")
        #expect(pasted.lines[0].isEmpty && pasted.lines[6].isEmpty && pasted.lines[10].isEmpty)
    }

    @Test func outputAloneIsLeftAsItIs() {
        let text = "{\n    \"Role\": {}\n}\n"
        let pasted = PastedOutput.strip(lines(text))
        #expect(!pasted.changed)
        #expect(pasted.command == nil)
    }

    @Test func theErrorLineIsRead() throws {
        let error = try #require(
            AWSCLIError(
                line: "An error occurred (ResourceNotFoundException) when calling the GetPolicy operation: The resource you requested does not exist.",
                number: 2))
        #expect(error.code == "ResourceNotFoundException")
        #expect(error.operation == "GetPolicy")
        #expect(error.message == "The resource you requested does not exist.")
        #expect(error.isNotFound)
        let retried = try #require(
            AWSCLIError(line: "An error occurred (ThrottlingException) when calling the GetRole operation (reached max retries: 2): Rate exceeded", number: 1))
        #expect(retried.message == "Rate exceeded")
    }

    @Test func aMissingPolicyIsEvidenceForInvokePermission() throws {
        let report = EvidenceTestSupport.scan("lambda-policy/get-policy-not-found.txt")
        #expect(report.kind == "lambda-policy")
        let finding = try #require(report.findings.first)
        #expect(finding.cause == "lambda-invoke-permission")
        #expect(finding.evidence.first?.line == 3)
        #expect(finding.evidence.first?.text.hasPrefix("An error occurred (ResourceNotFoundException)") == true)
        #expect(report.facts["function_name"] == "orders-handler")
        #expect(report.facts["region"] == "eu-west-1")
    }

    @Test func aRefusedGetPolicyProvesNothing() {
        let report = EvidenceTestSupport.scan("lambda-policy/get-policy-access-denied.txt")
        #expect(report.kind == "lambda-policy")
        #expect(report.findings.isEmpty)
        #expect(report.description.contains("the caller could not read it"))
    }

    @Test func pastedJSONIsReadWithItsOwnLineNumbers() throws {
        let report = EvidenceTestSupport.scan("lambda-policy/get-policy-pasted-time.txt")
        #expect(report.kind == "lambda-policy")
        let finding = try #require(report.findings.first)
        #expect(finding.evidence.first?.line == 3)
        #expect(report.problems.isEmpty)
    }

    @Test func severalPairsReadTheFirstAndNameTheRest() throws {
        let report = EvidenceTestSupport.scan("get-integration/pasted-two-commands.txt")
        #expect(report.kind == "get-integration")
        #expect(report.findings.first?.cause == "integration-method-not-post")
        #expect(report.facts["api_id"] == "a1b2c3d4e5")
        #expect(report.problems.first?.contains("aws apigateway get-stage (line 12)") == true)
        #expect(report.description.contains("pasted with `aws apigateway get-integration`"))
    }
}
