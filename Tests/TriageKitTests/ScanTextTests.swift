import Testing

@testable import TriageKit

@Suite("ScanText")
struct ScanTextTests {
    private func render(_ fixtures: [String]) -> String {
        let reports = fixtures.map { EvidenceTestSupport.scan($0) }
        let titles = ["lambda-response-format": "Malformed Lambda proxy response", "backend-throttling": "The backend (Lambda) throttled the call"]
        return ScanText.render(ScanSummary(reports: reports), titles: titles)
    }

    @Test func everyLineFitsIn80Columns() {
        let text = render([
            "execution-log/cloudwatch-mixed-malformed.log", "access-log/rest-json-mixed.log",
            "http-response/curl-v-rest-502.txt", "execution-log/filter-log-events-truncated.json",
        ])
        for line in text.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
    }

    @Test func showsGlyphCountTitleExampleAndFixCommand() throws {
        let text = render(["execution-log/cloudwatch-mixed-malformed.log"])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex(of: "Causes, most significant first:"))
        #expect(lines[start + 1] == "[!!] 3 x 502  Malformed Lambda proxy response")
        #expect(lines[start + 2] == "     line 41: Execution failed due to configuration error: Malformed Lambda pro…")
        #expect(lines[start + 3] == "     -> apigw-triage fix lambda-response-format")
        #expect(lines[start + 4] == "[!!] 1 x 500  The backend (Lambda) throttled the call")
        #expect(text.contains("[!!] a log line states it  [! ] strong hint  [? ] possible cause"))
    }

    /// Glyphs differ in their characters, not only in colour.
    @Test func glyphsAreDistinctWithoutColour() {
        #expect(Set(Confidence.allCases.map(ScanText.glyph)).count == Confidence.allCases.count)
    }

    @Test func withoutTitlesTheCauseIDIsShown() {
        let summary = ScanSummary(reports: [EvidenceTestSupport.scan("execution-log/console-backend-tls.log")])
        #expect(ScanText.render(summary, titles: [:]).contains("[!!] 1 x 500  backend-tls"))
    }

    @Test func saysSoWhenNothingFailed() {
        let report = EvidenceReport(path: "ok.log", kind: "execution-log", description: "API Gateway execution log, 10 lines, 1 request, 0 failed")
        #expect(ScanText.render(ScanSummary(reports: [report]), titles: [:]).contains("No 5xx cause found."))
    }
}
