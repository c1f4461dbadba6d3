/// What a colour terminal may add to a cell. Meaning never rests on the role alone: every role is
/// paired with a marker, a word or an attribute that a monochrome terminal shows too.
enum ColorRole: Int, CaseIterable, Sendable {
    case chrome = 1, heading, command, placeholder, error, success, key, selection
}

/// How one cell is drawn: attributes every terminal has, plus an optional colour role.
struct CellStyle: Hashable, Sendable {
    var bold = false
    var reverse = false
    var dim = false
    var underline = false
    var role: ColorRole?

    static let plain = CellStyle()
    static let bold = CellStyle(bold: true)
    static let dim = CellStyle(dim: true)
    static let reverse = CellStyle(reverse: true)

    func with(role: ColorRole) -> CellStyle {
        var copy = self
        copy.role = role
        return copy
    }

    /// This style with reverse video added (selection).
    var reversed: CellStyle {
        var copy = self
        copy.reverse = true
        return copy
    }

    var bolded: CellStyle {
        var copy = self
        copy.bold = true
        return copy
    }
}
