@testable import TriageKit

/// Walks every path from the start to an outcome by driving the engine with answers generated
/// from the tree: both answers of yes/no questions, every choice, the example (and nothing) for
/// inputs, and for file questions "skip" plus a synthetic evidence file for each finding the
/// question routes on. Fact questions are answered with the vocabulary's examples.
///
/// States whose future is the same (same position, facts, findings and facts already asked) are
/// explored once, which keeps the walk linear in the tree's size rather than in its path count.
struct PathWalker {
    struct Outcome {
        var outcomesReached: Set<String> = []
        var questionsVisited: Set<String> = []
        /// Commands still holding a placeholder after every fact question was answered.
        var unfilledCommands: [String] = []
        var refusedAnswers: [String] = []
        /// REST-only commands (`aws apigateway ...`) shown on a path whose API is HTTP or WebSocket.
        var restOnlyCommands: Set<String> = []
        /// Causes reached for an API type their catalogue entry does not list.
        var causesMissingAPIType: Set<String> = []
        /// Every (API type, cause) the walk reached, for the catalogue check in the other direction.
        var causesReached: Set<String> = []
        var statesExplored = 0
    }

    let engine: Engine
    var tree: DecisionTree { engine.tree }

    func walk() -> Outcome {
        var outcome = Outcome()
        var seen: Set<String> = []
        var stack = [engine.start()]
        while let state = stack.popLast() {
            guard seen.insert(signature(of: state)).inserted else { continue }
            outcome.statesExplored += 1
            switch state.current {
            case .fact(let key, _):
                let example = tree.fact(key)?.example ?? ""
                push(.answer(example), on: state, into: &stack, outcome: &outcome)
            case .failure:
                // The walk gives no evidence, so the failure question never comes; Enter would take the first.
                push(.answer(""), on: state, into: &stack, outcome: &outcome)
            case .node(let id):
                guard let node = tree.node(id) else { continue }
                guard node.kind.isQuestion else {
                    outcome.outcomesReached.insert(id)
                    checkCommands(of: state, into: &outcome)
                    continue
                }
                outcome.questionsVisited.insert(id)
                for event in events(for: node) { push(event, on: state, into: &stack, outcome: &outcome) }
            }
        }
        return outcome
    }

    private func events(for node: Node) -> [SessionEvent] {
        switch node.kind {
        case .yesno:
            return [.answer("yes"), .answer("no")]
        case .choice:
            return (node.choices ?? []).map { .answer($0.value) }
        case .input:
            let example = node.example ?? node.fact.flatMap { tree.fact($0)?.example } ?? "x"
            return [.answer(example)] + (node.isOptional ? [.answer("")] : [])
        case .file:
            let causes = ((node.routes ?? []).map(\.when) + (node.auto ?? []).map(\.when))
                .flatMap(\.flattened)
                .compactMap { condition -> String? in
                    if case .finding(let cause) = condition { return cause }
                    return nil
                }
            let kind = node.evidence?.first
            let evidence = Set(causes).sorted().map { cause in
                SessionEvent.addEvidence(EvidenceReport(
                    path: "synthetic-\(cause)", kind: kind, description: "synthetic evidence for \(cause)",
                    findings: [Finding(cause: cause, confidence: .high)]))
            }
            return [.answer("skip")] + evidence
        case .fix, .end:
            return []
        }
    }

    private func push(_ event: SessionEvent, on state: SessionState, into stack: inout [SessionState], outcome: inout Outcome) {
        do {
            stack.append(try engine.apply(event, to: state))
        } catch {
            outcome.refusedAnswers.append("\(state.current.id): \(event): \(error)")
        }
    }

    private func checkCommands(of state: SessionState, into outcome: inout Outcome) {
        guard case .outcome(let fix) = engine.screen(for: state).body else { return }
        let placeholders = tree.facts.map(\.placeholder)
        let commands = fix.commands + [fix.query?.logGroup, fix.query?.command].compactMap { $0 }
        for command in commands where placeholders.contains(where: command.contains) {
            outcome.unfilledCommands.append("\(fix.node): \(command)")
        }
        guard let apiType = engine.facts(in: state)["api_type"]?.value else { return }
        if apiType != "rest" {
            // `aws apigateway ` with its space: apigatewayv2 and apigatewaymanagementapi are fine.
            // Account-level settings (the CloudWatch role) have no apigatewayv2 form and serve every API type.
            let accountLevel = ["aws apigateway get-account", "aws apigateway update-account"]
            for command in commands where command.contains("aws apigateway ") && !accountLevel.contains(where: command.contains) {
                outcome.restOnlyCommands.insert("\(apiType) \(fix.node): \(command)")
            }
        }
        if let cause = fix.cause {
            outcome.causesReached.insert("\(apiType) \(cause)")
            if let entry = tree.cause(cause), !entry.api_types.contains(apiType) {
                let trail = state.path.filter { if case .node = $0.position { return true } else { return false } }.suffix(4).map { "\($0.position.id)=\($0.answer)" }.joined(separator: " > ")
                outcome.causesMissingAPIType.insert("\(cause) reached for \(apiType) via \(trail)")
            }
        }
    }

    private func signature(of state: SessionState) -> String {
        let facts = engine.facts(in: state).map { "\($0.key)=\($0.value.value)" }.sorted()
        let asked = state.path.compactMap { step -> String? in
            if case .fact(let key, _) = step.position { return key }
            return nil
        }.sorted()
        let findings = engine.findingCauses(in: state).sorted()
        let kinds = Set(state.evidence.compactMap(\.kind)).sorted()
        return [state.current.id, facts.joined(separator: ","), asked.joined(separator: ","),
                findings.joined(separator: ","), kinds.joined(separator: ",")].joined(separator: "|")
    }
}
