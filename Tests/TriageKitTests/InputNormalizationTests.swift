import Foundation
import Testing
@testable import TriageKit

/// Fact answers whose meaning is clear are normalised rather than refused (issue 13 item 3), and the
/// refusal messages keep acronyms as written.
@Suite("Input normalisation")
struct InputNormalizationTests {
    let tree: DecisionTree

    init() throws {
        let (tree, _) = try ContentLoader.inspect(.directory(Fixtures.packageRoot.appendingPathComponent("Content").path))
        self.tree = try #require(tree)
    }

    private func parse(_ text: String, _ key: String) -> String? {
        try? AnswerParser.parseFact(text, key: key, in: tree).get()
    }

    @Test func methodCaseIsNormalised() {
        #expect(parse("post", "http_method") == "POST")
        #expect(parse("Get", "http_method") == "GET")
    }

    @Test func accountIdDashesAndSpacesAreDropped() {
        #expect(parse("1234-5678-9012", "account_id") == "123456789012")
        #expect(parse("1234 5678 9012", "account_id") == "123456789012")
        #expect(parse("1234-5678", "account_id") == nil)
    }

    @Test func idsAreTakenFromPastedArns() {
        #expect(parse("arn:aws:lambda:eu-west-1:123456789012:function:orders-handler", "function_name") == "orders-handler")
        #expect(parse("arn:aws:lambda:eu-west-1:123456789012:function:orders-handler:live", "function_name") == "orders-handler:live")
        #expect(parse("arn:aws:iam::123456789012:role/apigw-invoke", "role_name") == "apigw-invoke")
        #expect(parse("arn:aws:iam::123456789012:role/apigw-invoke", "account_id") == "123456789012")
        #expect(parse("arn:aws:execute-api:eu-west-1:123456789012:abc123defg/prod/GET/items", "api_id") == "abc123defg")
    }

    /// An ARN pasted for one id gives the part that stands for that id, never a neighbouring piece
    /// that merely fits the pattern (a collection name, the stage, the account).
    @Test func eachFactTakesItsOwnPartOfAnArn() {
        let invoke = "arn:aws:execute-api:eu-west-1:123456789012:abc123defg/prod/POST/orders/items"
        #expect(parse(invoke, "stage") == "prod")
        #expect(parse(invoke, "http_method") == "POST")
        #expect(parse(invoke, "resource_path") == "/orders/items")
        #expect(parse(invoke, "region") == "eu-west-1")
        #expect(parse(invoke, "account_id") == "123456789012")
        #expect(parse("arn:aws:execute-api:eu-west-1:123456789012:abc123defg/prod/*/items", "http_method") == nil)
        let stage = "arn:aws:apigateway:eu-west-1::/restapis/a1b2c3d4e5/stages/production"
        #expect(parse(stage, "api_id") == "a1b2c3d4e5")
        #expect(parse(stage, "stage") == "production")
        // A 10-letter stage name fits the API id's pattern; only the piece after restapis is the id.
        #expect(parse("arn:aws:apigateway:eu-west-1::/restapis/a1b2c3d4e5/stages/productionx", "api_id") == "a1b2c3d4e5")
        #expect(parse("arn:aws:apigateway:eu-west-1::/restapis/a1b2c3d4e5/resources/x3o5ih", "resource_id") == "x3o5ih")
        #expect(parse("arn:aws:apigateway:eu-west-1::/restapis/a1b2c3d4e5/authorizers/62mgrc", "authorizer_id") == "62mgrc")
        #expect(parse("arn:aws:apigateway:eu-west-1::/apis/a1b2c3d4e5/integrations/abc1234", "integration_id") == "abc1234")
        #expect(parse("arn:aws:apigateway:eu-west-1::/vpclinks/gim7c3", "vpc_link_id") == "gim7c3")
        let uri = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/"
            + "arn:aws:lambda:eu-west-1:123456789012:function:orders-handler/invocations"
        #expect(parse(uri, "function_name") == "orders-handler")
        #expect(parse("arn:aws:iam::123456789012:role/service-role/apigw-invoke", "role_name") == "apigw-invoke")
    }

    @Test func anArnWithoutTheAskedIdIsRefused() {
        // A Lambda ARN has no API id and no stage: refused, not a piece that happens to fit.
        #expect(parse("arn:aws:lambda:eu-west-1:123456789012:function:abcdefghij", "api_id") == nil)
        #expect(parse("arn:aws:lambda:eu-west-1:123456789012:function:prod", "stage") == nil)
        #expect(parse("arn:aws:iam::123456789012:role/apigw-invoke", "function_name") == nil)
    }

    @Test func valuesThatAlreadyMatchAreKept() {
        #expect(parse("arn:aws:iam::123456789012:role/apigw-invoke", "role_arn") == "arn:aws:iam::123456789012:role/apigw-invoke")
        #expect(parse("prod", "stage") == "prod")
    }

    @Test func refusalsKeepAcronymsCapitalised() {
        guard case .failure(let error) = AnswerParser.parseFact("nope!", key: "http_method", in: tree) else {
            Issue.record("expected a refusal"); return
        }
        #expect(error.description.contains("valid HTTP method"))
        guard case .failure(let other) = AnswerParser.parseFact("x", key: "account_id", in: tree) else {
            Issue.record("expected a refusal"); return
        }
        #expect(other.description.contains("valid AWS account id"))
    }
}
