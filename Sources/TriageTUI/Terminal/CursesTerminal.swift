import CNcurses
import Foundation

/// The real terminal, through ncurses: the only code that calls curses, all of it on the main actor.
///
/// - Opens with `newterm` (an unknown TERM gives an error to fall back on, not an exit), in raw mode
///   so Ctrl-C is a key, with a short Esc delay so Esc feels immediate.
/// - Copies whole frames from a `CellGrid`; curses works out the minimal update itself.
/// - Installs handlers so SIGINT, SIGTERM, SIGHUP and fatal signals restore the terminal first.
@MainActor
final class CursesTerminal {
    enum OpenError: Error, Equatable {
        case unknownTerminal(String)
    }

    private let screen: OpaquePointer
    private(set) var size: TerminalSize
    /// Whether colour roles are drawn (asked for, and the terminal has colours).
    let usesColor: Bool
    /// Whether the locale's character set is UTF-8 (else only ASCII is drawn).
    let isUTF8: Bool
    private var isOpen = true
    private var consecutiveErrors = 0
    /// The signal actions in place before ours, put back on close.
    private var savedSignalActions: [cn_signal_action]

    private init(screen: OpaquePointer, usesColor: Bool, isUTF8: Bool, savedSignalActions: [cn_signal_action]) {
        self.screen = screen
        self.usesColor = usesColor
        self.isUTF8 = isUTF8
        self.savedSignalActions = savedSignalActions
        size = TerminalSize(columns: Int(cn_cols()), rows: Int(cn_lines()))
    }

    static func open(wantsColor: Bool) -> Result<CursesTerminal, OpenError> {
        // Without the locale, curses garbles UTF-8 (box drawing, accented text).
        let isUTF8 = cn_setlocale_from_environment() != 0
        guard let screen = cn_newterm_stdio() else {
            return .failure(.unknownTerminal(ProcessInfo.processInfo.environment["TERM"] ?? "(unset)"))
        }
        raw()
        noecho()
        nonl()
        keypad(cn_stdscr(), true)
        set_escdelay(40)
        curs_set(0)
        let usesColor = wantsColor && has_colors()
        if usesColor { setUpColors() }
        let masks = MouseMasks.curses
        mousemask(mmask_t(masks.click | masks.doubleClick | masks.wheelUp | masks.wheelDown), nil)
        var saved = [cn_signal_action](repeating: cn_signal_action(), count: CN_RESTORE_SIGNAL_COUNT)
        saved.withUnsafeMutableBufferPointer { cn_install_restore_handlers($0.baseAddress) }
        return .success(CursesTerminal(screen: screen, usesColor: usesColor, isUTF8: isUTF8, savedSignalActions: saved))
    }

    /// One colour pair per role, on the terminal's own background. Roles drawn in reverse video
    /// (title bar, keys, selection) get their colour as the background that way.
    private static func setUpColors() {
        start_color()
        use_default_colors()
        let colors: [ColorRole: Int32] = [
            .chrome: COLOR_BLUE, .heading: COLOR_CYAN, .command: COLOR_GREEN, .placeholder: COLOR_YELLOW,
            .error: COLOR_RED, .success: COLOR_GREEN, .key: COLOR_CYAN, .selection: COLOR_CYAN,
        ]
        for (role, color) in colors {
            init_pair(Int16(role.rawValue), Int16(color), -1)
        }
    }

    // MARK: - Drawing

    func draw(_ frame: RenderedScreen) {
        let grid = frame.grid
        for row in 0..<min(grid.height, size.rows) {
            var column = 0
            while column < min(grid.width, size.columns) {
                let style = grid[row, column].style
                var run = ""
                let start = column
                while column < min(grid.width, size.columns), grid[row, column].style == style {
                    if !grid[row, column].isContinuation { run.append(grid[row, column].character) }
                    column += 1
                }
                attrset(Int32(bitPattern: UInt32(truncatingIfNeeded: attributes(for: style))))
                _ = mvaddstr(Int32(row), Int32(start), run)
            }
        }
        attrset(Int32(bitPattern: UInt32(truncatingIfNeeded: cn_a_normal())))
        if let cursor = frame.cursor {
            curs_set(1)
            move(Int32(cursor.row), Int32(cursor.column))
        } else {
            curs_set(0)
        }
        refresh()
    }

    private func attributes(for style: CellStyle) -> attr_t {
        var value = cn_a_normal()
        if style.bold { value |= cn_a_bold() }
        if style.reverse { value |= cn_a_reverse() }
        if style.dim { value |= cn_a_dim() }
        if style.underline { value |= cn_a_underline() }
        if usesColor, let role = style.role { value |= cn_color_pair(Int16(role.rawValue)) }
        return value
    }

    /// Forgets what curses thinks is on the screen and repaints it all (Ctrl-L).
    func invalidate() {
        clearok(cn_stdscr(), true)
    }

    /// Ctrl-Z: raw mode delivers it as a key, so do what the shell's job control would: give the
    /// terminal back, stop (SIGTSTP's default action), and repaint everything once `fg` resumes us.
    func suspend() {
        endwin()
        raise(SIGTSTP)
        invalidate()
        refresh()
    }

    /// Sends text to the clipboard with OSC 52, after curses has flushed its own output.
    func sendToClipboard(_ text: String) {
        refresh()
        let sequence = OSC52.sequence(for: text)
        sequence.withCString { cn_write_raw($0, strlen($0)) }
    }

    // MARK: - Keys

    /// Waits for the next key; nil for input that means nothing (curses errors, Alt combinations).
    /// With `timeout` (milliseconds), `.timeout` when no key came in that time.
    func readKey(timeout: Int? = nil) -> Key? {
        var value: wint_t = 0
        if let timeout { wtimeout(cn_stdscr(), Int32(timeout)) }
        let status = wget_wch(cn_stdscr(), &value)
        if timeout != nil { wtimeout(cn_stdscr(), -1) }
        if status == ERR, timeout != nil { return .timeout }
        guard status != ERR else {
            consecutiveErrors += 1
            // Input gone for good (the terminal closed without a SIGHUP): stop instead of spinning.
            return consecutiveErrors > 200 ? .control("c") : nil
        }
        consecutiveErrors = 0
        let codes = KeyCodes.curses
        if status == codes.functionKeyStatus, value == codes.resize {
            size = TerminalSize(columns: Int(cn_cols()), rows: Int(cn_lines()))
            return .resize(size)
        }
        if status == codes.functionKeyStatus, value == codes.mouse {
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            return KeyDecoder.decodeMouse(buttons: UInt(event.bstate), row: Int(event.y), column: Int(event.x))
        }
        if status == OK, value == 27, followedImmediately() {
            // Esc then another key at once is Alt plus that key: not a command here, and not two.
            return nil
        }
        return KeyDecoder.decode(status: status, value: value)
    }

    /// Reads and drops a key that is already waiting, if any.
    private func followedImmediately() -> Bool {
        nodelay(cn_stdscr(), true)
        defer { nodelay(cn_stdscr(), false) }
        var next: wint_t = 0
        return wget_wch(cn_stdscr(), &next) != ERR
    }

    // MARK: - Closing

    /// Gives the terminal back to the shell as it was; safe to call more than once.
    func close() {
        guard isOpen else { return }
        isOpen = false
        mousemask(0, nil)
        endwin()
        savedSignalActions.withUnsafeBufferPointer { cn_restore_signal_actions($0.baseAddress) }
        delscreen(screen)
    }
}
