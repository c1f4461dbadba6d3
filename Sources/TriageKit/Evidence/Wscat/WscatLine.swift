import Foundation

/// The lines of a `wscat` transcript that matter:
///
/// ```
/// $ wscat -c wss://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/production
/// Connected (press CTRL+C to quit)
/// > {"action":"sendmessage","data":"hello"}
/// < {"message": "Internal server error", "connectionId":"L0SM9cOFvHcCIhw=", "requestId":"L0SNpEwwvHcFbzQ="}
/// Disconnected (code: 1006, reason: "")
/// error: Unexpected server response: 500
/// ```
enum WscatLine: Equatable {
    /// `wscat -c URL` (or `--connect URL`), after an optional prompt.
    case command(url: String)
    case connected
    /// `> TEXT`: a frame the user sent.
    case sent(String)
    /// `< TEXT`: a frame the server sent.
    case received(String)
    /// `Disconnected (code: 1006, reason: "")`.
    case disconnected(code: Int?)
    /// `error: Unexpected server response: 500`: the handshake got this HTTP status.
    case handshakeStatus(Int)
    /// Any other `error: …` wscat prints (`connect ECONNREFUSED`, `getaddrinfo ENOTFOUND`).
    case error(String)

    init?(_ raw: Substring) {
        let line = raw.trimmingTrailingWhitespace()
        if line.hasPrefix("Connected (press CTRL+C to quit)") {
            self = .connected
        } else if line.hasPrefix("< ") {
            self = .received(String(line.dropFirst(2)))
        } else if line.hasPrefix("> ") {
            // wscat prints its prompt before what the user typed; a bare `>` is an empty prompt.
            let text = line.dropFirst(2).drop { $0 == ">" || $0 == " " }
            guard !text.isEmpty else { return nil }
            self = .sent(String(text))
        } else if line.hasPrefix("Disconnected (code: ") {
            self = .disconnected(code: Int(line.dropFirst("Disconnected (code: ".count).prefix { $0.isNumber }))
        } else if let range = line.range(of: "error: Unexpected server response: ") {
            guard let status = Int(line[range.upperBound...].prefix(3)), (100...599).contains(status) else { return nil }
            self = .handshakeStatus(status)
        } else if line.hasPrefix("error: ") {
            self = .error(String(line.dropFirst(7)))
        } else if let url = Self.commandURL(line) {
            self = .command(url: url)
        } else {
            return nil
        }
    }

    private static func commandURL(_ line: Substring) -> String? {
        let words = line.split(separator: " ")
        guard let index = words.firstIndex(of: "wscat"), index <= 1 else { return nil }
        for (position, word) in words.enumerated().dropFirst(index + 1) {
            let bare = String(word.trimmingScalars { $0 == "'" || $0 == "\"" })
            guard bare.hasPrefix("wss://") || bare.hasPrefix("ws://") else { continue }
            // The value of `-H`/`--header` is a header, never the URL: skip it whatever it holds.
            if position > 0, ["-H", "--header", "--auth"].contains(words[position - 1]) { continue }
            return bare
        }
        return nil
    }
}
