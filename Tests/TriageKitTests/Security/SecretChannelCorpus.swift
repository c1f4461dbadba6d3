import Foundation
import Testing

@testable import TriageKit

/// The secret forms of issue 14, the evidence formats they are planted in, and every output
/// channel a report reaches, for `SecretChannelCorpusTests`.
enum SecretChannelCorpus {
    /// One secret form: a fragment to plant and the secret values inside it.
    struct Form: Sendable, CustomTestStringConvertible {
        var name: String
        var fragment: String
        var secrets: [String]
        var testDescription: String { name }
    }

    // The secrets listed are the parts that must not survive: a kept prefix (`sk_live_`, `ghp_`)
    // is the point of the masking style, so it is left out of them.
    static let forms: [Form] = [
        Form(name: "url-https", fragment: "https://svc:UrlPl4ntedPassw0rd@backend.example.com/orders", secrets: ["UrlPl4ntedPassw0rd"]),
        Form(name: "url-postgres", fragment: "postgres://app:PgPl4ntedPwQz@db.internal:5432/orders", secrets: ["PgPl4ntedPwQz"]),
        Form(name: "github-ghp", fragment: "https://backend.example.com/hook?t=ghp_Pl4ntedGitHubTokenQwErTyUiOpAsDfGh",
             secrets: ["Pl4ntedGitHubTokenQwErTyUiOpAsDfGh"]),
        Form(name: "github-gho", fragment: "gho_Pl4ntedOAuthTokenZxCvBnMqWeRtYuIoP", secrets: ["Pl4ntedOAuthTokenZxCvBnMqWeRtYuIoP"]),
        Form(name: "github-pat", fragment: "github_pat_11PLANTEDabcdefghij_KLMNOPqrstuvwxyzPlAnTeDFiNeGrAiNeD",
             secrets: ["11PLANTEDabcdefghij_KLMNOPqrstuvwxyzPlAnTeDFiNeGrAiNeD"]),
        Form(name: "stripe-sk-live", fragment: "sk_live_Pl4ntedStripeKeyQwErTyZxCv", secrets: ["Pl4ntedStripeKeyQwErTyZxCv"]),
        Form(name: "stripe-rk-live", fragment: "rk_live_Pl4ntedRestrictedKeyAsDfGh", secrets: ["Pl4ntedRestrictedKeyAsDfGh"]),
        Form(name: "stripe-sk-test", fragment: "sk_test_Pl4ntedTestKeyHjKlMnBvCxZq", secrets: ["Pl4ntedTestKeyHjKlMnBvCxZq"]),
        Form(name: "slack-xoxb", fragment: "xoxb-918273645546-Pl4ntedSlackBotQwEr", secrets: ["918273645546-Pl4ntedSlackBotQwEr"]),
        Form(name: "slack-xoxp", fragment: "xoxp-918273645547-Pl4ntedSlackUserAsDf", secrets: ["918273645547-Pl4ntedSlackUserAsDf"]),
        Form(name: "jwt", fragment: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwbGFudGVkLWNvcnB1cyJ9.Pl4ntedCorpusJwtSignatureQwErTy",
             secrets: ["hbGciOiJIUzI1NiJ9.eyJzdWIiOiJwbGFudGVkLWNvcnB1cyJ9.Pl4ntedCorpusJwtSignatureQwErTy"]),
        Form(name: "jwt-url-encoded-bearer",
             fragment: "https://backend.example.com/o?auth=Bearer%20eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJjb3JwdXMifQ.Pl4ntedEncodedJwtSigZx",
             secrets: ["hbGciOiJSUzI1NiJ9.eyJpc3MiOiJjb3JwdXMifQ.Pl4ntedEncodedJwtSigZx"]),
        Form(name: "security-token-query",
             fragment: "https://backend.example.com/o?X-Amz-Security-Token=FwoGZXIvYXdzEPl4ntedQueryTokQwErTyUi&X-Amz-Signature=9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928",
             secrets: ["FwoGZXIvYXdzEPl4ntedQueryTokQwErTyUi", "9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928"]),
        Form(name: "aws-key-pair", fragment: "AKIAPL4NTEDC0RPUSQW7/wJalrXUtnFEMI/K7MDENG/bPxRfiCYC0RPUSKEY1",
             secrets: ["PL4NTEDC0RPUSQW7", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYC0RPUSKEY1"]),
        Form(name: "aws-secret-word", fragment: "aws-secret:xjalrxutnfemi/k7mdeng/bpxrficyc0rpuskey2",
             secrets: ["xjalrxutnfemi/k7mdeng/bpxrficyc0rpuskey2"]),
        Form(name: "pem-escaped",
             fragment: #"-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAPl4ntedPemBodyQwErTyUiOpAsDfGhJkLzXcVbNmWXYZ\n-----END RSA PRIVATE KEY-----"#,
             secrets: ["MIIEpAIBAAKCAQEAPl4ntedPemBodyQwErTyUiOpAsDfGhJkLzXcVbNmWXYZ"]),
    ]

    /// Ids that stand beside the planted values and must stay readable in every channel.
    static let ids = ["d3adb33f-0000-4abc-8def-123456789abc", "a1b2c3d4e5", "123456789012"]

    /// One evidence format: a file built around a fragment.
    struct Format: Sendable {
        var name: String
        var fileName: String
        var build: @Sendable (String) -> String
    }

    /// A fragment as it may stand in a request line: one with spaces (a PEM block) is left out
    /// there and planted in the body or message instead.
    static func urlPart(_ fragment: String) -> String {
        fragment.contains(" ") ? "none" : fragment
    }

    static func jsonEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }

    static let formats: [Format] = [
        Format(name: "execution log", fileName: "execution.log") { fragment in
            let id = "(d3adb33f-0000-4abc-8def-123456789abc) "
            return [
                "Starting execution for request: d3adb33f-0000-4abc-8def-123456789abc",
                "HTTP Method: GET, Resource Path: /orders",
                "Method request headers: {Host=a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com, X-Forwarded-For=203.0.113.10}",
                "Endpoint request URI: \(fragment)",
                "Endpoint request headers: {x-amzn-apigateway-api-id=a1b2c3d4e5, X-Amz-Source-Arn=arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/GET/orders}",
                "Sending request to \(fragment)",
                "Execution failed due to configuration error: Invalid endpoint address \(fragment)",
                "Method completed with status: 500",
            ].map { id + $0 }.joined(separator: "\n") + "\n"
        },
        Format(name: "access log JSON", fileName: "access.log") { fragment in
            #"{"requestId":"d3adb33f-0000-4abc-8def-123456789abc", "integration-error":"Execution failed due to configuration error: Invalid permissions on Lambda function", "status":"500", "resourcePath":"/orders", "httpMethod":"GET", "apiId":"a1b2c3d4e5", "stage":"prod", "accountId":"123456789012", "path":""#
                + jsonEscaped(fragment) + "\"}\n"
        },
        Format(name: "access log CLF", fileName: "access-clf.log") { fragment in
            "198.51.100.11 - - [10/Jan/2026:11:04:47 +0000] \"GET /orders?x=\(urlPart(fragment)) HTTP/1.1\" 502 36 d3adb33f-0000-4abc-8def-123456789abc Xk3dRHMFLPEFs4y= "
                + "Execution failed due to configuration error: Malformed Lambda proxy response \(fragment)\n"
        },
        Format(name: "curl capture", fileName: "curl.txt") { fragment in
            """
            $ curl -v 'https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/prod/orders?x=\(urlPart(fragment))'
            > GET /prod/orders?x=\(urlPart(fragment)) HTTP/2
            > Host: a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com
            > User-Agent: curl/8.5.0
            >
            < HTTP/2 502
            < content-type: application/json
            < x-amzn-requestid: d3adb33f-0000-4abc-8def-123456789abc
            < x-amzn-errortype: InternalServerErrorException
            <
            {"message": "Internal server error", "detail": "\(jsonEscaped(fragment))"}

            """
        },
        Format(name: "JSON CLI output", fileName: "get-integration.json") { fragment in
            """
            {
                "type": "HTTP_PROXY",
                "httpMethod": "GET",
                "uri": "\(jsonEscaped(fragment))",
                "connectionType": "INTERNET",
                "requestParameters": {
                    "integration.request.header.x-extra": "'\(jsonEscaped(fragment))'"
                },
                "passthroughBehavior": "WHEN_NO_MATCH",
                "timeoutInMillis": 29000,
                "cacheNamespace": "a1b2c3",
                "cacheKeyParameters": []
            }

            """
        },
        Format(name: "YAML template", fileName: "template.yaml") { fragment in
            """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              OrdersMethod:
                Type: AWS::ApiGateway::Method
                Properties:
                  RestApiId: a1b2c3d4e5
                  HttpMethod: GET
                  AuthorizationType: NONE
                  Integration:
                    Type: HTTP_PROXY
                    IntegrationHttpMethod: POST
                    Uri: "\(jsonEscaped(fragment))"

            """
        },
    ]
}
