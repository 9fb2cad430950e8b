import RubdownKit

/// Bath advice after massage: warm or ice-cold, how, and who should skip it.
public struct BathPlugin: Plugin {
    public init() {}

    public var name: String { "bath" }

    /// Whether the line names more than one bath by a word of its own ("ice", "cold"; "warm", "hot"), from
    /// each bath's name and synonyms less the words the baths share ("bath").
    static func namesSeveral(_ understanding: Understanding, _ baths: [Bath]) -> Bool {
        let own = baths.map { bath in
            Set(([bath.name] + bath.synonyms).flatMap { $0.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init) })
        }
        let shared = own.dropFirst().reduce(own.first ?? []) { $0.intersection($1) }
        let words = Set(understanding.normalized.split(separator: " ").map(String.init))
        return own.filter { !$0.subtracting(shared).isDisjoint(with: words) }.count >= 2
    }

    /// "heat or ice?", "is heat or ice better for sore legs?": heat set against the cold.
    static func asksHeatOrIce(_ understanding: Understanding) -> Bool {
        let words = understanding.normalized.split(separator: " ")
        return words.contains("heat") && words.contains("or")
    }

    public func respond(to request: PluginRequest, context: PluginContext) -> PluginReply {
        let knowledge = context.knowledge
        let level = context.state.lastTriage?.level ?? .selfCare
        if level == .seekCare || !context.state.redFlags.isEmpty {
            return PluginReply(
                context.safety.holdOff(context.state),
                knowledgeUsed: context.state.redFlags.map { "red_flags:\($0)" })
        }
        let asked: [Bath]
        switch request.intent {
        case _ where Self.namesSeveral(request.understanding, knowledge.baths):
            asked = []  // "warm bath or ice?": both named, so the comparison
        case "bath.cold" where Self.asksHeatOrIce(request.understanding):
            asked = []  // "is heat or ice better?": the comparison too (a new user got the ice-cold card alone)
        case "bath.cold": asked = knowledge.baths.filter { !$0.notForFreshStrain }
        case "bath.warm": asked = knowledge.baths.filter(\.notForFreshStrain)
        default:
            asked = []  // warm or cold: the comparison below, fitted to the case
        }
        guard !asked.isEmpty else {
            let hardRun = context.state.facts.isLongRun
            let suggestion = context.advice.bathSuggestion(level: level, hardRun: hardRun)
            let text = knowledge.say("bath-after") + "\n" + suggestion.text
            return PluginReply(text, knowledgeUsed: ["guidance:bath-after"] + suggestion.used)
        }
        var parts: [String] = []
        for bath in asked {
            var text = "\(bath.name): \(bath.temperature), for \(bath.duration)."
            text += "\nGood for: " + bath.goodFor.joined(separator: " ")
            text += "\nSkip it if: " + bath.avoidIf.joined(separator: " ")
            if context.advice.skips(bath) {
                // Not its card: how to take a bath that is not for this runner is not worth reading.
                parts.append("\(bath.name): not for you now. " + context.advice.runnerBathAdvice)
                continue
            } else if !context.advice.runnerBathAdvice.isEmpty {
                text += "\n" + context.advice.runnerBathAdvice
            }
            if bath.notForFreshStrain && level == .caution {
                text =
                    "Not now: with a possible fresh strain, heat can make it worse for the first two to three days. Try a cool or cold bath instead.\n"
                    + text
            }
            parts.append(text)
        }
        return PluginReply(parts.joined(separator: "\n\n"), knowledgeUsed: asked.map { "baths:\($0.id)" })
    }
}
