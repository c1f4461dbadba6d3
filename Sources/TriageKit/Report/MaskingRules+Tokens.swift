/// The rules added when the security test found values that leaked (issue 14): private keys,
/// passwords in URLs, well-known token prefixes, API key values, secrets beside their key id, and
/// Lambda environment variables.
extension MaskingRule {
    /// A PEM private key inside one text (a JSON string with `\n` escapes, a multi-line value, a
    /// whole document): everything between `BEGIN … PRIVATE KEY-----` and the `END` line, or the
    /// end of the text when the block is cut. Lines of a block quoted one by one are caught by
    /// `privateKeyBody` and by the report's line-range pass (`SensitiveLines`).
    static let privateKeyBlock = MaskingRule(
        name: "private-key-block", gate: .keywords(["private key"]),
        patterns: [.init(
            #"-----BEGIN[A-Z ]*PRIVATE KEY-----(.+?)(?=-----END[A-Z ]*PRIVATE KEY-----|\z)"#, caseInsensitive: false,
            acrossLines: true)],
        style: .full)

    /// A line that is nothing but a long run of base64 (the body lines of a PEM block, 64
    /// characters each) and mixes cases and digits, so a hex digest or a word never matches.
    static let privateKeyBody = MaskingRule(
        name: "private-key-body", gate: .longSecretKeyRun(atLeast: 60),
        patterns: [.init(
            #"^[ \t]*["']?([A-Za-z0-9+/]{60,100}={0,2})["']?,?[ \t]*$"#, caseInsensitive: false,
            accepts: { value in
                value.contains(where: \.isUppercase) && value.contains(where: \.isLowercase) && value.contains(where: \.isNumber)
            })],
        style: .full)

    /// The password of a URL of any scheme: `https://user:pass@host`, `postgres://app:pw@db/x`.
    /// The user name and the host stay readable.
    static let urlUserinfo = MaskingRule(
        name: "url-userinfo", gate: .urlUserinfo,
        patterns: [.init(#"(?<![a-z0-9+.-])[a-z][a-z0-9+.-]*://[^\s/?#@:"'<>]*:([^\s/?#@"'<>]+)@"#)],
        style: .full)

    /// GitHub tokens: `ghp_` (personal), `gho_` (OAuth), `ghs_` (app server), `ghu_`, `ghr_`.
    static let githubToken = MaskingRule(
        name: "github-token", gate: .keywords(["ghp_", "gho_", "ghs_", "ghu_", "ghr_"]),
        patterns: [.init(#"(?<![A-Za-z0-9_])(gh[pousr]_[A-Za-z0-9]{20,})"#, caseInsensitive: false)],
        style: .ends(prefix: 4))

    /// GitHub fine-grained personal access tokens (`github_pat_…`).
    static let githubFineGrainedToken = MaskingRule(
        name: "github-fine-grained-token", gate: .keywords(["github_pat_"]),
        patterns: [.init(#"(?<![A-Za-z0-9_])(github_pat_[A-Za-z0-9_]{20,})"#, caseInsensitive: false)],
        style: .ends(prefix: 11))

    /// Stripe secret and restricted keys, live and test: keep `sk_live_` so the reader knows which.
    static let stripeKey = MaskingRule(
        name: "stripe-key", gate: .keywords(["sk_live_", "sk_test_", "rk_live_", "rk_test_"]),
        patterns: [.init(#"(?<![A-Za-z0-9_])((?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,})"#, caseInsensitive: false)],
        style: .ends(prefix: 8))

    /// Slack tokens: bot (`xoxb-`), user (`xoxp-`), app-level and the others of the family.
    static let slackToken = MaskingRule(
        name: "slack-token", gate: .keywords(["xox"]),
        patterns: [.init(#"(?<![A-Za-z0-9_])(xox[abposr]-[A-Za-z0-9-]{10,})"#, caseInsensitive: false)],
        style: .ends(prefix: 5))

    /// The `value` of an API key in `aws apigateway get-api-keys --include-values` output, when the
    /// text shows it is such an item (`enabled`, `stageKeys`). Multi-line outputs quoted line by
    /// line are covered by `SensitiveLines`, which sees the whole file.
    static let apiKeyValue = MaskingRule(
        name: "api-key-value", gate: .keywords(["stagekeys", "\"enabled\""]),
        patterns: [.init(#""value"\s*:\s*"((?:[^"\\]|\\.)+)""#, caseInsensitive: false)],
        style: .ends(prefix: 0))

    /// A 40-character secret access key standing near its key id (`AKIA… / wJalr…`, even joined by
    /// a slash) or after a word saying it is a secret, whatever its mix of characters.
    static let secretNearKeyID = MaskingRule(
        name: "aws-secret-near-key-id", gate: .keywords(["akia", "asia", "secret"]),
        patterns: [
            .init(
                #"(?:AKIA|ASIA)(?:[A-Z0-9]{16}|\*{16}[A-Z0-9]{4})[\s:/,;|="'-]{1,5}([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])"#,
                caseInsensitive: false),
            .init(#"secret[\w -]{0,24}?[\s:="']{1,5}([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])"#),
        ],
        style: .ends(prefix: 0))

    /// Lambda environment variables written on one line (`"Variables": {"DB_URL": "…"}`, Terraform
    /// `variables = { … }`, a `environment: {…}` flow mapping): every name kept, every value hidden.
    /// Blocks over several lines are covered by `SensitiveLines`.
    static let environmentVariables = MaskingRule(
        name: "environment-variables", gate: .keywords(["variables", "environment"]),
        patterns: [
            // Lambda writes `Variables` with a capital; a stage's lowercase `variables` are stage variables.
            .init(#""Variables"\s*:\s*\{([^{}]*)"#, caseInsensitive: false),
            .init(#"(?<![\w.])variables\s*=\s*\{([^{}]*)"#),
            .init(#"(?<![\w.])environment\s*:\s*\{([^{}]*)"#),
        ],
        style: .assignedValues)
}
