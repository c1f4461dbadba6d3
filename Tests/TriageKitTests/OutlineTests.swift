import Testing
@testable import TriageKit

/// The tree map (`map` in plain mode, `graph --format outline`) on a small fixture tree with a
/// shared question and a shared fix, compared with golden text.
@Suite("Outline")
struct OutlineTests {
    let engine: Engine
    init() throws { engine = Engine(tree: try ContentLoader.load(.directory(Fixtures.path("content-map")))) }

    @Test func theWholeTreeWithoutASession() throws {
        try Golden.check(OutlineText.render(engine.outline()), against: "golden/outline-tree.txt")
    }

    @Test func aFreshSessionMarksTheStartAsCurrent() {
        let lines = engine.outline(for: engine.start())
        #expect(lines.first?.mark == .current)
        #expect(lines.dropFirst().allSatisfy { $0.mark == .none })
    }

    @Test func thePathThroughASharedNodeIsMarkedOnItsReference() throws {
        // 502 leads to the shared "Execution log" (shown in full under 500 > yes), skipped, then "Function".
        let state = try engine.answering(["502", "skip"], from: engine.start())
        #expect(state.current == .node("m-function"))
        try Golden.check(OutlineText.render(engine.outline(for: state)), against: "golden/outline-path-502.txt")
    }

    @Test func factsFillTitlesAndAFactQuestionStandsAtItsFix() throws {
        let state = try engine.answering(["500", "y", "skip", "orders-api"], from: engine.start())
        guard case .fact(let key, let fix) = state.current else {
            Issue.record("expected a fact question, got \(state.current)")
            return
        }
        #expect(key == "api_id" && fix == "fix-perm")
        try Golden.check(OutlineText.render(engine.outline(for: state)), against: "golden/outline-fact-question.txt")
    }

    @Test func everyNodeIsShownInFullExactlyOnce() {
        let lines = engine.outline()
        let full = lines.filter { !$0.isReference }.map(\.nodeID)
        #expect(full.sorted() == engine.tree.nodes.map(\.id).sorted())
        #expect(lines.filter(\.isReference).allSatisfy { full.contains($0.nodeID) })
    }

    @Test func aStartBranchJumpMarksTheBranchTarget() throws {
        let state = try engine.apply(.branch("500"), to: engine.start())
        let current = engine.outline(for: state).filter { $0.mark == .current }
        #expect(current.map(\.nodeID) == ["m500-proxy"])
    }
}

@Suite("Shortest route")
struct ShortestRouteTests {
    let tree: DecisionTree
    init() throws { tree = try ContentLoader.load(.directory(Fixtures.path("content-map"))) }

    @Test func takesTheFewestQuestions() {
        // perm is reachable at depth 3 under 500 > yes > log, but 502 > log is one question shorter.
        #expect(ShortestRoute.questions(in: tree, toCause: "perm") == ["start", "m-log"])
        #expect(ShortestRoute.questions(in: tree, toCause: "timeout") == ["start"])
        #expect(ShortestRoute.questions(in: tree, toCause: "mapping") == ["start", "m500-proxy"])
    }

    @Test func anUnknownOrUnreachableCauseHasNoRoute() {
        #expect(ShortestRoute.questions(in: tree, toCause: "no-such-cause") == nil)
        #expect(ShortestRoute.path(in: tree, from: "m-function", to: "start") == nil)
    }
}
