/// A key press (or terminal event), decoded from curses so the controller never sees curses codes.
enum Key: Equatable, Sendable {
    case character(Character)
    /// Ctrl plus a letter, as the lowercase letter (`.control("a")` is Ctrl-A).
    case control(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)
    case mouse(MouseEvent)
    /// The terminal changed size.
    case resize(TerminalSize)
    /// No key came in the time the controller asked to wait (`keyTimeout`): a number on a long
    /// list waiting for its second digit is taken as it is.
    case timeout
}

/// A mouse action at a screen cell.
struct MouseEvent: Equatable, Sendable {
    enum Action: Equatable, Sendable {
        case click, doubleClick, wheelUp, wheelDown
    }

    var action: Action
    var row: Int
    var column: Int
}

/// Rows and columns of the terminal.
public struct TerminalSize: Equatable, Sendable, CustomStringConvertible {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }

    /// The smallest size the wizard lays out; below it the screen asks for a bigger terminal.
    public static let minimum = TerminalSize(columns: 60, rows: 16)

    public var isTooSmall: Bool { columns < Self.minimum.columns || rows < Self.minimum.rows }

    public var description: String { "\(columns)x\(rows)" }
}
