/// A run of text in one style.
struct Span: Equatable, Sendable {
    var text: String
    var style: CellStyle

    init(_ text: String, _ style: CellStyle = .plain) {
        self.text = text
        self.style = style
    }
}

/// One line of styled text, ready to put on the grid.
struct StyledLine: Equatable, Sendable {
    var spans: [Span]

    init(_ spans: [Span] = []) {
        self.spans = spans
    }

    init(_ text: String, _ style: CellStyle = .plain) {
        spans = [Span(text, style)]
    }

    var text: String { spans.map(\.text).joined() }
    var width: Int { DisplayWidth.of(text) }

    static func + (lhs: StyledLine, rhs: StyledLine) -> StyledLine {
        StyledLine(lhs.spans + rhs.spans)
    }
}
