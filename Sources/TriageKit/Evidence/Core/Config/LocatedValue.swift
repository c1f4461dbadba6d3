/// A value read from a document, with the key it sits under and that key's line.
struct LocatedValue: Equatable {
    var text: String
    var line: Int
    var key: String

    init(text: String, line: Int, key: String) {
        self.text = text
        self.line = line
        self.key = key
    }

    /// The member's scalar value (rendered by `render` when it is not a plain scalar).
    init?(_ member: DocumentNode.Member?, render: (DocumentNode) -> String? = { $0.scalarText }) {
        guard let member, let text = render(member.value) else { return nil }
        self.init(text: text, line: member.line, key: member.key)
    }
}
