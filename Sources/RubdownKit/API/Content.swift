import Foundation

/// Everything Rubdown knows and understands: the knowledge base and the intent table,
/// loaded and cross-checked together.
public struct Content: Sendable {
    public var knowledge: KnowledgeBase
    public var intents: IntentTable

    public init(knowledge: KnowledgeBase, intents: IntentTable) {
        self.knowledge = knowledge
        self.intents = intents
    }

    /// The body-area ids of the contract; the knowledge base must define each of them.
    public static let canonicalAreaIDs = [
        "feet", "achilles", "calves", "shins", "ankles", "knees", "hamstrings", "quads", "glutes", "hips",
        "it-band", "back",
    ]

    /// Loads content from knowledge-base files and intent-table files, and cross-checks them.
    /// Every problem found is reported at once.
    public static func load(knowledge: [ContentFile], intents: [ContentFile]) throws -> Content {
        var loader = ContentLoader()
        for file in knowledge { loader.addKnowledge(file) }
        for file in intents { loader.addIntents(file) }
        return try loader.finish()
    }

    /// The `*.yaml` files in a folder, sorted by name.
    public static func files(in directory: String) throws -> [ContentFile] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw ContentError([ContentDiagnostic(file: directory, line: 0, column: 0, message: "cannot read the folder")])
        }
        var files: [ContentFile] = []
        for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ContentError([ContentDiagnostic(file: path, line: 0, column: 0, message: "cannot read the file")])
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw ContentError([ContentDiagnostic(file: path, line: 1, message: "the file is not UTF-8 text")])
            }
            files.append(ContentFile(path: path, text: text))
        }
        return files
    }
}

/// One content file: where it came from (for messages) and its text.
public struct ContentFile: Sendable {
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// The file's name without folders: `areas.yaml`.
    public var name: String { String(path.split(separator: "/").last ?? Substring(path)) }
}
