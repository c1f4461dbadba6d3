import Foundation

/// One kind of secret the masker hides: a cheap gate, the patterns that find the value, and
/// how much of the value may stay visible.
///
/// - The gate runs first and is a plain byte scan, so lines without a trigger word cost almost
///   nothing; the regular expressions run only on lines that pass it.
/// - Each pattern names the capture group that holds the secret; everything else it matches
///   (the header name, the JSON key, the quotes) stays as it was.
public struct MaskingRule: Sendable {
    /// A stable name, used by tests and in documentation (`aws-access-key-id`).
    public let name: String
    let gate: Gate
    let patterns: [Pattern]
    let style: MaskStyle

    init(name: String, gate: Gate, patterns: [Pattern], style: MaskStyle) {
        self.name = name
        self.gate = gate
        self.patterns = patterns
        self.style = style
    }

    /// Decides cheaply whether a text could hold this rule's secret.
    enum Gate: Sendable {
        /// Any of these lowercase ASCII words appears, in any case (kept as bytes for the scan).
        case keywords([[UInt8]])
        /// A run of exactly `length` characters of the AWS secret key alphabet (`A-Za-z0-9/+`).
        case secretKeyRun(length: Int)
        /// A run of at least `length` characters of that alphabet (a line of a PEM body).
        case longSecretKeyRun(atLeast: Int)
        /// `://` followed, before a blank or one of `/?#"'<>`, by a `:` and then an `@`: what a URL
        /// with a password needs. A plain `://` is common (stack traces quote `file:///var/task/…`),
        /// and the regular expression behind it cost a millisecond to build.
        case urlUserinfo

        static func keywords(_ words: [String]) -> Gate { .keywords(words.map { Array($0.lowercased().utf8) }) }
    }

    /// A regular expression and the group that holds the secret.
    struct Pattern: Sendable {
        /// Compiled on first use: most lines pass no gate, and compiling all forty-odd patterns
        /// up front was a third of a small file's whole `scan` (ICU builds each one).
        private let compiled: LazyRegularExpression
        var regex: NSRegularExpression { compiled.value }
        let group: Int
        /// The group is the body of a JSON array: mask each string in it on its own.
        let elements: Bool
        /// Extra check on a candidate value (for patterns that would otherwise match too much).
        let accepts: (@Sendable (Substring) -> Bool)?

        init(_ pattern: String, group: Int = 1, caseInsensitive: Bool = true, elements: Bool = false,
             acrossLines: Bool = false, accepts: (@Sendable (Substring) -> Bool)? = nil) {
            var options: NSRegularExpression.Options = [.anchorsMatchLines]
            if caseInsensitive { options.insert(.caseInsensitive) }
            // PEM blocks: `.` crosses line ends so one match covers BEGIN to END.
            if acrossLines { options.insert(.dotMatchesLineSeparators) }
            self.compiled = LazyRegularExpression(pattern: pattern, options: options)
            self.group = group
            self.elements = elements
            self.accepts = accepts
        }
    }
}

/// A regular expression compiled the first time it is needed, once, from any thread.
final class LazyRegularExpression: @unchecked Sendable {
    private let pattern: String
    private let options: NSRegularExpression.Options
    private let lock = NSLock()
    // Guarded by `lock`.
    private var regex: NSRegularExpression?

    init(pattern: String, options: NSRegularExpression.Options) {
        self.pattern = pattern
        self.options = options
    }

    var value: NSRegularExpression {
        lock.lock()
        defer { lock.unlock() }
        if let regex { return regex }
        // The patterns are literals of the masking table; a bad one is a programming error that
        // `SecretMaskerRuleTests.everyPatternCompiles` catches at once.
        let compiled = try! NSRegularExpression(pattern: pattern, options: options)
        regex = compiled
        return compiled
    }
}

/// How much of a secret stays visible: enough to recognise it, never enough to use it.
///
/// Every style writes exactly sixteen stars, whatever the value's length, so the mask does not
/// tell how long the secret was. A value that already holds sixteen stars is left alone, which
/// makes masking idempotent (masking a report twice changes nothing).
enum MaskStyle: Sendable {
    /// Keep the first `prefix` characters (e.g. `AKIA`), then stars, then the last four when the
    /// hidden part is long enough that four characters give nothing away.
    case ends(prefix: Int)
    /// Stars only (passwords: even a few characters of a short password help a guesser).
    case full
    /// `Authorization` values: keep the scheme word (`Bearer`, `AWS4-HMAC-SHA256`), mask the rest.
    /// `Basic` credentials are masked in full, since their last characters are the password's.
    case scheme
    /// Cookie headers: keep each cookie's name and the attributes (`Path`, `Secure`, ...), mask each value.
    case cookies
    /// A group of `name: "value"` or `NAME = "value"` pairs (Lambda environment variables): keep
    /// every name, hide every quoted value in full.
    case assignedValues

    static let stars = String(repeating: "*", count: 16)
    /// The hidden part must be at least this long before its last four characters are shown.
    static let revealThreshold = 16

    func mask(_ value: Substring) -> String {
        // A static value in an API Gateway mapping is quoted (`'Bearer abc'`): keep the quotes.
        if value.count > 2, value.first == "'", value.last == "'" {
            return "'" + mask(value.dropFirst().dropLast()) + "'"
        }
        return switch self {
        case .ends(let prefix): Self.maskKeeping(prefix: prefix, of: value)
        case .full: Self.isLeftAlone(value) ? String(value) : Self.stars
        case .scheme: Self.maskAuthorization(value)
        case .cookies: Self.maskCookies(value)
        case .assignedValues: Self.maskAssignedValues(value)
        }
    }

    private static func maskKeeping(prefix: Int, of value: Substring) -> String {
        guard value.count > prefix else { return isLeftAlone(value) ? String(value) : stars }
        let head = value.prefix(prefix)
        let hidden = value.dropFirst(prefix)
        if isLeftAlone(hidden) { return String(value) }
        let tail = hidden.count >= revealThreshold ? hidden.suffix(4) : ""
        return head + stars + tail
    }

    private static func maskAuthorization(_ value: Substring) -> String {
        guard let space = value.firstIndex(of: " "),
            value[..<space].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }),
            value[..<space].first?.isLetter == true
        else { return maskKeeping(prefix: 0, of: value) }
        let scheme = value[..<space]
        let credentials = value[value.index(after: space)...].drop { $0 == " " }
        if isLeftAlone(credentials) { return String(value) }
        let masked = scheme.lowercased() == "basic" ? stars : maskKeeping(prefix: 0, of: credentials)
        return scheme + " " + masked
    }

    /// Cookie attributes: not secrets, and what makes a `Set-Cookie` line worth reading.
    private static let cookieAttributes: Set<String> = [
        "path", "domain", "expires", "max-age", "samesite", "secure", "httponly", "partitioned", "priority",
    ]
    // A literal pattern, exercised by every cookie test.
    private static let cookiePair = try! NSRegularExpression(pattern: #"([^\s=;,"\\\[\]]+)=([^;,"\\\]]*)"#)

    private static func maskCookies(_ value: Substring) -> String {
        let text = String(value)
        let matches = cookiePair.matches(in: text, range: NSRange(text.startIndex..., in: text))
        // A cookie header with no name=value pair is still a cookie: hide all of it.
        guard !matches.isEmpty else { return maskKeeping(prefix: 0, of: value) }
        var result = text
        for match in matches.reversed() {
            guard let name = Range(match.range(at: 1), in: text), let pairValue = Range(match.range(at: 2), in: text),
                !cookieAttributes.contains(text[name].lowercased()), !text[pairValue].isEmpty
            else { continue }
            let masked = maskKeeping(prefix: 0, of: text[pairValue])
            result.replaceSubrange(Range(match.range(at: 2), in: result)!, with: masked)
        }
        return result
    }

    // A literal pattern, exercised by every environment-variable test.
    private static let assignedValue = try! NSRegularExpression(pattern: #"([:=]\s*)"((?:[^"\\]|\\.)*)""#)

    private static func maskAssignedValues(_ value: Substring) -> String {
        let text = String(value)
        var result = text
        for match in assignedValue.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
            guard let inner = Range(match.range(at: 2), in: text), !text[inner].isEmpty, !isLeftAlone(text[inner]),
                let target = Range(match.range(at: 2), in: result)
            else { continue }
            result.replaceSubrange(target, with: stars)
        }
        return result
    }

    /// Values that are not secrets and must stay readable: an earlier mask, a placeholder such
    /// as `<api-key>` in a command template, a shell variable such as `$TOKEN`, or an API Gateway
    /// mapping expression (`method.request.header.x-api-key`), which names where a value comes from.
    static func isLeftAlone(_ value: Substring) -> Bool {
        if value.isEmpty || value.hasPrefix(stars) { return true }
        if value.first == "<", value.last == ">" { return true }
        if value.first == "$", value.dropFirst().allSatisfy({ $0.isLetter || $0.isNumber || "_{}".contains($0) }) {
            return true
        }
        return mappingSources.contains { value.hasPrefix($0) } && !value.contains(" ")
    }

    private static let mappingSources = ["method.request.", "integration.response.", "context.", "stageVariables."]
}
