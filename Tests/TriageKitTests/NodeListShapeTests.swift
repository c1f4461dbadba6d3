import Testing
import TriageContent

@testable import TriageKit

/// Whether a tree file is a `nodes:` list is looked for on bytes; it answers as the `Character`
/// line split it replaced did, CR LF included (a CR LF is one `Character`, not a `\n`).
@Suite struct NodeListShapeTests {
    private func byCharacterLines(_ text: String) -> Bool {
        text.split(separator: "\n").contains { $0.hasPrefix("nodes:") }
    }

    @Test(arguments: [
        "nodes:\n  - id: a\n", "# comment\nnodes:\n", "id: a\nkind: question\n", "  nodes:\n", "x: 1\r\nnodes:\r\n",
        "nodes:\r\n", "x\r\n\nnodes:", "x\n\r\nnodes:", "\r\nnodes:", "\nnodes:", "nodes", "", "é\nnodes:", "x\n\u{301}nodes:",
        "\r\r\nnodes:", "node:\nnodes :\n",
    ])
    func answersAsTheCharacterLineSplit(text: String) {
        #expect(ContentLoader.isNodeList(text) == byCharacterLines(text))
    }

    @Test func everyShippedTreeFileAnswersAsBefore() {
        for file in BuiltInContent.files where file.path.hasSuffix(".yaml") {
            #expect(ContentLoader.isNodeList(file.text) == byCharacterLines(file.text), "\(file.path)")
        }
    }
}
