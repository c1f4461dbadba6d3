import Foundation
import Testing

@testable import TriageKit

/// Resuming a saved session on the same content, and on content that changed since.
@Suite struct ResumePlanTests {
    /// The fixture content with text replaced in some files (a later content version).
    static func variant(_ edits: [(file: String, from: String, to: String)]) throws -> Engine {
        let root = ReportFixtures.url("content-report")
        let names = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".yaml") } ?? []
        let files = try names.map { name in
            var text = try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
            for edit in edits where edit.file == name { text = text.replacingOccurrences(of: edit.from, with: edit.to) }
            return ContentFile(path: name, text: text)
        }
        return Engine(tree: try ContentLoader.load(.files(files)))
    }

    static let bumpVersion = (file: "manifest.yaml", from: "version: \"fixture-1\"", to: "version: \"fixture-2\"")
    /// The "API id" question under a new id: the saved path names a node that is gone.
    static let renameAPIIdNode = [
        (file: "tree/502.yaml", from: "id: api-id", to: "id: rest-api-id"),
        (file: "tree/502.yaml", from: "default: api-id", to: "default: rest-api-id"),
    ]

    let original: Engine
    let saved: SessionState

    init() throws {
        original = try FixtureSessions.engine()
        // Stopped at the first fact question, after 502 / no log / API id / proxy yes.
        saved = try FixtureSessions.run(["502", "skip", "a1b2c3d4e5", "y"], engine: original)
    }

    @Test func sameContentResumesExactly() {
        #expect(original.resumePlan(for: saved) == .exact(saved))
    }

    @Test func newerContentWithTheSamePathResumesAtTheSameQuestion() throws {
        let engine = try Self.variant([Self.bumpVersion])
        guard case .adapted(let state, let note) = engine.resumePlan(for: saved) else {
            Issue.record("expected an adapted plan")
            return
        }
        #expect(state.current == saved.current)
        #expect(state.path == saved.path)
        #expect(state.contentVersion == "fixture-2")
        #expect(state.transcript == saved.transcript)
        #expect(note == "The content changed from fixture-1 to fixture-2; every saved answer still fits.")
    }

    @Test func insertedQuestionStopsTheReplayAndKeepsLaterAnswersForPrefill() throws {
        let engine = try Self.variant([
            Self.bumpVersion,
            (file: "tree/502.yaml", from: "    default: api-id\n", to: "    default: logging-on\n"),
            (file: "tree/502.yaml", from: "  - id: api-id\n", to: """
                  - id: logging-on
                    kind: yesno
                    title: Logging on?
                    text: Is execution logging on for the stage?
                    why: Without it there is no execution log to read.
                    default: api-id
                  - id: api-id

                """),
        ])
        guard case .adapted(let state, let note) = engine.resumePlan(for: saved) else {
            Issue.record("expected an adapted plan")
            return
        }
        #expect(state.current == .node("logging-on"))
        #expect(state.path.map(\.answer) == ["502", "skip"])
        #expect(note.contains("2 of 4 saved answers still fit; \"API id\" is no longer asked there, so the session continues at step 3."))
        // The API id typed before the content changed is offered again when the question comes.
        let next = try engine.apply(.answer("y"), to: state)
        guard case .question(let question) = engine.screen(for: next).body else {
            Issue.record("expected a question")
            return
        }
        #expect(question.position == .node("api-id"))
        #expect(question.prefill == "a1b2c3d4e5")
    }

    @Test func removedNodeResumesAtTheDeepestPointThatStillExists() throws {
        let engine = try Self.variant([Self.bumpVersion] + Self.renameAPIIdNode)
        guard case .adapted(let state, _) = engine.resumePlan(for: saved) else {
            Issue.record("expected an adapted plan")
            return
        }
        #expect(state.current == .node("rest-api-id"))
        #expect(state.stepNumber == 3)
    }

    @Test func firstQuestionGoneCannotResumeAndSaysWhy() throws {
        let engine = try Self.variant([
            Self.bumpVersion,
            (file: "manifest.yaml", from: "start: start", to: "start: status"),
            (file: "tree/start.yaml", from: "id: start", to: "id: status"),
        ])
        #expect(engine.resumePlan(for: saved) == .impossible(
            reason: "The content changed from fixture-1 to fixture-2, and the first saved answer no longer fits: \"start\" is not asked at the start any more."))
    }

    @Test func sameVersionWithAMissingNodeIsNotTrustedBlindly() throws {
        // Content edited without a new version: the saved path names a node that is gone.
        let engine = try Self.variant(Self.renameAPIIdNode)
        guard case .adapted(let state, _) = engine.resumePlan(for: saved) else {
            Issue.record("expected an adapted plan")
            return
        }
        #expect(state.current == .node("rest-api-id"))
    }

    @Test func answersNowGivenByEvidenceAreSkippedNotLost() throws {
        // Saved before the log was added: the user skipped the file question by hand.
        var state = saved
        state.contentVersion = "fixture-0"
        state.evidence = [try FixtureSessions.executionLogReport()]
        guard case .adapted(let resumed, _) = original.resumePlan(for: state) else {
            Issue.record("expected an adapted plan")
            return
        }
        // The log's finding now answers the file question, which leads straight to the fix's facts.
        #expect(resumed.current == .fact(key: "function_name", fix: "fix-lambda-response-format"))
    }
}
