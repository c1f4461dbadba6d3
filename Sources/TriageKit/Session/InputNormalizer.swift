import Foundation

/// Offers the readings of a typed value whose meaning is clear (method case, account id dashes, an ARN
/// pasted where one of its ids is asked), so the parser can accept them instead of rejecting the input.
enum InputNormalizer {
    /// Alternatives to try, in order, when `text` itself does not match the expected pattern.
    /// `fact` is the fact asked for: an ARN gives the part that stands for that fact and no other.
    static func candidates(for text: String, fact: String? = nil) -> [String] {
        var result: [String] = [text.uppercased(), text.lowercased()]
        // Account ids are often written in groups: 1234-5678-9012 or 1234 5678 9012.
        let digitsAndSeparators = CharacterSet.decimalDigits.union(CharacterSet(charactersIn: "- "))
        if text.unicodeScalars.allSatisfy({ digitsAndSeparators.contains($0) }) {
            result.append(text.filter(\.isNumber))
        }
        if text.lowercased().hasPrefix("arn:"), let arn = ARNParts(text) {
            result += fact.map { arn.part(for: $0) } ?? arn.anyPart
        }
        return result.filter { !$0.isEmpty && $0 != text }
    }
}

/// An ARN split into the parts a fact can come from: `arn:partition:service:region:account:resource`.
struct ARNParts {
    let service: String
    let region: String
    let account: String
    let resource: String
    /// The resource split on `/` (and `:` after `function`), empty pieces dropped.
    let pieces: [String]

    init?(_ arn: String) {
        let fields = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 6 else { return nil }
        service = fields[2]
        region = fields[3]
        account = fields[4]
        resource = fields[5]
        pieces = resource.split(separator: "/").map(String.init)
    }

    /// The candidates for one fact, in order of likelihood; empty when this ARN does not carry it.
    func part(for fact: String) -> [String] {
        switch fact {
        case "region": return [region]
        case "account_id": return [account]
        case "function_name", "authorizer_function": return functionNames
        case "api_id":
            if service == "execute-api" { return Array(pieces.prefix(1)) }
            return after("restapis") + after("apis")
        case "stage":
            if service == "execute-api" { return Array(pieces.dropFirst().prefix(1)) }
            return after("stages")
        case "http_method":
            // execute-api: api/stage/METHOD/path; `*` means any method and is no answer.
            guard service == "execute-api", pieces.count > 2, pieces[2] != "*" else { return [] }
            return [pieces[2]]
        case "resource_path":
            guard service == "execute-api", pieces.count > 3 else { return [] }
            return ["/" + pieces.dropFirst(3).joined(separator: "/")]
        case "resource_id": return after("resources")
        case "authorizer_id": return after("authorizers")
        case "integration_id": return after("integrations")
        case "vpc_link_id": return after("vpclinks")
        case "role_name":
            guard service == "iam", resource.hasPrefix("role/") else { return [] }
            return Array(pieces.suffix(1))
        default: return []
        }
    }

    /// When the fact asked is not known: the last piece and the account, as a best effort.
    var anyPart: [String] {
        functionNames + Array(pieces.suffix(1)) + [account]
    }

    /// A Lambda function's name with and without its qualifier, from a function ARN or from an
    /// integration URI that carries one (`.../functions/arn:aws:lambda:...:function:NAME/invocations`).
    private var functionNames: [String] {
        guard let range = resource.range(of: "function:") else { return [] }
        let name = resource[range.upperBound...].prefix { $0 != "/" }
        guard !name.isEmpty else { return [] }
        var result = [String(name)]
        if let plain = name.split(separator: ":").first, plain != name { result.append(String(plain)) }
        return result
    }

    /// The piece following a collection name (`/restapis/ID/stages/NAME`: after `stages` is NAME).
    private func after(_ collection: String) -> [String] {
        guard service == "apigateway", let index = pieces.firstIndex(of: collection), index + 1 < pieces.count else { return [] }
        return [pieces[index + 1]]
    }
}
