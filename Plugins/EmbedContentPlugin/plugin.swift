import Foundation
import PackagePlugin

/// Embeds the bundled content (`Intents/` and `Knowledge/`) into the `BundledContent`
/// module, as text and as the coach built from it, so that `rubdown` carries its data wherever
/// the binary is copied and no start parses or indexes it.
@main
struct EmbedContentPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let folders = ["Intents", "Knowledge"].map { root.appending(path: $0) }
        var files: [URL] = []
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            files += names.filter { $0.hasSuffix(".yaml") }.sorted().map { folder.appending(path: $0) }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        // The tool lists the folders itself, and the folders are inputs too, so that adding or
        // removing a file (which changes the folder) embeds again even when this plugin is not re-run.
        return [
            .buildCommand(
                displayName: "Embedding Intents/ and Knowledge/",
                executable: try context.tool(named: "EmbedContent").url,
                arguments: [output.path, root.path] + folders.map(\.path),
                // Hashing in a fixed order makes the same content give the same snapshot.
                environment: ["SWIFT_DETERMINISTIC_HASHING": "1"],
                inputFiles: folders + files,
                outputFiles: [output]
            )
        ]
    }
}
