import RubdownKit

/// Out-of-scope lines: says what Rubdown covers and offers the nearest things it can do.
public struct FallbackPlugin: Plugin {
    public init() {}

    public var name: String { "fallback" }
    public var capabilities: Set<PluginCapability> { [.outOfScope] }

    public func respond(to request: PluginRequest, context: PluginContext) -> PluginReply {
        let offers = (request.understanding.ranking)
            .filter { $0.plugin != name && $0.score >= 0.15 }
            .compactMap { context.intents.intent($0.intent)?.offer }
            .prefix(2)
        var text = "Sorry, that's outside what I can help with. I only coach self-massage and recovery for sore legs after a run"
        text += ": techniques, how sore is too sore, and baths afterwards."
        if !offers.isEmpty {
            text +=
                " The closest I can offer: " + offers.map { $0.prefix(1).lowercased() + $0.dropFirst() }.joined(separator: "; or ") + "."
        } else {
            text += " Try \"my calves hurt after a 10k\" or \"help\"."
        }
        return PluginReply(text)
    }
}
