import Foundation

/// Everything Rubdown knows and understands: the knowledge base and the intent table,
/// loaded and cross-checked together.
public struct Content: Sendable, Codable {
    public var knowledge: KnowledgeBase
    public var intents: IntentTable
    /// Where each knowledge entry (`techniques:drumming`) was defined, for diagnostics.
    @Deferred var locations: [String: Location] = [:]

    public struct Location: Sendable, Codable {
        var file: String
        var line: Int
    }

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
        try load(ContentSet(knowledge: knowledge, intents: intents))
    }

    /// Loads content and merges overlays over it, in order. An overlay entry (intent, area,
    /// technique, bath, red flag, guidance, source) with the id of a loaded one replaces it;
    /// a new id is added; lexicon entries are added. The merged whole is validated.
    public static func load(_ base: ContentSet, overlays: [ContentSet] = []) throws -> Content {
        var loader = ContentLoader()
        for file in base.knowledge { loader.addKnowledge(file) }
        loader.addIntents(base.intents)
        loader.overriding = true
        for overlay in overlays {
            for file in overlay.knowledge { loader.addKnowledge(file) }
            loader.addIntents(overlay.intents)
        }
        return try loader.finish()
    }

    /// An overlay folder: `intents/*.yaml` and `knowledge/*.yaml` (either capitalised) inside it.
    /// A folder that does not exist is an empty overlay.
    public static func overlay(in directory: String) throws -> ContentSet {
        var set = ContentSet(knowledge: [], intents: [])
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else { return set }
        for name in ["intents", "Intents"] where FileManager.default.fileExists(atPath: directory + "/" + name) {
            set.intents += try files(in: directory + "/" + name)
        }
        for name in ["knowledge", "Knowledge"] where FileManager.default.fileExists(atPath: directory + "/" + name) {
            set.knowledge += try files(in: directory + "/" + name)
        }
        return set
    }

    /// The largest content file read.
    public static let largestFile = 64 << 20

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
            // Never blocks: a FIFO or device named *.yaml (in the configuration folder, read at
            // every start) is an error, not a start that waits for ever.
            let data: [UInt8]
            switch PrivateFile.read(path, limit: largestFile, followingLinks: true) {
            case .bytes(let bytes): data = bytes
            case .notRegular:
                throw ContentError([ContentDiagnostic(file: path, line: 0, column: 0, message: "not a regular file")])
            case .tooLarge:
                throw ContentError([
                    ContentDiagnostic(
                        file: path, line: 0, column: 0, message: "larger than \(largestFile >> 20) MB; too large for a content file")
                ])
            case .missing, .unreadable:
                throw ContentError([ContentDiagnostic(file: path, line: 0, column: 0, message: "cannot read the file")])
            }
            guard let text = String(validating: data, as: UTF8.self) else {
                throw ContentError([ContentDiagnostic(file: path, line: 1, message: "the file is not UTF-8 text")])
            }
            files.append(ContentFile(path: path, text: text))
        }
        return files
    }
}

/// Knowledge-base files and intent files that load together.
public struct ContentSet: Sendable {
    public var knowledge: [ContentFile]
    public var intents: [ContentFile]

    public init(knowledge: [ContentFile], intents: [ContentFile]) {
        self.knowledge = knowledge
        self.intents = intents
    }

    public var isEmpty: Bool { knowledge.isEmpty && intents.isEmpty }
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
    var name: String { String(path.split(separator: "/").last ?? Substring(path)) }
}
