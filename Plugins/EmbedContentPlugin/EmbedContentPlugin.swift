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
        // The folders are inputs too: adding or removing a file changes its folder's modification
        // time, which makes the build run the command again. (The plugin itself is not asked
        // again for its list of files on every build, so the files alone would miss new ones.)
        var folders: [URL] = [folder]
        if let walker = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey, .isDirectoryKey], options: [.skipsHiddenFiles])
        {
            for case let url as URL in walker {
                let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isDirectoryKey])
                if values?.isDirectory == true { folders.append(url) }
                guard values?.isRegularFile == true else { continue }
                if let wanted = embedding.extensions, !wanted.contains(url.pathExtension) { continue }
                inputs.append(url)
            }
        }
        var arguments = [folder.path, output.path, embedding.typeName]
        if let wanted = embedding.extensions { arguments += ["--extensions", wanted.joined(separator: ",")] }
        return [
            .buildCommand(
                displayName: "Embedding \(embedding.folder) as \(embedding.typeName)",
                executable: try context.tool(named: "ContentEmbedder").url,
                arguments: arguments,
                inputFiles: inputs + folders,
                outputFiles: [output]
            )
        ]
    }
}

struct PluginError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
