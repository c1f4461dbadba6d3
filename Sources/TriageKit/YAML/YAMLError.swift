/// Why a text is not YAML the reader accepts, with the 1-based line and column where it noticed.
public struct YAMLError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int

    public init(_ message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }

    public var description: String { "\(message) (line \(line), column \(column))" }
}
