import Foundation
import Testing

@testable import TriageKit

/// A collected folder read as a whole: the MANIFEST as evidence, the policy naming another API,
/// and the collect command "would decide" points at.
@Suite struct CollectEvidenceTests {
    func manifestReport(_ text: String = CollectManifestTests.text) -> EvidenceReport {
        CollectManifest(text: text).report(path: "evidence/MANIFEST", text: text)
    }

    @Test func theManifestNamesTheAPIAndAFunctionWithoutAPolicyIsTheCause() throws {
        let report = manifestReport()
        #expect(report.kind == CollectManifest.reportKind)
        #expect(report.facts["api_id"] == "a1b2c3d4e5")
        #expect(report.facts["stage"] == "prod")
        #expect(report.facts["api_type"] == "rest")
        let finding = try #require(report.findings.first)
        #expect(report.findings.count == 1, "AccessDenied and a missing function stay gaps")
        #expect(finding.cause == "lambda-invoke-permission")
        #expect(finding.confidence == .medium)
        #expect(finding.facts["function_name"] == "orders")
        #expect(finding.evidence.first?.line == 5)
        #expect(finding.evidence.first?.text.contains("aws lambda get-policy --function-name orders") == true)
        #expect(finding.evidence.first?.text.contains("\t") == false)
    }

    /// A policy whose one statement names API zzzzzzzzzz, read as the scanner reads it.
    func policyReport(api: String = "zzzzzzzzzz") throws -> EvidenceReport {
        let policy = #"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"apigw\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"apigateway.amazonaws.com\"},\"Action\":\"lambda:InvokeFunction\",\"Resource\":\"arn:aws:lambda:eu-west-1:123456789012:function:orders\",\"Condition\":{\"ArnLike\":{\"AWS:SourceArn\":\"arn:aws:execute-api:eu-west-1:123456789012:"#
            + api + #"/*/GET/orders\"}}}]}"#
        let text = "{\n    \"Policy\": \"\(policy)\",\n    \"RevisionId\": \"4f1b2c3d-0000-4000-8000-000000000001\"\n}\n"
        return try EvidenceTestSupport.withTemporaryDirectory { folder in
            let path = try EvidenceTestSupport.write(Data(text.utf8), named: "policy.json", in: folder)
            var report = EvidenceScanner().scan(path)
            report.path = "evidence/policy.json"
            return report
        }
    }

    @Test func aPolicyNamingAnotherAPIThanTheOneCollectedIsProvenWithBothLines() throws {
        let policy = try policyReport()
        #expect(policy.kind == "lambda-policy")
        #expect(policy.findings.isEmpty, "alone, the policy proves nothing")
        let refined = EvidenceRefinement.refine([policy, manifestReport()])
        let finding = try #require(refined[0].findings.first)
        #expect(finding.cause == "lambda-invoke-permission")
        #expect(finding.confidence == .high)
        #expect(finding.evidence.map(\.file) == ["evidence/policy.json", "evidence/MANIFEST"])
        #expect(finding.evidence[0].line == 2 && finding.evidence[0].text.contains("zzzzzzzzzz"))
        #expect(finding.evidence[1].line == 2 && finding.evidence[1].text.hasPrefix("# api_id=a1b2c3d4e5"))
        #expect(finding.summary.contains("only from API zzzzzzzzzz"))
    }

    @Test func aPolicyNamingTheCollectedAPIOrARoleInUseIsNotProven() throws {
        let same = try policyReport(api: "a1b2c3d4e5")
        #expect(EvidenceRefinement.refine([same, manifestReport()])[0].findings.isEmpty)
        // Credentials on the integration: the policy is not what API Gateway relies on, so medium.
        let role = EvidenceReport(path: "evidence/resources.json", kind: "resources", description: "", facts: ["role_arn": "arn:aws:iam::123456789012:role/x"])
        let refined = EvidenceRefinement.refine([try policyReport(), manifestReport(), role])
        #expect(refined[0].findings.first?.confidence == .medium)
    }

    @Test func anchorFactsStayOutOfTheScansFacts() throws {
        let summary = ScanSummary(reports: [try policyReport(), manifestReport()])
        #expect(!summary.facts.keys.contains { AnchorFacts.isAnchor($0) })
        #expect(summary.facts["api_id"] != nil)
    }

    @Test func theCollectCommandCarriesTheKnownIdsQuoted() {
        #expect(CollectCommandLine.command(facts: ["api_id": "a1b2c3d4e5", "stage": "$default", "region": "eu-west-1", "api_type": "http"])
            == "apigw-triage collect --api-id a1b2c3d4e5 --stage '$default' --region eu-west-1 --api-type http")
        #expect(CollectCommandLine.command(facts: [:]) == "apigw-triage collect --api-id <api-id> --stage <stage>")
        let next = DecidingEvidence.next(
            for: UndeterminedFailure(status: 500, apiType: "rest", count: 1, evidence: []), candidates: [],
            facts: ["api_id": "a1b2c3d4e5", "stage": "prod", "function_name": "orders"])
        #expect(next.last?.contains("apigw-triage collect --api-id a1b2c3d4e5 --stage prod --function orders") == true)
    }
}
