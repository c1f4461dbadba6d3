import Foundation

/// The OSC 52 escape sequence: asks the terminal to put text on the system clipboard.
///
/// It travels with the screen output, so it works over SSH wherever the local terminal allows it
/// (most do; inside tmux, `set-clipboard on` lets it through).
enum OSC52 {
    static func sequence(for text: String) -> String {
        "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    }
}
