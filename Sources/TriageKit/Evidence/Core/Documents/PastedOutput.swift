/// AWS CLI output as pasted into a ticket: the command line above it (after a shell prompt, maybe
/// with `time`), the output, and around it `real 0m1.2s` lines, bare prompts, sometimes several
/// command-and-output pairs in one file.
///
/// `strip` blanks every line that is not the first output (instead of removing it), so the JSON or
/// YAML reader sees only the output and every line number it quotes is still the file's own.
struct PastedOutput: Sendable {
    /// The command the output belongs to, when the paste shows it.
    var command: AWSCommandLine?
    /// The error the CLI printed instead of output (`An error occurred (...)`), if any.
    var error: AWSCLIError?
    /// Commands of further pairs in the same file, which are not read.
    var laterCommands: [AWSCommandLine] = []
    /// The file's lines with the command, prompts, timings and later pairs blanked.
    var lines: [Substring]
    /// Whether anything was blanked.
    var changed: Bool

    /// Splits `lines` into command, output and the rest. Cheap when there is nothing to strip: only
    /// the first and last few lines are looked at before any work is done.
    static func strip(_ lines: [Substring]) -> PastedOutput {
        var result = PastedOutput(lines: lines, changed: false)
        guard mayNeedStripping(lines) else { return result }
        var index = 0
        // 1. Blank lines, bare prompts and command lines (with their continuations) before the output.
        while index < lines.count {
            let line = lines[index]
            if line.allSatisfy(\.isWhitespace) || AWSCommandLine.isBarePrompt(line) || isTiming(line) {
                index += 1
                continue
            }
            guard var command = AWSCommandLine(line: line, number: index + 1) else { break }
            let start = index
            var joined = String(line)
            while isContinued(joined), index + 1 < lines.count {
                index += 1
                joined = String(joined.dropLast().trimmingSuffixBlanks()) + " " + lines[index].trimmedOfWhitespace()
            }
            if let whole = AWSCommandLine(line: Substring(joined), number: start + 1) { command = whole }
            result.command = command
            index += 1
        }
        let outputStart = index
        // 2. The output runs to the next command, bare prompt or timing line.
        while index < lines.count {
            let line = lines[index]
            // Most output lines start with a blank, a quote or a bracket: nothing to test on them.
            if let first = line.first, first.isWhitespace || "\"{}[],".contains(first) {
                index += 1
                continue
            }
            if AWSCommandLine(line: line, number: index + 1) != nil || AWSCommandLine.isBarePrompt(line) || isTiming(line) {
                break
            }
            // Output lines start with blanks, quotes or brackets; an error line starts with text.
            if result.error == nil, let first = line.first, !first.isWhitespace, first != "\"", first != "{",
                first != "}", first != "[", first != "]", let error = AWSCLIError(line: line, number: index + 1)
            {
                result.error = error
            }
            index += 1
        }
        let outputEnd = index
        // 3. Later pairs are named, not read.
        while index < lines.count {
            if let later = AWSCommandLine(line: lines[index], number: index + 1) { result.laterCommands.append(later) }
            index += 1
        }
        guard outputStart > 0 || outputEnd < lines.count else { return result }
        var stripped = lines
        for blank in Array(0..<outputStart) + Array(outputEnd..<lines.count) where !lines[blank].isEmpty {
            stripped[blank] = ""
        }
        result.lines = stripped
        result.changed = stripped.indices.contains { !lines[$0].isEmpty && stripped[$0].isEmpty }
        return result
    }

    /// Whether the start or the end of the lines could be a prompt, a command or a timing.
    private static func mayNeedStripping(_ lines: [Substring]) -> Bool {
        let head = lines.lazy.filter { !$0.allSatisfy(\.isWhitespace) }.prefix(1)
        let tail = lines.suffix(4).filter { !$0.allSatisfy(\.isWhitespace) }
        for line in Array(head) + tail {
            if AWSCommandLine.commandStart(line) != nil || AWSCommandLine.isBarePrompt(line) || isTiming(line) {
                return true
            }
            if AWSCLIError(line: line, number: 0) != nil { return true }
        }
        return false
    }

    /// `real 0m1.234s`, `user 0m0.5s`, `sys 0m0.1s` (bash), or zsh's `... 0.52s user 0.10s system 45% cpu 1.3 total`.
    static func isTiming(_ line: Substring) -> Bool {
        let trimmed = line.trimmedOfWhitespace()
        for word in ["real", "user", "sys"] where trimmed.hasPrefix(word) {
            let rest = trimmed.dropFirst(word.count)
            guard let first = rest.first, first == " " || first == "\t" else { continue }
            let value = rest.trimmedOfWhitespace()
            if value.hasSuffix("s"), value.allSatisfy({ $0.isNumber || "ms.,".contains($0) }) { return true }
        }
        return trimmed.hasSuffix(" total") && trimmed.contains("% cpu")
    }

    /// A command line ending in `\` (POSIX shells) or `` ` `` (PowerShell) continues on the next line.
    private static func isContinued(_ line: String) -> Bool {
        let trimmed = line.trimmingSuffixBlanks()
        return trimmed.hasSuffix("\\") || trimmed.hasSuffix("`")
    }
}

extension StringProtocol {
    /// The text without blanks at its end.
    fileprivate func trimmingSuffixBlanks() -> Substring {
        var text = Substring(self)
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }
}
