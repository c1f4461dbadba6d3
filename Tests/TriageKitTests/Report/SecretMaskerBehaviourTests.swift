import Testing

@testable import TriageKit

/// What the masker keeps, what it hides, and which models it touches.
@Suite struct SecretMaskerBehaviourTests {
    let masker = SecretMasker.standard

    @Test func shortValuesShowNoCharacters() {
        #expect(masker.mask("x-api-key: short123") == "x-api-key: ****************")
        #expect(masker.mask("Authorization: Bearer abc") == "Authorization: Bearer ****************")
    }

    @Test func maskLengthDoesNotDependOnTheSecret() {
        let short = masker.mask("x-api-key: \(String(repeating: "a", count: 20))")
        let long = masker.mask("x-api-key: \(String(repeating: "a", count: 200))")
        #expect(short == long)
    }

    @Test func basicCredentialsAreMaskedInFull() {
        // The last characters of base64("user:password") are the password's.
        #expect(masker.mask("Authorization: Basic dXNlcjpsb25nLXBhc3N3b3JkLWhlcmU=") == "Authorization: Basic ****************")
    }

    @Test func placeholdersAndVariablesInCommandsStayReadable() {
        let commands = [
            "curl -H 'x-api-key: <api-key>' https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/prod/orders",
            #"curl -H "Authorization: Bearer $TOKEN" https://example.com/orders"#,
            "export AWS_SESSION_TOKEN=$AWS_SESSION_TOKEN",
        ]
        for command in commands {
            #expect(masker.mask(command) == command)
        }
    }

    @Test func mappingExpressionsAreNotSecrets() {
        let line = #""integration.request.header.x-api-key": "method.request.header.x-api-key""#
        #expect(masker.mask(line) == line)
    }

    @Test func quotedStaticMappingValuesKeepTheirQuotes() {
        #expect(masker.mask(#""integration.request.header.x-api-key": "'abcdefghijklmnopqrstuvwx'""#)
            == #""integration.request.header.x-api-key": "'****************uvwx'""#)
    }

    @Test func executionLogAlreadyMaskedByAWSStaysAsItIs() {
        let line = "(r1) Endpoint request headers: {Authorization=****************************************b54c85, X-Amz-Date=20261121T130000Z}"
        #expect(masker.mask(line) == line)
    }

    @Test func proseAboutAuthorizationIsNotMasked() {
        let line = "(r1) Authorization header requires 'Credential' parameter. Unauthorized request: r1"
        #expect(masker.mask(line) == line)
    }

    @Test func evidenceReportMasksQuotedTextButKeepsFactsAndCauses() {
        let line = EvidenceLine(file: "exec.log", line: 7, text: "(r1) Method request headers: {x-api-key=abcdefghijklmnopqrstuvwx}")
        let report = EvidenceReport(
            path: "exec.log", kind: "execution-log", description: "API Gateway execution log, 7 lines",
            findings: [Finding(cause: "lambda-response-format", confidence: .high, evidence: [line], facts: ["api_id": "a1b2c3d4e5"])],
            facts: ["api_id": "a1b2c3d4e5", "stage": "prod"], problems: ["line 9 has password=hunter2-longer"])
        let masked = masker.mask(report)
        #expect(masked.findings[0].evidence[0].text == "(r1) Method request headers: {x-api-key=****************uvwx}")
        #expect(masked.findings[0].evidence[0].line == 7)
        #expect(masked.problems == ["line 9 has password=****************"])
        #expect(masked.facts == report.facts)
        #expect(masked.findings[0].cause == "lambda-response-format")
        #expect(masked.findings[0].facts == ["api_id": "a1b2c3d4e5"])
    }

    @Test func sessionStateKeepsItsPathAndMasksItsEvidence() {
        let line = EvidenceLine(file: "curl.txt", line: 3, text: "> Cookie: sid=abcdefghijklmnopqrstuvwx")
        var state = SessionState(contentVersion: "1", current: .node("start"))
        state.path = [Step(position: .node("start"), answer: "502", source: .user)]
        state.evidence = [EvidenceReport(
            path: "curl.txt", kind: "http-response", description: "curl -v output",
            findings: [Finding(cause: "x", confidence: .low, evidence: [line])])]
        let masked = masker.mask(state)
        #expect(masked.path == state.path)
        #expect(masked.evidence[0].findings[0].evidence[0].text == "> Cookie: sid=****************uvwx")
        #expect(SecretMasker.disabled.mask(state) == state)
    }
}
