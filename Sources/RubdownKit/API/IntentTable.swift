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
    /// Words or phrases that mark a line as possibly this intent even without a body area,
    /// technique, bath or soreness word ("help", "bye"). Without one of these or such a domain
    /// word, a line cannot be this intent, however similar it looks.
    public var keywords: [String]
    /// True for intents a domain word alone must not reach ("calf cramp at night" is not goodbye):
    /// they need one of their keywords.
    public var needsKeyword = false
    /// How the fallback offers this intent to someone whose question was out of scope.
    public var offer: String?
    /// For data-only intents (answered by a generic plugin): the reply text, and the
    /// knowledge-base entries (`techniques:tennis-ball`, `areas:feet`) shown after it.
    public var reply: String?
    public var knowledge: [String] = []
    /// The line of each example, for diagnostics.
    public var exampleLines: [Int] = []
    /// Where the intent is defined, for diagnostics.
    public var file: String
    public var line: Int

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
