import Foundation
import Testing

@testable import TriageKit

@Suite struct HCLReaderTests {
    func attribute(_ block: HCLBlock, _ key: String) -> DocumentNode? { block.body[key] }

    @Test func blocksLabelsAttributesAndLines() throws {
        let text = """
            # comment
            resource "aws_lambda_function" "orders" {
              function_name = "orders" // trailing comment
              timeout       = 30
              publish       = true
              layers        = ["a", "b",]
              /* block
                 comment */
              environment {
                variables = { TABLE = "t", "Key-2": 2 }
              }
            }
            """
        let document = HCLReader.read(text)
        #expect(document.problems.isEmpty)
        let block = try #require(document.blocks.first)
        #expect(block.type == "resource")
        #expect(block.labels == ["aws_lambda_function", "orders"])
        #expect(block.line == 2)
        #expect(attribute(block, "function_name")?.string == "orders")
        #expect(block.body.member("function_name")?.line == 3)
        #expect(attribute(block, "timeout")?.integer == 30)
        #expect(attribute(block, "publish")?.bool == true)
        #expect(attribute(block, "layers")?.elements.compactMap(\.string) == ["a", "b"])
        #expect(block.body.member("environment")?.line == 9)
        #expect(attribute(block, "environment")?["variables"]?["Key-2"]?.integer == 2)
    }

    @Test func referencesTemplatesAndUnevaluatedExpressionsAreKeptAsText() throws {
        let text = """
            resource "x" "y" {
              a = aws_lambda_function.orders.invoke_arn
              b = "${aws_api_gateway_rest_api.api.execution_arn}/*/*"
              c = var.enabled ? 1 : 0
              d = format("%s-%s", var.a, "}")
              e = [for s in var.list : upper(s)]
              f = "$${literal}"
              g = aws_subnet.private[0].id
            }
            """
        let block = try #require(HCLReader.read(text).blocks.first)
        #expect(attribute(block, "a")?.string == "${aws_lambda_function.orders.invoke_arn}")
        #expect(attribute(block, "b")?.string == "${aws_api_gateway_rest_api.api.execution_arn}/*/*")
        #expect(attribute(block, "c")?.string == "${var.enabled ? 1 : 0}")
        #expect(attribute(block, "d")?.string == "${format(\"%s-%s\", var.a, \"}\")}")
        #expect(attribute(block, "e")?.string?.hasPrefix("${[for s in var.list") == true)
        #expect(attribute(block, "f")?.string == "$${literal}")
        #expect(attribute(block, "g")?.string == "${aws_subnet.private[0].id}")
    }

    @Test func jsonencodeIsTheObjectAndHeredocsKeepTheirLines() throws {
        let text = """
            resource "aws_iam_role" "r" {
              assume_role_policy = jsonencode({
                Statement = [{
                  Effect = "Allow"
                }]
              })
              policy = <<-EOT
                {
                  "Statement": []
                }
                EOT
              raw = <<EOF
            line one
            EOF
            }
            """
        let document = HCLReader.read(text)
        #expect(document.problems.isEmpty)
        let block = try #require(document.blocks.first)
        let statement = try #require(attribute(block, "assume_role_policy")?["Statement"]?.elements.first)
        #expect(statement["Effect"]?.string == "Allow")
        #expect(statement.member("Effect")?.line == 4)
        #expect(attribute(block, "policy")?.string == "{\n  \"Statement\": []\n}\n")
        #expect(attribute(block, "raw")?.string == "line one\n")
    }

    @Test(arguments: [
        ("resource \"a\" \"b\" {\n  x = <<EOT\nno end\n", "never closes"),
        ("resource \"a\" \"b\" {\n  x = 1\n", "never closes"),
        ("}\nresource \"a\" \"b\" {}\n", "closing brace"),
        ("resource \"a\" \"b\" {\n  x = \"open\n}\n", "not closed on its line"),
    ])
    func brokenInputIsAProblemNotACrash(_ text: String, _ expected: String) {
        let document = HCLReader.read(text)
        #expect(document.problems.contains { $0.contains(expected) })
    }

    @Test func aBrokenBlockDoesNotHideTheNextOnes() {
        let text = """
            resource "a" "broken" {
              x = = 1
            }

            resource "aws_lambda_function" "ok" {
              timeout = 3
            }
            """
        let document = HCLReader.read(text)
        #expect(document.problems.count == 1)
        #expect(document.blocks.map { $0.labels.last } == ["ok"])
    }

    @Test func deepNestingStopsAtTheBoundQuickly() {
        let text = "x = " + String(repeating: "[", count: 200_000)
        let start = ContinuousClock.now
        let document = HCLReader.read(text)
        #expect(ContinuousClock.now - start < .seconds(2))
        #expect(document.problems.contains { $0.contains("nested more than 64 levels") })
    }
}
