import Foundation
import RubdownKit

/// The intent table and knowledge base that ship inside the `rubdown` binary, so it works
/// from any directory and after being copied elsewhere.
public enum BundledContent {
    public static var knowledge: [ContentFile] { files(under: "Knowledge/") }
    public static var intents: [ContentFile] { files(under: "Intents/") }

    /// Loads the bundled content; it is validated by the test suite, so a failure here is a build defect.
    public static func load() throws -> Content {
        try Content.load(knowledge: knowledge, intents: intents)
    }

    /// The coach built from the bundled content when `rubdown` was compiled, with `plugins`:
    /// no YAML parsed and no index built at start-up.
    public static func coach(plugins: PluginRegistry) throws -> Coach {
        try CoachSnapshot.coach(from: ByteLiteral.bytes(of: embeddedSnapshot), plugins: plugins)
    }

    private static func files(under folder: String) -> [ContentFile] {
        embeddedFiles.filter { $0.path.hasPrefix(folder) }.map { ContentFile(path: $0.path, text: $0.text) }
    }
}
