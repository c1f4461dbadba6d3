import Testing

@testable import TriageKit

@Suite struct LambdaPolicyInspectorTests {
    /// The inner policy string of a get-policy fixture.
    func policyString(_ name: String) -> String? {
        guard case .document(let document) = ConfigDocument.parse(ConfigFixture.text("lambda-policy", name), path: name)
        else { return nil }
        return document.root["Policy"]?.string
    }

    func report(_ name: String, sourceArn: String? = nil) throws -> EvidenceReport {
        try LambdaPolicyInspector(sourceArn: sourceArn).inspect(ConfigFixture.file("lambda-policy", name))
    }

    @Test(arguments: ["get-policy.json", "get-policy-no-apigateway.json", "get-policy-console.json"])
    func detectsGetPolicyOutput(_ name: String) {
        let sample = ConfigFixture.sample(at: ConfigFixture.url("lambda-policy", name))
        #expect(LambdaPolicyInspector().detect(sample) == 95)
    }

    @Test func aPolicyWithoutApiGatewayIsAMissingPermission() throws {
        let report = try report("get-policy-no-apigateway.json")
        let finding = try #require(report.findings.first)
        #expect(finding.cause == "lambda-invoke-permission")
        #expect(finding.confidence == .medium)
        #expect(finding.evidence.first?.line == 2)
        #expect(finding.evidence.first?.text.hasPrefix("\"Policy\":") == true)
        #expect(report.facts["function_name"] == "reports-handler")
    }

    @Test func statementsForApiGatewayAreListedWithoutAFinding() throws {
        let report = try report("get-policy.json")
        #expect(report.findings.isEmpty)
        #expect(report.description.contains("2 statements for API Gateway"))
        #expect(report.description.contains("y9rek3spyh/*/POST/*"))
        #expect(report.facts["api_id"] == "y9rek3spyh")
        #expect(report.facts["account_id"] == "123456789012")
    }

    @Test func aSourceArnNoStatementAllowsIsProvenMissing() throws {
        let console = "arn:aws:execute-api:eu-west-1:123456789012:y9rek3spyh/null/GET/orders"
        let report = try report("get-policy.json", sourceArn: console)
        let finding = try #require(report.findings.first)
        #expect(finding.cause == "lambda-invoke-permission")
        #expect(finding.confidence == .high)
        #expect(finding.summary.contains(console))
    }

    @Test func aSourceArnAStatementAllowsGivesNoFinding() throws {
        let post = "arn:aws:execute-api:eu-west-1:123456789012:y9rek3spyh/dev/POST/orders"
        let report = try report("get-policy.json", sourceArn: post)
        #expect(report.findings.isEmpty)
        #expect(report.description.contains("is allowed by apigateway-any-post"))
    }

    @Test func aConsolePolicyNamesOneStageAndSaysConsoleTestsFail() throws {
        let report = try report("get-policy-console.json")
        #expect(report.description.contains("console tests (stage null) are not covered"))
        let wrongAccount = "arn:aws:execute-api:eu-west-1:999999999999:y9rek3spyh/prod/GET/orders"
        let policy = try LambdaResourcePolicy(json: try #require(policyString("get-policy-console.json")))
        #expect(policy.verdict(forSourceArn: "arn:aws:execute-api:eu-west-1:123456789012:y9rek3spyh/prod/GET/orders") != .noStatementMatches)
        #expect(policy.verdict(forSourceArn: wrongAccount) == .noStatementMatches)
    }

    @Test func policyStatementsAreReadWithTheirConditions() throws {
        let policy = try LambdaResourcePolicy(
            json: #"""
                {"Statement": [
                  {"Sid": "wild", "Effect": "Allow", "Principal": {"Service": ["apigateway.amazonaws.com"]},
                   "Action": "lambda:*", "Condition": {"ArnLike": {"aws:sourcearn": "arn:aws:execute-api:*:123456789012:abc*/*"}}},
                  {"Sid": "deny-dev", "Effect": "Deny", "Principal": "*", "Action": "lambda:InvokeFunction",
                   "Condition": {"StringLike": {"AWS:SourceArn": "arn:aws:execute-api:*:*:*/dev/*"}}},
                  {"Sid": "s3", "Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"}, "Action": "lambda:InvokeFunction"}
                ]}
                """#)
        #expect(policy.apiGatewayStatements.map(\.sid) == ["wild", "deny-dev"])
        #expect(policy.verdict(forSourceArn: "arn:aws:execute-api:eu-west-1:123456789012:abcdefghij/prod/GET/x") == .allowed(sid: "wild"))
        #expect(policy.verdict(forSourceArn: "arn:aws:execute-api:eu-west-1:123456789012:abcdefghij/dev/GET/x") == .denied(sid: "deny-dev"))
        #expect(policy.verdict(forSourceArn: "arn:aws:execute-api:eu-west-1:123456789012:zzzdefghij/prod/GET/x") == .noStatementMatches)
    }

    @Test func aPolicyStringThatIsNotJSONIsAProblem() throws {
        let file = try ConfigFixture.temporary(#"{"Policy": "{\"Statement\": [", "RevisionId": "x"}"#)
        let report = try LambdaPolicyInspector().inspect(file)
        #expect(report.findings.isEmpty)
        #expect(report.problems.first?.contains("not a policy document") == true)
    }
}

@Suite("Lambda policy detection against other services' policies")
struct OtherPolicyDocumentTests {
    private func sample(_ text: String) -> EvidenceSample {
        EvidenceSample(path: "policy.json", head: text, isComplete: true, size: text.utf8.count)
    }

    @Test func aKMSKeyPolicyIsNotALambdaPolicy() {
        let kms = #"{"Policy": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:role/x\"},\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}]}", "PolicyName": "default"}"#
        #expect(LambdaPolicyInspector().detect(sample(kms)) == nil)
    }

    @Test func anS3BucketPolicyIsNotALambdaPolicy() {
        let s3 = #"{"Policy": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}]}"}"#
        #expect(LambdaPolicyInspector().detect(sample(s3)) == nil)
    }

    @Test func aLambdaPolicyIsStillRecognised() {
        let lambda = #"{"Policy": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"apigateway.amazonaws.com\"},\"Action\":\"lambda:InvokeFunction\",\"Resource\":\"arn:aws:lambda:eu-west-1:123456789012:function:f\"}]}", "RevisionId": "1"}"#
        #expect(LambdaPolicyInspector().detect(sample(lambda)) != nil)
    }
}
