import CNcurses

/// The curses key codes the decoder understands, as one table so tests can name them.
struct KeyCodes: Sendable {
    var functionKeyStatus: Int32
    var up, down, left, right, home, end, pageUp, pageDown: UInt32
    var backspace, delete, enter, backTab, resize, mouse, find, select: UInt32
    var function0: UInt32

    static let curses = KeyCodes(
        functionKeyStatus: KEY_CODE_YES,
        up: UInt32(KEY_UP), down: UInt32(KEY_DOWN), left: UInt32(KEY_LEFT), right: UInt32(KEY_RIGHT),
        home: UInt32(KEY_HOME), end: UInt32(KEY_END), pageUp: UInt32(KEY_PPAGE), pageDown: UInt32(KEY_NPAGE),
        backspace: UInt32(KEY_BACKSPACE), delete: UInt32(KEY_DC), enter: UInt32(KEY_ENTER), backTab: UInt32(KEY_BTAB),
        resize: UInt32(KEY_RESIZE), mouse: UInt32(KEY_MOUSE), find: UInt32(KEY_FIND), select: UInt32(KEY_SELECT),
        function0: UInt32(KEY_F0))
}

/// The mouse button masks the decoder understands.
struct MouseMasks: Sendable {
    var click, doubleClick, press, wheelUp, wheelDown: UInt

    static let curses = MouseMasks(
        click: UInt(cn_button1_clicked()), doubleClick: UInt(cn_button1_double_clicked()),
        press: UInt(cn_button1_pressed()), wheelUp: UInt(cn_button4_pressed()), wheelDown: UInt(cn_button5_pressed()))
}

/// Maps what `wget_wch` returns to `Key`s, so nothing past the terminal layer sees curses codes.
///
/// - A character status gives text, or Enter/Tab/Backspace/Esc/Ctrl-letter for control codes
///   (the terminal is in raw mode, so Ctrl-C arrives here as a key, not as SIGINT).
/// - A function-key status gives arrows, Home/End (also as Find/Select, which some terminals send),
///   Page keys, Delete, Shift-Tab and F-keys. Resize and mouse are handled by the caller, which
///   must ask curses for the new size or the mouse event.
enum KeyDecoder {
    static func decode(status: Int32, value: UInt32, codes: KeyCodes = .curses) -> Key? {
        if status == codes.functionKeyStatus { return decodeFunctionKey(value, codes: codes) }
        switch value {
        case 10, 13: return .enter
        case 9: return .tab
        case 8, 127: return .backspace
        case 27: return .escape
        case 1...26:
            return .control(Character(Unicode.Scalar(UInt8(value) + 96)))
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }

    private static func decodeFunctionKey(_ value: UInt32, codes: KeyCodes) -> Key? {
        switch value {
        case codes.up: .up
        case codes.down: .down
        case codes.left: .left
        case codes.right: .right
        case codes.home, codes.find: .home
        case codes.end, codes.select: .end
        case codes.pageUp: .pageUp
        case codes.pageDown: .pageDown
        case codes.backspace: .backspace
        case codes.delete: .delete
        case codes.enter: .enter
        case codes.backTab: .backTab
        case (codes.function0 + 1)...(codes.function0 + 12): .function(Int(value - codes.function0))
        default: nil
        }
    }

    static func decodeMouse(buttons: UInt, row: Int, column: Int, masks: MouseMasks = .curses) -> Key? {
        let action: MouseEvent.Action
        if buttons & masks.wheelUp != 0 {
            action = .wheelUp
        } else if buttons & masks.wheelDown != 0 {
            action = .wheelDown
        } else if buttons & masks.doubleClick != 0 {
            action = .doubleClick
        } else if buttons & (masks.click | masks.press) != 0 {
            action = .click
        } else {
            return nil
        }
        return .mouse(MouseEvent(action: action, row: row, column: column))
    }
}
