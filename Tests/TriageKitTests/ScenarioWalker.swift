@testable import TriageKit

/// The reference walk of a scenario: what a careful trainee types, worked out question by
/// question on the engine, then replayed through plain mode by the tests.
///
/// The trainee loads every offered file first (`load N`), then answers each question the
/// evidence leaves open: from the scenario's `answers` (by question id), from the facts the
/// story states, or — for a choice that offers it — with the status code the customer reports.
/// A question none of these answers stops the walk with a message naming it, which is what a
/// content author needs to complete the scenario.
struct ScenarioWalker {
    struct Walk {
        /// The lines to type in plain mode, in order.
        var lines: [String]
        var state: SessionState
    }

    struct Stuck: Error, CustomStringConvertible {
        var description: String
    }

    let engine: Engine
    var session: TrainingSession

    mutating func walk() throws -> Walk {
        let scenario = session.scenario
        var state = engine.start()
        var lines: [String] = []
        for file in session.files {
            state = session.load(file, into: state, engine: engine)
            lines.append("load \(file.number)")
        }
        for _ in 0..<200 {
            if engine.isFinished(state) { return Walk(lines: lines, state: state) }
            let answer = try self.answer(at: state, scenario: scenario)
            do {
                state = try engine.apply(.answer(answer), to: state)
            } catch {
                throw Stuck(description: "\(scenario.id): the answer '\(answer)' at \(state.current.id) was refused: \(error)")
            }
            lines.append(answer)
        }
        throw Stuck(description: "\(scenario.id): no outcome after 200 answers")
    }

    private func answer(at state: SessionState, scenario: Scenario) throws -> String {
        switch state.current {
        case .fact(let key, _):
            return scenario.facts?[key] ?? ""
        case .failure:
            // Several failures in the files: the trainee picks the one the customer reports.
            guard case .question(let view) = engine.screen(for: state).body,
                let choice = view.choices.firstIndex(where: { $0.value.hasPrefix("\(scenario.status) ") || $0.value == String(scenario.status) })
            else { return "" }
            return String(choice + 1)
        case .node(let id):
            guard let node = engine.tree.node(id) else { throw Stuck(description: "\(scenario.id): no node \(id)") }
            if let answer = scenario.answers?[id] { return answer }
            if node.kind == .file { return "skip" }
            if let key = node.fact, let value = scenario.facts?[key] { return value }
            if node.kind == .choice, let choice = node.choices?.first(where: { $0.value == String(scenario.status) }) {
                return choice.value
            }
            throw Stuck(description: """
                \(scenario.id): nothing answers question \(id) ("\(node.text ?? node.shortTitle)"); \
                add it to the scenario's answers
                """)
        }
    }
}
