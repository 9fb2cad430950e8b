/// An action module: answers the turns routed to it. Plugins know nothing of the terminal;
/// they read the shared knowledge base and a read-only view of the conversation, and return
/// their reply text with typed effects (ask a question, set an outcome, start a routine, end
/// or reset the conversation) that the dialogue alone applies, as Rasa's actions return events.
public protocol Plugin: Sendable {
    /// The name intents use in `Intents/*.yaml` (`plugin: techniques`).
    var name: String { get }
    /// Roles the dialogue gives this plugin besides its intents.
    var capabilities: Set<PluginCapability> { get }
    func respond(to request: PluginRequest, context: PluginContext) -> PluginReply
    /// The follow-up questions the plugin may ask, so `rubdown check` can prove each can be answered.
    var questions: [Question] { get }
    /// Guidance entries the plugin shows in cases `rubdown check`'s probe conversations cannot reach
    /// (what the journal shows), so they are not reported as never shown.
    var guidance: [String] { get }
}

extension Plugin {
    public var capabilities: Set<PluginCapability> { [] }
    public var questions: [Question] { [] }
    public var guidance: [String] { [] }
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
    var alternatives: [IntentScore]

    public init(understanding: Understanding, intent: String, answering: PendingQuestion? = nil, alternatives: [IntentScore] = []) {
        self.understanding = understanding
        self.intent = intent
        self.answering = answering
        self.alternatives = alternatives
    }
}

/// What a plugin sees: the knowledge base, the intent table and the conversation so far, read only.
public struct PluginContext: Sendable {
    public let knowledge: KnowledgeBase
    public let intents: IntentTable
    public let state: ConversationState

    public init(knowledge: KnowledgeBase, intents: IntentTable, state: ConversationState) {
        self.knowledge = knowledge
        self.intents = intents
        self.state = state
    }

    /// Advice fitted to what the runner said about themselves.
    public var advice: Advice { Advice(knowledge, runner: state.runner) }
    /// The owner of safety: plugins ask it for warnings, never word their own.
    public var safety: Safety { Safety(knowledge) }
}

/// A plugin's answer: the text, and the effects on the conversation that the dialogue applies
/// (`Conversation.apply`), checked by safety first.
public struct PluginReply: Sendable {
    public enum Action: Sendable { case none, endConversation, resetConversation, forgetJournal }

    package var text: String
    /// Effect: ask this follow-up question; the next line is read as its answer first.
    package var asking: Question?
    /// Effect: this is the outcome of the questions.
    package var triage: TriageOutcome?
    /// Areas this reply tells the runner to massage; safety never lets that include a red-flagged area.
    package var massages: [String]
    /// Knowledge-base entries the reply drew on (`techniques:drumming`), for provenance.
    var knowledgeUsed: [String]
    /// Effect: end the conversation, start it again, or erase the journal.
    var action: Action
    /// Effect: start this guided routine; the dialogue leads it one step at a time.
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

    /// Every intent must name exactly one registered plugin (no two plugins share a name); a problem
    /// is reported where the intent is defined.
    func validate(_ table: IntentTable) throws {
        let names = Set(plugins.map(\.name))
        let shared = Dictionary(grouping: plugins.map(\.name), by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        if !shared.isEmpty {
            throw ContentError([
                ContentDiagnostic(
                    file: "RegisteredPlugins.swift", line: 0, message: "more than one plugin is named \(shared.joined(separator: ", "))")
            ])
        }
        let problems = table.intents.filter { !names.contains($0.plugin) }.map {
            ContentDiagnostic(
                file: $0.file, line: $0.line,
                message:
                    "intent '\($0.id)' names the plugin '\($0.plugin)', which is not registered\(suggestion($0.plugin, names)); known: \(names.sorted().joined(separator: ", "))"
            )
        }
        if !problems.isEmpty { throw ContentError(problems) }
    }
}
