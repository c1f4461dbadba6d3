import Foundation
import Testing

@testable import TriageKit

/// The AWS CLI outputs of issue 10 item 4: each fixture folder is detected as its kind, names the
/// right cause (or only facts), and near-misses are left alone.
@Suite("CLI outputs")
struct CLIOutputInspectorsTests {
    static let kinds = [
        "gateway-responses", "authorizers", "resources", "deployments", "stages", "v2-api", "v2-routes",
        "v2-authorizers", "v2-stages", "api-mappings", "target-health", "load-balancer", "iam-role", "metrics", "xray",
        "cloudtrail", "lambda-aliases", "aws-cli-error",
    ]

    static var fixtures: [String] { EvidenceTestSupport.fixtures(ofKinds: kinds) }

    func scan(_ path: String) -> EvidenceReport { EvidenceTestSupport.scan(path) }

    @Test(arguments: fixtures)
    func everyFixtureIsReadAsItsKind(_ path: String) {
        let report = scan(path)
        #expect(report.kind == String(path.prefix { $0 != "/" }), "\(path): \(report.description)")
        #expect(report.problems.isEmpty, "\(path): \(report.problems)")
        #expect(EvidenceKind.all[report.kind ?? ""] != nil)
    }

    @Test(arguments: [
        "gateway-responses--method-response.json", "iam-role--get-user.json", "cloudtrail--eventbridge-event.json",
        "metrics--describe-alarms.json", "deployments--get-rest-api.json", "xray--segment-document.json",
        "aws-cli-error--prose.txt",
    ])
    func nearMissesAreNotClaimed(_ name: String) {
        let kind = name.components(separatedBy: "--")[0]
        #expect(scan("near-miss/\(name)").kind != kind)
    }

    @Test(arguments: Array(Set(kinds)).sorted())
    func everyKindIsRegistered(_ kind: String) {
        #expect(InspectorRegistry.all.contains { $0.kind == kind })
        #expect(EvidenceKind.all[kind] != nil)
    }

    // MARK: - Causes and facts per kind

    @Test func customisedIntegrationFailureIsAFactNotAFinding() {
        let report = scan("gateway-responses/integration-failure-504.json")
        #expect(report.findings.isEmpty)
        #expect(report.facts["gateway_response:INTEGRATION_FAILURE"] == "504")
        #expect(report.description.contains("INTEGRATION_FAILURE → 504"))
        let defaults = scan("gateway-responses/all-defaults.json")
        #expect(!defaults.facts.keys.contains { $0.hasPrefix("gateway_response:") })
        #expect(defaults.description.contains("every response type as AWS sets it"))
    }

    @Test func aTrustPolicyWithTheWrongSourceAccountIsIntegrationRole() throws {
        let report = scan("iam-role/trust-source-account-wrong.json")
        let finding = try #require(report.findings.first)
        #expect(finding.cause == "integration-role")
        #expect(finding.confidence == .medium)
        #expect(finding.summary.contains("210987654321"))
        #expect(finding.evidence.first?.text.contains("\"aws:SourceAccount\": \"210987654321\"") == true)
        #expect(report.facts["role_name"] == "apigw-invoke-orders")
        #expect(scan("iam-role/trust-apigateway-ok.json").findings.isEmpty)
        // The role's own account in aws:SourceAccount fails the same way: API Gateway's assume-role
        // call carries no source account at all (the templates and Terraform read it alike).
        let own = try #require(scan("iam-role/trust-source-account-own.json").findings.first)
        #expect(own.cause == "integration-role" && own.summary.contains("aws:SourceAccount (123456789012)"))
        // A Lambda execution role: not API Gateway's, so only a possible cause.
        #expect(scan("iam-role/trust-lambda-only.txt").findings.map(\.confidence) == [.low])
    }

    @Test func unhealthyTargetsArePrivateIntegration() throws {
        let report = scan("target-health/all-unhealthy.txt")
        let finding = try #require(report.findings.first)
        #expect(finding.cause == "private-integration")
        #expect(finding.confidence == .medium)
        #expect(finding.summary.contains("Target.FailedHealthChecks"))
        #expect(report.facts["target_group_arn"]?.hasSuffix("orders-tg/58caf8324cb513c8") == true)
        #expect(scan("target-health/all-healthy.json").findings.isEmpty)
    }

    @Test func metricsGiveTheOnsetAndTheThrottles() throws {
        let statistics = scan("metrics/get-metric-statistics-5xx.json")
        #expect(statistics.findings.isEmpty)
        #expect(statistics.timeline.map(\.time) == ["2026-11-30T14:06:00Z"])
        #expect(statistics.timeline.first?.kind == .metricOnset)
        #expect(scan("metrics/get-metric-statistics-no-5xx.json").timeline.isEmpty)
        let data = scan("metrics/get-metric-data-throttles.json")
        #expect(data.findings.first?.cause == "backend-throttling")
        #expect(data.findings.first?.confidence == .medium)
        let duration = scan("metrics/duration-maximum-pasted.txt")
        #expect(duration.findings.first?.cause == "integration-timeout")
        #expect(duration.facts["function_name"] == "orders-handler")
    }

    @Test func aTraceOf29SecondsEndingIn504IsATimeout() throws {
        let report = scan("xray/batch-get-traces-timeout.json")
        let finding = try #require(report.findings.first)
        #expect(finding.cause == "integration-timeout")
        #expect(finding.request?.traceId == "1-6927f3a0-5b1c2d3e4f5a6b7c8d9e0f1a")
        #expect(finding.request?.apiGatewayRequestId == "7d8c2f1e-6b5a-4c3d-9e8f-0a1b2c3d4e5f")
        #expect(finding.request?.lambdaRequestId == "c4a1d6e2-8f3b-4a5c-9d7e-1f2a3b4c5d6e")
        #expect(report.facts["api_id"] == "a1b2c3d4e5")
        let summaries = scan("xray/get-trace-summaries.json")
        #expect(summaries.findings.isEmpty)
        #expect(summaries.undetermined.count == 1)
    }

    @Test func cloudTrailChangesBecomeTimelineEvents() {
        let report = scan("cloudtrail/lookup-events-update-stage.json")
        #expect(report.timeline.map(\.time) == ["2026-11-30T14:02:40Z", "2026-11-30T14:04:12Z"])
        #expect(report.timeline.last?.kind == .deployment)
        #expect(report.timeline.last?.source.line == 5)
        #expect(scan("cloudtrail/lookup-events-read-only.json").timeline.isEmpty)
    }

    @Test func resourcesCheckEveryEmbeddedIntegration() throws {
        let report = scan("resources/get-resources-embed-get-not-post.json")
        let finding = try #require(report.findings.first)
        #expect(finding.cause == "integration-method-not-post")
        #expect(finding.summary.hasPrefix("GET /orders:"))
        #expect(report.facts["http_method"] == "GET")
        #expect(report.facts["resource_path"] == "/orders")
        let bare = scan("resources/get-resources-no-embed.json")
        #expect(bare.findings.isEmpty)
        #expect(bare.description.contains("--embed methods"))
    }

    @Test func authorizersStateTheirFunctionAndRole() {
        let withRole = scan("authorizers/token-with-role.json")
        #expect(withRole.facts["authorizer_id"] == "k2xw9q")
        #expect(withRole.facts["authorizer_function"] == "auth-fn")
        #expect(withRole.findings.map(\.cause) == ["integration-role"])
        #expect(withRole.findings.first?.confidence == .low)
        let withoutRole = scan("authorizers/token-without-role.json")
        #expect(withoutRole.findings.isEmpty)
        #expect(withoutRole.description.contains("/authorizers/k2xw9q"))
        #expect(scan("v2-authorizers/get-authorizers.json").facts["authorizer_id"] == "u5n3kd")
    }

    @Test func listingsGiveFactsAndDates() {
        #expect(scan("deployments/get-deployments.json").timeline.count == 2)
        #expect(scan("stages/get-stages.json").facts["stage"] == "prod")
        let http = scan("v2-api/get-api-http.json")
        #expect(http.facts["api_type"] == "http")
        #expect(http.facts["api_id"] == "q7w8e9r0t1")
        #expect(scan("v2-api/get-api-websocket.txt").facts["api_type"] == "websocket")
        #expect(scan("v2-routes/get-routes.json").description.contains("POST /orders"))
        #expect(scan("v2-stages/get-stage.json").facts["stage"] == "$default")
        #expect(scan("api-mappings/get-api-mappings.json").facts["api_id"] == "q7w8e9r0t1")
        #expect(scan("load-balancer/describe-target-groups.json").facts["target_group_arn"] != nil)
        #expect(scan("lambda-aliases/list-aliases.json").facts["function_name"] == "orders-handler")
    }

    @Test func anAccessDeniedErrorSaysTheCallerCouldNotRead() {
        let report = scan("aws-cli-error/get-integration-access-denied.txt")
        #expect(report.findings.isEmpty)
        #expect(report.description.contains("the caller could not read it"))
        #expect(report.facts["api_id"] == "a1b2c3d4e5")
        #expect(report.facts["http_method"] == "GET")
    }

    // MARK: - Bad input

    @Test(arguments: [
        ("empty", ""),
        ("truncated", "{\n    \"TargetHealthDescriptions\": [\n        {\n            \"Target\": {"),
        ("binary", "{\"Role\": {\"RoleName\": \"x\u{0}\u{1}\u{2}\"}}"),
        ("prompt only", "user@host:~$ \nuser@host:~$\n"),
        ("command without output", "$ aws iam get-role --role-name x\n"),
    ])
    func badInputNeverCrashesOrClaimsACause(_ name: String, _ text: String) throws {
        #expect(try EvidenceTestSupport.scan(text: text).findings.isEmpty, "\(name)")
    }

    @Test func aHugeLineIsReadInBoundedTime() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let path = try EvidenceTestSupport.writeSingleLine(
                prefix: "$ aws cloudtrail lookup-events\n{\"Events\": [{\"EventName\": \"", repeating: UInt8(ascii: "a"),
                size: 3 << 20, named: "huge.json", in: folder)
            let report = EvidenceScanner().scan(path)
            #expect(report.findings.isEmpty)
        }
    }
}
