import Foundation
import Testing

@testable import TriageKit

/// The outputs the collect script writes that no other inspector read (issue 11 point 5): each
/// fixture folder is read as its kind with the facts it proves, near-misses are left alone, and
/// bad input never crashes or claims a cause.
@Suite("Collected CLI outputs")
struct CollectedOutputsTests {
    static let kinds = ["rest-api", "vpc-links", "domain-names", "log-delivery", "v2-deployments", "empty-listing"]

    static var fixtures: [String] { EvidenceTestSupport.fixtures(ofKinds: kinds) }

    func scan(_ path: String) -> EvidenceReport { EvidenceTestSupport.scan(path) }

    @Test(arguments: fixtures)
    func everyFixtureIsReadAsItsKind(_ path: String) {
        let report = scan(path)
        #expect(report.kind == String(path.prefix { $0 != "/" }), "\(path): \(report.description)")
        #expect(report.problems.isEmpty, "\(path): \(report.problems)")
    }

    @Test(arguments: kinds)
    func everyKindIsRegistered(_ kind: String) {
        #expect(InspectorRegistry.all.contains { $0.kind == kind })
        #expect(EvidenceKind.all[kind] != nil)
    }

    @Test(arguments: [
        "rest-api--v2-get-api.json", "vpc-links--ec2-describe-vpc-endpoints.json",
        "domain-names--route53-list-hosted-zones.json", "log-delivery--describe-log-groups.json",
        "v2-deployments--rest-get-deployments.json", "empty-listing--paged-app-response.json",
    ])
    func nearMissesAreNotClaimed(_ name: String) {
        let kind = name.components(separatedBy: "--")[0]
        #expect(scan("near-miss/\(name)").kind != kind)
    }

    // MARK: - Facts and causes per kind

    @Test func aRestAPIStatesItsIdNameAndEndpointAndNoCause() {
        let report = scan("rest-api/get-rest-api.json")
        #expect(report.findings.isEmpty)
        #expect(report.facts == ["api_id": "a1b2c3d4e5", "api_name": "orders-api", "api_type": "rest"])
        #expect(report.description.contains("orders-api (a1b2c3d4e5, REGIONAL endpoint)"))
        let private_ = scan("rest-api/private-default-endpoint-disabled.txt")
        #expect(private_.findings.isEmpty)
        #expect(private_.description.contains("default execute-api endpoint disabled"))
        #expect(private_.description.contains("reachable only through a VPC endpoint"))
        // Two APIs: which one is meant is not said, so no ids.
        let listing = scan("rest-api/get-rest-apis.json")
        #expect(listing.facts["api_id"] == nil)
        #expect(listing.description.contains("2 APIs"))
    }

    @Test func aFailedVPCLinkIsAPossiblePrivateIntegrationCause() throws {
        let report = scan("vpc-links/rest-link-failed.json")
        let finding = try #require(report.findings.first)
        #expect(report.findings.count == 1)
        #expect(finding.cause == "private-integration")
        #expect(finding.confidence == .low)
        #expect(finding.evidence.first?.text.contains("\"FAILED\"") == true)
        #expect(finding.facts["vpc_link_id"] == "k9m8n7")
        #expect(finding.summary.contains("NLB ARN is malformed"))
        #expect(scan("vpc-links/get-vpc-links.json").findings.isEmpty)
        #expect(scan("vpc-links/get-vpc-links.json").facts["vpc_link_id"] == "x1y2z3")
        let v2 = scan("vpc-links/v2-get-vpc-links.json")
        #expect(v2.findings.isEmpty)
        #expect(v2.facts["vpc_link_id"] == "ulnowpht")
        #expect(v2.description.contains("orders-alb-link (ulnowpht) AVAILABLE"))
    }

    @Test func domainNamesAreDescribedWithoutACause() {
        let v2 = scan("domain-names/v2-get-domain-names.json")
        #expect(v2.findings.isEmpty)
        #expect(v2.description.contains("api.example.com (REGIONAL, AVAILABLE)"))
        #expect(scan("domain-names/get-domain-names.json").description.contains("api.example.com (REGIONAL, AVAILABLE)"))
    }

    @Test func aDeliverySourceNamesTheStageItsLogsComeFrom() {
        let sources = scan("log-delivery/describe-delivery-sources.json")
        #expect(sources.findings.isEmpty)
        #expect(sources.facts == ["api_id": "a1b2c3d4e5", "stage": "prod", "region": "eu-west-1"])
        #expect(sources.description.contains("orders-api-prod-access (apigateway ACCESS_LOGS)"))
        #expect(scan("log-delivery/describe-deliveries.json").description.contains("orders-api-prod-access → S3"))
        #expect(scan("log-delivery/describe-delivery-sources-none.json").description.contains("none configured"))
    }

    @Test func v2DeploymentsAreTimelineEvents() {
        let report = scan("v2-deployments/get-deployments.json")
        #expect(report.findings.isEmpty)
        #expect(report.timeline.map(\.time) == ["2026-11-28T09:12:40Z", "2026-11-30T13:58:12Z"])
        #expect(report.timeline.allSatisfy { $0.kind == .deployment })
        #expect(report.timeline.last?.text.contains("auto-deployed") == true)
        let failed = scan("v2-deployments/deployment-failed.txt")
        #expect(failed.findings.isEmpty)
        #expect(failed.description.contains("failed: 4g5h6i (Unable to deploy API because no routes exist in this API)"))
    }

    @Test func anEmptyListingSaysWhatItIsAndProvesNothing() {
        for name in ["apigateway-items.json", "apigatewayv2-items.json", "filter-log-events.json", "pasted-get-authorizers.txt"] {
            let report = scan("empty-listing/\(name)")
            #expect(report.findings.isEmpty && report.undetermined.isEmpty, "\(name)")
        }
        #expect(scan("empty-listing/filter-log-events.json").description.contains("no log events in the window"))
        // Listings whose key is their own stay their inspectors' when empty.
        try? EvidenceTestSupport.withTemporaryDirectory { folder in
            let aliases = try EvidenceTestSupport.write(Data("{\"Aliases\": []}".utf8), named: "aliases.json", in: folder)
            #expect(EvidenceScanner().scan(aliases).kind == "lambda-aliases")
            let trail = try EvidenceTestSupport.write(Data("{\"Events\": []}".utf8), named: "trail.json", in: folder)
            #expect(EvidenceScanner().scan(trail).kind == "cloudtrail")
        }
    }

    // MARK: - Bad input

    @Test(arguments: [
        ("empty", ""),
        ("truncated", "{\n    \"items\": [\n        {\n            \"id\": \"x1y2z3\",\n            \"targetArns\": ["),
        ("binary", "{\"deliverySources\": [{\"name\": \"x\u{0}\u{1}\u{2}\"}]}"),
        ("not a list", "{\"items\": {}}"),
        ("command without output", "$ aws apigateway get-vpc-links\n"),
    ])
    func badInputNeverCrashesOrClaimsACause(_ name: String, _ text: String) throws {
        #expect(try EvidenceTestSupport.scan(text: text).findings.isEmpty, "\(name)")
    }

    @Test func aHugeLineIsReadInBoundedTime() throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let path = try EvidenceTestSupport.writeSingleLine(
                prefix: "{\"items\": [{\"id\": \"x1y2z3\", \"targetArns\": [], \"status\": \"FAILED\", \"name\": \"", repeating: UInt8(ascii: "a"),
                size: 3 << 20, named: "huge.json", in: folder)
            let report = EvidenceScanner().scan(path)
            #expect(report.findings.isEmpty)
        }
    }
}
