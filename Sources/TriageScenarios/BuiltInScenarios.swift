/// Access to the training scenarios compiled into the binary (see `EmbedContentPlugin`).
public enum BuiltInScenarios {
    /// Every embedded file as (path relative to `Resources/scenarios/`, text).
    public static var files: [(path: String, text: String)] { EmbeddedScenarios.files }

    /// The scenarios' names (their folders), sorted: cheap enough for shell completion, which
    /// must not read the scenarios themselves.
    public static var names: [String] {
        let marker = "/scenario.yaml"
        return EmbeddedScenarios.files.map(\.path).filter { $0.hasSuffix(marker) }.map { String($0.dropLast(marker.count)) }.sorted()
    }
}
