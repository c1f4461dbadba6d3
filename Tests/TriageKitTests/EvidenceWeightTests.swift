import Testing
@testable import TriageKit

@Suite("Evidence weight")
struct EvidenceWeightTests {
    private func report(_ findings: [Finding]) -> [EvidenceReport] {
        [EvidenceReport(path: "x.log", kind: "execution-log", description: "", findings: findings)]
    }

    private let routes = [
        Route(when: .finding("integration-timeout"), to: "fix-integration-timeout"),
        Route(when: .finding("backend-network-error"), to: "fix-backend-network-error"),
    ]

    @Test func theMajorityWinsOverContentOrder() {
        let weight = EvidenceWeight(report([
            Finding(cause: "integration-timeout", confidence: .high, count: 2),
            Finding(cause: "backend-network-error", confidence: .high, count: 15),
        ]))
        #expect(weight.strongest(routes, condition: \.when)?.to == "fix-backend-network-error")
    }

    @Test func confidenceCountsBeforeNumbers() {
        let weight = EvidenceWeight(report([
            Finding(cause: "integration-timeout", confidence: .high, count: 2),
            Finding(cause: "backend-network-error", confidence: .medium, count: 15),
        ]))
        #expect(weight.strongest(routes, condition: \.when)?.to == "fix-integration-timeout")
    }

    @Test func tiesAndNonFindingRoutesKeepContentOrder() {
        let tied = EvidenceWeight(report([
            Finding(cause: "integration-timeout", confidence: .high, count: 3),
            Finding(cause: "backend-network-error", confidence: .high, count: 3),
        ]))
        #expect(tied.strongest(routes, condition: \.when)?.to == "fix-integration-timeout")
        let answerFirst = [Route(when: .answer("yes"), to: "a")] + routes
        #expect(tied.strongest(answerFirst, condition: \.when)?.to == "a")
    }
}

@Suite("Engine routing on mixed evidence")
struct MixedEvidenceRoutingTests {
    @Test func aFileQuestionFollowsTheBestSupportedFinding() throws {
        var files = try Fixtures.engineFiles()
        let index = try #require(files.firstIndex { $0.path == "tree/500.yaml" })
        // cause-a listed first, so content order alone would pick it.
        files[index].text = files[index].text.replacingOccurrences(
            of: "      - { when: { finding: cause-b }, to: fix-cause-b }",
            with: "      - { when: { finding: cause-a }, to: fix-cause-a }\n      - { when: { finding: cause-b }, to: fix-cause-b }")
        let engine = Engine(tree: try ContentLoader.load(.files(files)))
        let log = EvidenceReport(
            path: "mixed.log", kind: "execution-log", description: "17 failed requests",
            findings: [Finding(cause: "cause-a", confidence: .high, count: 2), Finding(cause: "cause-b", confidence: .high, count: 15)])
        var state = try engine.answering(["500", "rest"], from: engine.start())
        state = try engine.apply(.addEvidence(log), to: state)
        guard case .fact(_, let fix) = state.current else {
            Issue.record("expected the fix's fact questions, got \(state.current)")
            return
        }
        #expect(fix == "fix-cause-b")
    }
}

@Suite("Evidence weight and the reported status")
struct EvidenceWeightStatusTests {
    @Test func theReportedStatusOutweighsTheMajority() {
        let log = [EvidenceReport(path: "x.log", kind: "execution-log", description: "", findings: [
            Finding(cause: "lambda-response-format", status: 502, confidence: .high, count: 40),
            Finding(cause: "lambda-invoke-permission", status: 500, confidence: .high, count: 3),
        ])]
        let routes = [
            Route(when: .finding("lambda-response-format"), to: "format"),
            Route(when: .finding("lambda-invoke-permission"), to: "permission"),
        ]
        #expect(EvidenceWeight(log, status: 500).strongest(routes, condition: \.when)?.to == "permission")
        #expect(EvidenceWeight(log, status: 502).strongest(routes, condition: \.when)?.to == "format")
        #expect(EvidenceWeight(log).strongest(routes, condition: \.when)?.to == "format")
    }
}
