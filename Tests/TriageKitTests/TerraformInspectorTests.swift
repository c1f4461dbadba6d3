import Foundation
import Testing

@testable import TriageKit

@Suite struct TerraformInspectorTests {
    let inspector = TerraformInspector()

    func report(_ name: String) throws -> EvidenceReport {
        try inspector.inspect(ConfigFixture.file("terraform", name))
    }

    func line(_ text: String, _ name: String) -> Int? {
        ConfigFixture.line(of: text, in: "terraform", name)
    }

    @Test(arguments: [
        "main.tf", "permission-other-api.tf", "method-not-covered.tf", "integration-role.tf", "http-api.tf",
        "network-only.tf", "plan.json",
    ])
    func everyFixtureIsScannedAsTerraform(_ name: String) {
        let report = EvidenceTestSupport.scan("terraform/\(name)")
        #expect(report.kind == "terraform")
        #expect(report.problems.isEmpty)
        #expect(report.findings.allSatisfy { $0.status == nil }, "a configuration value is never a status")
    }

    @Test func getOnALambdaProxyIsNotPost() throws {
        let report = try report("main.tf")
        let finding = try #require(report.findings.first)
        #expect(finding.cause == "integration-method-not-post")
        #expect(finding.confidence == .high)
        #expect(finding.summary.hasPrefix("GET /orders (aws_api_gateway_integration.orders_get):"))
        #expect(finding.evidence.first?.line == line("integration_http_method = \"GET\"", "main.tf"))
        // The permission `${...execution_arn}/*/*` covers the API: no permission finding.
        #expect(!report.findings.contains { $0.cause == "lambda-invoke-permission" })
        #expect(report.facts["function_name"] == "orders-handler")
        #expect(report.facts["stage"] == "prod")
        #expect(report.facts["region"] == "eu-west-1")
        #expect(report.facts["resource_path"] == "/orders")
        #expect(report.facts["api_type"] == "rest")
    }

    @Test func aPermissionNamingAnotherAPI() throws {
        let report = try report("permission-other-api.tf")
        let finding = try #require(report.findings.first)
        #expect(finding.cause == "lambda-invoke-permission")
        #expect(finding.confidence == .high)
        #expect(finding.summary.contains("names aws_api_gateway_rest_api.admin"))
        #expect(finding.evidence.first?.line == line("source_arn = ", "permission-other-api.tf"))
        let timeout = try #require(report.findings.first { $0.cause == "integration-timeout" })
        #expect(timeout.confidence == .medium)
        #expect(timeout.summary.contains("60 s"))
    }

    @Test func aPermissionForGetWhenTheMethodIsPost() throws {
        let report = try report("method-not-covered.tf")
        let finding = try #require(report.findings.first)
        #expect(finding.cause == "lambda-invoke-permission")
        #expect(finding.summary.contains("does not cover calls to <stage>/POST/cart"))
    }

    @Test func trustPoliciesApiGatewayCannotSatisfy() throws {
        let report = try report("integration-role.tf")
        let finding = try #require(report.findings.first)
        #expect(finding.cause == "integration-role")
        #expect(finding.confidence == .high)
        #expect(finding.count >= 2)
        let lines = finding.evidence.map(\.line)
        // The aws:SourceAccount condition (jsonencode) and the data source that trusts only Lambda.
        #expect(lines.contains(try #require(line("\"aws:SourceAccount\"", "integration-role.tf"))))
        #expect(lines.contains(try #require(line("assume_role_policy = data.aws_iam_policy_document", "integration-role.tf"))))
    }

    @Test func aHeredocTrustPolicyIsReadWithItsLines() throws {
        let text = """
            resource "aws_api_gateway_integration" "i" {
              type        = "HTTP_PROXY"
              uri         = "https://backend.example.com/{proxy}"
              credentials = aws_iam_role.r.arn
            }

            resource "aws_iam_role" "r" {
              name               = "backend-caller"
              assume_role_policy = <<EOF
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Effect": "Allow",
                  "Principal": { "Service": "apigateway.amazonaws.com" },
                  "Action": "sts:AssumeRole",
                  "Condition": { "ArnLike": { "aws:SourceArn": "arn:aws:execute-api:*:123456789012:*" } }
                }
              ]
            }
            EOF
            }
            """
        let report = inspector.inspectHCL(text, path: "role.tf")
        let finding = try #require(report.findings.first { $0.cause == "integration-role" })
        #expect(finding.confidence == .medium)
        #expect(finding.summary.contains("aws:SourceArn"))
        #expect(finding.evidence.first?.line == 17)
    }

    @Test func aCorrectHttpApiProvesNothingStrong() throws {
        let report = try report("http-api.tf")
        #expect(report.findings.allSatisfy { $0.confidence == .low })
        #expect(report.facts["payload_format_version"] == "2.0")
        #expect(report.facts["stage"] == "$default")
        #expect(report.facts["api_type"] == "http")
    }

    @Test func aFileWithoutAPIResourcesSaysSo() throws {
        let report = try report("network-only.tf")
        #expect(report.findings.isEmpty)
        #expect(report.description.contains("says nothing about a 5xx"))
    }

    @Test func planJsonGetsTheSameChecks() throws {
        let report = try report("plan.json")
        #expect(report.description.hasPrefix("Terraform (terraform show -json)"))
        let mapping = try #require(report.findings.first { $0.cause == "status-code-mapping" })
        #expect(mapping.confidence == .high)
        #expect(mapping.summary.contains("status 500"))
        let permission = try #require(report.findings.first { $0.cause == "lambda-invoke-permission" })
        #expect(permission.summary.contains("/*/GET/reports"))
        #expect(report.facts["api_id"] == "a1b2c3d4e5")
        #expect(report.facts["function_name"] == "report-builder")
    }

    @Test func unresolvedExpressionsAreListed() {
        let text = """
            resource "aws_api_gateway_integration" "i" {
              type                    = "AWS_PROXY"
              integration_http_method = "POST"
              uri                     = var.lambda_invoke_arn
            }
            """
        let report = inspector.inspectHCL(text, path: "module.tf")
        #expect(report.problems == ["1 expression not understood (defined outside this file, or only known once applied): var.lambda_invoke_arn (line 4)."])
    }

    @Test(arguments: ["terraform--packer.pkr.hcl", "terraform--notes.md"])
    func nearMissesAreNotTerraform(_ name: String) {
        #expect(inspector.detect(ConfigFixture.sample(at: ConfigFixture.url("near-miss", name))) == nil)
        #expect(EvidenceTestSupport.scan("near-miss/\(name)").kind != "terraform")
    }

    @Test(arguments: [
        ("resource \"aws_lambda_function\" \"f\" {\n  policy = <<EOT\n{\"a\": 1}\n", "never closes"),
        ("resource \"aws_lambda_function\" \"f\" {\n  timeout = 3\n\nresource \"aws_iam_role\" \"r\" {\n", "never closes"),
        ("resource \"aws_lambda_function\" \"f\" {\n  timeout = 3\n}\n}\n}\n", "closing brace"),
    ])
    func brokenTerraformIsReadAsFarAsItGoes(_ text: String, _ problem: String) throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let path = try EvidenceTestSupport.write(Data(text.utf8), named: "main.tf", in: folder)
            let report = EvidenceScanner().scan(path)
            #expect(report.kind == "terraform")
            #expect(report.problems.contains { $0.contains(problem) })
        }
    }

    @Test func tenMegabytesOfNestingFinishesFast() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let path = try EvidenceTestSupport.writeSingleLine(
                prefix: "resource \"aws_lambda_function\" \"f\" {\n  x = ", repeating: UInt8(ascii: "["),
                size: 10 * 1024 * 1024, named: "deep.tf", in: folder)
            let start = ContinuousClock.now
            let report = EvidenceScanner().scan(path)
            #expect(ContinuousClock.now - start < .seconds(5))
            #expect(report.kind == "terraform")
            #expect(report.problems.contains { $0.contains("nested more than") })
        }
    }

    @Test func binaryAndEmptyFilesAreNotClaimed() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let binary = try EvidenceTestSupport.write(
                Data("resource \"aws_lambda_function\" \"f\" {\u{0}\u{1}\u{2}}".utf8), named: "bin.tf", in: folder)
            #expect(EvidenceScanner().scan(binary).kind == nil)
            let empty = try EvidenceTestSupport.write(Data(), named: "empty.tf", in: folder)
            #expect(EvidenceScanner().scan(empty).kind == nil)
        }
    }
}

@Suite struct TerraformRealWorldShapesTests {
    let inspector = TerraformInspector()

    @Test func aSourceArnBuiltFromMethodAndPathReferencesMatches() {
        let text = """
            resource "aws_api_gateway_rest_api" "api" { name = "api" }
            resource "aws_api_gateway_resource" "hello" {
              rest_api_id = "${aws_api_gateway_rest_api.api.id}"
              parent_id   = "${aws_api_gateway_rest_api.api.root_resource_id}"
              path_part   = "hello"
            }
            resource "aws_api_gateway_method" "hello" {
              rest_api_id   = "${aws_api_gateway_rest_api.api.id}"
              resource_id   = "${aws_api_gateway_resource.hello.id}"
              http_method   = "POST"
              authorization = "NONE"
            }
            resource "aws_api_gateway_integration" "hello" {
              rest_api_id             = "${aws_api_gateway_rest_api.api.id}"
              resource_id             = "${aws_api_gateway_resource.hello.id}"
              http_method             = "${aws_api_gateway_method.hello.http_method}"
              integration_http_method = "POST"
              type                    = "AWS_PROXY"
              uri                     = "${aws_lambda_function.hello.invoke_arn}"
            }
            resource "aws_lambda_function" "hello" {
              function_name = "hello"
              timeout       = 5
            }
            resource "aws_lambda_permission" "hello" {
              action        = "lambda:InvokeFunction"
              function_name = aws_lambda_function.hello.function_name
              principal     = "apigateway.amazonaws.com"
              source_arn = "arn:aws:execute-api:us-east-1:123456789012:${aws_api_gateway_rest_api.api.id}/*/${aws_api_gateway_method.hello.http_method}${aws_api_gateway_resource.hello.path}"
            }
            """
        let report = inspector.inspectHCL(text, path: "hello.tf")
        #expect(report.problems.isEmpty)
        #expect(!report.findings.contains { $0.cause == "lambda-invoke-permission" })
        #expect(report.facts["resource_path"] == "/hello")
    }

    @Test func aPermissionOnAFunctionTheFileCannotNameIsNotCalledMissing() {
        let text = """
            resource "aws_api_gateway_integration" "i" {
              type                    = "AWS_PROXY"
              integration_http_method = "POST"
              uri                     = aws_lambda_function.f.invoke_arn
            }
            resource "aws_lambda_function" "f" { function_name = "f" }
            resource "aws_lambda_permission" "p" {
              action        = "lambda:InvokeFunction"
              function_name = var.function_arn
              principal     = "apigateway.amazonaws.com"
              source_arn    = "${var.api_execution_arn}/*"
            }
            """
        let report = inspector.inspectHCL(text, path: "module.tf")
        #expect(!report.findings.contains { $0.cause == "lambda-invoke-permission" })
    }

    @Test func aResourceWhosePathPartRefersToItselfDoesNotLoop() {
        let text = """
            resource "aws_api_gateway_resource" "r" {
              path_part = aws_api_gateway_resource.r.path
              parent_id = aws_api_gateway_resource.r.id
            }
            resource "aws_api_gateway_integration" "i" {
              resource_id             = aws_api_gateway_resource.r.id
              type                    = "AWS_PROXY"
              integration_http_method = "GET"
              uri                     = "${aws_api_gateway_resource.r.path}"
            }
            """
        let report = inspector.inspectHCL(text, path: "loop.tf")
        #expect(report.kind == "terraform")
    }
}

@Suite struct TerraformBoundsTests {
    @Test func manyResourcesAreCheckedInPartAndQuickly() {
        var text = "resource \"aws_api_gateway_rest_api\" \"api\" { name = \"api\" }\n"
        for index in 0..<3_000 {
            text += """
                resource "aws_api_gateway_integration" "i\(index)" {
                  rest_api_id             = aws_api_gateway_rest_api.api.id
                  type                    = "AWS_PROXY"
                  integration_http_method = "GET"
                  uri                     = aws_lambda_function.f.invoke_arn
                }

                """
        }
        let start = ContinuousClock.now
        let report = TerraformInspector().inspectHCL(text, path: "big.tf")
        #expect(ContinuousClock.now - start < .seconds(10))
        #expect(report.problems.contains("Only the first 2500 of 3001 resources were checked."))
        #expect(report.findings.first?.cause == "integration-method-not-post")
    }
}
