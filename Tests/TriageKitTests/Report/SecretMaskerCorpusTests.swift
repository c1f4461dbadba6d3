import Testing

@testable import TriageKit

/// The planted-secrets corpus: every evidence format, secrets planted in each, non-secrets around them.
@Suite struct SecretMaskerCorpusTests {
    static let planted = (try? ReportFixtures.list("secrets/planted-secrets.txt")) ?? []
    static let readable = (try? ReportFixtures.list("secrets/readable.txt")) ?? []

    @Test func corpusIsComplete() throws {
        #expect(Self.planted.count >= 20)
        let corpus = try ReportFixtures.secretCorpus()
        #expect(corpus.count >= 13)
        // Every planted secret is really in some file, or the test below would pass for nothing.
        for secret in Self.planted {
            #expect(corpus.contains { $0.text.contains(secret) }, "\(secret) is not planted in any file")
        }
    }

    @Test(arguments: try ReportFixtures.secretCorpus().map(\.name))
    func noPlantedSecretSurvives(file: String) throws {
        let text = try ReportFixtures.text("secrets/\(file)")
        let masked = SecretMasker.standard.mask(text)
        let maskedLineByLine = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { SecretMasker.standard.mask(String($0)) }.joined(separator: "\n")
        for output in [masked, maskedLineByLine] {
            for secret in Self.planted {
                let piece = Self.survivingPiece(of: secret, in: output)
                #expect(piece == nil, "\(file): '\(piece ?? "")' of \(secret) survived:\n\(output)")
            }
        }
    }

    @Test(arguments: try ReportFixtures.secretCorpus().map(\.name))
    func nonSecretsStayReadable(file: String) throws {
        let text = try ReportFixtures.text("secrets/\(file)")
        let masked = SecretMasker.standard.mask(text)
        for phrase in Self.readable where text.contains(phrase) {
            #expect(masked.contains(phrase), "\(file): '\(phrase)' was masked:\n\(masked)")
        }
    }

    @Test(arguments: try ReportFixtures.secretCorpus().map(\.name))
    func maskingTwiceChangesNothing(file: String) throws {
        let once = SecretMasker.standard.mask(try ReportFixtures.text("secrets/\(file)"))
        #expect(SecretMasker.standard.mask(once) == once)
    }

    @Test func everyReadablePhraseIsInTheCorpus() throws {
        let corpus = try ReportFixtures.secretCorpus()
        for phrase in Self.readable {
            #expect(corpus.contains { $0.text.contains(phrase) }, "'\(phrase)' is in no file, so nothing checks it")
        }
    }

    @Test func disabledMaskerChangesNothing() throws {
        for (_, text) in try ReportFixtures.secretCorpus() {
            #expect(SecretMasker.disabled.mask(text) == text)
        }
    }

    /// An 8-character piece of the secret found in the output (the kept prefix and the last four
    /// characters are shorter than that), or nil.
    static func survivingPiece(of secret: String, in output: String) -> String? {
        let characters = Array(secret)
        guard characters.count > 8 else { return output.contains(secret) ? secret : nil }
        for start in 0...(characters.count - 8) {
            let piece = String(characters[start..<start + 8])
            if output.contains(piece) { return piece }
        }
        return nil
    }
}
