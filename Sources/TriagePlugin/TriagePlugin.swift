import Foundation
import RubdownKit

/// Soreness triage: asks what it needs one question at a time (red-flag questions first),
/// then gives an outcome (self-care, caution or seek-care) with advice built for the case.
/// Red flags win over everything: the dialogue sends every line that describes one here.
public struct TriagePlugin: Plugin {
    public init() {}

    public var name: String { "triage" }
    public var capabilities: Set<PluginCapability> { [.redFlags] }

    /// The knowledge base's red flag for pain lasting over a week; triage raises it from the facts.
    static let persistentFlag = "persistent"

    /// Questions in the order asked: where, then the red-flag screen, then the rest.
    public var questions: [Question] { Self.questions }

    static let questions: [Question] = [
        Question(slot: .bodyPart, prompt: "Where does it hurt?", examples: "calves; the back of my thighs; knees and shins"),
        Question(
            slot: .swelling, prompt: "Is there any swelling, warmth or redness there?",
            examples: "no; not really; yes, a bit swollen"),
        Question(
            slot: .painKind, prompt: "What kind of pain is it: a dull ache, tightness, or something sharp?",
            examples: "a dull ache; it's tight; sharp when I walk"),
        Question(
            slot: .painLevel, prompt: "How bad is it, from 0 (nothing) to 10 (the worst you can imagine)?",
            examples: "4; about a 6; 3/10; mild; pretty bad"),
        Question(slot: .when, prompt: "When did it start, or when was the run?", examples: "yesterday; this morning; 3 days ago"),
        Question(slot: .distance, prompt: "How far did you run?", examples: "10k; half marathon; 6 miles"),
    ]

    public func respond(to request: PluginRequest, context: inout PluginContext) -> PluginReply {
        var state = context.state
        defer { context.state = state }
        if request.answering?.question.slot == .swelling, state.facts.swelling == true {
            // A "yes" to the screening question is read like the words themselves, against the area discussed.
            let flags = context.interpreter.understand("swollen warm red", contextAreas: state.areas).entities.redFlags
            if !flags.isEmpty { return seekCare(flags, &state, context) }
        }
        if !request.understanding.entities.redFlags.isEmpty {
            return seekCare(request.understanding.entities.redFlags, &state, context)
        }
        if request.intent == "triage.is_serious" && request.answering == nil {
            return whenToWorry(state, context)
        }
        if request.answering == nil, state.lastTriage != nil, !request.understanding.entities.bodyParts.isEmpty {
            // A new complaint after an outcome: the pain details were about the old one.
            let kept = (state.facts.daysAgo, state.facts.distanceKm)
            state.facts = Facts()
            (state.facts.daysAgo, state.facts.distanceKm) = kept
            state.lastTriage = nil
        }
        // Pain for over a week is a red flag the moment it is said, not after the remaining questions.
        if let days = state.facts.daysAgo, days > 7, context.knowledge.redFlag(Self.persistentFlag) != nil {
            return seekCare([Self.persistentFlag], &state, context)
        }
        if let question = Self.questions.first(where: { !state.facts.has($0.slot, areas: state.areas) }) {
            var lead = ""
            if request.answering == nil, question.slot != .bodyPart, !state.areas.isEmpty {
                lead = "Sorry to hear about your \(context.knowledge.names(of: state.areas)). A few quick questions first. "
            } else if let answered = request.answering, answered.question.slot != .bodyPart,
                request.understanding.entities.bodyParts.count > 0
            {
                lead = "OK, your \(context.knowledge.names(of: state.areas)) then. "
            }
            return PluginReply(lead + question.prompt, asking: question)
        }
        return outcome(&state, context)
    }

    // MARK: Outcomes

    /// The seek-care outcome; the flags are recorded in the conversation, so no later turn
    /// gives massage advice for their areas.
    private func seekCare(_ flagIDs: [String], _ state: inout ConversationState, _ context: PluginContext) -> PluginReply {
        for id in flagIDs where !state.redFlags.contains(id) { state.redFlags.append(id) }
        let flags = flagIDs.compactMap { context.knowledge.redFlag($0) }
        // The areas the runner named; the flag's own areas only when none were named.
        let areas = state.areas.isEmpty ? Array(Set(flags.flatMap(\.areas))).sorted() : state.areas
        let emergency = flags.contains { $0.urgency == .emergency }
        var text = emergency
            ? "This needs urgent medical help now. Please don't massage."
            : "Please stop and don't massage\(areas.isEmpty ? "" : " your \(context.knowledge.names(of: areas))"): this needs checking by a doctor today."
        for flag in flags { text += "\n- \(flag.why) \(flag.action)" }
        text += "\n" + context.knowledge.say("not-diagnosis")
        let outcome = TriageOutcome(level: .seekCare, bodyParts: areas, reasons: flags.map { "red-flag:\($0.id)" })
        state.lastTriage = outcome
        state.pending = nil
        return PluginReply(text, triage: outcome, knowledgeUsed: flags.map { "red_flags:\($0.id)" } + ["guidance:not-diagnosis"])
    }

    private func outcome(_ state: inout ConversationState, _ context: PluginContext) -> PluginReply {
        let facts = state.facts
        // Areas with a warning sign get no advice here; the others still do.
        let flagged = state.areas.filter(state.isFlagged)
        let areas = state.areas.filter { !state.isFlagged($0) }
        var reasons: [String] = []
        if let level = facts.painLevel, level >= 7 { reasons.append("pain-level:\(level)") }
        if facts.painKind == "sharp" { reasons.append("pain-kind:sharp") }
        if facts.swelling == true { reasons.append("swelling") }
        if let days = facts.daysAgo, days >= 4 { reasons.append("not-easing:\(Int(days))-days") }
        var level: TriageOutcome.Level = reasons.isEmpty ? .selfCare : .caution
        if reasons.isEmpty { reasons.append("ordinary-post-run-soreness") }
        // What the journal shows across days: the same area sore run after run, or not easing.
        let patterns = context.state.journal?.patterns(for: areas, now: Date()) ?? []
        for pattern in patterns {
            if level == .selfCare { reasons.removeAll { $0 == "ordinary-post-run-soreness" } }
            reasons.append(pattern.reason)
            level = max(level, pattern.level == .seekCare ? .caution : pattern.level)
        }
        if patterns.contains(where: { $0.level == .seekCare }), context.knowledge.redFlag(Self.persistentFlag) != nil {
            return seekCare([Self.persistentFlag], &state, context)
        }
        let outcome = TriageOutcome(level: level, bodyParts: areas, reasons: reasons)
        state.lastTriage = outcome

        let advice = context.advice
        let hardRun = facts.isHardRun
        let names = context.knowledge.names(of: areas)
        var text: String
        var used: [String]
        let techniques: [Technique]
        if level == .caution {
            techniques = advice.techniques(for: areas, gentle: true, gentlest: true)
            text = "This could be more than ordinary soreness, so go carefully with your \(names).\n"
                + context.knowledge.say("caution-strain")
            text += "\nFor now, only this around (not on) the sore spot:\n" + advice.brief(techniques)
            used = ["guidance:caution-strain"]
        } else {
            techniques = advice.techniques(for: areas, gentle: hardRun)
            text = "This sounds like ordinary post-run soreness in your \(names). " + context.knowledge.say("self-care-soreness")
            text += "\nWhat to do, in this order:\n" + advice.brief(techniques)
            if hardRun { text += "\n" + context.knowledge.say("gentler-when-stiff") }
            used = ["guidance:self-care-soreness"] + (hardRun ? ["guidance:gentler-when-stiff"] : [])
        }
        // Area tips include tools; with a possible strain the advice above is all that applies.
        let notes = level == .selfCare ? advice.areaNotes(areas) : ""
        if !notes.isEmpty { text += "\n" + notes }
        if !flagged.isEmpty {
            text += "\nNot your \(context.knowledge.names(of: flagged)), though: leave that alone until a professional has checked the warning sign you described."
        }
        let bath = advice.bathSuggestion(level: level, hardRun: hardRun)
        if !bath.text.isEmpty { text += "\n" + bath.text }
        if level == .selfCare { text += "\n" + context.knowledge.say("hydrate-move") }
        text += "\nSay \"walk me through it\" and I'll lead you through it step by step."
        text += "\n" + context.knowledge.say("see-professional") + " " + context.knowledge.say("professional-sessions")
        used += Advice.used(techniques) + areas.map { "areas:\($0)" } + bath.used
            + (level == .selfCare ? ["guidance:hydrate-move"] : []) + ["guidance:see-professional", "guidance:professional-sessions"]
        return PluginReply(text, triage: outcome, massages: areas, knowledgeUsed: used)
    }

    private func whenToWorry(_ state: ConversationState, _ context: PluginContext) -> PluginReply {
        var text = "Ordinary soreness after a run is a dull, spread-out ache that eases over two or three days. Get help instead of massaging if you notice any of these:\n"
        text += context.knowledge.redFlags.map { "- \($0.name.prefix(1).uppercased() + $0.name.dropFirst()): \($0.why)" }.joined(separator: "\n")
        text += "\n" + context.knowledge.say("skip-massage-when") + "\n" + context.knowledge.say("see-professional")
            + "\n" + context.knowledge.say("stop-when")
        if let last = state.lastTriage {
            text += "\nFrom what you told me, I'd rate yours as \(last.level.rawValue)."
        }
        return PluginReply(
            text,
            knowledgeUsed: context.knowledge.redFlags.map { "red_flags:\($0.id)" }
                + ["guidance:skip-massage-when", "guidance:see-professional", "guidance:stop-when"])
    }
}
