import Foundation

/// A Lambda function named by an integration: from a function ARN, an API Gateway invocation URI
/// (`arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<function-arn>/invocations`),
/// or a template reference. The name may hold a stage variable (`${stageVariables.fn}`).
struct LambdaFunctionTarget: Equatable {
    /// The function's ARN, or its name when that is all there is.
    var arnOrName: String
    var name: String
    var qualifier: String?
    var region: String?
    var account: String?

    /// The function inside an integration URI or function ARN; nil when the text names no function.
    init?(uri: String) {
        var text = uri
        if let functions = text.range(of: ":lambda:path/2015-03-31/functions/") {
            text = String(text[functions.upperBound...])
            if let end = text.range(of: "/invocations", options: .backwards) { text = String(text[..<end.lowerBound]) }
        } else if text.contains(":apigateway:") {
            return nil
        }
        guard let arn = AmazonResourceName(text), arn.service == "lambda", arn.resource.hasPrefix("function:") else {
            return nil
        }
        let nameAndQualifier = arn.resource.dropFirst("function:".count).split(
            separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        arnOrName = text
        name = String(nameAndQualifier[0])
        qualifier = nameAndQualifier.count > 1 ? String(nameAndQualifier[1]) : nil
        region = arn.region
        account = arn.account
    }

    /// Facts about the function; the name only when it is not chosen by a stage variable.
    var facts: [String: String] {
        var facts: [String: String] = [:]
        if FactText.isConcrete(name), !name.isEmpty {
            // A qualifier chosen by a stage variable varies per stage: the bare name is what is known.
            if let qualifier, FactText.isConcrete(qualifier) {
                facts["function_name"] = "\(name):\(qualifier)"
            } else {
                facts["function_name"] = name
            }
        }
        if let account, FactText.isConcrete(account), account.count == 12 { facts["account_id"] = account }
        return facts
    }

    /// Whether a stage variable picks the function or its alias.
    var usesStageVariable: Bool { !StageVariableReference.names(in: arnOrName).isEmpty }
}
