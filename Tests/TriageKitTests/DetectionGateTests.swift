import Foundation
import Testing

@testable import TriageKit

/// The byte gates in front of line-splitting `detect`s (`EvidenceSample.mayContain`) say "not
/// mine" only where the detection over the lines says so too: on every fixture and on edge cases.
@Suite struct DetectionGateTests {
    private static func sample(_ text: String, path: String = "sample") -> EvidenceSample {
        EvidenceSample(path: path, head: text, isComplete: true, size: text.utf8.count)
    }

    private static let edgeCases = [
        "", "HTTP/1.1 502 Bad Gateway\n", "< HTTP/2 504\r\n", "  HTTP/1.1 500 x", "HTTP request sent, awaiting response... 502 Bad Gateway",
        "http/1.1 502\n", "HTTP\u{301}/1.1 502\n", "Connected (press CTRL+C to quit)\n> hi\n< {}\n", "$ wscat -c wss://x.example/prod\n",
        "Disconnected (code: 1006, reason: \"\")", "error: Unexpected server response: 500", "wscat", "Connected\n", "< a\n> b\n",
    ]

    @Test func theHTTPResponseGateAgreesWithTheLines() {
        let samples = EvidenceTestSupport.fixtureSamples() + Self.edgeCases.map { Self.sample($0) }
        #expect(samples.count > 100)
        for sample in samples {
            #expect(HTTPResponseInspector().detect(sample) == HTTPResponseInspector().detectByLines(sample), "\(sample.path)")
        }
    }

    @Test func theWscatGateAgreesWithTheLines() {
        let samples = EvidenceTestSupport.fixtureSamples() + Self.edgeCases.map { Self.sample($0) }
        for sample in samples {
            #expect(WscatInspector().detect(sample) == WscatInspector().detectByLines(sample), "\(sample.path)")
        }
    }

    @Test func markersAreFoundAnywhereInTheHead() {
        #expect(Self.sample("x\nHTTP/1.1").mayContain(anyOf: ["HTTP/"]))
        #expect(Self.sample("é HTTP/").mayContain(anyOf: ["nope", "HTTP/"]))
        #expect(!Self.sample("HTTP").mayContain(anyOf: ["HTTP/"]))
        #expect(!Self.sample("").mayContain(anyOf: ["HTTP/"]))
    }
}
