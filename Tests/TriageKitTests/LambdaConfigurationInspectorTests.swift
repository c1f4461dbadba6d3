import Testing

@testable import TriageKit

@Suite struct LambdaConfigurationInspectorTests {
    let inspector = LambdaConfigurationInspector()

    func report(_ name: String) throws -> EvidenceReport {
        try inspector.inspect(ConfigFixture.file("lambda-configuration", name))
    }

    @Test(arguments: [
        "get-function-configuration.json", "vpc-kms.json", "failed-state.json", "get-function-concurrency-zero.json",
        "get-function.json",
    ])
    func detectsLambdaConfigurationOutputs(_ name: String) {
        #expect(inspector.detect(ConfigFixture.sample(at: ConfigFixture.url("lambda-configuration", name))) == 95)
    }

    @Test func anActiveFunctionGivesFactsAndNoFinding() throws {
        let report = try report("get-function-configuration.json")
        #expect(report.findings.isEmpty)
        #expect(report.facts == [
            "function_name": "orders-handler", "region": "eu-west-1", "account_id": "123456789012",
            "function_timeout_s": "10",
        ])
        #expect(report.description.contains("for orders-handler, timeout 10 s, state Active"))
    }

    @Test func reservedConcurrencyZeroThrottlesEveryCall() throws {
        let report = try report("get-function-concurrency-zero.json")
        let finding = try #require(report.findings.first)
        #expect(finding.cause == "backend-throttling")
        #expect(finding.confidence == .high)
        #expect(finding.status == 500)
        #expect(finding.evidence.first?.line == 2)
    }

    @Test func getFunctionCarriesConcurrencyNextToTheConfiguration() throws {
        let report = try report("get-function.json")
        let finding = try #require(report.findings.first)
        #expect(finding.cause == "backend-throttling")
        #expect(finding.evidence.first?.line == ConfigFixture.line(
            of: "\"ReservedConcurrentExecutions\"", in: "lambda-configuration", "get-function.json"))
        #expect(report.facts["function_name"] == "reports-handler")
        #expect(report.facts["function_timeout_s"] == "30")
    }

    @Test func aFailedFunctionIsALambdaServiceError() throws {
        let report = try report("failed-state.json")
        let finding = try #require(report.findings.first)
        #expect(finding.cause == "lambda-service-error")
        #expect(finding.confidence == .high)
        #expect(finding.summary.contains("InvalidConfiguration"))
        let stateLine = ConfigFixture.line(of: "\"State\": \"Failed\"", in: "lambda-configuration", "failed-state.json")
        #expect(finding.evidence.first?.line == stateLine)
    }

    @Test func vpcAndKmsAreNotedNotBlamed() throws {
        let report = try report("vpc-kms.json")
        #expect(report.findings.isEmpty)
        #expect(report.description.contains("in a VPC (1 subnet)"))
        #expect(report.description.contains("customer KMS key"))
        #expect(report.description.contains("not shorter than REST's default 29 s integration timeout"))
    }

    @Test func anInactiveFunctionIsAMediumServiceError() throws {
        let file = try ConfigFixture.temporary(
            """
            {
                "FunctionName": "idle",
                "FunctionArn": "arn:aws:lambda:eu-west-1:123456789012:function:idle",
                "Timeout": 3,
                "State": "Inactive",
                "StateReasonCode": "Idle"
            }
            """)
        let finding = try #require(try inspector.inspect(file).findings.first)
        #expect(finding.cause == "lambda-service-error")
        #expect(finding.confidence == .medium)
        #expect(finding.evidence.first?.line == 5)
    }
}
