/// The content's version as its manifest states it, read without loading (or validating) the
/// tree: `--version` must answer even when the content has problems.
public enum ContentVersion {
    private struct VersionOnly: Decodable { var version: String }

    public static func read(from files: [ContentFile]) -> String? {
        guard let manifest = files.first(where: { $0.path == "manifest.yaml" }) else { return nil }
        return plainVersion(in: manifest.text) ?? (try? YAMLTreeDecoder().decode(VersionOnly.self, from: manifest.text).version)
    }

    /// `version: "2026.12.03"` on a line of its own, read without a YAML parser: every command
    /// shows the version in its help, so this runs at each start. Anything less plain goes to YAML.
    private static func plainVersion(in text: String) -> String? {
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("version:") }) else { return nil }
        var value = line.dropFirst("version:".count).drop(while: { $0 == " " })
        while value.last == " " || value.last == "\r" { value.removeLast() }
        if value.count >= 2, value.first == "\"", value.last == "\"" { value = value.dropFirst().dropLast() }
        let plain = !value.isEmpty && value.allSatisfy { $0.isLetter || $0.isNumber || ".-_+".contains($0) }
        return plain ? String(value) : nil
    }
}
