import Testing

@testable import TriageKit
@testable import TriagePlain

@Suite struct ConfigInspectorsTests {
    /// Fixtures that are deliberately not a document of their kind (none: those live in
    /// `Tests/Fixtures/near-miss/`, checked by the detection matrix).
    static let unusable: Set<String> = []

    @Test func everyKindHasOneInspector() {
        let kinds = ConfigInspectors.all.map(\.kind)
        #expect(Set(kinds).count == kinds.count)
        #expect(Set(kinds) == Set(ConfigFixture.kinds))
        for kind in kinds { #expect(EvidenceKind.all[kind] != nil) }
    }

    @Test func eachFixtureIsWonByTheInspectorOfItsKind() {
        let fixtures = ConfigFixture.all().filter { !Self.unusable.contains($0.url.lastPathComponent) }
        #expect(fixtures.count > 40)
        for (kind, url) in fixtures {
            let sample = ConfigFixture.sample(at: url)
            let scores = ConfigInspectors.all.compactMap { inspector in
                inspector.detect(sample).map { (kind: inspector.kind, score: $0) }
            }
            let own = scores.first { $0.kind == kind }?.score
            #expect(own != nil, "\(kind)/\(url.lastPathComponent) not recognised")
            for other in scores where other.kind != kind {
                #expect(other.score < (own ?? 0), "\(other.kind) scores \(other.score) on \(kind)/\(url.lastPathComponent)")
            }
        }
    }

    @Test func noInspectorClaimsPlainTextOrALog() throws {
        let texts = [
            "(286364ab-3a83-11e9-8dc8-db3cf4c83204) Method completed with status: 502\n",
            "HTTP/2 502\ncontent-type: application/json\n\n{\"message\": \"Internal server error\"}\n",
            "{\"requestId\":\"a\",\"status\":\"502\"}\n{\"requestId\":\"b\",\"status\":\"200\"}\n",
        ]
        for text in texts {
            let sample = try ConfigFixture.temporary(text).sample
            let claims = ConfigInspectors.all.filter { $0.detect(sample) != nil }.map(\.kind)
            #expect(claims.isEmpty, "\(claims) claim \(text)")
        }
    }

    @Test func aCutOffSampleOfALargeExportIsStillRecognised() {
        let url = ConfigFixture.url("export", "oas30-integrations.json")
        let sample = ConfigFixture.sample(at: url, headLimit: 700)
        #expect(!sample.isComplete)
        #expect(ExportInspector().detect(sample) == 90)
    }
}

@Suite struct ConfigInspectorsUnusableInputTests {
    static let inputs: [(name: String, text: String)] = [
        ("truncated", "{\n    \"type\": \"AWS_PROXY\",\n    \"uri\": \"arn:aws:apigateway:eu-west-1:lambda:path/2015"),
        ("not JSON", "Internal server error\n"),
        ("empty", ""),
        ("binary", "{\u{0}\u{1}\u{2}}"),
        ("wrong shape", "[1, 2, 3]\n"),
    ]

    @Test(arguments: ConfigInspectors.all.map(\.kind))
    func unusableInputGivesAProblemNotACrash(_ kind: String) throws {
        let inspector = try #require(ConfigInspectors.all.first { $0.kind == kind })
        for input in Self.inputs {
            let report = try inspector.inspect(try ConfigFixture.temporary(input.text))
            #expect(report.kind == kind)
            // A bare JSON array is a (malformed) proxy response, not an unreadable file.
            if kind == "lambda-response" && input.name == "wrong shape" { continue }
            #expect(report.findings.isEmpty, "\(kind) found something in \(input.name) input")
            #expect(report.problems.count == 1, "\(kind) gave no problem for \(input.name) input")
        }
    }
}
