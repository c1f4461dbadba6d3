import Testing

@testable import TriageKit

@Suite struct SourceArnMatcherTests {
    let prodGet = "arn:aws:execute-api:eu-west-1:123456789012:y9rek3spyh/prod/GET/orders"

    @Test func anExactPatternMatchesOnlyItself() {
        #expect(SourceArnMatcher.matches(pattern: prodGet, arn: prodGet))
        #expect(!SourceArnMatcher.matches(pattern: prodGet, arn: prodGet + "/1"))
        #expect(!SourceArnMatcher.matches(pattern: prodGet, arn: prodGet.replacingOccurrences(of: "GET", with: "get")))
    }

    @Test func starMatchesAnyRunIncludingSlashesAndNothing() {
        let pattern = "arn:aws:execute-api:eu-west-1:123456789012:y9rek3spyh/*/GET/*"
        #expect(SourceArnMatcher.matches(pattern: pattern, arn: prodGet))
        #expect(SourceArnMatcher.matches(pattern: pattern, arn: "arn:aws:execute-api:eu-west-1:123456789012:y9rek3spyh/dev/GET/orders/{id}/items"))
        #expect(SourceArnMatcher.matches(pattern: pattern, arn: "arn:aws:execute-api:eu-west-1:123456789012:y9rek3spyh/prod/GET/"))
        #expect(!SourceArnMatcher.matches(pattern: pattern, arn: "arn:aws:execute-api:eu-west-1:123456789012:y9rek3spyh/prod/POST/orders"))
        #expect(SourceArnMatcher.matches(pattern: "arn:aws:execute-api:eu-west-1:123456789012:y9rek3spyh/*", arn: prodGet))
        #expect(SourceArnMatcher.matches(pattern: "*", arn: prodGet))
    }

    @Test func questionMarkMatchesExactlyOneCharacter() {
        #expect(SourceArnMatcher.matches(pattern: "arn:aws:execute-api:eu-west-1:123456789012:y9rek3spyh/pro?/GET/orders", arn: prodGet))
        #expect(!SourceArnMatcher.matches(pattern: "arn:aws:execute-api:eu-west-1:123456789012:y9rek3spyh/pr?/GET/orders", arn: prodGet))
    }

    @Test func backtrackingFindsALaterMatchForAStar() {
        #expect(SourceArnMatcher.matches(pattern: "a*b*c", arn: "axxbyybzzc"))
        #expect(!SourceArnMatcher.matches(pattern: "a*b*c", arn: "axxbyyb"))
        #expect(SourceArnMatcher.matches(pattern: "**/GET/*", arn: "x/GET/y"))
    }

    @Test func consoleTestCallsUseTheStageNull() {
        let console = SourceArnMatcher.sourceArn(
            region: "eu-west-1", accountId: "123456789012", apiId: "y9rek3spyh", stage: "null", httpMethod: "GET",
            resourcePath: "/orders")
        #expect(console == "arn:aws:execute-api:eu-west-1:123456789012:y9rek3spyh/null/GET/orders")
        #expect(!SourceArnMatcher.matches(pattern: prodGet, arn: console))
        #expect(SourceArnMatcher.matches(pattern: "arn:aws:execute-api:eu-west-1:123456789012:y9rek3spyh/*/GET/orders", arn: console))
    }

    @Test func aWrongRegionDoesNotMatch() {
        let pattern = "arn:aws:execute-api:us-east-1:123456789012:y9rek3spyh/*/GET/*"
        #expect(!SourceArnMatcher.matches(pattern: pattern, arn: prodGet))
    }

    @Test func theSourceArnIsBuiltFromFacts() {
        let facts = [
            "region": "eu-west-1", "account_id": "123456789012", "api_id": "y9rek3spyh", "stage": "prod",
            "http_method": "GET", "resource_path": "/orders",
        ]
        #expect(SourceArnMatcher.sourceArn(facts: facts) == prodGet)
        var root = facts
        root["resource_path"] = "/"
        #expect(SourceArnMatcher.sourceArn(facts: root) == "arn:aws:execute-api:eu-west-1:123456789012:y9rek3spyh/prod/GET/")
        var http = facts
        http["http_method"] = nil
        http["resource_path"] = nil
        http["route_key"] = "$default"
        #expect(SourceArnMatcher.sourceArn(facts: http) == "arn:aws:execute-api:eu-west-1:123456789012:y9rek3spyh/prod/$default")
        #expect(SourceArnMatcher.sourceArn(facts: ["region": "eu-west-1"]) == nil)
    }
}
