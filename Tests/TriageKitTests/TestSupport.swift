import Foundation
import Testing
@testable import TriageKit

/// Paths to `Tests/Fixtures` and the repository's `Content/`, found from this file's location.
enum Fixtures {
    static let testsRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let root = testsRoot.appendingPathComponent("Fixtures")
    static let packageRoot = testsRoot.deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// The small tree the engine tests run on.
    static func engineTree() throws -> DecisionTree {
        try ContentLoader.load(.directory(path("content-engine")))
    }

    /// The small tree's files, for tests that break one of them.
    static func engineFiles() throws -> [ContentFile] {
        try ContentSource.directory(path("content-engine")).read()
    }
}

extension Engine {
    /// Applies answers in order, failing the test on the first refusal.
    func answering(_ answers: [String], from state: SessionState) throws -> SessionState {
        var state = state
        for answer in answers { state = try apply(.answer(answer), to: state) }
        return state
    }
}

extension ScreenModel {
    var question: QuestionView? {
        if case .question(let view) = body { return view }
        return nil
    }

    var outcome: RenderedFix? {
        if case .outcome(let fix) = body { return fix }
        return nil
    }
}
