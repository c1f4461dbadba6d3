/// Conventional values of unknown facts (`default:` in facts.yaml), for filling templates.
///
/// A default is not a known fact: it never answers a question or a route. It only keeps a command
/// runnable, e.g. the standard execution-log group `API-Gateway-Execution-Logs_{{api_id}}/{{stage}}`
/// while the engineer has not said the logs are delivered elsewhere.
public enum FactDefaults {
    /// The facts plus the defaults that apply to the unknown ones, filled from the known facts.
    public static func apply(to facts: [String: String], tree: DecisionTree) -> [String: String] {
        var result = facts
        let evaluator = ConditionEvaluator(facts: facts, findings: [])
        for definition in tree.facts where (facts[definition.key] ?? "").isEmpty {
            guard let fallback = applicable(definition, evaluator) else { continue }
            let filled = Template.fill(fallback.value, facts: facts) { tree.fact($0)?.placeholder ?? "<\($0)>" }
            result[definition.key] = filled.text
        }
        return result
    }

    /// The fact keys a template needs once defaults stand in: a defaulted key is replaced by the
    /// keys of its default (so the engine asks for the API id and stage, not the log group).
    static func neededKeys(_ keys: [String], facts: [String: String], tree: DecisionTree) -> [String] {
        let evaluator = ConditionEvaluator(facts: facts, findings: [])
        var result: [String] = []
        for key in keys {
            let expanded = (facts[key] ?? "").isEmpty
                ? tree.fact(key).flatMap { applicable($0, evaluator) }.map { Template.placeholders(in: $0.value) } ?? [key]
                : [key]
            for key in expanded where !result.contains(key) { result.append(key) }
        }
        return result
    }

    /// The first variant whose condition holds; failing that, the first not known to be false.
    private static func applicable(_ definition: FactDefinition, _ evaluator: ConditionEvaluator) -> FactDefault? {
        guard let variants = definition.default?.variants else { return nil }
        if let holding = variants.first(where: { $0.when.map { evaluator.evaluate($0) == true } ?? true }) { return holding }
        // Unknown counts as applying: the conventional value is the best guess until a fact says otherwise.
        return variants.first { $0.when.map { evaluator.evaluate($0) != false } ?? true }
    }
}
