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
