import Foundation
import Testing

@testable import TriageKit

/// Issue 14's corpus: every secret form × every evidence format × every output channel. None of
/// the planted values may survive anywhere, and the ids beside them must stay readable.
@Suite struct SecretChannelCorpusTests {
    @Test(arguments: SecretChannelCorpus.forms)
    func noPlantedSecretReachesAnyChannel(_ form: SecretChannelCorpus.Form) throws {
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            var shownUnmasked = 0
            for format in SecretChannelCorpus.formats {
                let path = try EvidenceTestSupport.write(Data(format.build(form.fragment).utf8), named: format.fileName, in: folder)
                let report = EvidenceScanner().scan(path)
                for (channel, text) in try OutputChannels.all(for: [report]) {
                    for secret in form.secrets {
                        let piece = SecretMaskerCorpusTests.survivingPiece(of: secret, in: text)
                        #expect(piece == nil, "\(form.name) in \(format.name): '\(piece ?? "")' survived in \(channel):\n\(text)")
                    }
                }
                // The unmasked scan shows the value, so the check above proves something.
                let unmasked = EvidenceScanner(masker: .disabled).scan(path)
                let unmaskedText = ScanText.render(ScanSummary(reports: [unmasked]), titles: [:]) + "\(unmasked)"
                if form.secrets.contains(where: unmaskedText.contains) { shownUnmasked += 1 }
            }
            #expect(shownUnmasked >= 3, "\(form.name): planted but shown unmasked in only \(shownUnmasked) formats")
        }
    }

    @Test(arguments: SecretChannelCorpus.formats.map(\.name))
    func idsBesideTheSecretsStayReadable(format name: String) throws {
        let format = try #require(SecretChannelCorpus.formats.first { $0.name == name })
        try EvidenceTestSupport.withTemporaryDirectory { folder in
            let fragment = SecretChannelCorpus.forms.map(\.fragment).joined(separator: " ")
            let path = try EvidenceTestSupport.write(Data(format.build(fragment).utf8), named: format.fileName, in: folder)
            let masked = EvidenceScanner().scan(path)
            let unmasked = EvidenceScanner(masker: .disabled).scan(path)
            let maskedJSON = try JSONOutputText.encode(ScanSummary(reports: [masked]))
            let unmaskedJSON = try JSONOutputText.encode(ScanSummary(reports: [unmasked]))
            for id in SecretChannelCorpus.ids where unmaskedJSON.contains(id) {
                #expect(maskedJSON.contains(id), "\(name): \(id) was masked:\n\(maskedJSON)")
            }
            #expect(masked.kind == unmasked.kind)
            #expect(masked.findings.map(\.cause) == unmasked.findings.map(\.cause))
        }
    }

    @Test func factsAreMaskedLikeLines() {
        let report = EvidenceReport(
            path: "x.log", kind: "execution-log", description: "d",
            facts: [
                "backend_url": "https://svc:UrlPl4ntedPassw0rd@backend.example.com/o?X-Amz-Security-Token=FwoGZXIvYXdzEPl4nted0123456789",
                "function_name": "orders-handler", "account_id": "123456789012", "api_id": "a1b2c3d4e5",
                "environment.DB_URL": "postgres://db.internal/orders",
            ])
        let masked = SecretMasker.standard.mask(report)
        #expect(masked.facts["backend_url"] == "https://svc:****************@backend.example.com/o?X-Amz-Security-Token=****************6789")
        #expect(masked.facts["function_name"] == "orders-handler")
        #expect(masked.facts["account_id"] == "123456789012")
        #expect(masked.facts["api_id"] == "a1b2c3d4e5")
        #expect(masked.facts["environment.DB_URL"] == "****************")
    }

    @Test func undeterminedFailuresAndTheirCluesAreMasked() {
        let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1bmRldGVybWluZWQifQ.Pl4ntedUndeterminedSig"
        let report = EvidenceReport(
            path: "curl.txt", kind: "http-response", description: "d",
            undetermined: [
                UndeterminedFailure(
                    status: 502, evidence: [EvidenceLine(file: "curl.txt", line: 3, text: "> Authorization: Bearer \(jwt)")],
                    request: RequestKeys(apiGatewayRequestId: "d3adb33f-0000-4abc-8def-123456789abc"),
                    clues: ["the request carried token \(jwt)"])
            ])
        let masked = SecretMasker.standard.mask(report)
        #expect(!"\(masked)".contains("Pl4ntedUndeterminedSig"))
        #expect(masked.undetermined.first?.request?.apiGatewayRequestId == "d3adb33f-0000-4abc-8def-123456789abc")
    }
}
