import Testing

@testable import TriageKit

@Suite struct GetStageInspectorTests {
    let inspector = GetStageInspector()

    func report(_ name: String) throws -> EvidenceReport {
        try inspector.inspect(ConfigFixture.file("get-stage", name))
    }

    @Test(arguments: ["prod-error-logging.json", "no-logging.json"])
    func detectsGetStageOutput(_ name: String) {
        #expect(inspector.detect(ConfigFixture.sample(at: ConfigFixture.url("get-stage", name))) == 95)
    }

    @Test func describesLoggingAccessLogTracingAndVariables() throws {
        let report = try report("prod-error-logging.json")
        #expect(report.findings.isEmpty)
        #expect(report.description.contains("stage prod"))
        #expect(report.description.contains("execution logging ERROR with full request and response data"))
        #expect(report.description.contains("access log without integration error, integration status, error type fields"))
        #expect(report.description.contains("X-Ray tracing on"))
        #expect(report.description.contains("stage variables lambdaAlias, inventoryHost"))
    }

    @Test func factsIncludeTheStageAndAccessLogGroup() throws {
        let facts = try report("prod-error-logging.json").facts
        #expect(facts["stage"] == "prod")
        #expect(facts["log_group"] == "/aws/apigateway/orders-access")
        #expect(facts["region"] == "eu-west-1")
        #expect(facts["account_id"] == "123456789012")
    }

    @Test func aStageWithoutLoggingSaysThereIsNothingToRead() throws {
        let report = try report("no-logging.json")
        #expect(report.description.contains("execution logging OFF (no execution log to read)"))
        #expect(report.description.contains("no access log"))
        #expect(report.facts["log_group"] == nil)
    }

    @Test func anAccessLogWithIntegrationFieldsIsNotFlagged() throws {
        let file = try ConfigFixture.temporary(
            #"""
            {"deploymentId": "abc123", "stageName": "prod", "accessLogSettings": {"format": "{\"status\":\"$context.status\",\"integrationError\":\"$context.integration.error\",\"integrationStatus\":\"$context.integrationStatus\",\"errorType\":\"$context.error.responseType\"}", "destinationArn": "arn:aws:logs:eu-west-1:123456789012:log-group:access"}}
            """#)
        #expect(try inspector.inspect(file).description.contains("access log with integration fields"))
    }
}
