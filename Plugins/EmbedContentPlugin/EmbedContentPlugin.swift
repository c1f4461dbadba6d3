import Foundation
import PackagePlugin

/// Compiles the package's top-level `Content/` folder into the target as Swift source, and
/// re-runs whenever a content file changes (every file is declared as an input).
@main
struct EmbedContentPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let contentDir = context.package.directoryURL.appending(path: "Content")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedContent.swift")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: contentDir, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where ["yaml", "yml", "md"].contains(url.pathExtension) {
                inputs.append(url)
            }
        }
        return [
            .buildCommand(
                displayName: "Embedding Content/ (\(inputs.count) files)",
                executable: try context.tool(named: "ContentEmbedder").url,
                arguments: [contentDir.path, output.path],
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
