/// The `apigw-triage collect` command line for what the evidence already says (API, stage, Region,
/// API type, the failing request, the function), so "what would decide" can point at the one
/// script that fetches every deciding file rather than only at single commands.
public enum CollectCommandLine {
    /// `apigw-triage collect --api-id a1b2c3d4e5 --stage prod --region eu-west-1`, with
    /// placeholders for an unknown API or stage, and every value quoted when the shell would
    /// change it (`'$default'`).
    public static func command(facts: [String: String]) -> String {
        func known(_ key: String) -> String? { facts[key].flatMap { $0.isEmpty ? nil : $0 } }
        var words = ["apigw-triage", "collect", "--api-id", known("api_id").map(quoted) ?? "<api-id>",
                     "--stage", known("stage").map(quoted) ?? "<stage>"]
        if let region = known("region") { words += ["--region", quoted(region)] }
        if let type = known("api_type"), CollectRequest.APIType(rawValue: type) != nil { words += ["--api-type", type] }
        if let request = known("request_id") { words += ["--request-id", quoted(request)] }
        if let function = known("function_name") { words += ["--function", quoted(function)] }
        return words.joined(separator: " ")
    }

    /// Plain words stay as they are (easier to read); anything else is single-quoted.
    static func quoted(_ value: String) -> String {
        let plain = value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./:".contains($0)) }
        return plain ? value : ShellQuote.quote(value)
    }
}
