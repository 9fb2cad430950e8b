/// The intent table: what users say, and which plugin answers. Loaded from `Intents/*.yaml`.
public struct IntentTable: Sendable {
    public var intents: [Intent]

    public init(intents: [Intent]) { self.intents = intents }

    public func intent(_ id: String) -> Intent? { intents.first { $0.id == id } }
    public var pluginNames: Set<String> { Set(intents.map(\.plugin)) }
}

public struct Intent: Sendable, Hashable {
    public var id: String
    public var plugin: String
    public var description: String
    public var examples: [String]
    /// Where the intent is defined, for diagnostics.
    public var file: String
    public var line: Int

    public init(id: String, plugin: String, description: String, examples: [String], file: String = "", line: Int = 0) {
        self.id = id
        self.plugin = plugin
        self.description = description
        self.examples = examples
        self.file = file
        self.line = line
    }
}
