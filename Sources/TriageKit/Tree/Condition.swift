/// A routing condition over the session: the current answer, the known facts and the evidence.
///
/// Written in content as a one-key map (`{ answer: "yes" }`, `{ fact: api_type, is: http }`,
/// `{ finding: lambda-timeout }`, `{ all: [...] }`); see `Content/README.md`.
public indirect enum Condition: Sendable, Equatable, Codable {
    case answer(String)
    case answerIn([String])
    case factIs(key: String, value: String)
    case factIn(key: String, values: [String])
    case factKnown(key: String, known: Bool)
    case finding(String)
    case all([Condition])
    case any([Condition])
    case not(Condition)

    private enum Key: String, CodingKey, CaseIterable {
        case answer, answer_in, fact, `is`, `in`, known, finding, all, any, not
    }

    public init(from decoder: Decoder) throws {
        let map = try decoder.container(keyedBy: Key.self)
        if let value = try map.decodeIfPresent(String.self, forKey: .answer) {
            self = .answer(value)
        } else if let values = try map.decodeIfPresent([String].self, forKey: .answer_in) {
            self = .answerIn(values)
        } else if let key = try map.decodeIfPresent(String.self, forKey: .fact) {
            if let value = try map.decodeIfPresent(String.self, forKey: .is) {
                self = .factIs(key: key, value: value)
            } else if let values = try map.decodeIfPresent([String].self, forKey: .in) {
                self = .factIn(key: key, values: values)
            } else if let known = try map.decodeIfPresent(Bool.self, forKey: .known) {
                self = .factKnown(key: key, known: known)
            } else {
                throw DecodingError.dataCorruptedError(
                    forKey: .fact, in: map, debugDescription: "a fact condition needs `is`, `in` or `known`")
            }
        } else if let cause = try map.decodeIfPresent(String.self, forKey: .finding) {
            self = .finding(cause)
        } else if let all = try map.decodeIfPresent([Condition].self, forKey: .all) {
            self = .all(all)
        } else if let any = try map.decodeIfPresent([Condition].self, forKey: .any) {
            self = .any(any)
        } else if let inner = try map.decodeIfPresent(Condition.self, forKey: .not) {
            self = .not(inner)
        } else {
            let known = Key.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "unknown condition; expected one of: \(known)"))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var map = encoder.container(keyedBy: Key.self)
        switch self {
        case .answer(let value): try map.encode(value, forKey: .answer)
        case .answerIn(let values): try map.encode(values, forKey: .answer_in)
        case .factIs(let key, let value):
            try map.encode(key, forKey: .fact)
            try map.encode(value, forKey: .is)
        case .factIn(let key, let values):
            try map.encode(key, forKey: .fact)
            try map.encode(values, forKey: .in)
        case .factKnown(let key, let known):
            try map.encode(key, forKey: .fact)
            try map.encode(known, forKey: .known)
        case .finding(let cause): try map.encode(cause, forKey: .finding)
        case .all(let list): try map.encode(list, forKey: .all)
        case .any(let list): try map.encode(list, forKey: .any)
        case .not(let inner): try map.encode(inner, forKey: .not)
        }
    }

    /// Every condition nested in this one, itself included (for validation).
    public var flattened: [Condition] {
        switch self {
        case .all(let list), .any(let list): [self] + list.flatMap(\.flattened)
        case .not(let inner): [self] + inner.flattened
        default: [self]
        }
    }

    /// A short human reading of the condition, for the graph export and the transcript.
    public var summary: String {
        switch self {
        case .answer(let value): value
        case .answerIn(let values): values.joined(separator: " | ")
        case .factIs(let key, let value): "\(key) = \(value)"
        case .factIn(let key, let values): "\(key) in \(values.joined(separator: ", "))"
        case .factKnown(let key, let known): known ? "\(key) known" : "\(key) unknown"
        case .finding(let cause): "finding \(cause)"
        case .all(let list): list.map(\.summary).joined(separator: " and ")
        case .any(let list): list.map(\.summary).joined(separator: " or ")
        case .not(let inner): "not (\(inner.summary))"
        }
    }
}
