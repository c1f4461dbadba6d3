import Foundation
import Testing

@testable import TriageKit

/// The report of scripted sessions on the fixture content, compared with golden files.
@Suite struct SessionReportTests {
    let engine: Engine
    init() throws { engine = try FixtureSessions.engine() }

    func writer(_ masker: SecretMasker = .standard) -> ReportWriter { ReportWriter(engine: engine, masker: masker) }

    @Test func markdownWithoutEvidence() throws {
        let state = try FixtureSessions.run(FixtureSessions.answersWithoutEvidence, engine: engine)
        try Golden.check(try writer().render(state, date: FixtureSessions.date, format: .markdown), against: "reports/502-without-evidence.md")
    }

    @Test func jsonWithoutEvidence() throws {
        let state = try FixtureSessions.run(FixtureSessions.answersWithoutEvidence, engine: engine)
        try Golden.check(try writer().render(state, date: FixtureSessions.date, format: .json), against: "reports/502-without-evidence.json")
    }

    @Test func markdownWithEvidence() throws {
        let state = try FixtureSessions.run(
            FixtureSessions.answersWithEvidence, evidence: [try FixtureSessions.executionLogReport()], engine: engine)
        try Golden.check(try writer().render(state, date: FixtureSessions.date, format: .markdown), against: "reports/502-with-evidence.md")
    }

    @Test func jsonWithEvidence() throws {
        let state = try FixtureSessions.run(
            FixtureSessions.answersWithEvidence, evidence: [try FixtureSessions.executionLogReport()], engine: engine)
        try Golden.check(try writer().render(state, date: FixtureSessions.date, format: .json), against: "reports/502-with-evidence.json")
    }

    @Test func markdownOfAnUnfinishedSession() throws {
        let state = try FixtureSessions.run(["502", "skip"], engine: engine)
        try Golden.check(try writer().render(state, date: FixtureSessions.date, format: .markdown), against: "reports/502-unfinished.md")
    }

    @Test func reportHoldsWhatATicketNeeds() throws {
        let state = try FixtureSessions.run(
            FixtureSessions.answersWithEvidence, evidence: [try FixtureSessions.executionLogReport()], engine: engine)
        let report = SessionReport(engine: engine, state: state, date: FixtureSessions.date)
        #expect(report.contentVersion == "fixture-1")
        #expect(report.toolVersion == TriageKitVersion.tool)
        #expect(report.finished)
        #expect(report.path.map(\.answer) == ["502 Bad Gateway", "execution.log", "orders-handler", ""])
        #expect(report.path.map(\.answeredBy) == ["you", "evidence file execution.log", "you", "you"])
        #expect(report.facts.map(\.key) == ["api_id", "stage", "region", "function_name"])
        let causes = try #require(report.evidence.first?.causes)
        // Two findings of one cause add up; the examples come from both, at most three.
        #expect(causes.map(\.cause) == ["lambda-response-format", "integration-timeout"])
        #expect(causes[0].count == 6)
        #expect(causes[0].confidence == .high)
        #expect(causes[0].examples.map(\.line) == [11, 6, 7])
        let fix = try #require(report.outcome)
        #expect(fix.cause == "lambda-response-format")
        #expect(fix.commands.contains("aws logs tail /aws/lambda/orders-handler --since 1h --region eu-west-1"))
        #expect(fix.missingFacts.map(\.key) == ["resource_id"])
        #expect(fix.query?.logGroup == "API-Gateway-Execution-Logs_a1b2c3d4e5/prod")
    }

    @Test func everyPlantedSecretIsMaskedInBothFormats() throws {
        let state = try FixtureSessions.run(
            FixtureSessions.answersWithEvidence, evidence: [try FixtureSessions.executionLogReport()], engine: engine)
        for format in ReportFormat.allCases {
            let text = try writer().render(state, date: FixtureSessions.date, format: format)
            for secret in SecretMaskerCorpusTests.planted {
                #expect(SecretMaskerCorpusTests.survivingPiece(of: secret, in: text) == nil, "\(format): \(secret)")
            }
        }
    }

    @Test func noMaskKeepsTheEvidenceAsItIsAndSaysSo() throws {
        let state = try FixtureSessions.run(
            FixtureSessions.answersWithEvidence, evidence: [try FixtureSessions.executionLogReport()], engine: engine)
        let text = try writer(.disabled).render(state, date: FixtureSessions.date, format: .markdown)
        #expect(text.contains("x-api-key=PlantedApiKeyV4b5N6m7Q8w9E0rTGHIJ"))
        #expect(text.contains("- Secrets in evidence: NOT masked (--no-mask)"))
    }

    @Test func quotedTextCannotBreakTheMarkdown() {
        #expect(MarkdownReport.code("a`b") == "``a`b``")
        #expect(MarkdownReport.code("`x`") == "`` `x` ``")
        #expect(MarkdownReport.fenced(["echo ```"], info: "sh") == ["````sh", "echo ```", "````"])
    }

    @Test func writeGuessesTheFormatFromTheFileName() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = try FixtureSessions.run(FixtureSessions.answersWithoutEvidence, engine: engine)
        let jsonPath = folder.appendingPathComponent("r.json").path
        let markdownPath = folder.appendingPathComponent("r.md").path
        #expect(try writer().write(state, date: FixtureSessions.date, to: jsonPath) == .json)
        #expect(try writer().write(state, date: FixtureSessions.date, to: markdownPath) == .markdown)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let decoded = try decoder.decode(SessionReport.self, from: Data(contentsOf: URL(fileURLWithPath: jsonPath)))
        #expect(decoded.outcome?.cause == "lambda-response-format")
        #expect(decoded.date == FixtureSessions.date)
        #expect(try String(contentsOfFile: markdownPath, encoding: .utf8).hasPrefix("# API Gateway 5xx triage: "))
    }
}
