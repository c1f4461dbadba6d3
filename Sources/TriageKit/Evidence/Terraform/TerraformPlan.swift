/// The resources of `terraform show -json` output (state or saved plan) and of a state file, with
/// their values, which Terraform has already evaluated: no references are left to resolve.
///
/// Read from `values.root_module`, `planned_values.root_module`, `prior_state.values.root_module`
/// (with their `child_modules`), `resource_changes[].change.after`, and a state file's
/// `resources[].instances[].attributes`; a resource seen in several places counts once.
enum TerraformPlan {
    /// Module nesting deeper than this is not followed (real configurations nest a few levels).
    static let maximumModuleDepth = 20

    /// Whether a JSON document is one of these outputs.
    static func isPlan(_ root: DocumentNode) -> Bool {
        guard root.member("format_version") != nil || root.member("terraform_version") != nil else { return false }
        return root.member("values") != nil || root.member("planned_values") != nil
            || root.member("resource_changes") != nil || isState(root)
    }

    static func isState(_ root: DocumentNode) -> Bool {
        root.member("terraform_version") != nil
            && root["resources"]?.elements.contains { $0.member("instances") != nil } == true
    }

    static func resources(_ root: DocumentNode) -> [TerraformResource] {
        var found: [TerraformResource] = []
        var seen: Set<String> = []
        func add(_ entry: DocumentNode, values: DocumentNode?) {
            guard let type = entry["type"]?.string, let name = entry["name"]?.string else { return }
            let isData = entry["mode"]?.string == "data"
            let address = entry["address"]?.string ?? ((isData ? "data." : "") + type + "." + name)
            guard let values, values.isObject, seen.insert(address).inserted else { return }
            found.append(TerraformResource(type: type, name: name, isData: isData, line: entry.line, values: values))
        }
        func walk(_ module: DocumentNode?, depth: Int) {
            guard let module, depth < maximumModuleDepth else { return }
            for entry in module["resources"]?.elements ?? [] { add(entry, values: entry["values"]) }
            for child in module["child_modules"]?.elements ?? [] { walk(child, depth: depth + 1) }
        }
        walk(root["planned_values"]?["root_module"], depth: 0)
        walk(root["values"]?["root_module"], depth: 0)
        walk(root["prior_state"]?["values"]?["root_module"], depth: 0)
        for change in root["resource_changes"]?.elements ?? [] { add(change, values: change["change"]?["after"]) }
        if isState(root) {
            for entry in root["resources"]?.elements ?? [] {
                for instance in entry["instances"]?.elements ?? [] { add(entry, values: instance["attributes"]) }
            }
        }
        return found
    }
}
