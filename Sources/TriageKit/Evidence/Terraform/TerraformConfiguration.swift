/// The resources of one Terraform file (or plan), indexed for the checks, with the references
/// between them resolved as far as the file allows.
///
/// References name what they point at: `${aws_lambda_function.orders.invoke_arn}` is "the
/// function `orders` of this file", which is all the checks need to pair an integration with its
/// function and its permission. A literal attribute of the referenced resource replaces the
/// reference (`aws_api_gateway_method.get.http_method` → `GET`). What the file cannot settle
/// (`var.*`, `local.*`, a resource defined elsewhere, a conditional) is noted once per expression
/// in `notUnderstood`, for the report's problems.
struct TerraformConfiguration {
    let resources: [TerraformResource]
    /// Expressions in the attributes the checks read that could not be resolved, with their line.
    private(set) var notUnderstood: [(text: String, line: Int)] = []
    private let byType: [String: [TerraformResource]]
    private let byAddress: [String: TerraformResource]

    init(resources: [TerraformResource]) {
        self.resources = resources
        byType = Dictionary(grouping: resources.filter { !$0.isData }, by: \.type)
        // With duplicate addresses (count instances in a plan), the first one counts.
        byAddress = Dictionary(resources.map { ($0.address, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func resources(ofType type: String) -> [TerraformResource] {
        byType[type] ?? []
    }

    /// The resource (or data source) at `address` (`aws_lambda_function.orders`).
    func resource(at address: String) -> TerraformResource? {
        byAddress[address]
    }

    /// The resource a reference points at: `${aws_lambda_function.orders.invoke_arn}` →
    /// (the function, `invoke_arn`). Only a value that is a single reference qualifies.
    func referenced(by text: String) -> (resource: TerraformResource, attribute: String)? {
        guard let inner = Self.singleReference(text) else { return nil }
        let parts = inner.split(separator: ".").map(String.init)
        let isData = parts.first == "data"
        let rest = isData ? Array(parts.dropFirst()) : parts
        guard rest.count >= 2 else { return nil }
        // `aws_x.name[0].attr` and `aws_x.name["key"].attr`: the instance index is not part of the name.
        let name = String(rest[1].prefix { $0 != "[" })
        let address = (isData ? "data." : "") + rest[0] + "." + name
        guard let resource = resource(at: address) else { return nil }
        return (resource, rest.dropFirst(2).joined(separator: "."))
    }

    /// The inside of `${...}` when `text` is exactly one interpolation.
    static func singleReference(_ text: String) -> String? {
        guard text.hasPrefix("${"), text.hasSuffix("}"), text.count > 3 else { return nil }
        let inner = text.dropFirst(2).dropLast()
        guard !inner.contains("${"), !inner.contains("}") else { return nil }
        return String(inner)
    }

    /// `text` with every reference to a literal attribute of a resource in the file replaced by
    /// that literal (`${aws_api_gateway_method.get.http_method}` → `GET`).
    func resolved(_ text: String) -> String {
        var result = ""
        var rest = text[...]
        while let start = rest.range(of: "${") {
            result += rest[..<start.lowerBound]
            let after = rest[start.upperBound...]
            guard let end = after.firstIndex(of: "}") else {
                result += rest[start.lowerBound...]
                return result
            }
            let reference = "${" + after[..<end] + "}"
            if let (resource, attribute) = referenced(by: reference), attribute == "invoke_arn",
                resource.type == "aws_lambda_function"
            {
                // What Terraform's `invoke_arn` is: the invocation URI API Gateway calls.
                result += "arn:aws:apigateway:${\(resource.address).region}:lambda:path/2015-03-31/functions/"
                    + "${\(resource.address).arn}/invocations"
            } else if let (resource, attribute) = referenced(by: reference), attribute == "path",
                resource.type == "aws_api_gateway_resource", let path = resourcePath(reference)
            {
                result += path
            } else if let (resource, attribute) = referenced(by: reference), !attribute.isEmpty,
                !attribute.contains("."), let literal = resource.text(attribute), !literal.contains("${")
            {
                result += literal
            } else {
                result += reference
            }
            rest = after[after.index(after: end)...]
        }
        return result + rest
    }

    /// The attribute `key` of `resource`, resolved, with its line; expressions that stay
    /// unresolved are noted.
    mutating func value(_ key: String, of resource: TerraformResource) -> LocatedValue? {
        guard var value = resource.located(key) else { return nil }
        value.text = resolved(value.text)
        note(value)
        return value
    }

    /// Notes the `${...}` parts of `value` that do not point at a resource of this file.
    mutating func note(_ value: LocatedValue) {
        for expression in Self.interpolations(in: value.text) {
            let isResource = referenced(by: "${\(expression)}") != nil
            let isStageVariable = expression.hasPrefix("stageVariables.")
            guard !isResource, !isStageVariable, !notUnderstood.contains(where: { $0.text == expression }) else { continue }
            notUnderstood.append((expression, value.line))
        }
    }

    /// The insides of the `${...}` parts of `text`.
    static func interpolations(in text: String) -> [String] {
        var found: [String] = []
        var rest = text[...]
        while let start = rest.range(of: "${") {
            let after = rest[start.upperBound...]
            guard let end = after.firstIndex(of: "}") else { break }
            found.append(String(after[..<end]))
            rest = after[after.index(after: end)...]
        }
        return found
    }
}
