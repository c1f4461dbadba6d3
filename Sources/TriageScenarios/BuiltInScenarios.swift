/// Access to the training scenarios compiled into the binary (see `EmbedContentPlugin`).
public enum BuiltInScenarios {
    /// Every embedded file as (path relative to `Resources/scenarios/`, text).
    public static var files: [(path: String, text: String)] { EmbeddedScenarios.files }
}
