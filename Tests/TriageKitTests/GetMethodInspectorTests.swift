import Testing

@testable import TriageKit

@Suite struct GetMethodInspectorTests {
    let inspector = GetMethodInspector()

    func report(_ name: String) throws -> EvidenceReport {
        try inspector.inspect(ConfigFixture.file("get-method", name))
    }

    @Test(arguments: ["non-proxy-undeclared-status.json", "proxy-get-not-post.json"])
    func detectsGetMethodOutput(_ name: String) {
        #expect(inspector.detect(ConfigFixture.sample(at: ConfigFixture.url("get-method", name))) == 95)
    }

    @Test func doesNotTakeABareIntegration() {
        let sample = ConfigFixture.sample(at: ConfigFixture.url("get-integration", "lambda-proxy-get.json"))
        #expect(inspector.detect(sample) == nil)
    }

    @Test func anIntegrationResponseWithoutMethodResponseIsStatusCodeMapping() throws {
        let report = try report("non-proxy-undeclared-status.json")
        let finding = try #require(report.findings.first)
        #expect(finding.cause == "status-code-mapping")
        #expect(finding.confidence == .high)
        #expect(finding.summary.contains("status 400"))
        let expected = ConfigFixture.line(of: "\"400\": {", in: "get-method", "non-proxy-undeclared-status.json")
        #expect(finding.evidence.first?.line == expected)
        #expect(finding.evidence.first?.text == "\"400\": {")
    }

    @Test func methodFactsAreTheApiMethodAndAuthorizer() throws {
        let report = try report("non-proxy-undeclared-status.json")
        #expect(report.facts["http_method"] == "GET")
        #expect(report.facts["authorizer_id"] == "62mgrc")
        #expect(report.facts["function_name"] == "orders-handler")
        #expect(report.description.contains("CUSTOM authorizer 62mgrc runs first"))
        #expect(report.description.contains("method responses 200"))
    }

    @Test func theIntegrationInsideIsCheckedToo() throws {
        let report = try report("proxy-get-not-post.json")
        #expect(report.findings.map(\.cause) == ["integration-method-not-post"])
        #expect(report.findings.first?.evidence.first?.line == 7)
        // Proxy integrations need no method responses.
        #expect(!report.findings.contains { $0.cause == "status-code-mapping" })
    }
}
