import Foundation
import RubdownKit

/// Soreness triage: asks what it needs one question at a time (the red-flag screen first),
/// then gives an outcome (self-care or caution) with advice built for the case. Red flags are
/// answered by `Safety` before any plugin; this plugin is the one screening lines are routed to.
public struct TriagePlugin: Plugin {
    public init() {}

    public var name: String { "triage" }
    public var capabilities: Set<PluginCapability> { [.redFlags] }

    /// The knowledge base's red flag for soreness that keeps coming back, which the journal can show.
    static let persistentFlag = "persistent"

    /// Questions in the order asked: where, then the red-flag screen, then the rest. Some are asked
    /// only where the answer can change the outcome (see `applies`).
    public var questions: [Question] { Self.questions }

    static let questions: [Question] = [
        Question(slot: .bodyPart, prompt: "Where does it hurt?", examples: "calves; the back of my thighs; knees and shins"),
        Question(
            slot: .swelling, prompt: "Is there any swelling, warmth or redness there?",
            examples: "no; not really; yes, a bit swollen"),
        Question(
            slot: .spread,
            prompt: "Is the pain on one spot of the bone you could point to with a fingertip, or spread along the inner edge?",
            examples: "one spot; spread along the edge; not sure"),
        Question(
            slot: .spread, prompt: "Does the pain stay in your back, or spread down one leg or both?",
            examples: "stays in my back; down my left leg; both legs", area: "back"),
        Question(
            slot: .urine,
            prompt: "One check with back pain: any change in your pee or bladder or bowel control, or numbness around your bottom?",
            examples: "no; all normal; some leaking", area: "back"),
        Question(
            slot: .painKind,
            prompt:
                "What kind of pain is it: a dull ache, tightness, or something sharp? And is there anything else with it, such as numbness, weakness or feeling unwell?",
            examples: "a dull ache; it's tight; sharp when I walk"),
        Question(
            slot: .painLevel, prompt: "How bad is it, from 0 (nothing) to 10 (the worst you can imagine)?",
            examples: "4; about a 6; 3/10; mild; pretty bad"),
        Question(slot: .when, prompt: "When did it start, or when was the run?", examples: "yesterday; this morning; 3 days ago"),
        Question(
            slot: .trend, prompt: "Is it easing, about the same, or getting worse?",
            examples: "easing; about the same; getting worse"),
        Question(slot: .distance, prompt: "How far did you run?", examples: "10k; half marathon; 6 miles"),
        Question(
            slot: .urine,
            prompt: "One more check after a big effort: what colour is your urine? Normal, dark yellow, or brown like cola or tea?",
            examples: "normal; dark yellow; brown; like cola"),
    ]

    /// The next question: while safety holds a swollen leg between a clot and something more urgent,
    /// the question that decides it (how bad, then the urine) comes first.
    static func next(_ state: ConversationState) -> Question? {
        let open = questions.filter { !state.facts.has($0.slot, areas: state.areas) && applies($0, state) }
        if state.facts.swelling == true, !Set(state.areas).isDisjoint(with: ["calves", "shins", "quads", "hamstrings"]),
            let deciding = open.first(where: { $0.slot == .painLevel || $0.slot == .urine && $0.area == nil })
        {
            return deciding
        }
        return open.first
    }

    /// Whether a question can change the outcome for what has been told so far.
    static func applies(_ question: Question, _ state: ConversationState) -> Bool {
        let facts = state.facts
        // The back has its own screen (where the pain spreads, bladder and bowel), asked straight after swelling.
        if let area = question.area { return state.areas.contains(area) }
        switch question.slot {
        // Shins, and a swollen foot (the top of the foot is where stress fractures swell).
        case .spread: return state.areas.contains("shins") || state.areas.contains("feet") && facts.swelling == true
        // Ordinary soreness peaks by day three, then eases: from then on a flat or worsening course matters.
        case .trend: return (facts.daysAgo ?? 0) >= 3
        // After a severe effort, strong pain or swollen legs, or when the runner mentioned it.
        case .urine: return (facts.painLevel ?? 0) >= 8 || facts.isLongRun || facts.urineMentioned
        default: return true
        }
    }

    public func respond(to request: PluginRequest, context: PluginContext) -> PluginReply {
        let state = context.state
        if request.intent == "triage.is_serious" && request.answering == nil {
            return whenToWorry(state, context)
        }
        if let question = Self.next(state) {
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
        return outcome(state, context)
    }

    // MARK: Outcomes

    private func outcome(_ state: ConversationState, _ context: PluginContext) -> PluginReply {
        let facts = state.facts
        let knowledge = context.knowledge
        // Areas with a warning sign get no advice here; the others still do.
        let flagged = state.areas.filter(state.isFlagged)
        let areas = state.areas.filter { !state.isFlagged($0) }
        var reasons: [String] = []
        var urgency = Urgency.none
        if let level = facts.painLevel, level >= 7 { reasons.append("pain-level:\(level)") }
        if facts.painKind == "sharp" { reasons.append("pain-kind:sharp") }
        if facts.swelling == true { reasons.append("swelling") }
        // Soreness on day four or five that is easing is ordinary; not easing, or still there after a week, is not.
        if let days = facts.daysAgo, days >= 4, facts.trend != .easing || days > 7 {
            reasons.append("not-easing:\(Int(days))-days")
            urgency = .soon
        }
        let routes = context.safety.cautions(in: state)
        for route in routes {
            reasons.append("caution:\(route.id)")
            urgency = max(urgency, route.urgency)
        }
        var level: TriageOutcome.Level = reasons.isEmpty ? .selfCare : .caution
        if reasons.isEmpty { reasons.append("ordinary-post-run-soreness") }
        // What the journal shows across days: the same area sore run after run, or not easing.
        let patterns = context.state.journal?.patterns(for: areas, now: Date()) ?? []
        for pattern in patterns {
            if level == .selfCare { reasons.removeAll { $0 == "ordinary-post-run-soreness" } }
            reasons.append(pattern.reason)
            level = max(level, pattern.level == .seekCare ? .caution : pattern.level)
            urgency = max(urgency, .soon)
        }
        if patterns.contains(where: { $0.level == .seekCare }), knowledge.redFlag(Self.persistentFlag) != nil {
            return context.safety.seekCareReply(for: [Self.persistentFlag], areas: state.areas)
        }
        let outcome = TriageOutcome(level: level, bodyParts: areas, reasons: reasons, urgency: urgency)

        let advice = context.advice
        let hardRun = facts.isHardRun
        // Never "in your ." when no area was understood.
        let names = areas.isEmpty ? "legs" : knowledge.names(of: areas)
        var text: String
        var used: [String]
        let techniques: [Technique]
        if level == .caution {
            let handsOff = routes.isEmpty || routes.contains { $0.noMassageOn == true }
            techniques = advice.techniques(for: areas, gentle: true, gentlest: handsOff)
            text = "This could be more than ordinary soreness, so go carefully with your \(names)."
            if routes.isEmpty {
                text += "\n" + knowledge.say("caution-strain")
                used = ["guidance:caution-strain"]
            } else {
                for route in routes { text += "\n" + route.advice }
                used = routes.map { "cautions:\($0.id)" }
            }
            if !techniques.isEmpty {
                text +=
                    (handsOff ? "\nFor now, only this around (not on) the sore spot:\n" : "\nGentle work that suits it:\n")
                    + advice.brief(techniques)
            }
            if urgency == .soon { text += "\n" + context.safety.cautionSoon }
        } else {
            techniques = advice.techniques(for: areas, gentle: hardRun)
            text = "This sounds like ordinary post-run soreness in your \(names). " + knowledge.say("self-care-soreness")
            text += "\nWhat to do, in this order:\n" + advice.brief(techniques)
            if hardRun { text += "\n" + knowledge.say("gentler-when-stiff") }
            used = ["guidance:self-care-soreness"] + (hardRun ? ["guidance:gentler-when-stiff"] : [])
        }
        // Area tips include tools; with a possible strain the advice above is all that applies.
        // (What the runner told about themselves comes instead: the area tips name tools and firm work.)
        let notes = level == .selfCare && advice.runnerMassageAdvice.isEmpty ? advice.areaNotes(areas) : ""
        if !notes.isEmpty { text += "\n" + notes }
        if !flagged.isEmpty {
            text += "\n" + context.safety.notThisArea(flagged)
        }
        let bath = advice.bathSuggestion(level: level, hardRun: hardRun)
        if !bath.text.isEmpty { text += "\n" + bath.text }
        if level == .selfCare { text += "\n" + knowledge.say("hydrate-move") }
        // What the runner told about themselves replaces the general list ("on blood thinners: light stroking only").
        let forRunner = advice.runnerMassageAdvice
        text += "\n" + (forRunner.isEmpty ? knowledge.say("massage-contraindications") : forRunner)
        text += "\nSay \"walk me through it\" and I'll lead you through it step by step."
        text += "\n" + knowledge.say("see-professional")
        if level == .selfCare { text += " " + knowledge.say("professional-sessions") }
        used +=
            Advice.used(techniques) + areas.map { "areas:\($0)" } + bath.used
            + (level == .selfCare ? ["guidance:hydrate-move", "guidance:professional-sessions"] : [])
            + ["guidance:massage-contraindications", "guidance:see-professional"]
        return PluginReply(
            text, triage: outcome, massages: level == .selfCare || !routes.contains { $0.noMassageOn == true } ? areas : [],
            knowledgeUsed: used)
    }

    private func whenToWorry(_ state: ConversationState, _ context: PluginContext) -> PluginReply {
        var text = context.safety.warningSigns()
        text +=
            "\n\n" + context.knowledge.say("skip-massage-when") + "\n" + context.knowledge.say("see-professional")
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
