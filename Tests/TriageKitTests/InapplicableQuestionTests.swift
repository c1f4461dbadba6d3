import Foundation
import Testing
@testable import TriageKit

/// Review §2 #15 and #10: a question whose answer is already implied, or that does not apply to the
/// integration, is answered without asking. Each test drives the engine with the answers an engineer
/// gives and checks which questions were put to them.
@Suite("Inapplicable questions are skipped")
struct InapplicableQuestionTests {
    let engine: Engine
    init() throws { engine = Engine(tree: try ContentLoader.load(.directory(RealContentTests.contentDirectory))) }

    /// Answers in order; returns the final state. Facts are the engineer's --fact values, on top of the
    /// identifiers every fix needs (so no fact question comes between the last answer and the fix).
    private func run(_ answers: [String], facts: [String: String] = [:], evidence: [EvidenceReport] = []) throws -> SessionState {
        let given = ContentWalkTests.given.merging(["stage": "prod", "role_name": "apigw-invoke"]) { $1 }
        var state = engine.start(givenFacts: given.merging(facts) { $1 }, evidence: evidence)
        for answer in answers { state = try engine.apply(.answer(answer), to: state) }
        return state
    }

    /// Where the walk stands: the node, or the fix whose missing facts are being asked for.
    private func reached(_ state: SessionState) -> String {
        if case .fact(_, let fix) = state.current { return fix }
        return state.current.id
    }

    /// The question ids the user answered, and those answered for them.
    private func asked(_ state: SessionState) -> [String] {
        state.path.filter { $0.source == .user }.map(\.position.id)
    }

    private func automatic(_ state: SessionState) -> [String] {
        state.path.filter { $0.source != .user }.map(\.position.id)
    }

    @Test func a502FromALambdaFunctionIsNotAskedTheIntegrationTypeAgain() throws {
        // HTTP API 502, "a Lambda function", no access log file, then API_CONFIGURATION_ERROR.
        let state = try run(["502", "http", "lambda", "skip", "config-error"])
        #expect(!asked(state).contains("h500-integration-type"))
        #expect(automatic(state).contains("h500-integration-type"))
        #expect(state.current.id == "h500-function-ran")
    }

    @Test func noStatementForTheSourceArnGoesStraightToTheFix() throws {
        // HTTP API 500 whose function never ran, and its policy has no statement for the API.
        let state = try run(["500", "http", "skip", "none", "none", "lambda", "none", "policy"])
        #expect(reached(state) == "fix-lambda-invoke-permission")
        #expect(!asked(state).contains("perm-stage-var"))
        #expect(!asked(state).contains("perm-http-credentials"))
    }

    @Test func aLambdaIntegrationIsNotAskedAboutAVPCLink() throws {
        // REST 500, "There was an internal error" in the log, and get-integration said AWS_PROXY.
        let state = try run(["500", "rest", "standard", "skip", "internal-error"], facts: ["integration_type": "AWS_PROXY"])
        #expect(!asked(state).contains("internal-vpc-link"))
        #expect(reached(state) == "fix-internal-service-failure")
    }

    @Test func anAWSServiceIntegrationIsNotAskedWhetherAStageVariableNamesTheFunction() throws {
        let state = try run(["500", "http", "skip", "iam"], facts: ["backend_kind": "aws-service"])
        #expect(!asked(state).contains("perm-stage-var"))
        #expect(reached(state) == "fix-integration-role")
    }

    @Test func getIntegrationOutputAnswersTheIntegrationQuestions() throws {
        let report = try GetIntegrationInspector().inspect(ConfigFixture.file("get-integration", "lambda-proxy-post.json"))
        #expect(report.facts["integration_type"] == "AWS_PROXY")
        #expect(report.facts["connection_type"] == "INTERNET")
        #expect(report.facts["integration_uri"]?.hasSuffix(":function:orders-handler/invocations") == true)
        // "Invalid permissions on Lambda function" with that integration: no stage variable in its URI.
        // (The file also says the API is a REST API, so that question is not asked either.)
        let state = try run(["500", "standard", "skip", "permissions", "no"], evidence: [report])
        #expect(!asked(state).contains("perm-stage-var"))
        #expect(automatic(state).contains("perm-stage-var"))
        #expect(state.current.id == "perm-http-credentials")
    }

    @Test func aStageVariableInTheIntegrationUriAnswersYes() throws {
        let report = try GetIntegrationInspector().inspect(ConfigFixture.file("get-integration", "stage-variable-function.json"))
        #expect(report.facts["integration_uri"] != nil)
        #expect(report.facts["stage_variable"] != nil)
        let state = try run(["500", "standard", "skip", "permissions", "no"], evidence: [report])
        #expect(reached(state) == "fix-stage-variable-permission")
    }

    @Test func aTestInvokeAuthorizerLogWithThePermissionLineAnswersTheFollowUp() throws {
        let url = Fixtures.packageRoot.appendingPathComponent("Tests/Fixtures/test-invoke/authorizer-invalid-permissions.json")
        let found = EvidenceScanner().scan(url.path)
        #expect(found.kind == "test-invoke")
        #expect(found.facts["authorizer_failure"] == "perm")
        // The file answers the API type, where the logs are and the log question; only the status is typed.
        let state = try run(["500"], evidence: [found])
        #expect(!asked(state).contains("auth-cause-line"))
        #expect(reached(state) == "fix-authorizer-error")
    }

    @Test func webSocketExecutionLogsDefaultToTheirOwnGroup() {
        let tree = engine.tree
        let ws = FactDefaults.apply(to: ["api_type": "websocket", "api_id": "a1b2c3d4e5", "stage": "production"], tree: tree)
        #expect(ws["log_group"] == "/aws/apigateway/a1b2c3d4e5/production")
        let rest = FactDefaults.apply(to: ["api_type": "rest", "api_id": "a1b2c3d4e5", "stage": "prod"], tree: tree)
        #expect(rest["log_group"] == "API-Gateway-Execution-Logs_a1b2c3d4e5/prod")
        let unknown = FactDefaults.apply(to: ["api_id": "a1b2c3d4e5", "stage": "prod"], tree: tree)
        #expect(unknown["log_group"] == "API-Gateway-Execution-Logs_a1b2c3d4e5/prod")
        #expect(FactDefaults.apply(to: ["api_type": "http"], tree: tree)["log_group"] == nil)
    }
}
