@testable import TriageKit

/// Walks a scenario with questions alone: every file question is skipped, and every other question is
/// answered as an engineer who read the scenario's files by eye would answer it.
///
/// That answer is, in order: what the files imply (the question's own `auto` rules evaluated against
/// the scan of the files, which is how the content states "this evidence answers this question"),
/// the scenario's `answers`, the story's facts, or the status code the customer reports. The files
/// themselves never enter the session, so no route is taken on a finding: this measures whether the
/// questions reach the cause when the engineer has no file to give (review, issue 12 "Done when").
struct QuestionsOnlyWalker {
    enum Outcome: Equatable {
        case reached(String?)
        /// A question nothing answers truthfully: the walk cannot go on without guessing.
        case stuck(String)
    }

    let engine: Engine

    func walk(_ scenario: Scenario, reports: [EvidenceReport]) -> Outcome {
        var state = engine.start()
        for _ in 0..<200 {
            if engine.isFinished(state) { return .reached(engine.tree.node(engine.currentNodeID(of: state))?.cause) }
            guard let answer = answer(at: state, scenario: scenario, reports: reports) else {
                return .stuck(state.current.id)
            }
            do {
                state = try engine.apply(.answer(answer), to: state)
            } catch {
                return .stuck("\(state.current.id) refused '\(answer)'")
            }
        }
        return .stuck("no outcome after 200 answers")
    }

    private func answer(at state: SessionState, scenario: Scenario, reports: [EvidenceReport]) -> String? {
        switch state.current {
        case .fact(let key, _):
            return scenario.facts?[key] ?? ""
        case .failure:
            // Files are never given to the session here, so no failure groups can be asked about.
            return nil
        case .node(let id):
            guard let node = engine.tree.node(id) else { return nil }
            if node.kind == .file { return "skip" }
            var shadow = state
            shadow.evidence = reports
            // Files with several failures: the engineer is troubleshooting the one the customer
            // reports, as the full walk chooses it (`ScenarioWalker`).
            let groups = engine.failureGroups(in: shadow)
            if groups.count > 1, let group = groups.first(where: { $0.status == scenario.status }) {
                shadow.path.append(Step(position: .failure(next: id), answer: group.key, source: .user))
            }
            if let (value, _) = engine.automaticAnswer(for: node, in: shadow) { return value }
            if let answer = scenario.answers?[id] { return answer }
            if let key = node.fact, let value = scenario.facts?[key] { return value }
            if node.kind == .choice, let choice = node.choices?.first(where: { $0.value == String(scenario.status) }) {
                return choice.value
            }
            return nil
        }
    }
}
