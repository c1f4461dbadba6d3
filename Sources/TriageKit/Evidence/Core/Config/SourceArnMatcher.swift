/// Compares the ARN API Gateway invokes a function with (`X-Amz-Source-Arn` in an execution log)
/// against the `AWS:SourceArn` patterns of the function's resource policy.
///
/// - Matching follows IAM's `StringLike`: `*` stands for any run of characters (none included,
///   slashes included), `?` for exactly one character; everything else must be equal, case included.
///   Lambda compares `AWS:SourceArn` this way, so `api/*/GET/*` covers every stage.
/// - The source ARN is `arn:aws:execute-api:<region>:<account>:<api-id>/<stage>/<METHOD>/<path>`,
///   the path without its leading slash; console test calls use the stage `null`.
public enum SourceArnMatcher {
    /// Whether `arn` matches `pattern` under `StringLike` rules.
    public static func matches(pattern: String, arn: String) -> Bool {
        let pattern = Array(pattern.unicodeScalars)
        let text = Array(arn.unicodeScalars)
        var p = 0
        var t = 0
        // Where the last `*` was, and the text position it currently swallows up to.
        var star: Int?
        var starText = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "*" {
                star = p
                starText = t
                p += 1
            } else if p < pattern.count, pattern[p] == "?" || pattern[p] == text[t] {
                p += 1
                t += 1
            } else if let star {
                // Let the last `*` take one more character and try again from there.
                p = star + 1
                starText += 1
                t = starText
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }

    /// The source ARN of a call to a REST API method (or an HTTP API route with a method and path).
    /// `resourcePath` is the resource path as defined (`/orders/{id}`), with or without its slash.
    public static func sourceArn(
        region: String, accountId: String, apiId: String, stage: String, httpMethod: String,
        resourcePath: String, partition: String = "aws"
    ) -> String {
        let path = resourcePath.hasPrefix("/") ? String(resourcePath.dropFirst()) : resourcePath
        return "arn:\(partition):execute-api:\(region):\(accountId):\(apiId)/\(stage)/\(httpMethod)/\(path)"
    }

    /// The source ARN from known facts (`region`, `account_id`, `api_id`, `stage`, and either
    /// `http_method` + `resource_path` or an HTTP API `route_key`); nil when one is missing.
    public static func sourceArn(facts: [String: String]) -> String? {
        guard let region = facts["region"], let account = facts["account_id"], let api = facts["api_id"],
            let stage = facts["stage"]
        else { return nil }
        if let method = facts["http_method"], let path = facts["resource_path"] {
            return sourceArn(
                region: region, accountId: account, apiId: api, stage: stage, httpMethod: method, resourcePath: path)
        }
        guard let route = facts["route_key"] else { return nil }
        if route == "$default" {
            return "arn:aws:execute-api:\(region):\(account):\(api)/\(stage)/$default"
        }
        let parts = route.split(separator: " ", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        return sourceArn(
            region: region, accountId: account, apiId: api, stage: stage, httpMethod: String(parts[0]),
            resourcePath: String(parts[1]))
    }
}
