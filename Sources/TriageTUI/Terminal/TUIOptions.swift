/// How the full-screen wizard looks, from the command line and the environment.
public struct TUIOptions: Sendable, Equatable {
    /// False for `--no-color` or a non-empty NO_COLOR.
    public var color: Bool
    /// `--ascii`: no box drawing or other non-ASCII characters.
    public var ascii: Bool
    /// `--explain`: the why panel also says which rule each answer followed.
    public var explain: Bool

    public init(color: Bool, ascii: Bool, explain: Bool = false) {
        self.color = color
        self.ascii = ascii
        self.explain = explain
    }

    /// Colour unless `--no-color` was given or NO_COLOR is set to anything non-empty (no-color.org).
    public static func colorWanted(flag noColor: Bool, environment: [String: String]) -> Bool {
        !noColor && (environment["NO_COLOR"] ?? "").isEmpty
    }
}
