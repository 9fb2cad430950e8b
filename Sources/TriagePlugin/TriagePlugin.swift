import Foundation
import RubdownKit

/// Soreness triage: asks what it needs one question at a time (the red-flag screen first),
/// then gives an outcome (self-care or caution) with advice built for the case. Red flags are
/// answered by `Safety` before any plugin; this plugin is the one screening lines are routed to.
public struct TriagePlugin: Plugin {
    public init() {}

    public var name: String { "triage" }
    public var capabilities: Set<PluginCapability> { [.redFlags, .warningSigns(intent: Self.warningSignsIntent)] }

    /// The intent that lists the warning signs, grouped by urgency.
    static let warningSignsIntent = "triage.is_serious"

    /// The knowledge base's red flag for soreness that keeps coming back, which the journal can show.
    static let persistentFlag = "persistent"

    /// Questions in the order asked: where, then the red-flag screen, then the rest. Some are asked
    /// only where the answer can change the outcome (see `applies`).
    public var questions: [Question] { Self.questions }
    /// Shown only after a screening question (swelling, urine, the shin's one spot, a sign check) was given up on,
    /// which the probes never do.
    public var guidance: [String] {
        // ("numbness-unknown", the nerve check's, also follows a pain-kind question given up on.)
        [
            "swelling-unknown", "urine-unknown", "bladder-unknown", "spot-unknown", "warning-signs-more", "shorter-no-outcome",
            "shorter-offer", "caution-alone-offer", "foot-spot-unknown", "no-bath-while-warning",
        ]
            + SignCheck.allCases.compactMap(\.notCheckedGuidance)
    }

    static let questions: [Question] = [
        Question(slot: .bodyPart, prompt: "Where does it hurt?", examples: "calves; the back of my thighs; knees and shins"),
        Question(
            slot: .swelling, prompt: "Is there any swelling, warmth or redness there?",
            examples: "no; not really; yes, a bit swollen"),
        Question(
            slot: .spread,
            prompt: "Is the pain on one spot of the bone you could point to with a fingertip, or spread along the inner edge?",
            examples: "one spot; spread along the edge; not sure"),
        // A foot or heel: a stress fracture of a foot bone or the heel is pain on one spot of the bone.
        Question(
            slot: .spread,
            prompt: "Is there one spot on a bone of your foot or heel that hurts to press or with every step, or is it sore all over?",
            examples: "one spot on the bone; all over; the whole arch", area: "feet"),
        // A joint or a tendon: where exactly, the question a physio asks first. What the answer tells ("the whole knee, hot and
        // red, and I never knocked it", "there's a dip in the tendon") is read as any line is; blind batches told such signs
        // only here, and got massage advice.
        whereExactly(around: "knee", area: "knees"),
        whereExactly(around: "ankle", area: "ankles"),
        Question(
            slot: .spread, prompt: "Is it one spot on the tendon you could point to, or along it?",
            examples: "one spot; along it; just above the heel", area: "achilles"),
        Question(
            slot: .spread, prompt: "Does the pain stay in your back, or spread down one leg or both?",
            examples: "stays in my back; down my left leg; both legs", area: "back"),
        // Buttock pain that runs down the leg can be a trapped nerve: the answer ("down to my foot, which
        // is numb") is what the nerve and cauda equina screens read.
        Question(
            slot: .spread, prompt: "Does the pain stay in your buttock, or does it run down your leg?",
            examples: "stays put; down the back of my leg to my foot", area: "glutes"),
        Question(
            slot: .urine,
            prompt: "One check with back pain: any change in your pee or bladder or bowel control, or numbness around your bottom?",
            examples: "no; all normal; some leaking", area: "back"),
        Question(
            slot: .painKind,
            prompt:
                "What kind of pain is it: a dull ache, tightness, or something sharp? And is there anything else with it, such as numbness, weakness or feeling unwell?",
            examples: "a dull ache; it's tight; sharp when I walk"),
        legNerveCheck,
        clotChestCheck,
        hipLoadCheck,
        otherSignsCheck,
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
            prompt: "After a big effort, one check: what colour is your urine? Normal, dark yellow, or brown like cola or tea?",
            examples: "normal; dark yellow; brown; like cola"),
    ]

    /// A joint's "where exactly": one spot, or all around it.
    static func whereExactly(around joint: String, area: String) -> Question {
        Question(
            slot: .spread, prompt: "Is it one spot you could point to, or all around the \(joint)?",
            examples: "one spot; all around it; the outside of the \(joint)", area: area)
    }

    /// Back or buttock pain that runs down the leg: the nerve check, asked even when the kind of pain is
    /// already known, since it is the part of the pain-kind question that screens for a trapped nerve (one
    /// leg) or a squeezed spinal cord (both). Its answer is read as a pain-kind answer would be.
    static let legNerveCheck = Question(
        slot: .painKind, prompt: "Any numbness, pins and needles or weakness down that leg or in your foot?",
        examples: "no; pins and needles in my foot; my foot feels weak", check: .legNerve)

    /// The kind of pain told before it was asked ("tight calves"): the rest of the pain-kind question, which screens
    /// for numbness, weakness and feeling unwell.
    static let otherSignsCheck = Question(
        slot: .painKind, prompt: "Anything else with it, such as numbness, pins and needles, weakness, or feeling unwell?",
        examples: "no; just sore; pins and needles in my foot; I feel shivery", check: .otherSigns)

    /// A swollen calf or thigh held as a possible clot: breathlessness or chest pain would make it an emergency.
    static let clotChestCheck = Question(
        slot: .painKind,
        prompt:
            "Swelling in a calf, a thigh or behind the knee needs checking by a doctor today, so please don't massage it. First: any breathlessness, chest pain or coughing up blood?",
        examples: "no; a bit breathless; sharp pain when I breathe in", check: .clotChest)

    /// Hip pain: the hop test, the screen for a stress fracture of the hip (a runner's groin or deep hip pain).
    static let hipLoadCheck = Question(
        slot: .painKind, prompt: "Does it hurt to hop or stand on that leg alone, or have you started to limp?",
        examples: "no; it hurts to hop; I'm limping a bit", check: .hipLoad)

    /// The next question: while safety holds a swollen leg between a clot and something more urgent,
    /// the question that decides it (how bad, then the urine) comes first.
    static func next(_ state: ConversationState) -> Question? {
        let open = questions.filter { question in
            if let check = question.check { return check.isDue(in: state) }
            return !state.facts.has(question.slot, areas: state.areas) && applies(question, state)
        }
        // "Anything else with it?" is asked along the way, never as the one question left: a first line that tells every
        // fact gets its outcome.
        if open.allSatisfy({ $0.check == .otherSigns }) { return nil }
        // The urine told of with no colour ("my pee is really dark"): its colour first, which decides between drinking more
        // and an emergency.
        if state.facts.urineMentioned, let urine = open.first(where: { $0.slot == .urine && $0.area == nil }) { return urine }
        // (A swollen shin is held too: for how bad it is, which can make it a compartment.)
        if state.swellingWhereAClotCanBe || state.facts.swelling == true && state.areas.contains("shins"),
            let deciding = open.first(where: { $0.check == .clotChest || $0.slot == .painLevel || $0.slot == .urine && $0.area == nil })
        {
            return deciding
        }
        return open.first
    }

    /// Whether a question can change the outcome for what has been told so far.
    static func applies(_ question: Question, _ state: ConversationState) -> Bool {
        let facts = state.facts
        // The back has its own screen (where the pain spreads, bladder and bowel), asked straight after swelling.
        // (Not first-step heel pain: the plantar fascia's sore spot is one spot too, and its own route answers it. The foot
        // alone: "strained my calf, sharp on toe-off" is the calf's.)
        if question.slot == .spread, question.area == "feet" {
            return state.areas == ["feet"] && !state.cautions.contains("heel-first-step")
        }
        if let area = question.area { return state.areas.contains(area) }
        switch question.slot {
        // Shins, and a swollen foot (the top of the foot is where stress fractures swell).
        case .spread: return state.areas.contains("shins")
        // Always: a course of weeks ("worse every week since March") is often told only here, even after a run
        // "yesterday"; from day three a flat course matters too, and with swelling or strong pain getting worse by the
        // hour is what tells a compartment or a tear from soreness.
        case .trend: return true
        // After a severe effort, strong pain or swollen legs or a swollen thigh, or when the runner mentioned it.
        case .urine: return state.urineMatters
        default: return true
        }
    }

    public func respond(to request: PluginRequest, context: PluginContext) -> PluginReply {
        let state = context.state
        if request.answering == nil {
            switch request.intent {
            case Self.warningSignsIntent: return whenToWorry(state, context)
            case "triage.more": return more(state, context)
            case "triage.shorter": return shorter(state, context)
            default: break
            }
        }
        if request.answering == nil, let told = Self.cautionAlone(request, state, context) { return told }
        if var question = Self.next(state) {
            // On the day of the run the course is the one since it ("just finished", then "is it easing?" read oddly to a
            // new user).
            if question.slot == .trend, question.check == nil, state.facts.daysAgo == 0 {
                question.prompt = "Since the run, is it easing, about the same, or getting worse?"
            }
            var lead = ""
            if request.answering == nil, question.slot != .bodyPart, !state.areas.isEmpty {
                lead = "Sorry to hear about your \(context.knowledge.names(of: state.areas)). A few quick questions first. "
            } else if let answered = request.answering, answered.question.slot != .bodyPart, answered.question != question,
                request.understanding.entities.bodyParts.count > 0
            {
                lead = "OK, your \(context.knowledge.names(of: state.areas)) then. "
            }
            // Swelling told: until the answers are in, no massage on it, said at once (the chest check says so itself).
            if request.answering?.question.slot == .swelling, state.facts.swelling == true, question.check != .clotChest {
                lead += context.knowledge.say("hold-while-asking") + " "
            }
            return PluginReply(lead + question.prompt, asking: question)
        }
        return outcome(state, context)
    }

    /// A line that tells only of a caution route, with no area and no discomfort ("my pee was dark yellow after a hot run",
    /// "grazed it on the trail, bit of blood"): the route's advice at once, and the questions when something is sore. A
    /// new user's dark-yellow urine got "Where does it hurt?" again and again.
    static func cautionAlone(_ request: PluginRequest, _ state: ConversationState, _ context: PluginContext) -> PluginReply? {
        let entities = request.understanding.entities
        guard state.areas.isEmpty, state.lastTriage == nil, entities.bodyParts.isEmpty, !entities.discomfort, entities.painKind == nil,
            entities.painLevel == nil, entities.redFlags.isEmpty, entities.symptoms.isEmpty
        else { return nil }
        // (The dark-yellow urine is read as the urine's colour, not as a route's words.)
        let routes = context.safety.cautions(in: state).filter {
            entities.cautions.contains($0.id) || $0.id == "dark-yellow-urine" && entities.urine == .darkYellow
        }
        guard !routes.isEmpty else { return nil }
        let text = (routes.map(\.advice) + [context.knowledge.say("caution-alone-offer")]).joined(separator: "\n")
        let outcome = TriageOutcome(
            level: .caution, bodyParts: [], reasons: routes.map { "caution:\($0.id)" }, urgency: routes.map(\.urgency).max() ?? .none)
        return PluginReply(text, triage: outcome, knowledgeUsed: routes.map { "cautions:\($0.id)" } + ["guidance:caution-alone-offer"])
    }

    // MARK: Outcomes

    /// What the facts so far add up to: the level, its reasons, and what follows for the advice. The
    /// outcome, "more" and "why" are all worded from it, so they never disagree.
    struct Assessment {
        var outcome: TriageOutcome
        /// Areas with a warning sign: no advice for them here.
        var flagged: [String]
        var routes: [CautionRoute]
        /// Only light stroking around (not on) the sore spot: a possible strain, strong or sharp pain, swelling,
        /// or a route that keeps hands off. Never a firmer technique beside "go carefully".
        var handsOff: Bool
        var techniques: [Technique]
        var hardRun: Bool
        /// Areas the advice tells the runner to massage.
        var massages: [String]
        var level: TriageOutcome.Level { outcome.level }
        var areas: [String] { outcome.bodyParts }
    }

    /// The assessment of the facts told so far, or the seek-care reply when the journal shows soreness that needs it.
    static func assess(_ state: ConversationState, _ context: PluginContext) -> Result<Assessment, SeekCare> {
        let facts = state.facts
        let knowledge = context.knowledge
        let flagged = state.areas.filter(state.isFlagged)
        let areas = state.areas.filter { !state.isFlagged($0) }
        var reasons: [String] = []
        var urgency = Urgency.none
        if let level = facts.painLevel, level >= 7 { reasons.append("pain-level:\(level)") }
        // Severe pain that is getting worse is not left to "not easing in 3-5 days?": a look within days (a new user's 10
        // out of 10 and worse, the day after a marathon, got no date to act by).
        if let level = facts.painLevel, level >= 8, facts.trend == .worse {
            reasons.append("severe-and-worsening")
            urgency = .soon
        }
        if facts.painKind == "sharp" { reasons.append("pain-kind:sharp") }
        if facts.swelling == true { reasons.append("swelling") }
        // Not told, after asking twice: never reassured as if there were none.
        if facts.swelling == nil, facts.unknown.contains(.swelling) { reasons.append("swelling-unknown") }
        // Strong or sharp pain, or swelling: whatever else was said, hands stay off the spot.
        let injuryLike = !reasons.isEmpty
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
        let patterns = state.journal?.patterns(for: areas, now: Date()) ?? []
        for pattern in patterns {
            if level == .selfCare { reasons.removeAll { $0 == "ordinary-post-run-soreness" } }
            reasons.append(pattern.reason)
            level = max(level, pattern.level == .seekCare ? .caution : pattern.level)
            urgency = max(urgency, .soon)
        }
        if patterns.contains(where: { $0.level == .seekCare }), knowledge.redFlag(Self.persistentFlag) != nil {
            return .failure(SeekCare(reply: context.safety.seekCareReply(for: [Self.persistentFlag], areas: state.areas)))
        }
        let outcome = TriageOutcome(level: level, bodyParts: areas, reasons: reasons, urgency: urgency)
        let advice = context.advice
        let handsOff = level == .caution && (routes.isEmpty || injuryLike || routes.contains { $0.noMassageOn == true })
        let techniques =
            level == .caution
            ? advice.techniques(for: areas, gentle: true, gentlest: handsOff) : advice.techniques(for: areas, gentle: facts.isHardRun)
        return .success(
            Assessment(
                outcome: outcome, flagged: flagged, routes: routes, handsOff: handsOff, techniques: techniques,
                hardRun: facts.isHardRun,
                massages: level == .selfCare || !routes.contains { $0.noMassageOn == true } ? areas : []))
    }

    struct SeekCare: Error { var reply: PluginReply }

    /// The outcome on one screen: the verdict, the three or four steps that matter, the bath with who
    /// should skip it, when to get help, and the offer of "more" and "why".
    private func outcome(_ state: ConversationState, _ context: PluginContext) -> PluginReply {
        let assessment: Assessment
        switch Self.assess(state, context) {
        case .failure(let seekCare): return seekCare.reply
        case .success(let found): assessment = found
        }
        let knowledge = context.knowledge
        let advice = context.advice
        var text = Self.verdict(assessment, knowledge)
        var used: [String]
        let notChecked = Self.notChecked(state)
        let shown = Self.shownSteps(assessment, notChecked: notChecked, advice)
        if assessment.level == .caution {
            if assessment.routes.isEmpty, assessment.outcome.reasons == ["swelling-unknown"] {
                text += "\n" + knowledge.say("swelling-unknown")
                used = ["guidance:swelling-unknown"]
            } else if assessment.routes.isEmpty {
                text += "\n" + knowledge.say("caution-strain-short")
                used = ["guidance:caution-strain-short"]
            } else {
                for route in assessment.routes { text += "\n" + (route.shortAdvice ?? route.advice) }
                used = assessment.routes.map { "cautions:\($0.id)" }
            }
            if !shown.isEmpty {
                text +=
                    (assessment.handsOff ? "\nFor now, only this around (not on) the sore spot:\n" : "\nGentle work that suits it:\n")
                    + advice.steps(shown)
            }
            if assessment.outcome.urgency == .soon {
                text += "\n" + context.safety.cautionSoon
                used.append("guidance:caution-soon")
            }
        } else {
            text += " " + knowledge.say("self-care-short")
            text += "\n" + advice.steps(shown)
            // A tendon, joint, bone or band is not worked as a muscle is: its own note (the others' with "more").
            if let note = advice.firstNonMuscleNote(assessment.areas) { text += "\n" + note }
            used = ["guidance:self-care-short"]
        }
        if !assessment.flagged.isEmpty {
            text += "\n" + context.safety.notThisArea(assessment.flagged)
            used.append("guidance:not-this-area")
        }
        for id in notChecked {
            text += "\n" + context.safety.withEmergencyNumbers(id)
            used.append("guidance:" + id)
        }
        // While a warning sign stands for another area, no bath: a warm soak heats the flagged leg too (a new user got a
        // 15-20 minute warm bath beside "no heat on your calves", and "get checked before any bath" when asked directly).
        let bath =
            state.redFlags.isEmpty
            ? advice.bathShort(level: assessment.level, hardRun: assessment.hardRun)
            : (text: knowledge.say("no-bath-while-warning"), used: ["guidance:no-bath-while-warning"])
        if !bath.text.isEmpty { text += "\n" + bath.text }
        // What the runner told about themselves always shows ("on blood thinners: light stroking only"); otherwise
        // the medical reasons to hold back, in short, where firm work is suggested ("more" always lists them).
        let forRunner = advice.runnerMassageAdvice
        if !forRunner.isEmpty {
            text += "\n" + forRunner
        } else if shown.contains(where: { $0.gentleness > 1 }) {
            text += "\n" + knowledge.say("massage-contraindications-short")
            used.append("guidance:massage-contraindications-short")
        }
        if assessment.outcome.urgency != .soon {
            text += "\n" + knowledge.say("see-professional-short")
            used.append("guidance:see-professional-short")
        }
        text += "\n" + knowledge.say("outcome-offer")
        used += Advice.used(shown) + bath.used + ["guidance:outcome-offer"]
        return PluginReply(text, triage: assessment.outcome, massages: assessment.massages, knowledgeUsed: used)
    }

    /// The outcome's first sentence: the verdict for the areas.
    static func verdict(_ assessment: Assessment, _ knowledge: KnowledgeBase) -> String {
        // Never "in your ." when no area was understood.
        let names = assessment.areas.isEmpty ? "legs" : knowledge.names(of: assessment.areas)
        return assessment.level == .caution
            ? "This could be more than ordinary soreness, so go carefully with your \(names)."
            : "This sounds like ordinary post-run soreness in your \(names)."
    }

    /// The screening questions given up on, as the guidance that says each: never passed over as if the answer were
    /// reassuring. The urine (with back pain, bladder and bowel control), what kind of pain (it asks about numbness
    /// too), the sign checks, and one spot on the bone of a shin or a foot.
    static func notChecked(_ state: ConversationState) -> [String] {
        let facts = state.facts
        var notChecked: [String] = []
        if facts.unknown.contains(.urine), facts.urine == nil {
            notChecked.append(state.areas.contains("back") ? "bladder-unknown" : "urine-unknown")
        }
        if facts.unknown.contains(.painKind), facts.signCheckAnswers[.legNerve] == nil, !facts.checksGivenUp.contains(.legNerve) {
            notChecked.append("numbness-unknown")
        }
        notChecked += SignCheck.allCases.filter(facts.checksGivenUp.contains).compactMap(\.notCheckedGuidance)
        if facts.unknown.contains(.spread), state.areas.contains("shins") { notChecked.append("spot-unknown") }
        // (The foot's bone check too: a new user's "top of my foot hurts after my long run" got pressing and a tennis ball,
        // and no word of the check left unmade.)
        if facts.unknown.contains(.spread), state.areas.contains("feet") { notChecked.append("foot-spot-unknown") }
        return notChecked
    }

    /// The steps the outcome shows: as many as the minutes the runner has allow, as a routine would be; one fewer for
    /// each thing left unchecked, so that the outcome still fits on one screen.
    static func shownSteps(_ assessment: Assessment, notChecked: [String], _ advice: Advice) -> [Technique] {
        advice.keySteps(advice.fitted(assessment.techniques), limit: 4 - min(2, notChecked.count))
    }

    /// "shorter version?", "tl;dr": the outcome cut to its verdict and its steps (a new user's got the out-of-scope reply);
    /// for a warning, what to do now. The rest stays a "more" away.
    private func shorter(_ state: ConversationState, _ context: PluginContext) -> PluginReply {
        let knowledge = context.knowledge
        guard let last = state.lastTriage else {
            return PluginReply(knowledge.say("shorter-no-outcome"), knowledgeUsed: ["guidance:shorter-no-outcome"])
        }
        if last.level == .seekCare {
            return PluginReply(context.safety.instruction(for: last.urgency), knowledgeUsed: ["guidance:urgency-\(last.urgency.rawValue)"])
        }
        let assessment: Assessment
        switch Self.assess(state, context) {
        case .failure(let seekCare):
            // (The journal's seek-care reply: what to do now, as for a warning.)
            let urgency = seekCare.reply.triage?.urgency ?? .soon
            return PluginReply(context.safety.instruction(for: urgency), knowledgeUsed: ["guidance:urgency-\(urgency.rawValue)"])
        case .success(let found): assessment = found
        }
        let shown = Self.shownSteps(assessment, notChecked: Self.notChecked(state), context.advice)
        let steps = shown.isEmpty ? [] : [context.advice.steps(shown)]
        let text = ([Self.verdict(assessment, knowledge)] + steps + [knowledge.say("shorter-offer")]).joined(separator: "\n")
        return PluginReply(text, knowledgeUsed: ["guidance:shorter-offer"])
    }

    /// "more": the rest of the outcome, in full. Before any outcome, what to do first.
    private func more(_ state: ConversationState, _ context: PluginContext) -> PluginReply {
        let knowledge = context.knowledge
        if state.intentBefore == Self.warningSignsIntent { return whenToWorry(state, context, detailed: true) }
        guard let last = state.lastTriage else {
            return PluginReply(knowledge.say("more-no-outcome"), knowledgeUsed: ["guidance:more-no-outcome"])
        }
        if last.level == .seekCare {
            let flags = state.redFlags.compactMap { knowledge.redFlag($0) }
            let text =
                ([knowledge.say("why-seek-care")] + flags.map { "- " + context.safety.describe($0) } + [knowledge.say("skip-massage-when")])
                .joined(separator: "\n")
            return PluginReply(
                text, knowledgeUsed: ["guidance:why-seek-care"] + flags.map { "red_flags:\($0.id)" } + ["guidance:skip-massage-when"])
        }
        guard case .success(let assessment) = Self.assess(state, context) else {
            return PluginReply(knowledge.say("more-no-outcome"), knowledgeUsed: ["guidance:more-no-outcome"])
        }
        let advice = context.advice
        var parts: [String] = []
        var used: [String] = []
        if assessment.level == .caution {
            if assessment.routes.isEmpty {
                parts.append(knowledge.say("caution-strain"))
                used.append("guidance:caution-strain")
            } else {
                parts += assessment.routes.map(\.advice)
                used += assessment.routes.map { "cautions:\($0.id)" }
            }
        } else {
            parts.append(knowledge.say("self-care-soreness"))
            used.append("guidance:self-care-soreness")
        }
        if !assessment.techniques.isEmpty {
            parts.append(
                (assessment.handsOff ? "Around (not on) the sore spot:\n" : "The techniques, in order:\n")
                    + advice.brief(assessment.techniques))
            used += Advice.used(assessment.techniques)
        }
        if assessment.level == .selfCare {
            if assessment.hardRun {
                parts.append(knowledge.say("gentler-when-stiff"))
                used.append("guidance:gentler-when-stiff")
            }
            // (What the runner told about themselves comes instead: the area tips name tools and firm work.)
            let notes = advice.runnerMassageAdvice.isEmpty ? advice.areaNotes(assessment.areas) : ""
            if !notes.isEmpty {
                parts.append(notes)
                used += assessment.areas.map { "areas:\($0)" }
            }
        }
        if state.redFlags.isEmpty {
            let bath = advice.bathSuggestion(level: assessment.level, hardRun: assessment.hardRun)
            let baths = bath.used.compactMap { knowledge.bath(String($0.dropFirst("baths:".count))) }
            parts.append(bath.text.components(separatedBy: " Skip the ").first ?? bath.text)
            if !baths.isEmpty { parts.append(advice.skipFull(baths)) }
            if !advice.runnerBathAdvice.isEmpty { parts.append(advice.runnerBathAdvice) }
            used += bath.used
        } else {
            parts.append(knowledge.say("no-bath-while-warning"))
            used.append("guidance:no-bath-while-warning")
        }
        if assessment.level == .selfCare {
            parts.append(knowledge.say("hydrate-move"))
            used.append("guidance:hydrate-move")
        }
        // What the runner told about themselves replaces the general list, as in the outcome.
        let forRunner = advice.runnerMassageAdvice
        parts.append(forRunner.isEmpty ? knowledge.say("massage-contraindications") : forRunner)
        if forRunner.isEmpty { used.append("guidance:massage-contraindications") }
        var help = knowledge.say("see-professional")
        used.append("guidance:see-professional")
        if assessment.level == .selfCare {
            help += " " + knowledge.say("professional-sessions")
            used.append("guidance:professional-sessions")
        }
        parts.append(help)
        return PluginReply(parts.joined(separator: "\n"), massages: assessment.massages, knowledgeUsed: used)
    }

    /// "Is this serious?": the warning signs by name, grouped by urgency, to fit a screen; with "more", each with why
    /// it matters and when to stop massaging.
    private func whenToWorry(_ state: ConversationState, _ context: PluginContext, detailed: Bool = false) -> PluginReply {
        let knowledge = context.knowledge
        var text = context.safety.warningSigns(detailed: detailed)
        let guidance = detailed ? ["skip-massage-when", "see-professional", "stop-when"] : ["warning-signs-more"]
        text += "\n\n" + guidance.map(knowledge.say).joined(separator: "\n")
        if let last = state.lastTriage {
            text += "\nFrom what you told me, I'd rate yours as \(last.level.rawValue)."
        }
        return PluginReply(
            text, knowledgeUsed: knowledge.redFlags.map { "red_flags:\($0.id)" } + guidance.map { "guidance:\($0)" })
    }
}
