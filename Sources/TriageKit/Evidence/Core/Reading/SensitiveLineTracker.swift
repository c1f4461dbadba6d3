/// The state machine behind `SensitiveLines`: fed one line at a time, it knows whether the line
/// is inside a private key block, under a Lambda function's environment variables, or an API key
/// item's `value`.
///
/// It reads JSON, YAML and HCL alike by their shape (braces or indentation) instead of parsing
/// them: it must work on lines an inspector quoted from any format, stay in bounded memory, and
/// never fail. Lines are decoded only when they hold a trigger word or an open block needs them.
struct SensitiveLineTracker {
    private var reasons: [Int: SensitiveLines.Reason] = [:]
    private var inPrivateKey = false
    /// An `environment` key seen, waiting for its `Variables` (or, in YAML, its members).
    private var environment: (indent: Int, yamlStyle: Bool)?
    /// The open block of variables: its members are hidden.
    private var block: Block?
    /// Lines holding `"value":`, hidden at the end when the file turns out to list API keys.
    private var valueLines: [Int] = []
    private var listsAPIKeys = false

    private enum Block {
        /// `{`-delimited (JSON, HCL): open while the depth stays above zero.
        case braces(depth: Int)
        /// YAML: open while lines are indented deeper than the key.
        case indent(Int)
    }

    mutating func feed(_ line: RawLine) {
        let bytes = line.bytes
        let interesting =
            inPrivateKey || block != nil || environment != nil || bytes.firstOffset(of: "PRIVATE KEY") != nil
            || bytes.firstOffset(of: "nvironment") != nil || bytes.firstOffset(of: "ariables") != nil
            || bytes.firstOffset(of: "\"value\"") != nil || bytes.firstOffset(of: "\"enabled\"") != nil
            || bytes.firstOffset(of: "\"stageKeys\"") != nil
        guard interesting else { return }
        feed(number: line.number, text: String(decoding: bytes, as: UTF8.self))
    }

    mutating func feed(number: Int, text: String) {
        if text.contains("\"enabled\"") || text.contains("\"stageKeys\"") { listsAPIKeys = true }
        if text.contains("\"value\"") && text.contains(":") { valueLines.append(number) }
        if privateKey(number, text) { return }
        let trimmed = text.drop { $0 == " " || $0 == "\t" }
        let indent = text.count - trimmed.count
        if let open = block {
            switch open {
            case .braces(let depth):
                let next = depth + Self.braceDelta(text)
                // The closing line holds a member too when something stands before its brace.
                if next > 0 || !trimmed.hasPrefix("}") { reasons[number] = .environmentVariable }
                block = next > 0 ? .braces(depth: next) : nil
                return
            case .indent(let keyIndent):
                if trimmed.isEmpty || trimmed.hasPrefix("#") { return }
                if indent > keyIndent {
                    reasons[number] = .environmentVariable
                    return
                }
                block = nil
            }
        }
        opener(number, text: text, trimmed: trimmed, indent: indent)
    }

    func finish() -> SensitiveLines {
        var reasons = reasons
        if listsAPIKeys { for line in valueLines where reasons[line] == nil { reasons[line] = .apiKeyValue } }
        return SensitiveLines(reasons: reasons)
    }

    /// Handles private key blocks; true when the line belongs to one.
    private mutating func privateKey(_ number: Int, _ text: String) -> Bool {
        // The BEGIN and END lines carry their markers, so the masker's text rule hides whatever key
        // material stands on them; the lines between carry none, so they are marked here.
        if inPrivateKey {
            if text.contains("-----END"), text.contains("PRIVATE KEY") {
                inPrivateKey = false
            } else {
                reasons[number] = .privateKey
            }
            return true
        }
        guard text.contains("-----BEGIN"), text.contains("PRIVATE KEY-----") else { return false }
        // A block written on one line (a JSON string with `\n`) is closed on the same line.
        inPrivateKey = !(text.contains("-----END"))
        return true
    }

    /// Opens an environment context or a variables block.
    private mutating func opener(_ number: Int, text: String, trimmed: Substring, indent: Int) {
        let key = Self.key(trimmed)
        if key == "variables", environment.map({ indent > $0.indent }) ?? false {
            openBlock(text: text, trimmed: trimmed, indent: indent)
            environment = nil
            return
        }
        if key == "environment" {
            let rest = Self.afterKey(trimmed)
            if rest.isEmpty || rest == "{" {
                environment = (indent, rest.isEmpty && trimmed.hasSuffix(":"))
            }
            return
        }
        guard let env = environment else { return }
        if trimmed.isEmpty || trimmed.hasPrefix("#") { return }
        if indent <= env.indent {
            environment = nil
        } else if env.yamlStyle {
            // serverless.yml: `environment:` holds the variables directly.
            reasons[number] = .environmentVariable
            block = .indent(env.indent)
            environment = nil
        }
    }

    private mutating func openBlock(text: String, trimmed: Substring, indent: Int) {
        if text.contains("{") {
            let depth = Self.braceDelta(text)
            if depth > 0 { block = .braces(depth: depth) }
        } else if Self.afterKey(trimmed).isEmpty {
            block = .indent(indent)
        }
    }

    /// The key a line starts with, lowercased, without quotes: `"Variables": {` → `variables`.
    static func key(_ trimmed: Substring) -> String {
        var rest = trimmed
        if rest.first == "\"" { rest = rest.dropFirst() }
        let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        return name.lowercased()
    }

    /// What follows the key and its `:` or `=` (or `{` for an HCL block), trimmed.
    static func afterKey(_ trimmed: Substring) -> String {
        guard let separator = trimmed.firstIndex(where: { $0 == ":" || $0 == "=" || $0 == "{" }) else { return "" }
        if trimmed[separator] == "{" {
            // HCL `environment {`: the brace itself, then whatever follows it.
            return "{" + trimmed[trimmed.index(after: separator)...].trimmingTrailingWhitespace()
        }
        let rest = trimmed[trimmed.index(after: separator)...].drop { $0 == " " || $0 == "\t" }
        return String(rest.trimmingTrailingWhitespace())
    }

    /// Opening minus closing braces outside double-quoted strings.
    static func braceDelta(_ text: String) -> Int {
        var delta = 0
        var inString = false
        var escaped = false
        for character in text {
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = inString
            } else if character == "\"" {
                inString.toggle()
            } else if !inString {
                if character == "{" { delta += 1 } else if character == "}" { delta -= 1 }
            }
        }
        return delta
    }
}
