/// One cause from `Content/causes.yaml`, the catalogue shared by fixes, `scan` and tests.
public struct Cause: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var statuses: [Int]
    public var api_types: [String]
    public var summary: String
}

/// One entry of the fact vocabulary (`Content/facts.yaml`).
public struct FactDefinition: Codable, Sendable, Equatable {
    public var key: String
    public var label: String
    public var placeholder: String
    public var pattern: String?
    public var example: String?
    /// The value commands use while the fact is unknown, when the value is conventional (the
    /// standard execution-log group). Not a known fact: questions about it are still asked.
    public var `default`: FactDefaultVariants?
}

/// A fact's conventional value: a template over other facts, used when `when` holds.
public struct FactDefault: Codable, Sendable, Equatable {
    public var when: Condition?
    public var value: String
}

/// One default or a list of them (`default: {...}` or `default: [{...}, ...]` in facts.yaml): the
/// conventional value can depend on another fact, as the execution-log group does on the API type.
public struct FactDefaultVariants: Codable, Sendable, Equatable {
    public var variants: [FactDefault]

    public init(_ variants: [FactDefault]) { self.variants = variants }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let list = try? container.decode([FactDefault].self) {
            variants = list
        } else {
            variants = [try container.decode(FactDefault.self)]
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if variants.count == 1 { try container.encode(variants[0]) } else { try container.encode(variants) }
    }
}

/// `Content/manifest.yaml`: the content version, the first question and the named branches.
public struct Manifest: Codable, Sendable, Equatable {
    public var version: String
    public var start: String
    public var branches: [String: String]
    /// The words of the questions the engine asks for facts a fix needs.
    public var fact_question: FactQuestionText
    /// The words of the question and notes the engine makes up where evidence meets answers
    /// (optional, so content written before it still loads; see `EvidencePromptText.fallback`).
    public var evidence_prompts: EvidencePromptText?
}

/// How the engine words a question for a missing fact. `{{label}}`, `{{example}}` and
/// `{{fix}}` (the fix's title) are filled in.
public struct FactQuestionText: Codable, Sendable, Equatable {
    public var title: String
    public var text: String
    public var why: String
    public var hint: String?
}

/// How the engine words what it says when evidence meets the answers: the question "which failure
/// are you troubleshooting?", its items, and the notes shown when evidence contradicts an answer.
///
/// Placeholders: in `item`, `{{status}}`, `{{route}}` and `{{requests}}` ("41 requests");
/// `item_time` (`{{time}}`) is added when the example's time is known. In `contradicted`,
/// `{{found}}`, `{{given}}` and `{{file}}`; in `replaced`, `{{question}}`, `{{old}}`, `{{new}}`
/// and `{{file}}`.
public struct EvidencePromptText: Codable, Sendable, Equatable {
    public var failure_title: String
    public var failure_text: String
    public var failure_why: String
    public var failure_hint: String?
    public var item: String
    public var item_time: String
    /// Said in place of the route when the file does not name it.
    public var unknown_route: String
    public var contradicted: String
    public var replaced: String

    /// For content folders written before these words existed: terse, but the engine still asks.
    public static let fallback = EvidencePromptText(
        failure_title: "Failure", failure_text: "Which failure?", failure_why: "", failure_hint: nil,
        item: "{{status}} {{route}} ({{requests}})", item_time: ", {{time}}", unknown_route: "?",
        contradicted: "{{file}}: {{found}}; kept {{given}}.", replaced: "{{question}}: {{old}} -> {{new}} ({{file}}).")
}
