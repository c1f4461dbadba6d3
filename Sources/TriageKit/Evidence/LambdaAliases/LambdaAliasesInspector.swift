/// Reads `aws lambda list-aliases` and `get-alias` output: which versions the aliases point at,
/// and weighted routing (`RoutingConfig.AdditionalVersionWeights`: a share of calls runs another
/// version, so failures of only some calls may be that version).
///
/// An alias is a qualified function ARN (`function:name:live`): an integration that calls it needs
/// a permission on that ARN, and a statement on the bare function does not cover it. The
/// description says so; `LambdaPolicy` checks the statements' `Resource`.
/// Facts: `function_name`, `region`, `account_id`.
public struct LambdaAliasesInspector: EvidenceInspector {
    public let kind = "lambda-aliases"

    public init() {}

    public func detect(_ sample: EvidenceSample) -> Int? {
        CLIListing.score(
            sample, service: "lambda", operations: ["list-aliases", "get-alias", "create-alias", "update-alias"],
            apiOperations: ["ListAliases", "GetAlias"], shape: Self.isShape)
    }

    static func isShape(_ root: DocumentNode) -> Bool {
        if let aliases = CLIListing.items(root, ["Aliases"]) { return CLIListing.all(aliases, allowEmpty: true, isAlias) }
        return isAlias(root)
    }

    static func isAlias(_ node: DocumentNode) -> Bool {
        node["AliasArn"]?.string != nil && node.member("FunctionVersion") != nil
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        try ConfigInspection.run(file, kind: kind, as: .json, inspect: inspect)
    }

    func inspect(_ document: ConfigDocument) -> EvidenceReport {
        guard Self.isShape(document.root) else {
            return ConfigInspection.unusable(document.path, kind: kind, problem: "it has no AliasArn", lines: document.lineCount)
        }
        let aliases = CLIListing.items(document.root, ["Aliases"]) ?? [document.root]
        var facts = FactCollector()
        var notes: [String] = []
        for alias in aliases {
            let name = alias["Name"]?.string ?? "?"
            var note = "\(name) → version \(alias["FunctionVersion"]?.scalarText ?? "?")"
            let weights = alias["RoutingConfig"]?["AdditionalVersionWeights"]?.members ?? []
            for weight in weights {
                let share = (Double(weight.value.scalarText ?? "") ?? 0) * 100
                note += " (\(Int(share.rounded())) % to version \(weight.key))"
            }
            notes.append(note)
            if let arn = alias["AliasArn"]?.string, let function = LambdaFunctionTarget(uri: arn) {
                // The aliases belong to one function: its bare name, not `name:alias`.
                var found = function.facts
                found["function_name"] = function.name
                if let region = function.region, FactText.isConcrete(region) { found["region"] = region }
                facts.add(found)
            }
        }
        var description = ([ConfigInspection.label(kind)] + notes).joined(separator: ", ")
        if !aliases.isEmpty {
            description += "; an integration that calls an alias needs a permission on the alias's ARN"
        }
        return EvidenceReport(path: document.path, kind: kind, description: description, lines: document.lineCount, facts: facts.facts)
    }
}
