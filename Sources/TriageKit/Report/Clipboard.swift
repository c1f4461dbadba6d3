import Foundation

/// Copying text to the user's clipboard through the terminal (OSC 52), which works over SSH and
/// inside tmux (with `set-clipboard on`); terminals that do not support it ignore the sequence.
public enum Clipboard {
    /// The escape sequence that asks the terminal to put `text` on the clipboard:
    /// ESC ] 52 ; c ; base64(text) BEL.
    public static func osc52(_ text: String) -> String {
        "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    }
}

extension RenderedFix {
    /// The command of the step shown with number `number` (steps, then verify, numbered as on
    /// screen), or nil when that step has none or there is no such step.
    public func command(numbered number: Int) -> String? {
        (steps + [verify].compactMap { $0 }).first { $0.number == number }?.command
    }

    /// The numbers of the steps that have a command, for messages ("commands 1-3").
    public var commandNumbers: [Int] {
        (steps + [verify].compactMap { $0 }).filter { $0.command != nil }.map(\.number)
    }
}
