/// The characters the chrome is drawn with: Unicode line drawing and arrows, or plain ASCII for
/// `--ascii` and for terminals whose locale is not UTF-8.
struct Glyphs: Sendable, Equatable {
    var horizontal: Character
    var vertical: Character
    var topLeft: Character
    var topRight: Character
    var bottomLeft: Character
    var bottomRight: Character
    /// Marks the selected choice or command (selection is never shown by colour alone).
    var pointer: String
    var crumbSeparator: String
    var ellipsis: String
    var moreAbove: String
    var moreBelow: String
    var upDown: String
    var leftArrow: String
    var rightArrow: String
    var check: String
    var warning: String
    var automatic: String
    var bullet: String
    /// Between parts of a label ("Step 3 · fix").
    var dot: String

    static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        pointer: "▶", crumbSeparator: " › ", ellipsis: "…", moreAbove: "↑", moreBelow: "↓", upDown: "↑↓",
        leftArrow: "←", rightArrow: "→", check: "✓", warning: "!", automatic: "⚙", bullet: "•", dot: "·")

    static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        pointer: ">", crumbSeparator: " > ", ellipsis: "...", moreAbove: "^", moreBelow: "v", upDown: "Up/Down",
        leftArrow: "Left", rightArrow: "Right", check: "+", warning: "!", automatic: "*", bullet: "-", dot: "-")
}

/// How the screen looks: glyphs, and whether colour roles are used at all.
struct Theme: Sendable, Equatable {
    var glyphs: Glyphs
    /// False for NO_COLOR, `--no-color` and monochrome terminals; the renderer never relies on it.
    var usesColor: Bool

    static let unicode = Theme(glyphs: .unicode, usesColor: true)
    static let ascii = Theme(glyphs: .ascii, usesColor: false)
}
