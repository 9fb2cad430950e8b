/// Where each line goes: the decisions of the dialogue, apart from the plugins that answer.
enum DialoguePolicy {
    /// Below this confidence a line is out of scope; a line about the domain (an area, a technique,
    /// soreness) needs less, since out-of-scope questions rarely name those.
    static let outOfScopeThreshold = 0.35
    static let inDomainThreshold = 0.2
    /// A line that does not answer a pending question interrupts it only when understood at least this well.
    static let digressionThreshold = 0.45

    struct Route {
        var plugin: String
        var intent: String
    }

    /// The plugin and intent for a line on its own, without conversation state.
    static func route(_ understanding: Understanding, plugins: PluginRegistry, table: IntentTable) -> Route {
        if !understanding.entities.redFlags.isEmpty, let handler = plugins.plugin(with: .redFlags) {
            let intent = understanding.ranking.first { $0.plugin == handler.name }?.intent
                ?? table.intents.first { $0.plugin == handler.name }?.id
            return Route(plugin: handler.name, intent: intent ?? handler.name)
        }
        let fallback = plugins.plugin(with: .outOfScope)?.name ?? "fallback"
        let threshold = understanding.inDomain ? inDomainThreshold : outOfScopeThreshold
        guard let top = understanding.top, top.score >= threshold else {
            return Route(plugin: fallback, intent: fallback == "fallback" ? "fallback.out_of_scope" : fallback)
        }
        return Route(plugin: top.plugin, intent: top.intent)
    }

    /// Whether a line is an answer to the pending question rather than something new.
    static func isAnswer(_ understanding: Understanding, to pending: PendingQuestion, filled: Bool, fillsOther: Bool) -> Bool {
        if filled { return true }
        guard let top = understanding.top, top.score >= digressionThreshold, top.intent != pending.intent else {
            return true
        }
        // A line that names facts for the questions is an answer unless it is clearly about something else
        // ("actually it's my hamstrings" is; "how do I use a foam roller on my quads" is not).
        return fillsOther && top.plugin == pending.plugin
    }
}
