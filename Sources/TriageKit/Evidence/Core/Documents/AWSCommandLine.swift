import Foundation

/// An `aws <service> <operation> --option value …` command line as pasted above its output, after
/// any shell prompt (`$ `, `user@host:~$ `, `[cloudshell-user@ip-10-0-0-1 ~]$ `, `PS C:\> `) and
/// `time`.
///
/// Tickets nearly always show the command with its output; the command says which operation
/// printed the JSON (when the JSON alone is ambiguous) and names ids the output leaves out
/// (`--rest-api-id`, `--resource-id`, `--http-method`, `--function-name`).
struct AWSCommandLine: Sendable, Equatable {
    /// `apigateway`, `lambda`, `elbv2`, ...
    var service: String
    /// `get-integration`, `get-policy`, ...
    var operation: String
    /// Options and their values (`--rest-api-id` → `a1b2c3d4e5`); a flag without a value maps to "".
    var options: [String: String]
    /// 1-based line the command starts on.
    var line: Int
    /// The line as written (prompt included), for quoting.
    var text: String

    /// Reads one line: nil unless, after an optional prompt and `time`, it starts with `aws`.
    init?(line text: Substring, number: Int) {
        guard let start = Self.commandStart(text) else { return nil }
        let words = Self.words(text[start...])
        // words[0] is "aws"; global options (`--region x`, `--profile y`) may come before the service.
        var index = 1
        var options: [String: String] = [:]
        var positional: [String] = []
        while index < words.count {
            let word = words[index]
            if word.hasPrefix("--") {
                let name = String(word.prefix { $0 != "=" })
                if let equals = word.firstIndex(of: "=") {
                    options[name] = String(word[word.index(after: equals)...])
                } else if index + 1 < words.count, !words[index + 1].hasPrefix("--") {
                    options[name] = words[index + 1]
                    index += 1
                } else {
                    options[name] = ""
                }
            } else if word == "|" || word == ">" || word == ">>" || word == "2>&1" {
                break
            } else {
                positional.append(word)
            }
            index += 1
        }
        guard positional.count >= 2, Self.isName(positional[0]), Self.isName(positional[1]) else { return nil }
        service = positional[0]
        operation = positional[1]
        self.options = options
        line = number
        self.text = String(text)
    }

    init(service: String, operation: String, options: [String: String] = [:], line: Int = 1) {
        self.service = service
        self.operation = operation
        self.options = options
        self.line = line
        text = "aws \(service) \(operation)"
    }

    /// Whether the command is `aws <service> <one of operations>`.
    func isOperation(_ service: String, _ operations: Set<String>) -> Bool {
        self.service == service && operations.contains(operation)
    }

    /// `aws apigateway get-integration` as written.
    var name: String { "aws \(service) \(operation)" }

    /// Options whose value is an id the wizard knows as a fact.
    static let factOptions: [String: String] = [
        "--rest-api-id": "api_id", "--api-id": "api_id", "--resource-id": "resource_id",
        "--http-method": "http_method", "--stage-name": "stage", "--region": "region",
        "--authorizer-id": "authorizer_id", "--integration-id": "integration_id", "--vpc-link-id": "vpc_link_id",
        "--role-name": "role_name", "--target-group-arn": "target_group_arn",
    ]

    /// The facts the command line names: ids from its options, the function from `--function-name`.
    var facts: [String: String] {
        var facts: [String: String] = [:]
        for (option, key) in Self.factOptions {
            guard let value = options[option], !value.isEmpty, FactText.isConcrete(value) else { continue }
            facts[key] = key == "http_method" ? value.uppercased() : value
        }
        if let function = options["--function-name"], !function.isEmpty, FactText.isConcrete(function) {
            if let target = LambdaFunctionTarget(uri: function) {
                facts.merge(target.facts) { held, _ in held }
            } else {
                // A plain name, possibly qualified (`name:alias`), kept as written like a qualified ARN's.
                facts["function_name"] = function
            }
        }
        return facts
    }

    // MARK: - Reading the line

    /// Where `aws` starts on a command line: at the start, after `time`, or after a prompt that
    /// ends in `$`, `#`, `>` or `%` and a space.
    static func commandStart(_ text: Substring) -> Substring.Index? {
        // Output lines (JSON, YAML, tables) start with blanks, quotes or brackets; prompts do not.
        guard let first = text.first, !first.isWhitespace, first != "\"", first != "{", first != "}" else { return nil }
        var candidates: [Substring.Index] = [text.startIndex]
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "\"" || character == "'" { break }
            let next = text.index(after: index)
            if "$#>%".contains(character), next < text.endIndex, text[next] == " " {
                var after = next
                while after < text.endIndex, text[after] == " " { after = text.index(after: after) }
                candidates.append(after)
            }
            index = next
        }
        for candidate in candidates.reversed() {
            var rest = text[candidate...]
            if rest.hasPrefix("time ") { rest = rest.dropFirst(5).drop { $0 == " " } }
            if rest.hasPrefix("aws ") { return rest.startIndex }
        }
        return nil
    }

    /// Whether the line is a bare prompt with nothing typed (`user@host:~$`, `PS C:\>`, `$`).
    static func isBarePrompt(_ text: Substring) -> Bool {
        let trimmed = text.trimmedOfWhitespace()
        guard let last = trimmed.last, "$#>%".contains(last), trimmed.count <= 120 else { return false }
        if trimmed.count == 1 { return true }
        let body = trimmed.dropLast()
        // `user@host:~`, `[user@ip ~]`, `PS C:\Users\me`: no quotes or JSON punctuation.
        guard !body.contains("\""), !body.contains("{"), !body.contains(",") else { return false }
        return body.contains("@") || body.hasPrefix("PS ") || body.hasSuffix("]") || body.hasPrefix("(")
    }

    /// Shell words: split on blanks, quotes removed (`'{"a": 1}'` is one word).
    static func words(_ text: Substring) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == " " || character == "\t" || character == "\\" || character == "`" {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }

    private static func isName(_ word: String) -> Bool {
        !word.isEmpty && word.count <= 64 && word.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
    }
}
