import Testing

@testable import TriageKit

@Suite struct TemplateInspectorTests {
    let inspector = TemplateInspector()

    func report(_ name: String) throws -> EvidenceReport {
        try inspector.inspect(ConfigFixture.file("template", name))
    }

    func line(_ text: String, _ name: String) -> Int? {
        ConfigFixture.line(of: text, in: "template", name)
    }

    @Test(arguments: ["sam-template.yaml", "cloudformation.json"])
    func detectsTemplates(_ name: String) {
        #expect(inspector.detect(ConfigFixture.sample(at: ConfigFixture.url("template", name))) == 90)
    }

    @Test func detectsASamTemplateWithoutFormatVersion() throws {
        let file = try ConfigFixture.temporary(
            "Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n",
            name: "template.yaml")
        #expect(inspector.detect(file.sample) == 90)
    }

    @Test func samShortFormTagsAreReadNotRefused() throws {
        let report = try report("sam-template.yaml")
        #expect(report.problems.isEmpty)
        #expect(report.description.contains("SAM, 9 resources, 3 Lambda functions, 1 REST method, 1 invoke permission"))
    }

    @Test func aMethodSendingGetToLambdaIsNotPost() throws {
        let report = try report("sam-template.yaml")
        let finding = try #require(report.findings.first { $0.cause == "integration-method-not-post" })
        #expect(finding.confidence == .high)
        #expect(finding.summary.hasPrefix("GET /reports (ReportsGetMethod):"))
        #expect(finding.evidence.first?.line == line("IntegrationHttpMethod: GET", "sam-template.yaml"))
        #expect(finding.evidence.first?.text == "IntegrationHttpMethod: GET")
    }

    @Test func aFunctionWithoutPermissionIsFlaggedButSamEventsAndPermissionsAreNot() throws {
        let report = try report("sam-template.yaml")
        let missing = report.findings.filter { $0.cause == "lambda-invoke-permission" }
        #expect(missing.count == 1)
        let finding = try #require(missing.first)
        #expect(finding.count == 1)
        #expect(finding.summary.contains("ReportsFunction"))
        #expect(finding.confidence == .medium)
        #expect(finding.evidence.first?.line == line("Uri: !Join", "sam-template.yaml"))
    }

    @Test func aFunctionTimeoutAboveTheIntegrationTimeoutRisksA504() throws {
        let report = try report("sam-template.yaml")
        let finding = try #require(report.findings.first { $0.cause == "integration-timeout" })
        #expect(finding.confidence == .medium)
        #expect(finding.status == 504)
        #expect(finding.summary.contains("60 s"))
        #expect(finding.evidence.map(\.line).contains(try #require(line("Timeout: 60", "sam-template.yaml"))))
        // The inline /inventory integration and the /orders ones (Globals Timeout 30) all risk it.
        #expect(finding.count == 3)
    }

    @Test func aShorterFunctionTimeoutShowsAs502() throws {
        let report = try report("sam-template.yaml")
        let finding = try #require(report.findings.first { $0.cause == "lambda-timeout" })
        #expect(finding.confidence == .low)
        #expect(finding.summary.contains("10 s timeout is shorter than the integration's 29000 ms"))
    }

    @Test func cloudFormationJsonMethodResponsesAndIntegrationResponsesMustFit() throws {
        let report = try report("cloudformation.json")
        let finding = try #require(report.findings.first { $0.cause == "status-code-mapping" })
        #expect(finding.confidence == .high)
        #expect(finding.summary.hasPrefix("GET /orders (OrdersGetMethod): an integration response maps to status 500"))
        #expect(finding.evidence.first?.line == line("\"StatusCode\": \"500\"", "cloudformation.json"))
    }

    @Test func cloudFormationHttpApiIntegrationWithoutPermission() throws {
        let report = try report("cloudformation.json")
        let missing = try #require(report.findings.first { $0.cause == "lambda-invoke-permission" })
        #expect(missing.summary.hasPrefix("ExportIntegration:"))
        #expect(missing.summary.contains("ExportFunction"))
        let timeout = try #require(report.findings.first { $0.cause == "integration-timeout" })
        #expect(timeout.status == 503)
        #expect(report.facts["payload_format_version"] == "2.0")
        #expect(report.facts["stage"] == "prod")
        // Both a REST API and an HTTP API: the template does not say which one failed.
        #expect(report.facts["api_type"] == nil)
    }

    @Test func aPermittedPostMethodOnlyGetsTheTimeoutPointer() throws {
        let report = try report("cloudformation.json")
        #expect(!report.findings.contains { $0.cause == "integration-method-not-post" })
        #expect(!report.findings.contains { $0.summary.contains("OrdersFunction, so calls end") })
    }

    @Test func aTemplateWithoutResourcesIsAProblem() throws {
        let report = try inspector.inspect(try ConfigFixture.temporary("AWSTemplateFormatVersion: 2010-09-09\n", name: "t.yaml"))
        #expect(report.problems.first?.contains("no Resources") == true)
    }
}
