import Testing

@testable import TriageKit

/// The content version is read at every start (it is in the help); a plain `version:` line is
/// read without YAML, anything else still through it.
@Suite struct ContentVersionTests {
    private func version(_ manifest: String) -> String? {
        ContentVersion.read(from: [ContentFile(path: "manifest.yaml", text: manifest)])
    }

    @Test func aPlainVersionLineIsReadWithOrWithoutQuotes() {
        #expect(version("# The content's version\nversion: \"2026.12.03\"\nstart: s-start\n") == "2026.12.03")
        #expect(version("version: 2026.12.03-rc1\r\n") == "2026.12.03-rc1")
    }

    @Test func otherShapesStillGoThroughYAML() {
        #expect(version("version: '1.2' # single quotes and a comment\n") == "1.2")
        #expect(version("start: x\n") == nil)
        #expect(version("version: [not, a, string\n") == nil)
    }
}
