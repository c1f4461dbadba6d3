import ArgumentParser
import Foundation
import TriageKit

/// Process entry: runs the root command and maps failures onto the documented exit codes
/// (0 success, 1 lint findings, 2 usage error, 3 unreadable input).
@main
enum EntryPoint {
    static func main() {
        do {
            // A plain `scan` skips ArgumentParser's reflection (see `ScanArguments`).
            if let scan = ScanArguments.parse(Array(CommandLine.arguments.dropFirst())) {
                try scan.run()
                return
            }
            var command = try RootCommand.parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = RootCommand.exitCode(for: error)
            if code == .success {
                // Help and version requests.
                print(RootCommand.fullMessage(for: error))
                Foundation.exit(0)
            }
            printError(RootCommand.fullMessage(for: error))
            // ArgumentParser says 64 for usage errors; our contract says 2.
            Foundation.exit(code == .validationFailure ? ExitStatus.usage.rawValue : code.rawValue)
        }
    }
}

/// The exit codes of the command-line contract (`design/product.md`).
enum ExitStatus: Int32 {
    case success = 0
    case findings = 1
    case usage = 2
    case unreadable = 3
    /// Ctrl-C, in either front end: 128 + SIGINT, as shells report an interrupted command.
    case interrupted = 130

    var exitCode: ExitCode { ExitCode(rawValue) }
}

/// Writes to standard output at once: plain mode writes unbuffered, so a buffered `print`
/// before it would appear after it.
func printOutput(_ message: String) {
    FileHandle.standardOutput.write(Data((message.hasSuffix("\n") || message.isEmpty ? message : message + "\n").utf8))
}

/// Every message to standard error passes here: file names and descriptions from files are shown
/// with their control characters escaped (`VisibleText`), never sent raw to the terminal.
func printError(_ message: String) {
    let safe = VisibleText.visibleLines(message)
    FileHandle.standardError.write(Data((safe.hasSuffix("\n") ? safe : safe + "\n").utf8))
}
