import Foundation

/// Turns what the user typed into the normalised answer for a question, or says why it is not one.
public enum AnswerParser {
    /// Words that mean "no value" on input and file questions.
    public static let skipWords: Set<String> = ["", "skip", "-"]

    public static func parse(_ raw: String, for node: Node, in tree: DecisionTree) -> Result<String, SessionError> {
        let text = raw.trimmedOfWhitespaceAndNewlines()
        switch node.kind {
        case .yesno:
            switch text.lowercased() {
            case "y", "yes": return .success("yes")
            case "n", "no": return .success("no")
            default: return .failure(.invalidAnswer(reason: "Answer y (yes) or n (no)."))
            }
        case .choice:
            return parseChoice(text, choices: node.choices ?? [])
        case .input:
            let pattern = node.pattern ?? node.fact.flatMap { tree.fact($0)?.pattern }
            let example = node.example ?? node.fact.flatMap { tree.fact($0)?.example }
            return parseInput(
                text, optional: node.isOptional, pattern: pattern, example: example, label: node.shortTitle, fact: node.fact)
        case .file:
            return .success(skipWords.contains(text.lowercased()) ? "skip" : text)
        case .fix, .end:
            return .failure(.finished)
        }
    }

    /// A fact question (one the engine asks for a fix): always optional, checked against the vocabulary.
    public static func parseFact(_ raw: String, key: String, in tree: DecisionTree) -> Result<String, SessionError> {
        let fact = tree.fact(key)
        let text = raw.trimmedOfWhitespaceAndNewlines()
        return parseInput(text, optional: true, pattern: fact?.pattern, example: fact?.example, label: fact?.label ?? key, fact: key)
    }

    /// Checks a value against a fact's pattern (for `--fact` and `set`).
    public static func validateFact(_ value: String, key: String, in tree: DecisionTree) -> SessionError? {
        guard let fact = tree.fact(key) else { return .unknownFact(key) }
        if case .failure(let error) = parseInput(
            value, optional: false, pattern: fact.pattern, example: fact.example, label: fact.label, fact: key)
        {
            return .invalidFact(key: key, reason: error.description)
        }
        return nil
    }

    static func parseChoice(_ text: String, choices: [Choice]) -> Result<String, SessionError> {
        if let number = Int(text), choices.indices.contains(number - 1) {
            return .success(choices[number - 1].value)
        }
        if let match = choices.first(where: { $0.value.lowercased() == text.lowercased() }) {
            return .success(match.value)
        }
        let range = choices.count == 1 ? "1" : "1-\(choices.count)"
        return .failure(.invalidAnswer(reason: "Choose a number from \(range)."))
    }

    private static func parseInput(
        _ text: String, optional: Bool, pattern: String?, example: String?, label: String, fact: String?
    ) -> Result<String, SessionError> {
        if skipWords.contains(text.lowercased()) {
            return optional ? .success("") : .failure(.invalidAnswer(reason: "\(label) is needed here."))
        }
        guard let pattern else { return .success(text) }
        if fullMatch(text, pattern: pattern) { return .success(text) }
        if let normalised = InputNormalizer.candidates(for: text, fact: fact).first(where: { fullMatch($0, pattern: pattern) }) {
            return .success(normalised)
        }
        var reason = "'\(text)' does not look like a valid \(label.lowercasedFirst)"
        if let example { reason += " (for example \(example))" }
        return .failure(.invalidAnswer(reason: reason + "."))
    }

    static func fullMatch(_ text: String, pattern: String) -> Bool {
        guard let regex = try? NSRegularExpression(pattern: "^(?:\(pattern))$") else { return true }
        let range = NSRange(text.startIndex..., in: text)
        return regex.firstMatch(in: text, range: range) != nil
    }
}

extension String {
    /// Lowercases the first letter for use mid-sentence, but keeps acronyms ("HTTP", "AWS", "IAM") as written.
    fileprivate var lowercasedFirst: String {
        let firstWord = prefix(while: { !$0.isWhitespace })
        if firstWord.count > 1, firstWord.dropFirst().first?.isUppercase == true { return self }
        return prefix(1).lowercased() + dropFirst()
    }
}
