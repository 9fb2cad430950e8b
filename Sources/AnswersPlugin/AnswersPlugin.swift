import RubdownKit

/// Answers data-only intents: the intent's own `reply` text followed by the knowledge-base
/// entries it names (`knowledge: [areas:feet, techniques:tennis-ball]`). This is how a physio
/// adds an answer without writing Swift.
public struct AnswersPlugin: Plugin {
    public init() {}

    public var name: String { "answers" }

    public func respond(to request: PluginRequest, context: PluginContext) -> PluginReply {
        guard let intent = context.intents.intent(request.intent) else {
            return PluginReply("I have no answer written for that yet.")
        }
        let knowledge = context.knowledge
        var parts: [String] = []
        if let reply = intent.reply { parts.append(reply) }
        var massaged: [String] = []
        let namedAreas = knowledge.areasNamed(in: intent)
        for reference in intent.knowledge {
            guard let (kind, id) = knowledge.entry(reference) else { continue }
            switch kind {
            case "techniques":
                if let technique = knowledge.technique(id) {
                    parts.append(context.advice.explain(technique, for: namedAreas))
                    massaged += namedAreas.filter { technique.fits($0) }
                }
            case "areas":
                // `entry` found the area, so the note is there.
                parts.append(context.advice.areaNotes([id]))
                massaged.append(id)
            case "baths":
                if let bath = knowledge.bath(id) {
                    parts.append(
                        "\(bath.name): \(bath.temperature), for \(bath.duration). Skip it if: " + bath.avoidIf.joined(separator: " "))
                }
            case "red_flags":
                if let flag = knowledge.redFlag(id) { parts.append(context.safety.describe(flag)) }
            case "guidance":
                parts.append(knowledge.say(id))
            default:
                break
            }
        }
        return PluginReply(parts.joined(separator: "\n"), massages: Array(Set(massaged)).sorted(), knowledgeUsed: intent.knowledge)
    }
}

extension KnowledgeBase {
    /// The areas an intent's knowledge references name.
    func areasNamed(in intent: Intent) -> [String] {
        intent.knowledge.compactMap { entry($0) }.filter { $0.kind == "areas" }.map(\.id)
    }
}
