import Foundation

/// Reads CloudFormation intrinsic functions well enough to check a template without deploying it.
///
/// - `text` renders a value as the string it would become, with what only a deployment knows left as
///   `${...}` placeholders: `{"Ref": "Fn"}` → `${Fn}`, `{"Fn::GetAtt": ["Fn", "Arn"]}` → `${Fn.Arn}`,
///   `Fn::Sub` keeps its own text, `Fn::Join` joins its parts, `Fn::If` takes its first branch.
///   So a URI written as `!Sub arn:aws:apigateway:${AWS::Region}:lambda:path/.../${Fn.Arn}/invocations`
///   is still recognisably a Lambda integration.
/// - `references` lists the logical ids a value points at (`Ref`, `Fn::GetAtt`, `${Id}` and
///   `${Id.Attr}` inside `Fn::Sub`), without pseudo parameters (`AWS::Region`) or stage variables.
enum TemplateIntrinsics {
    static func text(_ node: DocumentNode) -> String? {
        if let scalar = node.scalarText { return scalar }
        guard let (function, argument) = intrinsic(node) else { return nil }
        switch function {
        case "Ref":
            return argument.scalarText.map { "${\($0)}" }
        case "Fn::GetAtt":
            let parts = argument.isArray ? argument.elements.compactMap(text) : [argument.scalarText ?? ""]
            return "${\(parts.joined(separator: "."))}"
        case "Fn::Sub":
            guard argument.isArray else { return argument.scalarText }
            var template = argument.elements.first?.scalarText ?? ""
            // Variables given in the second element are substituted when they render to text.
            for variable in argument.elements.dropFirst().first?.members ?? [] {
                if let value = text(variable.value) { template = template.replacingOccurrences(of: "${\(variable.key)}", with: value) }
            }
            return template
        case "Fn::Join":
            let parts = argument.elements
            guard parts.count == 2 else { return nil }
            let delimiter = parts[0].scalarText ?? ""
            return parts[1].elements.map { text($0) ?? "${?}" }.joined(separator: delimiter)
        case "Fn::If":
            return argument.elements.dropFirst().first.flatMap(text)
        default:
            return "${\(function)}"
        }
    }

    static func references(_ node: DocumentNode) -> [String] {
        if let (function, argument) = intrinsic(node) {
            switch function {
            case "Ref":
                return argument.scalarText.map { [$0] }.map(withoutPseudo) ?? []
            case "Fn::GetAtt":
                let first = argument.isArray ? argument.elements.first?.scalarText : argument.scalarText?.split(separator: ".").first.map(String.init)
                return first.map { [$0] } ?? []
            case "Fn::Sub":
                let template = argument.isArray ? argument.elements.first?.scalarText ?? "" : argument.scalarText ?? ""
                let extra = argument.isArray ? argument.elements.dropFirst().flatMap(references) : []
                return withoutPseudo(placeholders(in: template)) + extra
            default:
                return references(argument)
            }
        }
        switch node.value {
        case .object(let members): return members.flatMap { references($0.value) }
        case .array(let elements): return elements.flatMap(references)
        default: return []
        }
    }

    /// The function and argument of a single-key intrinsic object (`{"Fn::Sub": ...}`).
    static func intrinsic(_ node: DocumentNode) -> (String, DocumentNode)? {
        guard case .object(let members) = node.value, members.count == 1 else { return nil }
        let key = members[0].key
        guard key == "Ref" || key == "Condition" || key.hasPrefix("Fn::") else { return nil }
        return (key, members[0].value)
    }

    /// The logical ids inside `${...}` placeholders (`${Fn.Arn}` → `Fn`).
    static func placeholders(in template: String) -> [String] {
        var names: [String] = []
        var rest = template[...]
        while let start = rest.range(of: "${") {
            let after = rest[start.upperBound...]
            guard let end = after.firstIndex(of: "}") else { break }
            let inside = after[..<end]
            // `${!Literal}` is an escaped, literal `${Literal}`.
            if !inside.hasPrefix("!") {
                names.append(String(inside.split(separator: ".").first ?? inside))
            }
            rest = after[after.index(after: end)...]
        }
        return names
    }

    private static func withoutPseudo(_ names: [String]) -> [String] {
        names.filter { !$0.hasPrefix("AWS::") && !$0.hasPrefix("stageVariables") }
    }
}
