/// A command as content writes it: one string, or a list of `{when, command}` variants.
///
/// A node shows exactly one runnable command. When the right command depends on a fact (the API
/// type, a `$default` stage), the author lists variants; `select` picks the one to show.
public struct CommandText: Codable, Sendable, Equatable, ExpressibleByStringLiteral {
    /// One form of the command and the condition under which it is the right one.
    public struct Variant: Codable, Sendable, Equatable {
        public var when: Condition?
        public var command: String

        public init(when: Condition? = nil, command: String) {
            self.when = when
            self.command = command
        }
    }

    public var variants: [Variant]

    public init(_ variants: [Variant]) { self.variants = variants }

    public init(stringLiteral value: String) { variants = [Variant(command: value)] }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let single = try? container.decode(String.self) {
            variants = [Variant(command: single)]
        } else {
            variants = try container.decode([Variant].self)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if variants.count == 1, variants[0].when == nil {
            try container.encode(variants[0].command)
        } else {
            try container.encode(variants)
        }
    }

    /// Every form, in the order written (for lint and the command checks).
    public var all: [String] { variants.map(\.command) }

    /// The command to show. Like routes: the first variant whose condition holds (or that has
    /// none) wins; when the deciding facts are still unknown, the first variant that is not known
    /// to be wrong stands in, so the user sees a command rather than nothing.
    public func select(_ evaluate: (Condition) -> Bool?) -> String? {
        if let sure = variants.first(where: { $0.when.map { evaluate($0) == true } ?? true }) { return sure.command }
        return variants.first(where: { $0.when.map { evaluate($0) != false } ?? true })?.command
    }
}
