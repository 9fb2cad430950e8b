import Foundation

/// Rubdown's engine: content, understanding and plugins, validated together at start-up.
/// Stateless and shareable; each conversation keeps its own state.
public struct Coach: Sendable {
    public let content: Content
    public let interpreter: Interpreter
    public let plugins: PluginRegistry
    /// The one owner of safety, over this coach's knowledge base.
    public var safety: Safety { Safety(content.knowledge) }

    public init(content: Content, plugins: PluginRegistry) throws {
        try plugins.validate(content.intents)
        self.content = content
        self.plugins = plugins
        self.interpreter = Interpreter(content: content, outOfScopePlugins: plugins.outOfScopeNames)
    }

    /// A coach as saved in a snapshot: already validated and indexed.
    init(content: Content, interpreter: Interpreter, plugins: PluginRegistry) {
        self.content = content
        self.interpreter = interpreter
        self.plugins = plugins
    }

    /// A new conversation; with a journal (the runner's, or an empty one), it keeps notes
    /// once the runner agrees and uses past ones to spot patterns.
    public func startConversation(journal: Journal? = nil) -> Conversation {
        var conversation = Conversation(coach: self)
        conversation.state.journal = journal
        // A warning sign told in an earlier session still bars massage of its areas.
        for entry in journal?.standingWarnings(now: Date()) ?? [] {
            safety.record(entry.redFlags ?? [], in: &conversation.state, areas: entry.areas)
        }
        return conversation
    }

    /// Stateless classification (`rubdown classify`).
    public func classify(_ line: String) -> Classification {
        let understanding = interpreter.understand(line)
        var route = DialoguePolicy.route(understanding, plugins: plugins, table: content.intents)
        // As a conversation's first line is routed: a report of discomfort starts the questions (unless the line
        // is, nearly word for word, an example of another intent).
        if DialoguePolicy.startsQuestions(understanding),
            let triage = plugins.plugin(with: .redFlags), let first = content.intents.firstIntent(of: triage.name)
        {
            route = .init(plugin: triage.name, intent: route.plugin == triage.name ? route.intent : first.id)
        } else if let asked = DialoguePolicy.requestBesideAFact(understanding, plugins: plugins) {
            // ("im pregnant, can i do an ice bath?": the bath, as a conversation answers it.)
            route = asked
        }
        return Classification(
            input: line, plugin: route.plugin, intent: route.intent, confidence: understanding.confidence,
            entities: understanding.entities, understanding: understanding)
    }
}

public struct Classification: Sendable {
    var input: String
    public var plugin: String
    public var intent: String
    package var confidence: Double
    public var entities: Entities
    public var understanding: Understanding
}

/// One turn of a conversation: what `rubdown --json` prints.
public struct Turn: Sendable {
    package var input: String
    public var reply: String
    public var plugin: String
    public var intent: String
    var confidence: Double
    package var entities: Entities
    public var awaiting: Slot?
    public var triage: TriageOutcome?
    /// True when the runner asked to leave.
    public var ends: Bool
    package var understanding: Understanding
    package var knowledgeUsed: [String]
    /// The routine step this reply gives, when a guided routine is under way.
    public var routineStep: (index: Int, of: Int, step: Routine.Step)? = nil
}
