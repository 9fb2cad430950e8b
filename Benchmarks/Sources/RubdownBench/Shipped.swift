import Foundation
import RubdownKit

/// Every plugin `rubdown` registers, in the same order: `registeredPlugins` comes from
/// Sources/RubdownPlugins/RegisteredPlugins.swift itself (linked in as RegisteredPlugins.swift by Package.swift).
func allPlugins() -> PluginRegistry { registeredPlugins }

/// Reads the `*.yaml` files of a folder through the public API (`rubdown --intents DIR` does the same).
func contentFiles(_ directory: String) -> [ContentFile] {
    do {
        return try Content.files(in: directory)
    } catch {
        fail("cannot read \(directory): \(error)")
    }
}

/// Times of one load: reading the files, parsing and cross-checking them (`Content.load`),
/// and building the coach, which builds the lexicon and the intent index (`Coach.init`).
struct LoadTiming {
    var readNs: UInt64
    var parseNs: UInt64
    var indexNs: UInt64
    var loadAndIndexNs: UInt64 { parseNs + indexNs }
}

/// Loads content from folders and builds a coach with every plugin, timing each stage.
func loadCoach(knowledgeDirectory: String, intentsDirectory: String) -> (Coach, LoadTiming) {
    let t0 = now()
    let knowledge = contentFiles(knowledgeDirectory)
    let intents = contentFiles(intentsDirectory)
    let t1 = now()
    let content: Content
    do {
        content = try Content.load(knowledge: knowledge, intents: intents)
    } catch {
        fail("the content does not load:\n\(error)")
    }
    let t2 = now()
    let coach: Coach
    do {
        coach = try Coach(content: content, plugins: allPlugins())
    } catch {
        fail("the coach does not build:\n\(error)")
    }
    let t3 = now()
    return (coach, LoadTiming(readNs: t1 - t0, parseNs: t2 - t1, indexNs: t3 - t2))
}

/// Where the repository is: `--repo`, or two folders above this package's sources.
func repositoryRoot(_ arguments: Arguments) -> String {
    if let repo = arguments.options["repo"] { return repo }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
}

/// The CLINC150 folder: `--clinc`, or ../shared/data/clinc150 beside the repository.
func clincDirectory(_ arguments: Arguments, repo: String) -> String {
    arguments.options["clinc"]
        ?? URL(fileURLWithPath: repo).deletingLastPathComponent()
        .appendingPathComponent("shared/data/clinc150").path
}
