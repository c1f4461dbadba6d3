/// One command of the content, filled for one API type and stage: what `Scripts/check-commands`
/// runs through the AWS CLI's parser and through shellcheck.
public struct InventoryCommand: Codable, Sendable, Equatable, Hashable {
    /// The node it belongs to.
    public var node: String
    /// Where on the node: `command` (a question), `step N`, `verify`, `query`.
    public var place: String
    public var apiType: String
    public var stage: String
    public var command: String
}

/// Every command the content can show, rendered with every fact given.
///
/// For each API type and each kind of stage name (a plain one and `$default`), every question
/// command, fix and end step, verify step and query command whose `when` is not known to be false
/// is filled with the vocabulary's examples. Every variant that could be shown is listed, not only
/// the one `select` picks, so a wrong variant cannot hide behind a right one.
public enum CommandInventory {
    public static let apiTypes = ["rest", "http", "websocket"]
    public static let stages = ["prod", "$default"]

    public static func render(_ tree: DecisionTree, extraFacts: [String: String] = [:]) -> [InventoryCommand] {
        var seen: Set<InventoryCommand> = []
        var result: [InventoryCommand] = []
        for apiType in apiTypes {
            for stage in stages {
                var facts = Dictionary(uniqueKeysWithValues: tree.facts.compactMap { fact in fact.example.map { (fact.key, $0) } })
                facts.merge(extraFacts) { $1 }
                facts["api_type"] = apiType
                facts["stage"] = stage
                // Left unknown so both the AWS CLI v1 and v2 variants are listed (the check skips v2-only ones).
                facts["aws_cli"] = nil
                let evaluator = ConditionEvaluator(facts: facts, findings: [])
                func add(_ node: Node, _ place: String, _ command: CommandText?) {
                    for variant in command?.variants ?? [] where variant.when.map({ evaluator.evaluate($0) != false }) ?? true {
                        let text = Template.fill(variant.command, facts: facts) { tree.fact($0)?.placeholder ?? "<\($0)>" }.text
                        let entry = InventoryCommand(node: node.id, place: place, apiType: apiType, stage: stage, command: text)
                        if seen.insert(entry).inserted { result.append(entry) }
                    }
                }
                for node in tree.nodes {
                    add(node, "command", node.command)
                    let steps = (node.steps ?? []).enumerated().filter { $0.element.when.map { evaluator.evaluate($0) != false } ?? true }
                    for (index, step) in steps { add(node, "step \(index + 1)", step.command) }
                    add(node, "verify", node.verify?.command)
                    add(node, "query", node.query?.command.map { CommandText(stringLiteral: $0) })
                }
            }
        }
        return result
    }
}
