/// What the controller asks of the terminal after a key: things the pure controller cannot do.
enum TerminalRequest: Equatable, Sendable {
    /// Put this text on the clipboard (OSC 52).
    case copyToClipboard(String)
    /// Clear and repaint everything (Ctrl-L).
    case redrawAll
    /// Leave full-screen mode.
    case quit
}
