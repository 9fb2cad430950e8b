/// An action module: answers the turns routed to it. Plugins know nothing of the terminal;
/// they read the shared knowledge base and the conversation's state, and return a reply.
public protocol Plugin: Sendable {
    /// The name intents use in `Intents/*.yaml` (`plugin: techniques`).
    var name: String { get }
    /// Roles the dialogue gives this plugin besides its intents.
    var capabilities: Set<PluginCapability> { get }
    func respond(to request: PluginRequest, context: inout PluginContext) -> PluginReply
    /// The follow-up questions the plugin may ask, so `rubdown check` can prove each can be answered.
    var questions: [Question] { get }
}

extension Plugin {
    public var capabilities: Set<PluginCapability> { [] }
    public var questions: [Question] { [] }
}

public enum PluginCapability: Sendable, Hashable {
    /// Answers every line that describes a red flag, whatever else was going on.
    case redFlags
    /// Answers lines that are out of scope or understood too weakly.
    case outOfScope
}

public struct PluginRequest: Sendable {
    public var understanding: Understanding
    /// The intent the line was routed for; for an answer, the intent that started the questions.
    public var intent: String
    /// Set when the line answers a question this plugin asked.
    public var answering: PendingQuestion?
    /// Intents that scored almost as well as the chosen one, for plugins that suggest or clarify.
    public var alternatives: [IntentScore]

    public init(understanding: Understanding, intent: String, answering: PendingQuestion? = nil, alternatives: [IntentScore] = []) {
        self.understanding = understanding
        self.intent = intent
        self.answering = answering
        self.alternatives = alternatives
    }
}

public struct PluginContext: Sendable {
    public let knowledge: KnowledgeBase
    public let intents: IntentTable
    public var state: ConversationState

    public init(knowledge: KnowledgeBase, intents: IntentTable, state: ConversationState) {
        self.knowledge = knowledge
        self.intents = intents
        self.state = state
    }

    public var advice: Advice { Advice(knowledge) }
    /// The owner of safety: plugins ask it for warnings, never word their own.
    public var safety: Safety { Safety(knowledge) }
}

public struct PluginReply: Sendable {
    public enum Action: Sendable { case none, endConversation, resetConversation, forgetJournal }

    public var text: String
    /// A follow-up question; the next line is read as its answer first.
    public var asking: Question?
    public var triage: TriageOutcome?
    /// Areas this reply tells the runner to massage; the dialogue never lets that include a red-flagged area.
    public var massages: [String]
    /// Knowledge-base entries the reply drew on (`techniques:drumming`), for provenance.
    public var knowledgeUsed: [String]
    public var action: Action
    /// A guided routine to start; the dialogue leads it one step at a time.
    public var routine: Routine?

    public init(
        _ text: String, asking: Question? = nil, triage: TriageOutcome? = nil, massages: [String] = [],
        knowledgeUsed: [String] = [], action: Action = .none
    ) {
        self.text = text
        self.asking = asking
        self.triage = triage
        self.massages = massages
        self.knowledgeUsed = knowledgeUsed
        self.action = action
    }
}

/// The set of plugins a coach dispatches to. Adding a plugin is one more entry here.
public struct PluginRegistry: Sendable {
    public let plugins: [any Plugin]

    public init(_ plugins: [any Plugin]) { self.plugins = plugins }

    public func plugin(named name: String) -> (any Plugin)? { plugins.first { $0.name == name } }
    public func plugin(with capability: PluginCapability) -> (any Plugin)? {
        plugins.first { $0.capabilities.contains(capability) }
    }

    /// The plugins whose intents are examples of what Rubdown declines: they need no domain word.
    var outOfScopeNames: Set<String> { Set(plugins.filter { $0.capabilities.contains(.outOfScope) }.map(\.name)) }

    /// Whether answers from this plugin decline the line; a plugin not registered counts as declining.
    func isOutOfScope(_ name: String) -> Bool { plugin(named: name)?.capabilities.contains(.outOfScope) ?? true }

    /// Every intent must name a registered plugin; the problem is reported where the intent is defined.
    func validate(_ table: IntentTable) throws {
        let names = Set(plugins.map(\.name))
        let problems = table.intents.filter { !names.contains($0.plugin) }.map {
            ContentDiagnostic(
                file: $0.file, line: $0.line,
                message: "intent '\($0.id)' names the plugin '\($0.plugin)', which is not registered\(suggestion($0.plugin, names)); known: \(names.sorted().joined(separator: ", "))")
        }
        if !problems.isEmpty { throw ContentError(problems) }
    }
}
