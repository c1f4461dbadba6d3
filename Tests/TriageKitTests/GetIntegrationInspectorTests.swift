import Testing

@testable import TriageKit

@Suite struct GetIntegrationInspectorTests {
    let inspector = GetIntegrationInspector()

    func report(_ name: String) throws -> EvidenceReport {
        try inspector.inspect(ConfigFixture.file("get-integration", name))
    }

    func line(_ text: String, _ name: String) -> Int? {
        ConfigFixture.line(of: text, in: "get-integration", name)
    }

    @Test(arguments: [
        "lambda-proxy-get.json", "lambda-proxy-post.json", "lambda-non-proxy.json", "mock-without-status.json",
        "stage-variable-function.json", "vpc-link-stage-variable.json",
    ])
    func detectsGetIntegrationOutput(_ name: String) {
        #expect(inspector.detect(ConfigFixture.sample(at: ConfigFixture.url("get-integration", name))) == 95)
    }

    @Test func doesNotTakeAGetMethodOutputWithItsIntegrationInside() {
        let sample = ConfigFixture.sample(at: ConfigFixture.url("get-method", "proxy-get-not-post.json"))
        #expect(inspector.detect(sample) == nil)
    }

    @Test func aLambdaProxyIntegrationCalledWithGetIsProvenNotPost() throws {
        let report = try report("lambda-proxy-get.json")
        let finding = try #require(report.findings.first)
        #expect(report.findings.count == 1)
        #expect(finding.cause == "integration-method-not-post")
        #expect(finding.confidence == .high)
        #expect(finding.status == 500)
        #expect(finding.evidence == [
            EvidenceLine(file: report.path, line: 3, text: "\"httpMethod\": \"GET\",")
        ])
    }

    @Test func factsComeFromTheUriTimeoutAndCacheNamespace() throws {
        let facts = try report("lambda-proxy-get.json").facts
        #expect(facts["function_name"] == "orders-handler")
        #expect(facts["region"] == "eu-west-1")
        #expect(facts["account_id"] == "123456789012")
        #expect(facts["integration_timeout_ms"] == "29000")
        #expect(facts["resource_id"] == "85fyuwpmeb")
        #expect(facts["api_type"] == "rest")
        // The integration's own method is not the API method: it must not become http_method.
        #expect(facts["http_method"] == nil)
    }

    @Test func aCorrectPostProxyIntegrationHasNoFinding() throws {
        let report = try report("lambda-proxy-post.json")
        #expect(report.findings.isEmpty)
        #expect(report.description.contains("AWS_PROXY Lambda integration to orders-handler, timeout 29000 ms"))
    }

    @Test func aStageVariableFunctionNeedsPermissionsAndTheRoleIsNamed() throws {
        let report = try report("stage-variable-function.json")
        let stageVariable = try #require(report.findings.first { $0.cause == "stage-variable-permission" })
        #expect(stageVariable.confidence == .low)
        #expect(stageVariable.facts["stage_variable"] == "lambdaAlias")
        #expect(stageVariable.evidence.first?.line == line("\"uri\"", "stage-variable-function.json"))
        let role = try #require(report.findings.first { $0.cause == "integration-role" })
        #expect(role.evidence.first?.line == line("\"credentials\"", "stage-variable-function.json"))
        #expect(report.facts["role_arn"] == "arn:aws:iam::123456789012:role/apigw-invoke")
        // A function chosen by a stage variable has no single name.
        #expect(report.facts["function_name"] == nil)
    }

    @Test func anHttpUriFromAStageVariableMayBeAnInvalidEndpoint() throws {
        let report = try report("vpc-link-stage-variable.json")
        let finding = try #require(report.findings.first)
        #expect(finding.cause == "invalid-endpoint")
        #expect(finding.confidence == .low)
        #expect(report.facts["vpc_link_id"] == "gim7c3")
        #expect(report.facts["stage_variable"] == "inventoryHost")
        #expect(report.description.contains("through VPC link gim7c3"))
        #expect(report.description.contains("insecureSkipVerification"))
    }

    @Test func aMockWithoutStatusCodeTemplateAndNoResponsesFails() throws {
        let report = try report("mock-without-status.json")
        let template = try #require(report.findings.first { $0.cause == "mapping-template-error" })
        #expect(template.confidence == .medium)
        #expect(template.evidence.first?.line == line("\"requestTemplates\"", "mock-without-status.json"))
        let mapping = try #require(report.findings.first { $0.cause == "status-code-mapping" })
        #expect(mapping.summary.contains("no integration responses"))
    }

    @Test func passthroughWithTemplatesIsAMappingHint() throws {
        let report = try report("lambda-non-proxy.json")
        let finding = try #require(report.findings.first)
        #expect(report.findings.count == 1)
        #expect(finding.cause == "mapping-template-error")
        #expect(finding.confidence == .low)
        #expect(finding.evidence.first?.line == line("\"passthroughBehavior\"", "lambda-non-proxy.json"))
    }

    @Test func aDocumentWithoutAnIntegrationIsAProblem() throws {
        let report = try inspector.inspect(try ConfigFixture.temporary("{\"items\": []}"))
        #expect(report.findings.isEmpty)
        #expect(report.problems.count == 1)
    }

    @Test func truncatedOutputIsAProblem() throws {
        let report = try inspector.inspect(try ConfigFixture.temporary("{\n    \"type\": \"AWS_PROXY\",\n    \"httpMethod\": \"GET\","))
        #expect(report.problems.first?.contains("cut off") == true)
        #expect(report.findings.isEmpty)
    }
}
