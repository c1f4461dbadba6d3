/// Evaluates content conditions against what the session knows.
///
/// Three-valued: `nil` means "cannot tell yet" (a fact that is unknown, or no answer). Routes and
/// automatic answers need a definite `true`; fix steps hide only on a definite `false`.
public struct ConditionEvaluator: Sendable {
    public var answer: String?
    public var facts: [String: String]
    public var findings: Set<String>

    public init(answer: String? = nil, facts: [String: String], findings: Set<String>) {
        self.answer = answer
        self.facts = facts
        self.findings = findings
    }

    public func evaluate(_ condition: Condition) -> Bool? {
        switch condition {
        case .answer(let value):
            return answer.map { same($0, value) }
        case .answerIn(let values):
            return answer.map { given in values.contains { same(given, $0) } }
        case .factIs(let key, let value):
            return known(key).map { same($0, value) }
        case .factIn(let key, let values):
            return known(key).map { given in values.contains { same(given, $0) } }
        case .factKnown(let key, let wanted):
            return (known(key) != nil) == wanted
        case .finding(let cause):
            return findings.contains(cause)
        case .all(let list):
            let results = list.map(evaluate)
            if results.contains(false) { return false }
            return results.contains(nil) ? nil : true
        case .any(let list):
            let results = list.map(evaluate)
            if results.contains(true) { return true }
            return results.contains(nil) ? nil : false
        case .not(let inner):
            return evaluate(inner).map { !$0 }
        }
    }

    private func known(_ key: String) -> String? {
        guard let value = facts[key], !value.isEmpty else { return nil }
        return value
    }

    /// Values compare without regard to case: `HTTP` and `http` are the same API type.
    private func same(_ lhs: String, _ rhs: String) -> Bool {
        lhs.lowercased() == rhs.lowercased()
    }
}
