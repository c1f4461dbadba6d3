import Testing

@testable import TriageKit

@Suite struct TimeoutComparisonTests {
    @Test func aFunctionAllowedAsLongAsTheIntegrationRisksAnIntegrationTimeout() {
        let rest = TimeoutComparison.compare(integrationTimeoutMs: 29_000, functionTimeoutSeconds: 30, apiType: "rest")
        #expect(rest.cause == "integration-timeout")
        #expect(rest.status == 504)
        #expect(rest.facts == ["integration_timeout_ms": "29000", "function_timeout_s": "30"])
        let http = TimeoutComparison.compare(integrationTimeoutMs: 30_000, functionTimeoutSeconds: 30, apiType: "http")
        #expect(http.cause == "integration-timeout")
        #expect(http.status == 503)
    }

    @Test func aShorterFunctionTimeoutShowsAsALambdaTimeout() {
        let finding = TimeoutComparison.compare(integrationTimeoutMs: 29_000, functionTimeoutSeconds: 28)
        #expect(finding.cause == "lambda-timeout")
        #expect(finding.status == 502)
        #expect(finding.confidence == .low)
        #expect(finding.summary.contains("502 (500 on HTTP APIs)"))
    }
}
