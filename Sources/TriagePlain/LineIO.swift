import Foundation
import TriageKit

/// Where plain mode reads answers from: one line per call, `nil` at end of input.
public protocol LineSource {
    mutating func nextLine() -> String?
}

/// Where plain mode writes to.
public protocol TextSink {
    mutating func write(_ text: String)
}

/// Lines from standard input.
public struct StandardInput: LineSource {
    public init() {}
    public mutating func nextLine() -> String? { readLine(strippingNewline: true) }
}

/// Text to standard output, written at once (unbuffered) so prompts appear before the program waits.
public struct StandardOutput: TextSink {
    public init() {}
    public mutating func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// Lines given up front (tests, scripted sessions).
public struct ScriptedInput: LineSource {
    private var lines: [String]
    public init(_ lines: [String]) { self.lines = lines }
    public mutating func nextLine() -> String? { lines.isEmpty ? nil : lines.removeFirst() }
}

/// Collects everything written (tests).
public struct CapturedOutput: TextSink {
    public private(set) var text = ""
    public init() {}
    public mutating func write(_ text: String) { self.text += text }
}
