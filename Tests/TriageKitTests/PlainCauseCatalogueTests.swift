import Testing
import TriageContent

@testable import TriageKit

/// `causes.yaml` read without the YAML decoder (what `scan` does at start): where the plain reader
/// reads a text at all, it reads what the decoder reads; every other text is left to the decoder.
@Suite struct PlainCauseCatalogueTests {
    static let shipped: String = BuiltInContent.files.first { $0.path == "causes.yaml" }?.text ?? ""

    private func decoded(_ text: String) -> [Cause]? {
        var issues: [ContentIssue] = []
        return ContentLoader.decodedCauses(from: ContentFile(path: "causes.yaml", text: text), issues: &issues)
    }

    @Test func theShippedCatalogueIsReadPlainAsTheDecoderReadsIt() {
        let plain = PlainCauseCatalogue.causes(in: Self.shipped)
        #expect(plain != nil)
        #expect(plain?.count ?? 0 > 10)
        #expect(plain == decoded(Self.shipped))
    }

    @Test func theLoaderGivesTheDecodersCatalogueForScanAndForTheTree() throws {
        let source = ContentSource.files(BuiltInContent.files.map { ContentFile(path: $0.path, text: $0.text) })
        #expect(ContentLoader.causes(source) == decoded(Self.shipped))
        #expect(try ContentLoader.load(source).causes == decoded(Self.shipped))
    }

    @Test(arguments: [
        "causes:\n  - id: a\n    title: \"Quoted\"\n    statuses: [500]\n    api_types: [rest]\n    summary: S.\n",
        "causes:\n  - id: a\n    title: T # a comment\n    statuses: [500]\n    api_types: [rest]\n    summary: S.\n",
        "causes:\n  - id: a\n    title: yes\n    statuses: [500]\n    api_types: [rest]\n    summary: S.\n",
        "causes:\n  - id: a\n    title: 6 MB\n    statuses: [500]\n    api_types: [rest]\n    summary: S.\n",
        "causes:\n  - id: a\n    title: T\n    statuses: [0500]\n    api_types: [rest]\n    summary: S.\n",
        "causes:\n  - id: a\n    title: T\n    statuses: [500]\n    api_types: [on]\n    summary: S.\n",
        "causes:\n  - id: a\n    title: T\n    statuses: [500]\n    api_types: [rest]\n    summary: S.\n    extra: x\n",
        "causes:\n  - id: a\n    title: T\n    statuses: [500]\n    api_types: [rest]\n",
        "causes:\n  - id: a\n    title: T\n    title: U\n    statuses: [500]\n    api_types: [rest]\n    summary: S.\n",
        "causes:\n  - id: a\n    title: T\n    statuses: [500]\n    api_types: [rest]\n    summary: S.\n      continued\n",
        "causes:\r\n  - id: a\r\n    title: T\r\n    statuses: [500]\r\n    api_types: [rest]\r\n    summary: S.\r\n",
        "causes:\n\t- id: a\n",
        "\u{FEFF}causes:\n  - id: a\n    title: T\n    statuses: [500]\n    api_types: [rest]\n    summary: S.\n",
        "---\ncauses:\n  - id: a\n    title: T\n    statuses: [500]\n    api_types: [rest]\n    summary: S.\n",
        "causes:\n- id: a\n  title: T\n  statuses: [500]\n  api_types: [rest]\n  summary: S.\n",
        "causes:\n  - id: a\n    title: a: b\n    statuses: [500]\n    api_types: [rest]\n    summary: S.\n",
        "causes:\n",
        "",
    ])
    func otherShapesAreLeftToTheDecoder(text: String) {
        #expect(PlainCauseCatalogue.causes(in: text) == nil)
    }

    /// Random edits of the shipped catalogue (inserted YAML syntax, cut lines, joined lines): each
    /// is read as the decoder reads it, or left to the decoder.
    @Test func editedCataloguesAreReadAsTheDecoderReadsThemOrNotAtAll() {
        let pieces = [
            ":", ": ", "#", " #", " ", "\"", "'", "\n", "-", "[", "]", ",", "0", "1", "n", "\t", "\r", "!", "&", "*", "|",
            ">", "{", "}", "?", "%", "@", "`", "~", "null", "yes", "é", "\u{2028}", "\u{85}", "  ", "    x: y\n", "\n  - id: z\n",
        ]
        var generator = GeneratedExecutionLog.SplitMix(state: 15)
        let original = Array(Self.shipped.unicodeScalars)
        var readPlain = 0
        for _ in 0..<400 {
            var scalars = original
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let position = Int.random(in: 0...scalars.count, using: &generator)
                if Bool.random(using: &generator) {
                    scalars.insert(contentsOf: pieces.randomElement(using: &generator)!.unicodeScalars, at: position)
                } else {
                    scalars.removeSubrange(position..<min(scalars.count, position + Int.random(in: 1...4, using: &generator)))
                }
            }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            guard let plain = PlainCauseCatalogue.causes(in: text) else { continue }
            readPlain += 1
            #expect(plain == decoded(text), "\(text)")
        }
        // Most edits land inside a value and keep the plain shape: the comparison is not vacuous.
        #expect(readPlain > 100)
    }
}

