import Foundation
import Testing
@testable import TriageKit
@testable import TriagePlain

/// Plain mode where evidence meets the answers (issue 13, items 1 and 2), scripted as a user
/// types it: the failure question, `use evidence`, `add` re-settling an earlier answer, and Back
/// over what evidence answered. Real content, real fixtures, the real scanner.
@Suite("Plain mode: the wizard and its evidence agree")
struct PlainEvidenceAgreementTests {
    let engine: Engine
    init() throws { engine = Engine(tree: try ContentLoader.load(.directory(RealContentTests.contentDirectory))) }

    private func run(_ lines: [String], evidence: [String] = []) -> (String, SessionState) {
        let reports = evidence.map { EvidenceTestSupport.scan($0) }
        var wizard = PlainWizard(
            engine: engine, state: engine.start(evidence: reports), input: ScriptedInput(lines), output: CapturedOutput(),
            echo: true, hooks: PlainSessionHooks(inspection: ScannerSeam.inspection))
        _ = wizard.run()
        return (wizard.output.text, wizard.state)
    }

    private static func fixture(_ path: String) -> String { EvidenceTestSupport.fixture(path) }

    /// The transcript with wrapped lines joined, for sentences that wrap at 78 columns.
    private static func unwrapped(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: " ") }

    @Test func aMixedLogAsksWhichFailureAndTheChoiceDrivesTheFix() {
        let (text, state) = run(["2", "skip all"], evidence: [FailureGroupTests.mixedLog])
        #expect(text.contains("""
            Step 1: Failing request
            Which failure are you troubleshooting?
              1. 502 on POST /orders, 3 requests, first 10:02:11Z
              2. 504 on GET /reports/{id}, 2 requests, first 10:05:40Z
            """))
        #expect(text.contains("[1-2] > 2\n"))
        #expect(text.contains("FIX: Answer within the integration timeout"))
        #expect(text.contains("/prod/reports/r-2291'"))
        #expect(!text.contains("/prod/orders'"))
        #expect(engine.chosenGroup(in: state)?.status == 504)
    }

    @Test func backAfterTheChoiceReturnsToItWithTheChoiceMarked() {
        let (text, state) = run(["2", "back"], evidence: [FailureGroupTests.mixedLog])
        #expect(state.current == .failure(next: "start"))
        #expect(text.contains("* 2. 504 on GET /reports/{id}"))
    }

    @Test func aContradictingLogIsANoteAndUseEvidenceTakesItsStatus() {
        let add = "add " + Self.fixture(FailureGroupTests.functionErrorLog)
        let (text, state) = run(["1", add, "use evidence", "back"])
        let flat = Self.unwrapped(text)
        #expect(flat.contains("! The evidence shows 502 (cloudwatch-function-error.log), you said 500: your answer is kept."))
        #expect(flat.contains("Type 'use evidence' to take the evidence's."))
        #expect(text.contains("FIX: Find and fix the error inside the Lambda function"))
        #expect(flat.contains("! Status code: your answer \"500\" became \"502\" from cloudwatch-function-error.log."))
        // Back restores the user's 500.
        #expect(state.current == .node("start"))
        #expect(text.contains("*  1. 500 Internal Server Error"))
    }

    @Test func anAddedFileReplacesAnEarlierAnswerWithANoteAndBackRestoresIt() {
        let add = "add " + Self.fixture(FailureGroupTests.vpcLinkIntegration)
        let (text, state) = run(["n", add, "back"], evidence: [FailureGroupTests.networkErrorLog])
        #expect(Self.unwrapped(text).contains("! VPC link?: your answer \"no\" became \"yes\" from vpc-link-stage-variable.json. Back restores"))
        #expect(state.current == .node("network-vpc-link"))
        #expect(text.contains("[y/n; was: no] >"))
    }

    @Test func backOnTheFirstQuestionAfterEvidenceGoesToWhatTheEvidenceAnswered() {
        let (text, state) = run(["back", "back"], evidence: [FailureGroupTests.networkErrorLog])
        #expect(!text.contains("This is the first question"))
        #expect(state.current != .node("network-vpc-link"))
        #expect(state.path.allSatisfy { !$0.source.isUser })
    }
}
