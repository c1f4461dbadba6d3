import Foundation
import Testing

@testable import TriageKit

/// One example per rule of the table, with the exact text it must become.
@Suite struct SecretMaskerRuleTests {
    struct Example: CustomTestStringConvertible, Sendable {
        let rule: String
        let input: String
        let expected: String
        var testDescription: String { rule }
    }

    static let examples: [Example] = [
        Example(
            rule: "aws-access-key-id", input: "Credential=AKIAIOSFODNN7EXAMPLE/20261121/eu-west-1",
            expected: "Credential=AKIA****************MPLE/20261121/eu-west-1"),
        Example(
            rule: "aws-secret-access-key", input: "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG",
            expected: "aws_secret_access_key = ****************DENG"),
        Example(
            rule: "aws-secret-access-key-bare", input: "key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY here",
            expected: "key ****************EKEY here"),
        Example(
            rule: "aws-session-token", input: #"{"SessionToken": "AQoDYXdzEJr1K2xvcmVtaXBzdW0xMjM0"}"#,
            expected: #"{"SessionToken": "****************MjM0"}"#),
        Example(
            rule: "aws-session-token-bare", input: "token IQoJb3JpZ2luX2VjEA0aCWV1LXdlc3QtMSJHMEUCIQ== end",
            expected: "token ****************IQ== end"),
        Example(
            rule: "authorization", input: "> Authorization: Bearer opaque-token-0123456789",
            expected: "> Authorization: Bearer ****************6789"),
        Example(
            rule: "api-key", input: "{x-api-key=abcdefghijklmnopqrstuvwx, Host=example.com}",
            expected: "{x-api-key=****************uvwx, Host=example.com}"),
        Example(
            rule: "api-key-execution-log", input: "Verifying Usage Plan for request: r1. API Key: abcdefghijklmnopqrstuvwx API Stage: a1/prod",
            expected: "Verifying Usage Plan for request: r1. API Key: ****************uvwx API Stage: a1/prod"),
        Example(
            rule: "signature", input: "?X-Amz-Date=20261121T000000Z&X-Amz-Signature=0123456789abcdef0123456789abcdef&x=1",
            expected: "?X-Amz-Date=20261121T000000Z&X-Amz-Signature=****************cdef&x=1"),
        Example(
            rule: "cookie", input: "< set-cookie: sid=0123456789abcdefXYZ; Path=/; HttpOnly",
            expected: "< set-cookie: sid=****************fXYZ; Path=/; HttpOnly"),
        Example(
            rule: "jwt", input: "token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlX3ZhbHVl rest",
            expected: "token=eyJ****************bHVl rest"),
        Example(
            rule: "password", input: #"{"user": "alice", "password": "hunter2"}"#,
            expected: #"{"user": "alice", "password": "****************"}"#),
        Example(
            rule: "named-secret", input: "CLIENT_SECRET=s3cr3t-value-that-is-long",
            expected: "CLIENT_SECRET=****************"),
        Example(
            rule: "oauth-token", input: #"{"access_token": "opaque0123456789abcdef", "token_type": "bearer"}"#,
            expected: #"{"access_token": "****************cdef", "token_type": "bearer"}"#),
        Example(
            rule: "private-key-block",
            input: #""key": "-----BEGIN RSA PRIVATE KEY-----\nMIIEabc\n-----END RSA PRIVATE KEY-----""#,
            expected: #""key": "-----BEGIN RSA PRIVATE KEY-----****************-----END RSA PRIVATE KEY-----""#),
        Example(
            rule: "private-key-body", input: "    MIIEpAIBAAKCAQEA7bFqXk2Y4Zt1Q9wLmN3oPqR5sTuV6wXyZ0aBcDeFgHiJkLmN",
            expected: "    ****************"),
        Example(
            rule: "url-userinfo", input: "dsn postgres://app:hunter2pw@db.internal:5432/orders",
            expected: "dsn postgres://app:****************@db.internal:5432/orders"),
        Example(
            rule: "github-token", input: "token ghp_abcdefghijklmnopqrstuvwxyz0123456789 end",
            expected: "token ghp_****************6789 end"),
        Example(
            rule: "github-fine-grained-token", input: "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz",
            expected: "github_pat_****************wxyz"),
        Example(
            rule: "stripe-key", input: "STRIPE sk_live_4eC39HqLyjWDarjtT1zdp7dc", expected: "STRIPE sk_live_****************p7dc"),
        Example(
            rule: "slack-token", input: "hook xoxb-123456789012-abcdefghijklmnop", expected: "hook xoxb-****************mnop"),
        Example(
            rule: "api-key-value", input: #"{"id": "k1", "value": "abcdefghijklmnopqrstuvwx", "enabled": true}"#,
            expected: #"{"id": "k1", "value": "****************uvwx", "enabled": true}"#),
        Example(
            rule: "aws-secret-near-key-id", input: "the secret key is wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            expected: "the secret key is ****************EKEY"),
        Example(
            rule: "environment-variables", input: #""Environment": {"Variables": {"DB_HOST": "db.internal", "MODE": "prod"}}"#,
            expected: #""Environment": {"Variables": {"DB_HOST": "****************", "MODE": "****************"}}"#),
    ]

    /// Patterns compile on first use (start-up stays cheap), so a bad pattern would only fail when
    /// its gate first passes: compile every one here.
    @Test func everyPatternCompiles() {
        for rule in MaskingRule.all {
            for pattern in rule.patterns {
                #expect(pattern.regex.numberOfCaptureGroups >= pattern.group, "\(rule.name)")
            }
        }
    }

    @Test func everyRuleHasAnExample() {
        #expect(Set(Self.examples.map(\.rule)) == Set(MaskingRule.all.map(\.name)))
    }

    @Test(arguments: examples)
    func ruleMasksItsExample(_ example: Example) throws {
        let rule = try #require(MaskingRule.all.first { $0.name == example.rule })
        // The rule alone does the work (no other rule is needed for its example)...
        #expect(SecretMasker(rules: [rule]).mask(example.input) == example.expected)
        // ...and the full table gives the same result.
        #expect(SecretMasker.standard.mask(example.input) == example.expected)
    }

    /// The url-userinfo gate is closed only where its pattern cannot match: generated texts over
    /// the bytes that matter to both (a closed gate on a text the pattern matches would leak the
    /// password), and the shapes logs hold.
    @Test func theURLGateOpensWhereverThePatternMatches() throws {
        let rule = try #require(MaskingRule.all.first { $0.name == "url-userinfo" })
        let regex = try #require(rule.patterns.first).regex
        var texts = [
            "postgres://app:pw@db/x", "at file:///var/task/index.mjs:12:7", "https://user@host/x", "https://a:b@c",
            "x://a@b:c@d", "u://a:b/c@d", "s://a:b c@d", "s://a:b\u{A0}c@d", "e://:@", "e://:x@", "://a:b@c",
        ]
        let alphabet = ["h", "s", "://", ":", "@", "/", " ", "?", "#", "\"", "'", "<", ">", "a", "1", "\u{A0}", "é", "\t"]
        var generator = GeneratedExecutionLog.SplitMix(state: 21)
        for _ in 0..<20_000 {
            // Half start as a URL does, their authority mostly letters, `:` and `@`, so the pattern
            // matches often enough to test the gate.
            let url = texts.count % 2 == 0
            let length = Int.random(in: 1...12, using: &generator)
            let text = (0..<length).map { _ in
                url && Bool.random(using: &generator) ? ["a", ":", "@"].randomElement(using: &generator)! : alphabet.randomElement(using: &generator)!
            }.joined()
            texts.append(url ? "s://" + text : text)
        }
        var opened = 0
        var matched = 0
        for text in texts {
            let matches = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            let passes = SecretMasker.passes(rule.gate, text)
            if matches {
                matched += 1
                #expect(passes, "\(text.debugDescription)")
            }
            if passes { opened += 1 }
        }
        // The gate stays closed on a stack trace's file URL and a URL without a password.
        #expect(!SecretMasker.passes(rule.gate, "at file:///var/task/index.mjs:12:7 https://user@host/x"))
        #expect(matched > 100)
        #expect(opened < texts.count / 2)
    }
}
