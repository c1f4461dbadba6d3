/// One screen line of a command.
struct CommandLine: Equatable, Sendable {
    var text: String
    /// True when the command goes on below: the line is drawn with a visible continuation mark.
    var continues: Bool
}

/// Breaks a command into screen lines without ever hiding a break.
///
/// Commands are shown whole when they fit. A longer line breaks at a space where it can; a single
/// token wider than the line breaks inside it. Either way the line ends with ` \` (or `\` inside a
/// token), the shell's own continuation, so what the eye sees still pastes as the same command.
/// Lines after a break at a space are indented; lines after a break inside a token are not, since
/// an indent there would split the token when pasted.
enum CommandWrap {
    static let mark = "\\"
    static let indent = "  "

    static func wrap(_ command: String, width: Int) -> [CommandLine] {
        let width = max(4, width)
        var result: [CommandLine] = []
        var command = Substring(command)
        while let last = command.last, last.isWhitespace { command = command.dropLast() }
        for sourceLine in command.split(separator: "\n", omittingEmptySubsequences: false) {
            result += wrapLine(String(sourceLine).trimmingTrailingSpaces, width: width)
        }
        return result
    }

    private static func wrapLine(_ line: String, width: Int) -> [CommandLine] {
        var lines: [CommandLine] = []
        var rest = line
        var prefix = ""
        // Every break below is made outside quotes (a `\` inside single quotes is not a
        // continuation), so each new `rest` starts with no quote open.
        while DisplayWidth.of(prefix + rest) > width {
            // Room for the text on this line, leaving two columns for " \".
            let room = width - DisplayWidth.of(prefix) - 2
            let fitting = DisplayWidth.prefix(rest, fitting: room + 1)
            if let space = ShellQuoting.unquotedSpaces(in: fitting).last, space > fitting.startIndex {
                let head = String(rest[..<space]).trimmingTrailingSpaces
                lines.append(CommandLine(text: prefix + head + " " + mark, continues: true))
                rest = String(rest[rest.index(after: space)...]).trimmingLeadingSpaces
                prefix = indent
            } else {
                // No space to break at: cut the token and mark the cut, without indenting what follows.
                // Inside quotes, close them before the mark and open them again on the next line:
                // the shell joins 'abc'\<newline>'def' into abcdef.
                var head = DisplayWidth.prefix(rest, fitting: max(1, width - DisplayWidth.of(prefix) - 2))
                if head.count > 1, head.hasSuffix("\\") { head.removeLast() }
                let open = ShellQuoting.openQuote(after: head)
                let close = open.map(String.init) ?? ""
                lines.append(CommandLine(text: prefix + head + close + mark, continues: true))
                rest = close + String(rest.dropFirst(head.count))
                prefix = ""
            }
        }
        lines.append(CommandLine(text: prefix + rest, continues: false))
        return lines
    }
}
