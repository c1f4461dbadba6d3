import Testing

@testable import TriageKit

@Suite struct ApiGatewayV2IntegrationInspectorTests {
    let inspector = ApiGatewayV2IntegrationInspector()

    func report(_ name: String) throws -> EvidenceReport {
        try inspector.inspect(ConfigFixture.file("apigatewayv2-integration", name))
    }

    @Test(arguments: ["get-integration-lambda.json", "get-integrations.json", "stage-variable.json"])
    func detectsApiGatewayV2Output(_ name: String) {
        #expect(inspector.detect(ConfigFixture.sample(at: ConfigFixture.url("apigatewayv2-integration", name))) == 95)
    }

    @Test func oneIntegrationGivesItsFacts() throws {
        let report = try report("get-integration-lambda.json")
        #expect(report.findings.isEmpty)
        #expect(report.facts["integration_id"] == "jazszr4")
        #expect(report.facts["payload_format_version"] == "1.0")
        #expect(report.facts["integration_timeout_ms"] == "30000")
        #expect(report.facts["function_name"] == "orders-handler")
        #expect(report.facts["region"] == "eu-west-1")
        #expect(report.facts["api_type"] == "http")
    }

    @Test func severalIntegrationsKeepOnlyTheFactsTheyShare() throws {
        let report = try report("get-integrations.json")
        #expect(report.facts["payload_format_version"] == "1.0")
        #expect(report.facts["integration_id"] == nil)
        #expect(report.facts["integration_timeout_ms"] == nil)
        #expect(report.facts["vpc_link_id"] == "x7k2pq")
        #expect(report.description.contains("2 integrations"))
        #expect(report.description.contains("through VPC link x7k2pq"))
    }

    @Test func aStageVariableFunctionNeedsPermissions() throws {
        let report = try report("stage-variable.json")
        let finding = try #require(report.findings.first)
        #expect(finding.cause == "stage-variable-permission")
        #expect(finding.facts["stage_variable"] == "ordersFunction")
        #expect(finding.evidence.first?.line == 6)
        #expect(report.facts["function_name"] == nil)
    }

    @Test func emptyItemsIsNotAProblem() throws {
        let report = try inspector.inspect(try ConfigFixture.temporary("{\"Items\": []}"))
        #expect(report.problems.isEmpty)
        #expect(report.description.contains("no integrations"))
    }
}
