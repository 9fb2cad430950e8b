/// The one owner of safety. Every reply passes through it (`Conversation` asks it before any plugin
/// and checks each plugin's reply with it afterwards), and plugins ask it rather than re-implement it.
/// It decides which red flags a turn raises (from the line, or from answers to the screening
/// questions), their urgency, which areas are barred from massage, and words every warning from
/// the knowledge base: the flag's `why`, the urgency's instruction, the emergency numbers.
public struct Safety: Sendable {
    public let knowledge: KnowledgeBase

    public init(_ knowledge: KnowledgeBase) { self.knowledge = knowledge }

    // MARK: Deciding

    /// The red flags this turn raises: those the line describes, and new ones that follow from the
    /// facts told so far (a "yes" to the swelling question about a calf, cola-coloured urine, pain on
    /// one spot of the shin bone, pain not easing after a week).
    func flags(for understanding: Understanding, state: ConversationState, answered: Set<Slot>) -> [String] {
        var flags = understanding.entities.redFlags
        let facts = state.facts
        let areas = Set(state.areas)
        // A route expected to last weeks (an outer knee at a fixed distance, a stiff Achilles in the morning) told with its
        // weeks ("started about 10 days ago, every run since") is that route, as the days-based rule below says, unless it
        // is getting worse.
        // (The line's own routes count: "outer knee at the same point every run, three weeks now" told in one line.)
        let weeksLong = (cautions(in: state) + understanding.entities.cautions.compactMap(knowledge.caution)).contains {
            $0.weeksLong == true
        }
        if flags.contains("persistent"), facts.trend != .worse, understanding.entities.trend != .worse, weeksLong {
            flags.removeAll { $0 == "persistent" }
        }
        // "they feel swollen" after a long effort: the urine question first (see the swelling rule below).
        // (Only where the questions can go on: with no area to ask about, "my left leg has been swollen, warm and crampy for
        // 3 days" was held for how bad it is, never asked, and got the general list of signs instead of the warning.)
        if answered.contains(.swelling), flags == ["clot"], understanding.entities.bodyParts.isEmpty, !state.areas.isEmpty,
            deferClot(state)
        {
            flags = []
        }
        func add(_ id: String) {
            if knowledge.redFlag(id) != nil, !flags.contains(id), !state.redFlags.contains(id) { flags.append(id) }
        }
        if state.swellingWhereAClotCanBe {
            // A "yes" to "any swelling, warmth or redness?" is read against the area under discussion: a clot,
            // unless the legs swelled after a long effort, where the urine question comes first (muscle breakdown).
            // (A puffy knee or ankle alone stays caution: a hot, red joint is flagged from its own words.)
            // (Both legs swollen with brown urine is muscle breakdown, which explains the swelling.)
            if !deferClot(state), !(facts.swollenBothSides && (facts.urine == .brown || facts.urine == .scanty)),
                !facts.swellingSettledOvernight
            {
                add("clot")
            }
        }
        // (Little urine is muscle breakdown's sign after a big effort; told to the back's bladder question, it is that
        // screen's, read from its own words.)
        if facts.urine == .brown || facts.urine == .scanty && state.urineMatters && !areas.contains("back") {
            add("rhabdo")
        }
        if facts.bladderChange { add("cauda-equina") }
        for check in SignCheck.allCases where facts.signCheckAnswers[check] == true { add(check.flag(facts)) }
        // (A foot's one spot: on a bone, not the heel's first-step pain, whose sore spot is the plantar fascia's. Nor the
        // spot of a knock: "whacked my shin on a park bench", "coin-sized patch" is the bruise.)
        let knockedThere = !areas.isEmpty && areas.isSubset(of: facts.knockedAreas)
        if facts.spread == .pinpoint, !knockedThere,
            areas.contains("shins") || areas.contains("feet") && (facts.swelling == true || !state.cautions.contains("heel-first-step"))
        {
            add("stress-fracture")
        }
        if let level = facts.painLevel, level >= 8, facts.swelling == true, !areas.isDisjoint(with: ["shins", "calves"]) {
            add("compartment")
        }
        // Pain of 9 or 10 in a lower leg, told as beyond anything, with no strain, tear or bone spot told: pain far beyond
        // what the effort explains is a compartment's first sign, swelling or not (a blind batch's "10/10, way beyond anything,
        // the same whether I move or not" of a shin after a 10k race ended as shin splints).
        // (Not a bone's one spot: a stress fracture aches at rest too.)
        let otherCause = ["muscle-tear", "stress-fracture"].contains { flags.contains($0) || state.redFlags.contains($0) }
        if (facts.painLevel ?? 0) >= 9, state.symptoms.contains("extreme-pain"), facts.spread != .pinpoint,
            !areas.isDisjoint(with: ["shins", "calves"]), !state.cautions.contains("strain"), !otherCause
        {
            add("compartment")
        }
        // Told over several answers: a lower leg rock hard or tight as a drum that keeps getting worse is a compartment,
        // as the same told in one line is ("my calf is rock hard and getting worse"), whatever the level told earlier (a
        // reviewer's "rock hard and getting worse", said to the trend question after a 4, got a massage routine).
        if state.symptoms.contains("hardness"), facts.trend == .worse,
            !areas.isDisjoint(with: ["shins", "calves"])
        {
            add("compartment")
        }
        // Sharp pain of 9 or 10 in a muscle that keeps getting worse: more than a strain to look after at home.
        if facts.painKind == "sharp", (facts.painLevel ?? 0) >= 9, facts.trend == .worse,
            !areas.isDisjoint(with: ["calves", "hamstrings", "quads", "glutes"])
        {
            add("muscle-tear")
        }
        // Bruising told in one answer and strong pain in another: a muscle tear.
        if state.symptoms.contains("muscle-tear-signs"), (facts.painLevel ?? 0) >= 6,
            !areas.isDisjoint(with: ["calves", "hamstrings", "quads", "glutes"])
        {
            add("muscle-tear")
        }
        // A tendon stiff in the morning or first-step heel pain is expected to last weeks: persistent only when it
        // gets worse; while it holds steady its caution route (careful self-care, a physio soon) is the advice.
        if let days = facts.daysAgo, days > 7, facts.trend != .easing, facts.trend != nil || facts.unknown.contains(.trend),
            facts.trend == .worse || !weeksLong
        {
            add("persistent")
        }
        return flags
    }

    /// A swollen leg is a clot unless the rest could make it something more urgent: after a long effort or
    /// with strong pain, muscle breakdown (ask about urine first); tight or hard as well, a compartment (ask
    /// how bad first); breathless or chest pain, a clot in the lungs (the chest check first).
    private func deferClot(_ state: ConversationState) -> Bool {
        let facts = state.facts
        let urineFirst = state.urineMatters && facts.urine == nil && !facts.unknown.contains(.urine)
        let tight = state.symptoms.contains("hardness") || facts.painKind == "tight"
        let levelFirst = tight && facts.painLevel == nil && !facts.unknown.contains(.painLevel)
        return urineFirst || levelFirst || SignCheck.clotChest.isDue(in: state)
    }

    /// The areas where a "yes" to the swelling question is read as a possible clot.
    public static let clotAreas: Set<String> = ["calves", "hamstrings", "quads"]

    /// The caution routes this line adds to the conversation.
    func cautions(for understanding: Understanding, state: ConversationState) -> [String] {
        understanding.entities.cautions.filter { !state.cautions.contains($0) && knowledge.caution($0) != nil }
    }

    /// Every caution route that applies now: those said so far, and those the answers imply for the
    /// areas now under discussion (a shin ache spread along the edge, dark yellow urine).
    public func cautions(in state: ConversationState) -> [CautionRoute] {
        var ids = state.cautions
        // (Not a mild ache already easing, "all over, 3, bit better now" after a first 10k: ordinary soreness of the shins'
        // muscles, not shin splints to run less for; the inner edge told in words is the route's own, cautions.yaml.)
        let mildAndEasing = state.facts.trend == .easing && (state.facts.painLevel ?? 10) <= 3
        if state.facts.spread == .diffuse, state.areas.contains("shins"), !mildAndEasing { ids.append("shin-diffuse") }
        if state.facts.urine == .darkYellow { ids.append("dark-yellow-urine") }
        if state.facts.duringRun { ids.append("during-run") }
        var seen = Set<String>()
        // A route tied to areas no longer discussed ("sorry, I meant my calves") no longer applies.
        return ids.filter { seen.insert($0).inserted }.compactMap(knowledge.caution).filter { route in
            guard let areas = route.areas, !areas.isEmpty, !state.areas.isEmpty else { return true }
            return !Set(state.areas).isDisjoint(with: areas)
        }
    }

    /// The most urgent of the flags' urgencies; `.none` for no flags.
    public func urgency(of flagIDs: [String]) -> Urgency {
        flagIDs.compactMap { knowledge.redFlag($0)?.urgency }.max() ?? .none
    }

    /// A line worth the screening questions though it raises no flag: it names a serious symptom
    /// ("my calf is a bit puffy") and must get questions, never routine advice or the out-of-scope reply.
    static func needsScreening(_ understanding: Understanding) -> Bool {
        let entities = understanding.entities
        guard entities.redFlags.isEmpty, !entities.symptoms.isEmpty else { return false }
        return entities.symptomStandsAlone || !entities.bodyParts.isEmpty || entities.discomfort || entities.generalSoreness
    }

    // MARK: Recording

    /// The red flags an outcome gives as its reasons (`red-flag:clot`).
    static func flags(of outcome: TriageOutcome) -> [String] {
        outcome.reasons.filter { $0.hasPrefix("red-flag:") }.map { String($0.dropFirst("red-flag:".count)) }
    }

    /// Records the flags: the areas they concern are off limits for massage from now on.
    func record(_ flagIDs: [String], in state: inout ConversationState, areas given: [String]? = nil) {
        for id in flagIDs where !state.redFlags.contains(id) { state.redFlags.append(id) }
        let flags = flagIDs.compactMap { knowledge.redFlag($0) }
        let areas = given ?? (state.areas + flags.flatMap(\.areas))
        // An emergency, or a sign of the whole body (collapse, chest, urine), bars massage everywhere.
        let wholeBody = flags.contains { $0.urgency == .emergency || $0.areas.isEmpty }
        if areas.isEmpty || wholeBody { state.flaggedAreas.insert("*") }
        state.flaggedAreas.formUnion(areas)
        if !flagIDs.isEmpty {
            state.pending = nil
            state.routine = nil  // a routine under way stops: "next" must not carry on over a warning sign
        }
    }

    // MARK: Wording

    /// The guidance entries safety words its warnings from.
    public static let guidance = [
        "emergency-numbers", "urgency-emergency", "urgency-today", "urgency-soon", "warning-stands", "heading-emergency",
        "heading-today", "heading-soon", "caution-soon", "not-this-area", "not-diagnosis", "hold-while-asking", "leaving-while-swollen",
        "swelling-first", "check-first",
        "not-diagnosis-emergency", "warning-still", "much-worse-after-warning",
    ]

    /// A guidance entry with the emergency numbers filled in.
    private func say(_ id: String) -> String {
        knowledge.say(id).replacingOccurrences(of: "{emergency-numbers}", with: knowledge.say("emergency-numbers"))
    }

    /// A plugin's guidance entry with `{emergency-numbers}` filled in ("if it turns brown, call ..."), so that
    /// the numbers come from one place.
    public func withEmergencyNumbers(_ id: String) -> String { say(id) }

    /// For a caution that should be seen within days: the line that says so.
    public var cautionSoon: String { say("caution-soon") }

    /// Beside advice for other areas: the one line that keeps the flagged ones out of it.
    public func notThisArea(_ areas: [String]) -> String {
        say("not-this-area").replacingOccurrences(of: "{areas}", with: knowledge.names(of: areas))
    }

    /// What to do at this urgency, in the knowledge base's words, with the emergency numbers filled in.
    public func instruction(for urgency: Urgency) -> String {
        guard urgency != .none else { return "" }
        return say("urgency-\(urgency.rawValue)")
    }

    /// The seek-care reply for these flags, with the flags recorded in the conversation.
    func seekCare(_ flagIDs: [String], state: inout ConversationState) -> PluginReply {
        // The signs told earlier still stand, so the instruction is never less urgent than one already given (a stress
        // fracture's "today", then "same" to the trend question, got only the lasting pain's "within a few days").
        let standing = state.redFlags.filter { !flagIDs.contains($0) && urgency(of: [$0]) > urgency(of: flagIDs) }
        let reply = seekCareReply(for: flagIDs + standing, areas: state.areas)
        record(flagIDs, in: &state)
        state.lastTriage = reply.triage
        return reply
    }

    /// The seek-care reply for these flags: the instruction for the highest urgency first, then why.
    /// (For a plugin's outcome, such as the journal's, the dialogue records the flags from its reasons.)
    public func seekCareReply(for flagIDs: [String], areas named: [String]) -> PluginReply {
        let flags = flagIDs.compactMap { knowledge.redFlag($0) }
        let urgency = urgency(of: flagIDs)
        // The areas the runner named; the flag's own areas only when none were named.
        let areas = named.isEmpty ? Array(Set(flags.flatMap(\.areas))).sorted() : named
        var text = instruction(for: urgency)
        for flag in flags.sorted(by: { $0.urgency > $1.urgency }) {
            text += "\n- \(flag.why)" + (flag.action.map { " \($0)" } ?? "")
        }
        if !areas.isEmpty, urgency != .emergency {
            text += "\nUntil then, no massage, rolling or heat on your \(knowledge.names(of: areas))."
        }
        // (After an emergency, no word of a non-emergency line: that is not the number to call now.)
        let footer = urgency == .emergency ? "not-diagnosis-emergency" : "not-diagnosis"
        text += "\n" + knowledge.say(footer)
        let outcome = TriageOutcome(
            level: .seekCare, bodyParts: areas, reasons: flags.map { "red-flag:\($0.id)" }, urgency: urgency)
        return PluginReply(
            text, triage: outcome,
            knowledgeUsed: flags.map { "red_flags:\($0.id)" } + ["guidance:urgency-\(urgency.rawValue)", "guidance:\(footer)"])
    }

    /// "Is this serious?": the warning signs grouped by how soon to act; by name only, to fit a screen, or each with why
    /// it matters (`detailed`, "more").
    public func warningSigns(detailed: Bool = true) -> String {
        var text = "Ordinary soreness after a run is a dull, spread-out ache that eases over a few days. These are different:"
        func named(_ flag: RedFlag) -> String { flag.name.prefix(1).uppercased() + flag.name.dropFirst() }
        for urgency in [Urgency.emergency, .today, .soon] {
            let flags = knowledge.redFlags.filter { $0.urgency == urgency }
            guard !flags.isEmpty else { continue }
            text += "\n\n\(say("heading-\(urgency.rawValue)")):"
            if detailed {
                for flag in flags { text += "\n- \(named(flag)): \(flag.why)" }
            } else {
                let names = flags.map(\.name).joined(separator: "; ")
                text += "\n" + names.prefix(1).uppercased() + names.dropFirst() + "."
            }
        }
        return text
    }

    /// "can't I just roll it gently?", "what if I rub it?": a question about treating it anyway.
    static func asksAboutTreating(_ understanding: Understanding) -> Bool {
        let words = Set(understanding.normalized.split(separator: " ").map { Stemmer.stem(String($0)) })
        return !understanding.entities.techniques.isEmpty || !understanding.entities.baths.isEmpty
            || !words.isDisjoint(with: treatingStems)
    }

    static let treatingStems: Set<String> = Set(
        ["roll", "rub", "massage", "press", "knead", "stretch", "foam", "ball", "ice", "heat", "bath", "work", "loosen"].map(Stemmer.stem))

    /// The short reminder given when the runner asks about massaging an area a warning sign bars.
    public func barredReminder(_ areas: [String], state: ConversationState) -> String {
        let flags = state.redFlags.compactMap { knowledge.redFlag($0) }
        let sign = flags.map(\.name).joined(separator: ", ")
        let named = areas.filter { $0 != "*" }
        return "Please don't massage your \(named.isEmpty ? "legs" : knowledge.names(of: named)): what you described earlier"
            + (sign.isEmpty ? "" : " (\(sign))") + " is still a warning sign until a professional has checked it. "
            + instruction(for: urgency(of: state.redFlags))
    }

    /// One flag in a line: its name, why it matters and what to do at its urgency.
    public func describe(_ flag: RedFlag) -> String {
        "\(flag.name.prefix(1).uppercased() + flag.name.dropFirst()): \(flag.why)" + (flag.action.map { " \($0)" } ?? "")
            + " " + instruction(for: flag.urgency)
    }

    /// Why a bath or any other treatment waits: the standing warning, in one place.
    public func holdOff(_ state: ConversationState) -> String {
        let names = state.redFlags.compactMap { knowledge.redFlag($0)?.name }.joined(separator: ", ")
        return "With the warning sign you described\(names.isEmpty ? "" : " (\(names))"), please get checked before any bath or massage. "
            + instruction(for: urgency(of: state.redFlags))
    }

    /// The warning held back while swelling is still being asked about, for a runner who leaves before the
    /// outcome (a goodbye, or the end of input); nil when nothing is held.
    public func leavingWarning(_ state: ConversationState) -> String? {
        guard state.facts.swelling == true, state.lastTriage == nil, state.redFlags.isEmpty else { return nil }
        return say("leaving-while-swollen")
    }

    /// A goodbye, after the warning still held when there is one (`leavingWarning`).
    public func farewell(_ goodbye: String, state: ConversationState) -> String {
        guard let warning = leavingWarning(state) else { return goodbye }
        return goodbye.isEmpty ? warning : warning + "\n" + goodbye
    }

    // MARK: Checking every reply

    /// "it's suddenly got much worse", "way worse now": a sudden or big change for the worse.
    static func saysMuchWorse(_ understanding: Understanding) -> Bool {
        let said = " " + understanding.normalized + " "
        return understanding.entities.trend == .worse
            && [" much worse", " suddenly", " a lot worse", " way worse", " loads worse", " far worse", " really bad now"].contains {
                said.contains($0)
            }
    }

    /// A line that tells how a flagged area is (swelling, a pain level or kind, a trend) and asks nothing.
    static func tellsAFactOfIt(_ understanding: Understanding, state: ConversationState) -> Bool {
        understanding.entities.tellsHowItIs && !understanding.input.utf8Contains(UInt8(ascii: "?"))
            && understanding.entities.bodyParts.allSatisfy(state.isFlagged)
    }

    /// The warning again, for the flagged ones of `areas`: it stands whatever has eased since. `muchWorse`: told it has
    /// suddenly got much worse, so what the warning said to do then, now (an emergency, whatever its own urgency).
    private func standingWarning(for areas: [String], state: ConversationState, muchWorse: Bool = false) -> PluginReply {
        let urgency = muchWorse ? .emergency : urgency(of: state.redFlags)
        let lead = muchWorse ? "much-worse-after-warning" : "warning-stands"
        return PluginReply(
            knowledge.say(lead) + " " + instruction(for: urgency),
            triage: TriageOutcome(
                level: .seekCare, bodyParts: areas.filter { $0 != "*" && state.isFlagged($0) },
                reasons: state.redFlags.map { "red-flag:\($0)" } + (muchWorse ? ["much-worse"] : []), urgency: urgency),
            knowledgeUsed: ["guidance:\(lead)", "guidance:urgency-\(urgency.rawValue)"])
    }

    /// Safety's reply in place of a plugin's, keeping what the plugin's reply does to the session ("bye" still ends it).
    private static func instead(of reply: PluginReply, _ replacement: PluginReply) -> PluginReply {
        var replaced = replacement
        replaced.action = reply.action
        return replaced
    }

    /// The safety rule, applied to every plugin's reply: no massage for a barred area, a warning never
    /// talked down for its area, and a standing warning repeated in one line beside advice for another.
    /// - Parameter declined: the reply is the out-of-scope one ("can't I just roll it?" reads as nothing in particular).
    func check(_ reply: PluginReply, state: ConversationState, understanding: Understanding, declined: Bool) -> PluginReply {
        // Leaving while swelling is still being asked about: the warning it was held for is said before goodbye.
        if reply.action == .endConversation, leavingWarning(state) != nil {
            var leaving = reply
            leaving.text = farewell(reply.text, state: state)
            leaving.knowledgeUsed.append("guidance:leaving-while-swollen")
            return leaving
        }
        // "it's suddenly got much worse" after a warning to get seen today: what its instruction said to do then, now
        // (a new user got "I can't help with that" and the same-day instruction again).
        if !state.redFlags.isEmpty, urgency(of: state.redFlags) < .emergency, Self.saysMuchWorse(understanding),
            understanding.entities.bodyParts.allSatisfy(state.isFlagged)
        {
            return Self.instead(of: reply, standingWarning(for: state.areas, state: state, muchWorse: true))
        }
        // A fact told of the warned area with no question ("actually no it's not swollen", "only a 2 now", "4",
        // "yesterday"), or the advice asked for ("just tell me what to do"): the warning again, before any other reply
        // (these got the list of every warning sign, "I can't help with that", or the help menu).
        // (Whatever was said since: a fresh report of the same area starts a new complaint. Only a warning to get seen today
        // or now, which no answer can lift; one to book within days may still become more urgent with the answers. No
        // area at all: a warning of the whole body, such as dark urine after an ultra.)
        let warnedOfTheseAreas = !state.redFlags.isEmpty && urgency(of: state.redFlags) >= .today && state.areas.allSatisfy(state.isFlagged)
        // So does asking to massage it after all, in whatever words the reply took for another question ("seriously? its
        // probably nothing, can i just roll it out" got the list of every warning sign).
        let massageAfterAll =
            Self.asksAboutTreating(understanding) && understanding.entities.baths.isEmpty && reply.massages.isEmpty
            && understanding.entities.bodyParts.allSatisfy(state.isFlagged)
        if warnedOfTheseAreas, reply.asking == nil, reply.triage == nil, reply.routine == nil, reply.action == .none,
            Self.tellsAFactOfIt(understanding, state: state) || DialoguePolicy.asksForTheAdviceNow(understanding.input)
                || massageAfterAll
        {
            return Self.instead(of: reply, standingWarning(for: state.areas, state: state))
        }
        // "ok calling 111 now", "should I just drink water?" after a warning: not the out-of-scope reply, but
        // the warning and what to do at its urgency, again.
        if declined, !state.redFlags.isEmpty, !Self.asksAboutTreating(understanding) {
            let urgency = urgency(of: state.redFlags)
            return Self.instead(
                of: reply,
                PluginReply(
                    say("warning-still") + " " + instruction(for: urgency),
                    knowledgeUsed: ["guidance:warning-still", "guidance:urgency-\(urgency.rawValue)"]))
        }
        if declined, !state.redFlags.isEmpty, Self.asksAboutTreating(understanding) {
            let areas = state.areas.filter(state.isFlagged)
            return Self.instead(
                of: reply,
                PluginReply(
                    barredReminder(areas.isEmpty ? Array(state.flaggedAreas.subtracting(["*"])).sorted() : areas, state: state),
                    knowledgeUsed: ["guidance:warning-stands"] + state.redFlags.map { "red_flags:\($0)" }))
        }
        // With every area barred, a routine or a technique for the legs in general is barred too.
        let general =
            state.flaggedAreas.contains("*") && (reply.routine != nil || reply.knowledgeUsed.contains { $0.hasPrefix("techniques:") })
        let barred =
            general && reply.massages.isEmpty ? (state.areas.isEmpty ? ["*"] : state.areas) : reply.massages.filter(state.isFlagged)
        // Massage held while the questions run: for a swollen area still being asked about ("how do I roll my calves?"
        // mid-questions) until the answers are in; for a guided routine asked for in answer to the swelling question
        // ("walk me through it") until that one answer is in, since swelling would rule it out. (How a technique is
        // done is still explained: that is no massage yet.)
        if barred.isEmpty, reply.triage == nil, state.lastTriage == nil {
            var hold: String?
            if state.facts.swelling == true, reply.massages.contains(where: state.areas.contains) {
                hold = "hold-while-asking"
            } else if reply.routine != nil, let question = state.pending?.question {
                // So is one asked for in answer to another screening question: the urine after a huge effort, one spot
                // on the shin bone, numbness with back pain (a tester's "walk me through it" skipped each of them).
                if question.slot == .swelling, state.facts.swelling == nil {
                    hold = "swelling-first"
                } else if question.check != nil || question.slot == .urine || question.slot == .spread {
                    hold = "check-first"
                }
            }
            if let hold { return Self.instead(of: reply, PluginReply(say(hold), knowledgeUsed: ["guidance:\(hold)"])) }
        }
        if let outcome = reply.triage, outcome.level != .seekCare, !state.redFlags.isEmpty,
            outcome.bodyParts.isEmpty || outcome.bodyParts.contains(where: state.isFlagged)
        {
            // "It's only a 6 though": the warning stands for that area.
            return Self.instead(of: reply, standingWarning(for: outcome.bodyParts.isEmpty ? state.areas : outcome.bodyParts, state: state))
        }
        // "it doesn't even hurt that much tbh, 2/10" after the warning was given: the questions start again for the very
        // area the warning is about, and no answer to them can lift it (a new user read "A few quick questions first"
        // as the warning dropped). The warning again instead; a new area's questions go on. (Sign checks and the urine
        // question decide an urgency and are asked.)
        if warnedOfTheseAreas, let question = reply.asking, question.check == nil, question.slot != .urine {
            return Self.instead(of: reply, standingWarning(for: state.areas, state: state))
        }
        if !barred.isEmpty {
            return Self.instead(
                of: reply,
                PluginReply(
                    barredReminder(barred, state: state),
                    knowledgeUsed: ["guidance:warning-stands"] + state.redFlags.map { "red_flags:\($0)" }))
        }
        var checked = reply
        if let outcome = reply.triage, outcome.level != .seekCare, !state.redFlags.isEmpty {
            let names = state.redFlags.compactMap { knowledge.redFlag($0)?.name }.joined(separator: ", ")
            checked.text += "\nStill standing from earlier: \(names). " + instruction(for: urgency(of: state.redFlags))
        }
        return checked
    }
}

/// A question asked to settle a sign that safety holds or suspects, worded by the plugin that asks it (a
/// `Question` whose `check` is this) and answered as a pain-kind question is: a "yes", or one of the check's
/// symptoms in the answer, raises its red flag; a "no" settles it.
public enum SignCheck: String, Sendable, CaseIterable {
    /// Back or buttock pain that runs down the leg: numbness, pins and needles or weakness in it.
    case legNerve = "leg-nerve"
    /// A swollen calf or thigh held as a possible clot: breathlessness, chest pain or coughing blood.
    case clotChest = "clot-chest"
    /// Hip pain: hurting to hop or stand on that leg, or a limp (the screen for a stress fracture of the hip).
    case hipLoad = "hip-load"
    /// The pain-kind question's second half ("anything else with it, such as numbness or feeling unwell?"), asked on
    /// its own when the kind of pain was told before that question came: the screen a runner who opened with "tight
    /// calves" would otherwise never hear. What the answer tells is read by the detector as every line is; numbness or
    /// tingling in answer to it is a nerve sign.
    case otherSigns = "other-signs"

    /// The symptom concepts (`symptoms.yaml`) that, said in the answer, are a yes.
    var signs: Set<String> {
        switch self {
        case .legNerve: ["numbness", "tingling", "weakness"]
        // (Weak legs after a hard effort are read by the detector, beside the urine: not a nerve sign by themselves.)
        case .otherSigns: ["numbness", "tingling"]
        case .clotChest: ["breathless", "chest-pain", "coughing-blood", "palpitations"]
        case .hipLoad: ["limp", "hop-pain", "cannot-bear-weight"]
        }
    }

    /// Whether the check is due now: the one rule both the questions (which ask it) and safety (which holds a
    /// swollen leg for it) follow, so that nothing is held behind a question that will not be asked.
    public func isDue(in state: ConversationState) -> Bool {
        let facts = state.facts
        guard facts.isOpen(self) else { return false }
        switch self {
        case .legNerve: return facts.painRunsDownLeg
        // A clot is one-sided: with both legs swollen, the urine is asked instead (muscle breakdown).
        case .clotChest:
            return state.swellingWhereAClotCanBe && !facts.swollenBothSides && !state.redFlags.contains("clot")
        case .hipLoad: return state.areas.contains("hips") && !state.redFlags.contains("hip-fracture")
        // Only once the pain's kind is known without the question that asks it, with nothing flagged already, and
        // not beside the nerve check, which asks about numbness itself.
        case .otherSigns:
            return facts.painKind != nil && state.redFlags.isEmpty && !facts.painRunsDownLeg
                && facts.signCheckAnswers[.legNerve] == nil
        }
    }

    /// The guidance said in an outcome when the check was given up on; nil where the flag it guards is raised anyway.
    public var notCheckedGuidance: String? {
        switch self {
        case .legNerve: "numbness-unknown"
        case .clotChest: nil
        case .hipLoad: "hop-unknown"
        case .otherSigns: "numbness-unknown"
        }
    }

    /// The red flag a yes raises.
    func flag(_ facts: Facts) -> String {
        switch self {
        case .legNerve, .otherSigns: facts.painRunsDownBothLegs ? "cauda-equina" : "nerve"
        case .clotChest: "chest"
        case .hipLoad: "hip-fracture"
        }
    }
}
