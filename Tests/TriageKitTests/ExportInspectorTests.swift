import Testing

@testable import TriageKit

@Suite struct ExportInspectorTests {
    let inspector = ExportInspector()

    func report(_ name: String) throws -> EvidenceReport {
        try inspector.inspect(ConfigFixture.file("export", name))
    }

    func line(_ text: String, _ name: String) -> Int? {
        ConfigFixture.line(of: text, in: "export", name)
    }

    @Test(arguments: ["oas30-integrations.json", "swagger2-integrations.json", "http-api-oas30.yaml"])
    func detectsExportsWithExtensionsStrongly(_ name: String) {
        #expect(inspector.detect(ConfigFixture.sample(at: ConfigFixture.url("export", name))) == 90)
    }

    @Test func detectsAPlainDefinitionWeakly() {
        let sample = ConfigFixture.sample(at: ConfigFixture.url("export", "moto-swagger-without-integrations.json"))
        #expect(inspector.detect(sample) == 40)
    }

    @Test func everyOperationIsCheckedLikeAnIntegration() throws {
        let report = try report("oas30-integrations.json")
        let notPost = try #require(report.findings.first { $0.cause == "integration-method-not-post" })
        #expect(notPost.confidence == .high)
        #expect(notPost.summary.hasPrefix("GET /orders:"))
        // The GET integration's httpMethod, not the POST one's.
        let getLine = try #require(line("\"httpMethod\" : \"GET\"", "oas30-integrations.json"))
        #expect(notPost.evidence.first?.line == getLine)

        let mapping = try #require(report.findings.first { $0.cause == "status-code-mapping" })
        #expect(mapping.confidence == .high)
        #expect(mapping.summary.hasPrefix("GET /reports:"))
        #expect(mapping.evidence.first?.line == line("\"Invalid.*\" : {", "oas30-integrations.json"))

        let endpoint = try #require(report.findings.first { $0.cause == "invalid-endpoint" })
        #expect(endpoint.summary.hasPrefix("ANY /inventory:"))

        let templates = try #require(report.findings.first { $0.cause == "mapping-template-error" })
        #expect(templates.count == 2)
    }

    @Test func theServerUrlGivesApiRegionAndStage() throws {
        let facts = try report("oas30-integrations.json").facts
        #expect(facts["api_id"] == "y9rek3spyh")
        #expect(facts["region"] == "eu-west-1")
        #expect(facts["stage"] == "prod")
        #expect(facts["api_type"] == "rest")
        #expect(facts["function_name"] == "orders-handler")
        // Timeouts differ between operations: the export does not say which one failed.
        #expect(facts["integration_timeout_ms"] == nil)
    }

    @Test func swagger2HostAndBasePathAndAnyMethod() throws {
        let report = try report("swagger2-integrations.json")
        #expect(report.facts["stage"] == "prod")
        #expect(report.facts["api_id"] == "y9rek3spyh")
        let notPost = try #require(report.findings.first { $0.cause == "integration-method-not-post" })
        #expect(notPost.summary.contains("with ANY"))
        #expect(report.findings.contains { $0.cause == "stage-variable-permission" })
    }

    @Test func anHttpApiYamlExportSkipsRestOnlyChecks() throws {
        let report = try report("http-api-oas30.yaml")
        #expect(report.facts["api_type"] == "http")
        #expect(report.facts["payload_format_version"] == "1.0")
        #expect(report.facts["api_id"] == "k7d2m9x4qa")
        #expect(report.facts["vpc_link_id"] == "x7k2pq")
        #expect(report.findings.isEmpty)
        #expect(report.description.contains("OpenAPI 3.0.1 HTTP API, 2 operations"))
    }

    @Test func anExportWithoutIntegrationsSaysHowToGetThem() throws {
        let report = try report("moto-swagger-without-integrations.json")
        #expect(report.findings.isEmpty)
        #expect(report.description.contains("0 with integrations"))
        #expect(report.description.contains("extensions='integrations'"))
    }

    @Test func brokenYamlIsAProblem() throws {
        let file = try ConfigFixture.temporary("openapi: 3.0.1\npaths:\n  /a:\n    get: [unclosed\n", name: "export.yaml")
        let report = try inspector.inspect(file)
        #expect(report.findings.isEmpty)
        #expect(report.problems.first?.contains("Not valid YAML") == true)
    }
}
