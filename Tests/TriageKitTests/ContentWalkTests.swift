import Foundation
import Testing
@testable import TriageKit
@testable import TriagePlain

/// Scripted plain-mode walks through the shipped content, one per branch added for issue 12: each
/// answers the questions as an engineer with that incident would, and checks the fix it lands on.
@Suite("Content walks")
struct ContentWalkTests {
    let engine: Engine
    init() throws { engine = Engine(tree: try ContentLoader.load(.directory(RealContentTests.contentDirectory))) }

    /// Facts an engineer typically passes with --fact, so the fixes' commands come out filled.
    static let given = [
        "api_id": "a1b2c3d4e5", "region": "eu-west-1", "account_id": "123456789012", "function_name": "orders-handler",
        "integration_id": "abc1234", "resource_id": "x3o5ih", "http_method": "GET", "resource_path": "/orders",
    ]

    private func walk(_ answers: [String], facts: [String: String] = [:]) -> (node: String, text: String, state: SessionState) {
        var state = engine.start()
        state.givenFacts = Self.given.merging(facts) { $1 }
        var wizard = PlainWizard(engine: engine, state: state, input: ScriptedInput(answers + ["skip all"]), output: CapturedOutput(), echo: true)
        _ = wizard.run()
        // The fix as printed: the questions before it may quote REST commands in their words.
        let fix = wizard.output.text.components(separatedBy: "FIX: ").last ?? ""
        return (wizard.state.current.id, fix, wizard.state)
    }

    @Test func webSocketConnectRefusedForWantOfARoutePermission() {
        let run = walk(["websocket", "websocket", "connect", "skip", "permissions", "no", "no"], facts: ["stage": "production", "ws_route": "$connect"])
        #expect(run.node == "fix-lambda-invoke-permission")
        #expect(run.text.contains("--source-arn 'arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/production/$connect'"))
        #expect(!run.text.contains("aws apigateway "), "no REST-only command on a WebSocket path")
        #expect(engine.facts(in: run.state)["api_type"]?.value == "websocket")
    }

    @Test func webSocketRouteErrorFromTheFunction() {
        let run = walk(["websocket", "websocket", "message", "skip", "customer-error", "other"], facts: ["stage": "production"])
        #expect(run.node == "fix-lambda-function-error")
        #expect(!run.text.contains("aws apigateway "))
    }

    @Test func webSocketGoneExceptionIsTheFunctionsOwnError() {
        let run = walk(["500", "websocket", "connections"], facts: ["stage": "production", "connection_id": "L0SM9cOFvHcCIhw="])
        #expect(run.node == "fix-websocket-connections-error")
        #expect(run.text.contains("aws apigatewaymanagementapi get-connection --connection-id 'L0SM9cOFvHcCIhw='"))
    }

    @Test func httpAPI503FromAThrottledFunction() {
        let run = walk(["503", "http", "skip", "fast", "lambda", "throttled"], facts: ["stage": "$default"])
        #expect(run.node == "fix-backend-throttling")
        #expect(run.text.contains("aws apigatewayv2 update-stage --api-id a1b2c3d4e5 --stage-name '$default'"))
        #expect(!run.text.contains("aws apigateway "))
    }

    @Test func restFunctionThatReturned500Itself() {
        let run = walk(["500", "rest", "standard", "skip", "none", "skip", "none", "lambda-proxy", "returned-500"], facts: ["stage": "prod"])
        #expect(run.node == "end-backend-own-5xx")
        #expect(run.text.contains("aws logs filter-log-events --log-group-name '/aws/lambda/orders-handler'"))
    }

    @Test func a504WithCustomisedGatewayResponsesLeadsToTheThrottle() {
        let run = walk(["504", "rest", "standard", "skip", "none", "custom", "customized", "throttled"], facts: ["stage": "prod"])
        #expect(run.node == "fix-backend-throttling")
    }

    @Test func executionLogsDeliveredToACustomGroupAreSearchedThere() {
        let run = walk(["500", "rest", "own-group", "/aws/vendedlogs/orders-exec", "skip", "permissions", "no", "no", "no"], facts: ["stage": "prod"])
        #expect(run.node == "fix-lambda-invoke-permission")
        #expect(run.text.contains("--log-group-name '/aws/vendedlogs/orders-exec'"))
        #expect(!run.text.contains("API-Gateway-Execution-Logs_"))
    }

    @Test func standardLoggingUsesTheManagedGroupByDefault() {
        let run = walk(["500", "rest", "standard", "skip", "permissions", "no", "no", "no"], facts: ["stage": "prod"])
        #expect(run.node == "fix-lambda-invoke-permission")
        #expect(run.text.contains("--log-group-name 'API-Gateway-Execution-Logs_a1b2c3d4e5/prod'"))
    }

    @Test func theVerifyCurlOfADefaultStageHasNoStageSegment() {
        let run = walk(["500", "http", "skip", "iam", "no", "no"], facts: ["stage": "$default"])
        #expect(run.node == "fix-lambda-invoke-permission")
        #expect(run.text.contains("curl -i -X GET 'https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/orders'"))
        #expect(!run.text.contains("amazonaws.com/$default"))
    }

    @Test func fixJSONCarriesDocURLs() throws {
        let fix = try #require(engine.renderFix(cause: "lambda-invoke-permission", facts: Self.given))
        let json = String(decoding: try JSONEncoder().encode(fix), as: UTF8.self)
        #expect(json.contains(#""url":"https:"#))
        #expect(fix.docs.allSatisfy { $0.url?.hasPrefix("https://") == true })
        #expect(FixText.render(fix).contains("https://repost.aws/knowledge-center/api-gateway-rest-api-lambda-integrations"))
    }
}

/// The command-variant and doc-reference model.
@Suite("Command variants and docs")
struct CommandVariantTests {
    @Test func theFirstVariantThatHoldsWinsAndUnknownFactsFallBackToTheLast() {
        let command = CommandText([
            .init(when: .factIs(key: "stage", value: "$default"), command: "no-stage"),
            .init(command: "with-stage"),
        ])
        #expect(command.select(ConditionEvaluator(facts: ["stage": "$default"], findings: []).evaluate) == "no-stage")
        #expect(command.select(ConditionEvaluator(facts: ["stage": "prod"], findings: []).evaluate) == "with-stage")
        #expect(command.select(ConditionEvaluator(facts: [:], findings: []).evaluate) == "with-stage")
    }

    @Test func aDocWithoutAnHTTPSAddressIsAProblem() {
        #expect(DocReference(title: "x").urlProblem == "has no url")
        #expect(DocReference(title: "x", url: "http://docs.aws.amazon.com/a").urlProblem != nil)
        #expect(DocReference(title: "x", url: "https://docs.aws.amazon.com/a.html").urlProblem == nil)
    }

    @Test func theInventoryListsEveryAPITypeAndStageKind() throws {
        let tree = try ContentLoader.load(.directory(RealContentTests.contentDirectory))
        let commands = CommandInventory.render(tree)
        #expect(Set(commands.map(\.apiType)) == ["rest", "http", "websocket"])
        #expect(commands.contains { $0.stage == "$default" && $0.command.contains("--stage-name '$default'") })
        #expect(!commands.contains { $0.command.contains("{{") })
    }
}
