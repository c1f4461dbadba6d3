import Testing
@testable import TriageKit

@Suite("Evidence refinement across files")
struct EvidenceRefinementTests {
    private let permissionLog = EvidenceReport(
        path: "execution.log", kind: "execution-log", description: "",
        findings: [Finding(cause: "lambda-invoke-permission", confidence: .high, count: 5,
                           evidence: [EvidenceLine(file: "execution.log", line: 15, text: "Invalid permissions on Lambda function")])])
    private let stageVariableURI = EvidenceReport(
        path: "get-integration.json", kind: "get-integration", description: "",
        findings: [Finding(cause: "stage-variable-permission", confidence: .low,
                           evidence: [EvidenceLine(file: "get-integration.json", line: 4, text: "\"uri\": \"...${stageVariables.alias}...\"")])])

    @Test func invalidPermissionsWithAStageVariableURIIsTheStageVariableCause() {
        let refined = EvidenceRefinement.refine([permissionLog, stageVariableURI])
        let finding = refined[0].findings[0]
        #expect(finding.cause == "stage-variable-permission")
        #expect(finding.confidence == .high)
        #expect(finding.evidence.map(\.file) == ["execution.log", "get-integration.json"])
        #expect(ScanSummary(reports: [permissionLog, stageVariableURI]).diagnoses.first?.cause == "stage-variable-permission")
    }

    @Test func withoutTheConfigurationNothingChanges() {
        #expect(EvidenceRefinement.refine([permissionLog]) == [permissionLog])
    }

    @Test func anInternalErrorThroughAVPCLinkIsThePrivateIntegration() {
        let log = EvidenceReport(path: "execution.log", kind: "execution-log", description: "",
                                 findings: [Finding(cause: "internal-service-failure", confidence: .medium, count: 3)])
        let integration = EvidenceReport(path: "get-integration.json", kind: "get-integration", description: "",
                                         facts: ["vpc_link_id": "gim7c3"])
        #expect(EvidenceRefinement.refine([log, integration])[0].findings[0].cause == "private-integration")
    }

    @Test func lowConfidenceFindingsAreNotRelabelled() {
        let weak = EvidenceReport(path: "curl.txt", kind: "http-response", description: "",
                                  findings: [Finding(cause: "lambda-invoke-permission", confidence: .low)])
        #expect(EvidenceRefinement.refine([weak, stageVariableURI])[0].findings[0].cause == "lambda-invoke-permission")
    }
}
