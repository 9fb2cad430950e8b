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
    /// Answers a question about the warning signs in general ("what are the signs of a clot?"), with this intent.
    case warningSigns(intent: String)
    /// Answers a line that only tells about the runner ("I'm on warfarin", "no roller here"), with this intent.
    case aboutTheRunner(intent: String)

    /// The intent a capability names, if it names one.
    var intent: String? {
        switch self {
        case .warningSigns(let intent), .aboutTheRunner(let intent): intent
        case .redFlags, .outOfScope: nil
        }
    }
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
    /// The plugins that decline what Rubdown does not cover (the out-of-scope capability).
    let decliningPlugins: Set<String>

    public init(knowledge: KnowledgeBase, intents: IntentTable, state: ConversationState, decliningPlugins: Set<String> = []) {
        self.knowledge = knowledge
        self.intents = intents
        self.state = state
        self.decliningPlugins = decliningPlugins
    }

    /// Whether the named plugin's replies decline the line.
    public func declines(_ plugin: String) -> Bool { decliningPlugins.contains(plugin) }

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

    /// The plugins whose intents are examples of what Rubdown declines: they need no domain word.
    let outOfScopeNames: Set<String>
    private let names: Set<String>

    public init(_ plugins: [any Plugin]) {
        self.plugins = plugins
        outOfScopeNames = Set(plugins.filter { $0.capabilities.contains(.outOfScope) }.map(\.name))
        names = Set(plugins.map(\.name))
    }

    public func plugin(named name: String) -> (any Plugin)? { plugins.first { $0.name == name } }
    public func plugin(with capability: PluginCapability) -> (any Plugin)? {
        plugins.first { $0.capabilities.contains(capability) }
    }

    /// Whether answers from this plugin decline the line; a plugin not registered counts as declining.
    func isOutOfScope(_ name: String) -> Bool { outOfScopeNames.contains(name) || !names.contains(name) }

    /// The intent that answers questions about warning signs in general, if a plugin declares one.
    var warningSignsIntent: String? { declaredIntent { if case .warningSigns(let id) = $0 { id } else { nil } } }

    /// The intent that answers a line only telling about the runner, if a plugin declares one.
    var aboutTheRunnerIntent: String? { declaredIntent { if case .aboutTheRunner(let id) = $0 { id } else { nil } } }

    private func declaredIntent(_ pick: (PluginCapability) -> String?) -> String? {
        plugins.lazy.flatMap(\.capabilities).compactMap(pick).first
    }

    /// Every intent must name exactly one registered plugin (no two plugins share a name); a problem
    /// is reported where the intent is defined.
    func validate(_ table: IntentTable) throws {
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
        // An intent a plugin declares for a kind of line must be that plugin's own (a table without it, such as
        // a small one given with --intents, simply has no such route).
        var declared: [ContentDiagnostic] = []
        for plugin in plugins {
            for id in plugin.capabilities.compactMap(\.intent) {
                if let intent = table.intent(id), intent.plugin != plugin.name {
                    declared.append(
                        ContentDiagnostic(
                            file: intent.file, line: intent.line,
                            message: "the plugin '\(plugin.name)' declares the intent '\(id)', but it belongs to '\(intent.plugin)'"))
                }
            }
        }
        if !problems.isEmpty || !declared.isEmpty { throw ContentError(problems + declared) }
    }
}
