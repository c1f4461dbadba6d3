import Foundation
import Testing

@testable import TriageKit

/// Lines whose secret only their neighbours reveal: private key blocks, environment variables and
/// API key values, in JSON, YAML and HCL, found by the scanner's pass over the file.
@Suite struct SensitiveLinesTests {
    private func find(_ text: String, through last: Int = 1_000) throws -> SensitiveLines {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let path = try EvidenceTestSupport.write(Data(text.utf8), named: "file.txt", in: folder)
            return SensitiveLines.find(in: path, through: last).forFile("file.txt")
        }
    }

    private func hidden(_ lines: SensitiveLines) -> [Int] { lines.reasons.keys.sorted() }

    @Test func privateKeyBlockAcrossLines() throws {
        let text = """
            2026-12-03 log line
            -----BEGIN RSA PRIVATE KEY-----
            MIIEpAIBAAKCAQEA7bFqXk2Y4Zt1Q9wLmN3oPqR5sTuV6wXyZ0aBcDeFgHiJkLmN
            short0tail==
            -----END RSA PRIVATE KEY-----
            after
            """
        let lines = try find(text)
        // The lines between the markers; the marker lines are the text rule's (see MaskingRules+Tokens).
        #expect(hidden(lines) == [3, 4])
        let middle = lines.mask(EvidenceLine(file: "file.txt", line: 4, text: "short0tail=="))
        #expect(middle.text == "****************")
        let begin = lines.mask(EvidenceLine(file: "file.txt", line: 2, text: "-----BEGIN RSA PRIVATE KEY-----"))
        #expect(begin.text == "-----BEGIN RSA PRIVATE KEY-----")
        // Another file's line 4 is not this file's.
        #expect(lines.mask(EvidenceLine(file: "other.txt", line: 4, text: "short0tail==")).text == "short0tail==")
    }

    @Test func lambdaConfigurationJSONShowsNamesOnly() throws {
        let text = """
            {
                "FunctionName": "orders-handler",
                "Environment": {
                    "Variables": {
                        "TABLE_NAME": "orders",
                        "DB_URL": "postgres://db.internal/orders"
                    }
                },
                "Timeout": 29
            }
            """
        let lines = try find(text)
        #expect(hidden(lines) == [5, 6])
        #expect(lines.mask(EvidenceLine(file: "file.txt", line: 5, text: #""TABLE_NAME": "orders","#)).text == #""TABLE_NAME": "****************","#)
        #expect(lines.mask(EvidenceLine(file: "file.txt", line: 2, text: #""FunctionName": "orders-handler","#)).text == #""FunctionName": "orders-handler","#)
    }

    @Test func cloudFormationAndSAMYAML() throws {
        let text = """
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Environment:
                    Variables:
                      TABLE_NAME: orders
                      API_TOKEN: abc123
                  Timeout: 29
            """
        #expect(hidden(try find(text)) == [7, 8])
    }

    @Test func serverlessEnvironmentHoldsVariablesDirectly() throws {
        let text = """
            provider:
              name: aws
              environment:
                STAGE: prod
                SECRET_THING: value
            functions:
              api:
                handler: index.handler
            """
        #expect(hidden(try find(text)) == [4, 5])
        #expect(SensitiveLines.hideValue("    SECRET_THING: value") == "    SECRET_THING: ****************")
    }

    @Test func terraformEnvironmentBlock() throws {
        let text = """
            resource "aws_lambda_function" "api" {
              function_name = "orders-handler"
              environment {
                variables = {
                  DB_PASSWORD = "hunter2"
                  MODE        = "prod"
                }
              }
            }
            """
        let lines = try find(text)
        #expect(hidden(lines) == [5, 6])
        #expect(SensitiveLines.hideValue(#"      DB_PASSWORD = "hunter2""#) == #"      DB_PASSWORD = "****************""#)
    }

    @Test func apiKeyValuesOfGetApiKeys() throws {
        let text = """
            {
                "items": [
                    {
                        "id": "k1a2b3c4d5",
                        "value": "Pl4ntedApiKeyValue0123456789abcdef",
                        "name": "partner",
                        "enabled": true,
                        "stageKeys": []
                    }
                ]
            }
            """
        #expect(hidden(try find(text)) == [5])
        // Without an API key item, `"value"` is an ordinary field.
        #expect(hidden(try find(#"{"Key": "x", "value": "plain"}"#)).isEmpty)
    }

    @Test func stageVariablesAreNotEnvironmentVariables() throws {
        let text = """
            {
                "stageName": "prod",
                "variables": {
                    "backendHost": "api.internal"
                }
            }
            """
        #expect(hidden(try find(text)).isEmpty)
    }

    @Test func scannerHidesQuotedLinesOfAKeyBlock() {
        // A report quoting lines inside a block, without the file: the BEGIN line and END line it quotes are enough.
        let report = EvidenceReport(
            path: "f.log", kind: "execution-log", description: "d",
            findings: [
                Finding(
                    cause: "x", confidence: .low,
                    evidence: [
                        EvidenceLine(file: "f.log", line: 10, text: "-----BEGIN PRIVATE KEY-----"),
                        EvidenceLine(file: "f.log", line: 11, text: "abc0DEF1"),
                        EvidenceLine(file: "f.log", line: 12, text: "-----END PRIVATE KEY-----"),
                    ])
            ])
        let masked = SecretMasker.standard.mask(report)
        #expect(masked.findings[0].evidence[1].text == "****************")
    }

    @Test func keyIdJoinedToItsSecretBySlash() {
        let masked = SecretMasker.standard.mask("creds AKIAIOSFODNN7EXAMPLE/wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY ok")
        #expect(masked == "creds AKIA****************MPLE/****************EKEY ok")
    }

    @Test func idsAreNeverMasked() {
        let text = "api a1b2c3d4e5 request d3adb33f-0000-4abc-8def-123456789abc account 123456789012 "
            + "arn:aws:lambda:eu-west-1:123456789012:function:orders-handler-Prod-1A2B3C4D5E6F7 trace Root=1-67a1b2c3-0a1b2c3d4e5f6a7b8c9d0e1f"
        #expect(SecretMasker.standard.mask(text) == text)
    }
}
