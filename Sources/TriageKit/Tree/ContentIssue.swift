/// A problem in a content folder, located by file and node, as `lint` prints it.
public struct ContentIssue: Sendable, Equatable, CustomStringConvertible, Codable {
    public var file: String
    public var node: String?
    public var message: String

    public init(file: String, node: String? = nil, message: String) {
        self.file = file
        self.node = node
        self.message = message
    }

    public var description: String {
        if let node { return "\(file): node '\(node)': \(message)" }
        return "\(file): \(message)"
    }
}
