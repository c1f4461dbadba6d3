import Foundation
import Testing

@testable import TriageKit

/// The timeline and the cross-file rules of issue 10 item 5.
@Suite("Timeline and CLI cross-file rules")
struct TimelineTests {
    func scan(_ paths: [String]) -> ScanSummary {
        ScanSummary(reports: paths.map { EvidenceTestSupport.scan($0) })
    }

    @Test(arguments: [
        ("2026-11-30T14:05:00Z", "2026-11-30T14:05:00Z"), ("2026-11-30T14:05:00.123000+00:00", "2026-11-30T14:05:00Z"),
        ("2026-11-30T16:05:00+02:00", "2026-11-30T14:05:00Z"), ("1796047500", "2026-11-30T14:05:00Z"),
        ("1796047500123", "2026-11-30T14:05:00Z"), ("2024-02-29 00:00:00Z", "2024-02-29T00:00:00Z"),
    ])
    func timestampsBecomeUTC(_ text: String, _ expected: String) {
        #expect(AWSTimestamp.utc(DocumentNode(.string(text), line: 1)) == expected)
    }

    @Test(arguments: ["", "yesterday", "2026-13-01T00:00:00Z", "-5", "2026-11-30T14:05:00 CET"])
    func notATime(_ text: String) {
        #expect(AWSTimestamp.utc(DocumentNode(.string(text), line: 1)) == nil)
    }

    @Test func aChangeMinutesBeforeTheOnsetIsMarked() throws {
        let summary = scan(["cloudtrail/lookup-events-update-stage.json", "metrics/get-metric-statistics-5xx.json"])
        #expect(summary.timeline.map(\.kind) == [.change, .deployment, .metricOnset])
        let deployment = try #require(summary.timeline.first { $0.kind == .deployment })
        #expect(deployment.text.hasSuffix("(1 min before the first 5xx)"))
        let text = ScanText.render(summary, titles: [:])
        #expect(text.contains("Timeline (UTC):"))
        #expect(text.contains("2026-11-30 14:04:12  CloudTrail CreateDeployment"))
    }

    @Test func changesLongBeforeOrAfterAreNotMarked() {
        let summary = scan(["deployments/get-deployments.json", "metrics/get-metric-statistics-5xx.json"])
        // The deployments are days after the onset.
        #expect(summary.timeline.filter(\.isChange).allSatisfy { !$0.text.contains("before the first 5xx") })
    }

    @Test func aCustomisedIntegrationFailureExplainsA504Throttle() throws {
        let summary = scan(["metrics/get-metric-data-throttles.json", "gateway-responses/integration-failure-504.json"])
        let throttle = try #require(summary.diagnoses.first { $0.cause == "backend-throttling" })
        #expect(throttle.status == 504)
        #expect(throttle.summaries.first?.contains("INTEGRATION_FAILURE is customised to 504") == true)
    }

    @Test func theRoleUsedAsCredentialsMakesTheTrustFindingHigh() throws {
        let role = EvidenceTestSupport.scan("iam-role/trust-source-account-wrong.json")
        let integration = EvidenceReport(
            path: "get-integration.json", kind: "get-integration", description: "",
            findings: [Finding(cause: "integration-role", status: 500, confidence: .low,
                evidence: [EvidenceLine(file: "get-integration.json", line: 7, text: "\"credentials\": \"...\"")])],
            facts: ["role_arn": "arn:aws:iam::123456789012:role/apigw-invoke-orders"])
        let refined = EvidenceRefinement.refine([role, integration])
        let finding = try #require(refined[0].findings.first)
        #expect(finding.confidence == .high)
        #expect(finding.evidence.contains { $0.file == "get-integration.json" })
    }

    @Test func anAliasWithoutItsOwnPermissionIsInvokePermission() throws {
        let summary = scan(["get-integration/lambda-proxy-alias.json", "lambda-policy/get-policy.json"])
        let permission = try #require(summary.diagnoses.first { $0.cause == "lambda-invoke-permission" })
        #expect(permission.confidence == .medium)
        #expect(permission.summaries.first?.contains("orders-handler:live") == true)
        // The same policy with an unqualified integration: nothing to say.
        #expect(!scan(["get-integration/lambda-proxy-post.json", "lambda-policy/get-policy.json"]).diagnoses
            .contains { $0.cause == "lambda-invoke-permission" })
    }

    @Test func reportsSavedBeforeTheTimelineStillDecode() throws {
        let old = """
            {"path":"a.json","kind":"get-stage","description":"d","lines":3,"findings":[],"facts":{},"problems":[]}
            """
        let report = try JSONDecoder().decode(EvidenceReport.self, from: Data(old.utf8))
        #expect(report.timeline.isEmpty)
        let event = TimelineEvent(time: "2026-11-30T14:04:12Z", kind: .deployment, text: "x", source: EvidenceLine(file: "a", line: 1, text: "t"))
        var withEvent = report
        withEvent.timeline = [event]
        let again = try JSONDecoder().decode(EvidenceReport.self, from: JSONEncoder().encode(withEvent))
        #expect(again == withEvent)
    }

    @Test func scanJSONHasTheTimeline() throws {
        let summary = scan(["cloudtrail/lookup-events-update-stage.json"])
        let object = try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(summary)) as? [String: Any])
        let timeline = try #require(object["timeline"] as? [[String: Any]])
        #expect(Set(timeline[0].keys) == ["time", "kind", "text", "source"])
    }
}
