import RubdownKit

/// Answers data-only intents: the intent's own `reply` text followed by the knowledge-base
/// entries it names (`knowledge: [areas:feet, techniques:tennis-ball]`). This is how a physio
/// adds an answer without writing Swift.
public struct AnswersPlugin: Plugin {
    public init() {}

    public var name: String { "answers" }

    public func respond(to request: PluginRequest, context: inout PluginContext) -> PluginReply {
        guard let intent = context.intents.intent(request.intent) else {
            return PluginReply("I have no answer written for that yet.")
        }
        let knowledge = context.knowledge
        var parts: [String] = []
        if let reply = intent.reply { parts.append(reply) }
        var massaged: [String] = []
        for reference in intent.knowledge {
            guard let (kind, id) = knowledge.entry(reference) else { continue }
            switch kind {
            case "techniques":
                if let technique = knowledge.technique(id) {
                    let areas = knowledge.areasNamed(in: intent)
                    parts.append(context.advice.explain(technique, for: areas))
                    massaged += areas.filter { technique.fits($0) }
                }
            case "areas":
                if let area = knowledge.area(id) {
                    parts.append("Your \(area.name): \(area.care)")
                    massaged.append(id)
                }
            case "baths":
                if let bath = knowledge.bath(id) {
                    parts.append("\(bath.name): \(bath.temperature), for \(bath.duration). Skip it if: " + bath.avoidIf.joined(separator: " "))
                }
            case "red_flags":
                if let flag = knowledge.redFlag(id) { parts.append("\(flag.name.prefix(1).uppercased() + flag.name.dropFirst()): \(flag.why) \(flag.action)") }
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
