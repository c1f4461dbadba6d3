import Yams

/// The content's version as its manifest states it, read without loading (or validating) the
/// tree: `--version` must answer even when the content has problems.
public enum ContentVersion {
    private struct VersionOnly: Decodable { var version: String }

    public static func read(from files: [ContentFile]) -> String? {
        guard let manifest = files.first(where: { $0.path == "manifest.yaml" }) else { return nil }
        return try? YAMLDecoder().decode(VersionOnly.self, from: manifest.text).version
    }
}
