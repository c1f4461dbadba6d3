import Foundation
import PackagePlugin

/// Compiles a top-level folder of the package into the target as Swift source, and re-runs
/// whenever a file in it changes (every file is declared as an input).
///
/// Which folder a target gets is fixed here, by target name: the decision tree for
/// `TriageContent`, the training scenarios for `TriageScenarios`.
@main
struct EmbedContentPlugin: BuildToolPlugin {
    private struct Embedding {
        var folder: String
        var typeName: String
        /// File extensions to embed; nil embeds every file (scenario evidence has many kinds).
        var extensions: [String]?
    }

    private static let embeddings: [String: Embedding] = [
        "TriageContent": Embedding(folder: "Content", typeName: "EmbeddedContent", extensions: ["yaml", "yml", "md"]),
        "TriageScenarios": Embedding(folder: "Resources/scenarios", typeName: "EmbeddedScenarios", extensions: nil),
    ]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let embedding = Self.embeddings[target.name] else {
            throw PluginError("EmbedContentPlugin does not know what to embed in target '\(target.name)'")
        }
        let folder = context.package.directoryURL.appending(path: embedding.folder)
        let output = context.pluginWorkDirectoryURL.appending(path: "\(embedding.typeName).swift")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        {
            for case let url as URL in walker
            where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                if let wanted = embedding.extensions, !wanted.contains(url.pathExtension) { continue }
                inputs.append(url)
            }
        }
        var arguments = [folder.path, output.path, embedding.typeName]
        if let wanted = embedding.extensions { arguments.append(wanted.joined(separator: ",")) }
        return [
            .buildCommand(
                displayName: "Embedding \(embedding.folder)/ (\(inputs.count) files)",
                executable: try context.tool(named: "ContentEmbedder").url,
                arguments: arguments,
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}

struct PluginError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
