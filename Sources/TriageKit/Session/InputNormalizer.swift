import Foundation

/// Offers the readings of a typed value whose meaning is clear (method case, account id dashes, an ARN
/// pasted where one of its ids is asked), so the parser can accept them instead of rejecting the input.
enum InputNormalizer {
    /// Alternatives to try, in order, when `text` itself does not match the expected pattern.
    static func candidates(for text: String) -> [String] {
        var result: [String] = [text.uppercased(), text.lowercased()]
        // Account ids are often written in groups: 1234-5678-9012 or 1234 5678 9012.
        let digitsAndSeparators = CharacterSet.decimalDigits.union(CharacterSet(charactersIn: "- "))
        if text.unicodeScalars.allSatisfy({ digitsAndSeparators.contains($0) }) {
            result.append(text.filter(\.isNumber))
        }
        if text.lowercased().hasPrefix("arn:") { result += arnCandidates(text) }
        return result.filter { $0 != text }
    }

    /// The ids an ARN carries: a Lambda function name (with qualifier), the resource's parts, the account.
    private static func arnCandidates(_ arn: String) -> [String] {
        let fields = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 6 else { return [] }
        var result: [String] = []
        let resource = fields[5]
        if fields[2] == "lambda", resource.hasPrefix("function:") {
            let name = String(resource.dropFirst("function:".count))
            result.append(name)
            if let plain = name.split(separator: ":").first { result.append(String(plain)) }
        }
        let parts = resource.split(whereSeparator: { $0 == "/" || $0 == ":" }).map(String.init)
        if fields[2] == "execute-api", let apiId = parts.first { result.append(apiId) }
        if let last = parts.last { result.append(last) }
        result.append(fields[4])
        return result.filter { !$0.isEmpty }
    }
}
