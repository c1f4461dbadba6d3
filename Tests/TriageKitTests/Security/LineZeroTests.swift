import Testing

@testable import TriageKit

/// A line 0 stands for a whole file (cross-file conclusions in `EvidenceRefinement`): no message
/// may say "line 0".
@Suite struct LineZeroTests {
    static let report = EvidenceReport(
        path: "config/get-integration.json", kind: "get-integration", description: "d",
        findings: [
            Finding(
                cause: "private-integration", status: 500, confidence: .medium,
                evidence: [EvidenceLine(file: "config/get-integration.json", line: 0, text: "connection through VPC link abc123")])
        ])

    @Test func placeNamesTheFileOnly() {
        #expect(EvidenceLine(file: "a.log", line: 0, text: "t").quoted == "a.log: t")
        #expect(EvidenceLine(file: "a.log", line: 12, text: "t").quoted == "a.log:12: t")
    }

    @Test func scanTextNeverSaysLineZero() {
        for reports in [[Self.report], [Self.report, Self.report]] {
            let text = ScanText.render(ScanSummary(reports: reports), titles: [:])
            #expect(!text.contains("line 0"))
            #expect(!text.contains(":0:"))
            #expect(text.contains("get-integration.json: connection through VPC link"))
        }
    }

    @Test func fixTextAndReportsNeverSayLineZero() throws {
        let engine = try FixtureSessions.engine()
        let state = engine.start(evidence: [Self.report])
        let markdown = try ReportWriter(engine: engine, masker: .standard).render(state, date: FixtureSessions.date, format: .markdown)
        #expect(!markdown.contains(":0:"))
        #expect(!markdown.contains("line 0"))
    }
}
