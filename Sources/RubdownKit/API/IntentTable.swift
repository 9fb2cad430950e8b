/// The intent table: what users say, and which plugin answers. Loaded from `Intents/*.yaml`.
public struct IntentTable: Sendable, Codable {
    public var intents: [Intent] { didSet { index() } }
    /// Where each intent id, and each plugin's first intent, is in `intents`: routing looks
    /// intents up on every line, and a table may hold thousands.
    private var positions: [String: Int] = [:]
    private var firstOfPlugin: [String: Int] = [:]

    public init(intents: [Intent]) {
        self.intents = intents
        index()
    }

    private mutating func index() {
        positions = Dictionary(intents.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        firstOfPlugin = Dictionary(intents.enumerated().map { ($1.plugin, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The intent with this id (the first, should the table repeat one).
    public func intent(_ id: String) -> Intent? { positions[id].map { intents[$0] } }
    /// The plugin's first intent in the table.
    public func firstIntent(of plugin: String) -> Intent? { firstOfPlugin[plugin].map { intents[$0] } }
    package var pluginNames: Set<String> { Set(firstOfPlugin.keys) }
}

public struct Intent: Sendable, Hashable, Codable {
    public var id: String
    public var plugin: String
    public var description: String
    @Deferred public var examples: [String]
    /// Words or phrases that mark a line as possibly this intent even without a body area,
    /// technique, bath or soreness word ("help", "bye"). Without one of these or such a domain
    /// word, a line cannot be this intent, however similar it looks.
    var keywords: [String]
    /// True for intents a domain word alone must not reach ("calf cramp at night" is not goodbye):
    /// they need one of their keywords.
    var needsKeyword = false
    /// How the fallback offers this intent to someone whose question was out of scope.
    public var offer: String?
    /// For data-only intents (answered by a generic plugin): the reply text, and the
    /// knowledge-base entries (`techniques:tennis-ball`, `areas:feet`) shown after it.
    public var reply: String?
    public var knowledge: [String] = []
    /// The line of each example, for diagnostics.
    @Deferred package var exampleLines: [Int] = []
    /// Where the intent is defined, for diagnostics.
    package var file: String
    package var line: Int

    /// The line of an example, for diagnostics (the intent's own line when unknown).
    public func line(ofExample index: Int) -> Int { exampleLines.indices.contains(index) ? exampleLines[index] : line }

    public init(
        id: String, plugin: String, description: String, examples: [String], keywords: [String] = [], offer: String? = nil,
        file: String = "", line: Int = 0
    ) {
        self.id = id
        self.plugin = plugin
        self.description = description
        self.examples = examples
        self.keywords = keywords
        self.offer = offer
        self.file = file
        self.line = line
    }
}
