import Testing
import TriageContent

@testable import TriageKit

/// The tree files are decoded on every core at start-up: the nodes and the issues come back as
/// when the files are decoded one by one, in the same order.
@Suite struct ConcurrentContentDecodingTests {
    private static let shipped = BuiltInContent.files.map { ContentFile(path: $0.path, text: $0.text) }.filter(\.isYAML)

    private func expectSameBothWays(_ files: [ContentFile]) {
        let concurrent = ContentLoader.decodeTreeFiles(files)
        let oneByOne = ContentLoader.decodeTreeFiles(files, concurrently: false)
        #expect(concurrent.map(\.nodes) == oneByOne.map(\.nodes))
        #expect(concurrent.map(\.issues) == oneByOne.map(\.issues))
    }

    @Test func theShippedTreeDecodesTheSameConcurrently() {
        let files = Self.shipped.filter { !["manifest.yaml", "causes.yaml", "facts.yaml"].contains($0.path) }
        #expect(files.count > 10)
        expectSameBothWays(files)
        #expect(ContentLoader.decodeTreeFiles(files).allSatisfy { $0.issues.isEmpty && !$0.nodes.isEmpty })
    }

    @Test func brokenFilesReportTheSameIssuesInTheSameOrder() {
        var files = Self.shipped.filter { $0.path.hasPrefix("tree/") }
        for index in stride(from: 0, to: files.count, by: 3) {
            files[index].text = String(files[index].text.prefix(files[index].text.count / 2)) + "\n  broken: [unclosed\n"
        }
        files.append(ContentFile(path: "tree/empty.yaml", text: ""))
        files.append(ContentFile(path: "tree/not-a-node.yaml", text: "just: text\n"))
        expectSameBothWays(files)
        #expect(ContentLoader.decodeTreeFiles(files).contains { !$0.issues.isEmpty })
    }

    @Test func theLoadedTreeIsTheSameAsDecodedOneByOne() throws {
        let tree = try ContentLoader.load(.files(Self.shipped))
        let treeFiles = Self.shipped.filter { !["manifest.yaml", "causes.yaml", "facts.yaml"].contains($0.path) }
        #expect(tree.nodes == ContentLoader.decodeTreeFiles(treeFiles, concurrently: false).flatMap(\.nodes))
    }
}
