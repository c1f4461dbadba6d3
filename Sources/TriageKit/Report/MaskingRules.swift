/// The table of secrets the masker knows, most specific first.
///
/// Order matters only for readability of the result: a later rule leaves alone a value an
/// earlier one already masked (see `MaskStyle.isLeftAlone`).
extension MaskingRule {
    public static let all: [MaskingRule] = [
        accessKeyID, secretAccessKey, bareSecretAccessKey, sessionToken, bareSessionToken, authorization,
        apiKey, executionLogAPIKey, signature, cookie, jwt, password, namedSecret, oauthToken,
        // Added for issue 14 (see MaskingRules+Tokens.swift).
        privateKeyBlock, privateKeyBody, urlUserinfo, githubToken, githubFineGrainedToken, stripeKey, slackToken,
        apiKeyValue, secretNearKeyID, environmentVariables,
    ]

    /// `AKIA…` (long-term) and `ASIA…` (temporary) access key ids: keep the prefix that says which.
    static let accessKeyID = MaskingRule(
        name: "aws-access-key-id", gate: .keywords(["akia", "asia"]),
        patterns: [.init(#"(?<![A-Z0-9])((?:AKIA|ASIA)[A-Z0-9]{16})(?![A-Z0-9])"#, caseInsensitive: false)],
        style: .ends(prefix: 4))

    /// Secret access keys named as such: credentials files, `export AWS_…=`, `sts` JSON output.
    static let secretAccessKey = MaskingRule(
        name: "aws-secret-access-key", gate: .keywords(["secret"]),
        patterns: NamedValue.patterns(
            names: "aws_secret_access_key|secret_access_key|secretaccesskey|aws_secret_key|secret_key|secretkey"),
        style: .ends(prefix: 0))

    /// A secret access key standing alone: exactly 40 characters of its alphabet, mixing cases and
    /// digits or slashes (a git hash is lowercase hex; base64 bodies run longer or end in `=`).
    static let bareSecretAccessKey = MaskingRule(
        name: "aws-secret-access-key-bare", gate: .secretKeyRun(length: 40),
        patterns: [.init(
            #"(?<![A-Za-z0-9/+=])([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])"#, caseInsensitive: false,
            accepts: { value in
                value.contains(where: \.isUppercase) && value.contains(where: \.isLowercase)
                    && value.contains(where: { $0.isNumber || $0 == "/" || $0 == "+" })
            })],
        style: .ends(prefix: 0))

    /// Session tokens by name: `X-Amz-Security-Token` headers and query strings, `SessionToken` in JSON.
    static let sessionToken = MaskingRule(
        name: "aws-session-token", gate: .keywords(["token"]),
        patterns: NamedValue.patterns(
            names: "x-amz-security-token|aws_session_token|aws_security_token|sessiontoken|session_token|securitytoken|security_token"),
        style: .ends(prefix: 0))

    /// Session tokens without a name: they start with a fixed base64 prefix (`IQoJb3JpZ2luX2Vj` = "origin_ec").
    static let bareSessionToken = MaskingRule(
        name: "aws-session-token-bare", gate: .keywords(["iqojb3jpz2lux2vj", "fwogzxivyxdze"]),
        patterns: [.init(#"((?:IQoJb3JpZ2luX2Vj|FwoGZXIvYXdzE)[A-Za-z0-9/+=%]{20,})"#, caseInsensitive: false)],
        style: .ends(prefix: 0))

    /// `Authorization` (and `Proxy-Authorization`, and a TOKEN authorizer's `authorizationToken`).
    /// In execution logs' `{Name=value, …}` maps the value runs to the next comma.
    static let authorization = MaskingRule(
        name: "authorization", gate: .keywords(["authoriz"]),
        patterns: NamedValue.patterns(names: "authorization|proxy-authorization|authorizationtoken", phrase: true),
        style: .scheme)

    /// API keys: `x-api-key` headers, the `apiKey` field of access logs, stage variables such as `backendApiKey`.
    static let apiKey = MaskingRule(
        name: "api-key", gate: .keywords(["api-key", "api_key", "apikey"]),
        patterns: NamedValue.patterns(names: #"[\w.-]*api[-_]?key"#),
        style: .ends(prefix: 0))

    /// The usage-plan lines of an execution log: `… API Key: <key> API Stage: …`, `for API Key <key> and …`.
    static let executionLogAPIKey = MaskingRule(
        name: "api-key-execution-log", gate: .keywords(["api key"]),
        patterns: [.init(#"(?<!\w)API Key:? (?!(?:API|and|authorized)\b)([A-Za-z0-9*]{6,})"#, caseInsensitive: false)],
        style: .ends(prefix: 0))

    /// Signatures of signed URLs (`X-Amz-Signature=`) and of SigV4 `Authorization` headers (`Signature=`).
    static let signature = MaskingRule(
        name: "signature", gate: .keywords(["signature"]),
        patterns: NamedValue.patterns(names: "x-amz-signature|signature"),
        style: .ends(prefix: 0))

    /// `Cookie` and `Set-Cookie` headers, and the `cookies` lists of HTTP API events and responses.
    static let cookie = MaskingRule(
        name: "cookie", gate: .keywords(["cookie"]),
        patterns: NamedValue.patterns(names: "cookie|set-cookie|cookies", phrase: true),
        style: .cookies)

    /// JSON Web Tokens wherever they stand: `eyJ` is the base64 of `{"`, which starts header and payload.
    static let jwt = MaskingRule(
        name: "jwt", gate: .keywords(["eyj"]),
        patterns: [.init(
            // No look-behind: a URL-encoded `Bearer%20eyJ…` puts a digit right before the token.
            #"(eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*)"#, caseInsensitive: false)],
        style: .ends(prefix: 3))

    /// Any value under a name containing `password` or `passwd` (`"password"`, `DB_PASSWORD=`, `MasterUserPassword:`).
    static let password = MaskingRule(
        name: "password", gate: .keywords(["passw"]),
        patterns: NamedValue.patterns(names: #"[\w.-]*passw(?:or)?d[\w.-]*"#, bareJSONValues: true),
        style: .full)

    /// Values under names ending in `secret` or `private_key` (`CLIENT_SECRET`, `"SecretString"`).
    static let namedSecret = MaskingRule(
        name: "named-secret", gate: .keywords(["secret", "private"]),
        patterns: NamedValue.patterns(names: #"[\w.-]*secret|secretstring|[\w.-]*private[_-]?key"#),
        style: .full)

    /// OAuth tokens by name (a JWT among them is already masked by `jwt`; this catches opaque ones).
    static let oauthToken = MaskingRule(
        name: "oauth-token", gate: .keywords(["token"]),
        patterns: NamedValue.patterns(
            names: "access_token|accesstoken|refresh_token|refreshtoken|id_token|idtoken|auth_token|bearer_token"),
        style: .ends(prefix: 0))
}

/// Patterns for "a value under a name", in every syntax the evidence files use.
///
/// - JSON `"name": "value"`, also escaped inside another JSON string (`\"name\": \"value\"`,
///   as in `filter-log-events` output) and JSON arrays (`"name": ["a", "b"]`)
/// - headers and YAML `name: value` (to the end of the line)
/// - assignments `name=value` (query strings, credentials files, execution-log header maps);
///   with `phrase`, the value may hold spaces and runs to the next comma or brace
enum NamedValue {
    static func patterns(names: String, phrase: Bool = false, bareJSONValues: Bool = false) -> [MaskingRule.Pattern] {
        let name = "(?:\(names))"
        // JSON keys may carry a dotted prefix: `"integration.request.header.x-api-key"`.
        let key = #"(?:[\w-]*\.)*"# + name
        let assigned = phrase ? #"((?:(?! \[TRUNCATED\])[^,}\r\n"'])*[^,}\s"'])"# : #"([^\s"'&,;}\]\\]+)"#
        var patterns: [MaskingRule.Pattern] = [
            .init(#""\#(key)"\s*:\s*"((?:[^"\\]|\\.)*)""#),
            .init(#"(\\+)"\#(key)\1"\s*:\s*\1"(.*?)\1""#, group: 2),
            .init(#""\#(key)"\s*:\s*\[([^\]]*)\]"#, elements: true),
            // A YAML key whose value is a mapping or a list (`api_key: {type: apiKey}`) holds no secret.
            .init(#"(?<!\w)\#(name)[ \t]*:[ \t]*+(?![{\[])["']*([^\r\n"']*[^\s"'])"#),
            .init(#"(?<!\w)\#(name)[ \t]*=[ \t]*["']*\#(assigned)"#),
        ]
        if bareJSONValues {
            patterns.append(.init(#""\#(key)"\s*:\s*(-?[0-9][0-9.eE+-]*)"#))
        }
        return patterns
    }
}
