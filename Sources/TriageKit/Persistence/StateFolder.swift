/// Where saved sessions live: `$XDG_STATE_HOME/apigw-triage/`, else `~/.local/state/apigw-triage/`.
///
/// Resolved from an environment dictionary passed in, so tests (and the engine) never read the
/// process environment themselves.
public enum StateFolder {
    public static let appName = "apigw-triage"

    /// The folder for this environment, or nil when neither variable names a usable place.
    /// A relative `XDG_STATE_HOME` is ignored, as the XDG Base Directory specification asks.
    public static func path(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return join(state, appName)
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return join(join(home, ".local/state"), appName)
        }
        return nil
    }

    private static func join(_ base: String, _ name: String) -> String {
        base.hasSuffix("/") ? base + name : base + "/" + name
    }
}
