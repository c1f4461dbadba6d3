import Testing
import TriageContent
@testable import TriageKit

/// The content that ships: `Content/` on disk and the copy embedded in the binary.
@Suite("Real content")
struct RealContentTests {
    static let contentDirectory = Fixtures.packageRoot.appendingPathComponent("Content").path

    @Test func loadsWithoutIssues() throws {
        let (tree, issues) = try ContentLoader.inspect(.directory(Self.contentDirectory))
        #expect(issues.map(\.description) == [])
        #expect(tree != nil)
    }

    @Test func theEmbeddedCopyMatchesTheFolder() throws {
        let onDisk = try ContentSource.directory(Self.contentDirectory).read()
        let embedded = try ContentSource.files(BuiltInContent.files.map { ContentFile(path: $0.path, text: $0.text) }).read()
        #expect(embedded.map(\.path) == onDisk.map(\.path))
        // The embedder adds one newline before the closing delimiter; the YAML is otherwise identical.
        #expect(zip(embedded, onDisk).allSatisfy { $0.text == $1.text || $0.text == $1.text + "\n" || $0.text + "\n" == $1.text })
    }

    @Test func theEmbeddedCopyValidatesCleanSoTheBinarySkipsItsValidation() throws {
        // The commands load the built-in content without the validator (start-up); this is what
        // makes that safe: the copy in the binary is checked here, and by `lint` in CI.
        let embedded = ContentSource.files(BuiltInContent.files.map { ContentFile(path: $0.path, text: $0.text) })
        let (checked, issues) = try ContentLoader.inspect(embedded)
        #expect(issues.map(\.description) == [])
        let unchecked = try ContentLoader.load(embedded, validating: false)
        #expect(unchecked.nodes.map(\.id) == checked?.nodes.map(\.id))
        #expect(unchecked.causes.map(\.id) == checked?.causes.map(\.id))
    }

    @Test func everyCauseHasExactlyOneReachableFix() throws {
        let tree = try ContentLoader.load(.directory(Self.contentDirectory))
        let reachable = ContentValidator.reachableIDs(tree)
        for cause in tree.causes {
            let fixes = tree.nodes.filter { $0.kind == .fix && $0.cause == cause.id && reachable.contains($0.id) }
            #expect(fixes.count == 1, "\(cause.id): \(fixes.map(\.id))")
        }
    }

    @Test func everyPathFromTheStartReachesAFixWithCommandsFilled() throws {
        let tree = try ContentLoader.load(.directory(Self.contentDirectory))
        let walk = PathWalker(engine: Engine(tree: tree)).walk()
        #expect(walk.refusedAnswers == [])
        #expect(walk.unfilledCommands == [])
        let fixes = Set(tree.nodes.filter { $0.kind == .fix }.map(\.id))
        #expect(walk.restOnlyCommands.sorted() == [], "REST-only commands on HTTP or WebSocket paths")
        #expect(walk.causesMissingAPIType.sorted() == [], "causes reached for an API type causes.yaml does not list")
        #expect(fixes.subtracting(walk.outcomesReached).sorted() == [], "fixes no walk reached")
        let questions = Set(tree.nodes.filter(\.kind.isQuestion).map(\.id))
        #expect(questions.subtracting(walk.questionsVisited).sorted() == [], "questions no walk reached")
    }
}

@Suite("Path walker")
struct PathWalkerTests {
    @Test func walksEveryOutcomeOfTheFixtureTree() throws {
        let walk = PathWalker(engine: Engine(tree: try Fixtures.engineTree())).walk()
        #expect(walk.outcomesReached == ["fix-cause-a", "fix-cause-b", "end-not-5xx"])
        #expect(walk.questionsVisited.count == 6)
        #expect(walk.unfilledCommands == [])
        #expect(walk.refusedAnswers == [])
    }
}
