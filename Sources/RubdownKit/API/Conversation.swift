import Foundation

/// One conversation with a runner: the dialogue. Each line is understood, routed (red flags
/// first, then answers to a pending question, then intents), answered by a plugin, and checked
/// against the safety rule before it is returned.
public struct Conversation: Sendable {
    public let coach: Coach
    public internal(set) var state = ConversationState()

    init(coach: Coach) { self.coach = coach }

    /// What the dialogue is doing when a line arrives; each mode has its own handler below.
    public enum Mode: Sendable {
        /// Nothing pending: the line is understood and routed as it comes.
        case freeTalk
        /// A follow-up question is pending: the line is read as its answer first.
        case answering(PendingQuestion)
        /// Two readings were offered: the line picks one.
        case clarifying(PendingQuestion)
        /// The journal was offered: the line may say yes or no.
        case askingConsent(PendingQuestion)
        /// A routine is being led step by step: "next", "back", "stop" move it.
        case guidingRoutine(Routine)
    }

    var mode: Mode {
        if let pending = state.pending {
            switch pending.question.slot {
            case .clarify: return .clarifying(pending)
            case .journalConsent: return .askingConsent(pending)
            default: if state.routine == nil { return .answering(pending) }
            }
        }
        if let routine = state.routine { return .guidingRoutine(routine) }
        return .freeTalk
    }

    /// The check-in at the start of a session with a journal ("Welcome back. Yesterday your calves were sore... How do
    /// they feel now?"), asked as the trend question of the areas it names, so that "a bit better", "worse" or "fine
    /// now" are answers the questions go on from; nil when there is nothing to ask about.
    public mutating func checkIn(now: Date = Date()) -> String? {
        let knowledge = coach.content.knowledge
        guard let journal = state.journal, let text = journal.checkIn(now: now, knowledge: knowledge), let last = journal.entries.last,
            let triage = coach.plugins.plugin(with: .redFlags), let intent = coach.content.intents.firstIntent(of: triage.name)
        else { return nil }
        state.areas = last.areas
        state.facts.daysAgo = Journal.days(since: last.date, now: now)
        let question = Question(
            slot: .trend, prompt: "How do they feel now: easing, about the same, or getting worse?",
            examples: "a bit better; about the same; worse; fine now")
        // (Alongside: a line about something else moves on without it.)
        state.pending = PendingQuestion(
            question: question, plugin: triage.name, intent: intent.id, attempts: 1, alongside: true, checkIn: true)
        return text
    }

    public mutating func send(_ line: String) -> Turn {
        switch mode {
        case .clarifying(let pending):
            return resolveClarification(pending, answer: line)
        case .askingConsent(let pending):
            state.pending = nil
            // Not an answer: the line is taken as it comes, and the question is not asked again.
            return answerConsent(pending, line) ?? send(line)
        case .guidingRoutine:
            if let command = Routine.command(line) { return guide(command, line: line) }
            if let command = routineChatter(line) { return guide(command, line: line) }
            return talk(line)
        case .answering(let pending):
            if DialoguePolicy.stopsTheQuestions(line) { return stopQuestions(pending, line) }
            if DialoguePolicy.waivesTheQuestions(line), let turn = waiveTheQuestions(pending, line) { return turn }
            // "why do you ask?", "why does that matter": why this question, as "why?" is answered.
            if DialoguePolicy.asksWhyTheQuestion(line) { return respond(to: line, chosen: "core.why") }
            if pending.checkIn, let turn = easingAtCheckIn(pending, line) { return turn }
            return talk(line)
        case .freeTalk:
            // "ok go on", "where were we?" after the questions were stopped: they carry on.
            if DialoguePolicy.resumesTheQuestions(line), state.lastTriage == nil, !state.areas.isEmpty, let questions = questionsRoute {
                return respond(to: line, chosen: questions.intent)
            }
            return talk(line)
        }
    }

    /// "a bit better", "fine now" to the check-in, and nothing else told (no new area, sign, swelling or pain level):
    /// glad to hear it, and no questions (a new user got all of them, and "ordinary soreness" at 0 out of 10).
    private mutating func easingAtCheckIn(_ pending: PendingQuestion, _ line: String) -> Turn? {
        var understanding = coach.interpreter.understand(line, contextAreas: state.areas, answering: true)
        let entities = understanding.entities
        let words = Set(understanding.normalized.split(separator: " ").map(String.init))
        let easing = entities.trend == .easing || !words.isDisjoint(with: SlotFilling.wellWords) && entities.trend == nil
        guard easing, entities.redFlags.isEmpty, entities.symptoms.isEmpty, entities.swelling != true, entities.bodyParts.isEmpty,
            (entities.painLevel ?? 0) == 0, entities.cautions.isEmpty, !DialoguePolicy.looksLikeRequest(understanding)
        else { return nil }
        state.pending = nil
        state.facts.trend = .easing
        understanding.entities.trend = .easing
        let reply = PluginReply(coach.content.knowledge.say("check-in-easing"), knowledgeUsed: ["guidance:check-in-easing"])
        return finish(understanding, reply, route: .init(plugin: pending.plugin, intent: pending.intent), confidence: 1)
    }

    /// "stop", "never mind", "enough questions" while the questions are asked: they stop, and what was told is kept
    /// (a new user's "stop" got "Sorry, I couldn't read that as an answer").
    private mutating func stopQuestions(_ pending: PendingQuestion, _ line: String) -> Turn {
        let understanding = coach.interpreter.understand(line, contextAreas: state.areas, answering: true)
        // "enough questions, my pee is really dark": what it tells is read as any answer is, and the questions go on (a
        // reviewer's got advice with the urine question given up).
        // (Not its "no": "no more questions pls".)
        if Self.tellsAFact(understanding, countingAnswers: false) { return talk(line) }
        state.pending = nil
        if DialoguePolicy.asksForTheAdviceNow(line), let turn = adviceWithoutTheRest(pending, understanding) { return turn }
        let reply = PluginReply(coach.content.knowledge.say("questions-stopped"), knowledgeUsed: ["guidance:questions-stopped"])
        return finish(understanding, reply, route: .init(plugin: pending.plugin, intent: pending.intent), confidence: 1)
    }

    /// "can you just tell me what to do", "skip the questions": the advice from what was told, as after a stop that asks
    /// for it, when the line answers nothing itself (no answer, area, level or sign in it).
    private mutating func waiveTheQuestions(_ pending: PendingQuestion, _ line: String) -> Turn? {
        let understanding = coach.interpreter.understand(line, contextAreas: state.areas, answering: true)
        guard !Self.tellsAFact(understanding) else { return nil }
        return adviceWithoutTheRest(pending, understanding)
    }

    /// Whether a line tells an answer (unless `countingAnswers` is false), an area, how it is, the urine (whatever its
    /// colour reads as: "my pee is really dark") or any sign.
    private static func tellsAFact(_ understanding: Understanding, countingAnswers: Bool = true) -> Bool {
        let entities = understanding.entities
        return countingAnswers && !(entities.answer == nil || entities.answer == .skip) || !entities.bodyParts.isEmpty
            || entities.tellsHowItIs || entities.mentionsUrine || !entities.redFlags.isEmpty || !entities.symptoms.isEmpty
    }

    /// "enough questions, just tell me what to do": the outcome from what was told, every question left given up on, as
    /// "not sure" gives one up (a swelling not asked about keeps hands off the area, and each check not made is said).
    /// Nil, and the conversation as it was, when there is no area yet, a warning stands, or the questions are not the
    /// triage's.
    private mutating func adviceWithoutTheRest(_ pending: PendingQuestion, _ understanding: Understanding) -> Turn? {
        guard !state.areas.isEmpty, state.redFlags.isEmpty, let route = questionsRoute, pending.plugin == route.plugin,
            let plugin = coach.plugins.plugin(named: route.plugin)
        else { return nil }
        let before = state
        state.pending = nil
        state.facts.giveUp(on: pending.question)
        // A sign held for the question given up ("yes the left one is swollen and warm", then "just tell me what to do" at the
        // chest check) is raised now, as when that question is given up any other way: never the advice without it.
        let held = coach.safety.flags(for: understanding, state: state, answered: [])
        if !held.isEmpty {
            var warning = coach.safety.seekCare(held, state: &state)
            apply(&warning, route: route, answering: nil, asked: nil, took: [], resuming: nil)
            return finish(understanding, warning, route: route, confidence: 1)
        }
        var reply = ask(plugin, route: route, understanding: understanding, answering: nil)
        // (Each question a plugin has is asked once at most, so this ends; the bound is a guard.)
        for _ in 0..<plugin.questions.count {
            guard let question = reply.asking else { break }
            state.facts.giveUp(on: question)
            reply = ask(plugin, route: route, understanding: understanding, answering: nil)
        }
        guard reply.asking == nil, reply.triage != nil else {
            state = before
            return nil
        }
        reply.text = coach.content.knowledge.say("questions-waived") + "\n" + reply.text
        reply.knowledgeUsed.append("guidance:questions-waived")
        apply(&reply, route: route, answering: nil, asked: nil, took: [], resuming: nil)
        return finish(understanding, reply, route: route, confidence: 1)
    }

    /// A line in free talk, or an answer to a pending question.
    private mutating func talk(_ line: String) -> Turn {
        var turn = respond(to: line)
        // New pain mid-routine ("ouch, that was sharp"): the firmer steps must not carry on after it.
        let triage = coach.plugins.plugin(with: .redFlags)?.name
        let entities = turn.understanding.entities
        let newPain =
            DialoguePolicy.reportsDiscomfort(turn.understanding) || entities.painKind == "sharp" || (entities.painLevel ?? 0) >= 7
            || (turn.plugin == triage && turn.awaiting != nil) || (turn.triage.map { $0.level != .selfCare } ?? false)
        if state.routine != nil, turn.routineStep == nil, newPain {
            state.routine = nil
            // The same self-care outcome again would list the firm steps this pain has just ruled out.
            if turn.triage?.level == .selfCare {
                turn.reply = coach.content.knowledge.say("routine-stopped-ease-off")
            } else {
                turn.reply += "\n\n" + coach.content.knowledge.say("routine-stopped-for-pain")
            }
            return turn
        }
        // A question mid-routine is answered, then the routine waits where it was.
        if let routine = state.routine, turn.routineStep == nil, !turn.ends {
            turn.reply += "\n\n(Routine paused at step \(routine.index + 1) of \(routine.steps.count): say next to carry on, or stop.)"
        }
        return turn
    }

    /// Yes or no to keeping a journal; nil when the line is not such an answer.
    private mutating func answerConsent(_ pending: PendingQuestion, _ line: String) -> Turn? {
        let understanding = coach.interpreter.understand(line, answering: true)
        // "yes, but now my chest is tight": the body comes first; the question is not asked again.
        let aboutTheBody = !understanding.entities.redFlags.isEmpty || DialoguePolicy.mentionsTheBody(understanding)
        let route = DialoguePolicy.Route(plugin: pending.plugin, intent: pending.intent)
        switch aboutTheBody ? nil : understanding.entities.answer {
        case .yes?:
            state.journal?.consent = true
            if let outcome = state.lastTriage { record(outcome) }
            return finish(
                understanding,
                PluginReply(
                    "Thanks. I'll keep a short private note on this computer and ask how your legs feel next time. Say \"journal\" to see it, \"forget my journal\" to erase it."
                ), route: route, confidence: 1)
        case .no?:
            state.journal?.consent = false
            return finish(understanding, PluginReply("No problem: no notes kept."), route: route, confidence: 1)
        default:
            return nil
        }
    }

    /// Guidance the dialogue itself shows.
    public static let guidance = [
        "as-above", "routine-stopped-for-pain", "routine-stopped-ease-off", "which-hurts-most", "questions-stopped", "questions-waived",
        "warning-kept-on-reset",
        "which-other-sign", "which-weakness", "check-in-easing",
    ]

    /// Replies of this many lines or more are cards: never repeated word for word within a few turns.
    static let longCard = 8

    /// Whether a guided routine is under way: an empty line then means "next".
    public var isGuiding: Bool { state.routine != nil }

    /// Routine talk in the runner's words; a line about the body is never taken for it.
    private func routineChatter(_ line: String) -> Routine.Command? {
        let understanding = coach.interpreter.understand(line, contextAreas: state.areas)
        // (Not `mentionsTheBody`: "skip the rest" names the symptom word "rest", and is still routine talk.)
        let entities = understanding.entities
        // ("go back one" names the back as an area, and is still a step back.)
        let areas = entities.bodyParts.filter { $0 != "back" }
        // (A low number is a word of the command, "back one"; a higher one is a report of pain.)
        guard entities.redFlags.isEmpty, areas.isEmpty, (entities.painLevel ?? 0) < 4, entities.cautions.isEmpty else {
            return nil
        }
        let technique = understanding.entities.techniques.first.flatMap { coach.content.knowledge.technique($0)?.name }
        let command = Routine.chatter(line, technique: technique)
        return entities.bodyParts.isEmpty || command == .back ? command : nil
    }

    /// Moves through the routine.
    private mutating func guide(_ command: Routine.Command, line: String) -> Turn {
        guard var routine = state.routine else { return respond(to: line) }
        let understanding = coach.interpreter.understand(line, contextAreas: state.areas)
        var text: String
        switch command {
        case .next, .skip:
            routine.index += 1
            if routine.current == nil {
                state.routine = nil
                text =
                    (command == .skip ? "Skipped. " : "") + "That's the routine done. " + coach.content.knowledge.say("hydrate-move")
                    + " Say \"summary\" for a plan to keep."
                return finishRoutine(understanding, text, routine)
            }
            text = (command == .skip ? "Skipped.\n" : "") + routine.text
        case .back:
            routine.index = max(0, routine.index - 1)
            text = routine.text
        case .repeatStep:
            text = routine.text
        case .skipTo(let technique):
            guard let at = routine.steps.indices.first(where: { routine.steps[$0].technique == technique }) else {
                text = "There's no \(technique.lowercased()) in this routine. " + routine.text
                break
            }
            routine.index = at
            text = "On to the \(technique.lowercased()).\n" + routine.text
        case .howLong:
            let left = routine.steps.count - routine.index
            text =
                "About \(routine.minutesLeft) minute\(routine.minutesLeft == 1 ? "" : "s") to go: \(left) step\(left == 1 ? "" : "s") left, this one included. "
                + "Say \"shorter\" for a quicker version, or next when you're ready."
        case .whatToFeel:
            text = coach.content.knowledge.say("stop-when") + "\nSay next when you're ready."
        case .shorter:
            let before = routine.steps.count
            routine = routine.shortened()
            let left = routine.steps.count - routine.index
            text =
                (routine.steps.count < before
                    ? "Shorter, then: \(left) step\(left == 1 ? "" : "s") left, about \(routine.minutesLeft) minutes.\n"
                    : "This is already as short as it gets.\n") + routine.text
        case .stop:
            state.routine = nil
            return finishRoutine(
                understanding,
                "Routine stopped at step \(routine.index + 1) of \(routine.steps.count). Ask for it again whenever you like.", routine)
        }
        state.routine = routine
        var turn = finish(understanding, PluginReply(text), route: .init(plugin: routine.plugin, intent: routine.intent), confidence: 1)
        turn.routineStep = routine.position
        return turn
    }

    private mutating func finishRoutine(_ understanding: Understanding, _ text: String, _ routine: Routine) -> Turn {
        finish(understanding, PluginReply(text), route: .init(plugin: routine.plugin, intent: routine.intent), confidence: 1)
    }

    /// Answers a line; `chosen` forces the intent (after a clarifying question).
    private mutating func respond(to line: String, chosen: String? = nil) -> Turn {
        let pending = state.pending
        // "pale", "brown", "since Tuesday": answers about urine, time or distance do not describe the area. (Nor with back
        // pain, where the question is about bladder control and numbness around the bottom, signs that need no area: a
        // "normal, pale-ish" there was read as a pale, cold foot of the calves also sore.)
        let aboutTheArea = pending.map { ![Slot.when, .distance, .urine].contains($0.question.slot) } ?? true
        var understanding = coach.interpreter.understand(
            line, contextAreas: aboutTheArea ? state.areas : [], answering: pending != nil)
        // "during the run, felt a loud snap at about 3k": a sign told in answer to when or how far is about the area;
        // so is one the area completes ("been doing loads more lately, up to 60 miles a week" of a sore hip), and a caution
        // route's ("worst first thing when I get out of bed" of an Achilles, "comes on at 6 miles every run" of an outer knee).
        if !aboutTheArea, pending?.question.slot != .urine, !state.areas.isEmpty {
            let ofTheArea = coach.interpreter.understand(line, contextAreas: state.areas, answering: pending != nil)
            if !understanding.entities.symptoms.isEmpty || ofTheArea.entities.redFlags.count > understanding.entities.redFlags.count
                // (More than a time said: "earlier this morning" to "when?" is no morning stiffness.)
                || ofTheArea.entities.cautions.count > understanding.entities.cautions.count
                    && understanding.normalized.split(separator: " ").count >= 5
            {
                understanding = ofTheArea
            }
        }
        let safety = coach.safety
        // The facts the line states are taken in only if it is not a side question,
        // so "how do I massage my feet?" mid-way does not move the questions to the feet.
        var proposed = state
        if pending == nil, state.lastTriage != nil, !understanding.entities.bodyParts.isEmpty, !DialoguePolicy.refersBack(understanding) {
            // A new complaint after an outcome: the pain details were about the old one (the day and the
            // distance of the run still hold).
            proposed.startNewComplaint()
        }
        let filled = SlotFilling.absorb(understanding, into: &proposed, pending: pending)
        var redFlags = safety.flags(for: understanding, state: proposed, answered: filled)
        let noted = redFlags.isEmpty ? Self.noted(understanding, before: state.runner, knowledge: coach.content.knowledge) : ""
        // "oh, and I'm pregnant" while a question waits: taken in, and the question asked again.
        if let pending, filled.isEmpty, !noted.isEmpty, redFlags.isEmpty, understanding.entities.answer == nil {
            state = proposed
            return finish(
                understanding, PluginReply("Noted: \(noted)\n" + pending.question.prompt),
                route: .init(plugin: pending.plugin, intent: pending.intent),
                confidence: 1)
        }

        var route = DialoguePolicy.route(understanding, plugins: coach.plugins, table: coach.content.intents)
        if let chosen, let intent = coach.content.intents.intent(chosen) { route = .init(plugin: intent.plugin, intent: intent.id) }
        var answering: PendingQuestion?
        var digressingFrom: PendingQuestion?
        var lateAnswer = ""
        var confidence = understanding.confidence

        if !redFlags.isEmpty {
            state = proposed
            route =
                DialoguePolicy.screeningRoute(understanding, plugins: coach.plugins, table: coach.content.intents, always: true) ?? route
        } else if let pending {
            let answered = filled.contains(pending.question.slot)
            // (An intent chosen for the line, "why do you ask?", is no answer.)
            if chosen == nil,
                DialoguePolicy.isAnswer(
                    understanding, to: pending, filled: answered, fillsOther: !filled.isEmpty,
                    outOfScope: coach.plugins.isOutOfScope(route.plugin))
            {
                state = proposed
                route = .init(plugin: pending.plugin, intent: pending.intent)
                if answered { confidence = 1 }
                if !answered {
                    if filled.isEmpty, pending.attempts < 2 {
                        // "everything", "both legs": a fair answer, but not one that says where to work.
                        if pending.question.slot == .bodyPart, SlotFilling.saysWholeLegs(understanding) {
                            return reask(pending, understanding: understanding, prompt: coach.content.knowledge.say("which-hurts-most"))
                        }
                        // To "anything else with it, such as numbness...?": a bare "yes" is asked which; "weak", "legs
                        // feel weak and wobbly", which weakness, tired legs or a leg that gives way (a new user's "weak"
                        // was taken as nothing else, and got the firm routine).
                        if pending.question.slot == .painKind, pending.question.check == nil || pending.question.check == .otherSigns,
                            let which = SlotFilling.bareYes(understanding)
                                ? "which-other-sign" : SlotFilling.tellsOnlyOfWeakness(understanding) ? "which-weakness" : nil
                        {
                            return reask(pending, understanding: understanding, prompt: coach.content.knowledge.say(which))
                        }
                        // (What the line tells of a caution route is kept: "worst with the first steps in the morning" is
                        // no kind of pain, but it is the heel's first-step pain.)
                        state.cautions += safety.cautions(for: understanding, state: state)
                        return reask(pending, understanding: understanding)
                    }
                    // Two tries, or other facts given instead: ask again once, then move on.
                    if pending.attempts >= 2 { state.facts.giveUp(on: pending.question) }
                }
                answering = pending
            } else if !pending.alongside {
                digressingFrom = pending
            }
            // A question given up on no longer holds back what it was asked to decide: a swollen leg after a
            // long run, held for the urine question, is raised now rather than lost.
            if state.facts.gaveUp(on: pending.question) {
                let late = safety.flags(for: understanding, state: state, answered: filled)
                if !late.isEmpty {
                    redFlags = late
                    answering = nil
                    route =
                        DialoguePolicy.screeningRoute(understanding, plugins: coach.plugins, table: coach.content.intents, always: true)
                        ?? route
                }
            }
        } else {
            let refersBack = state.lastIntent != nil && DialoguePolicy.refersBack(understanding)
            // (A request to massage what hurts is not asked which it is: it gets the technique and the first question.)
            if chosen == nil, !refersBack, !Safety.needsScreening(understanding), !DialoguePolicy.reportsDiscomfort(understanding),
                !DialoguePolicy.asksToMassageWhatHurts(understanding),
                !DialoguePolicy.onlyTellsAboutTheRunner(understanding), !DialoguePolicy.asksBesideAFact(understanding),
                !understanding.entities.asksAboutSigns,
                // (Not a technique asked of while a warning stands: "ok but can i still do the foam roller?" after an
                // emergency is answered by the warning, not asked which it meant.)
                !(state.lastTriage?.level == .seekCare && !understanding.entities.techniques.isEmpty),
                let (first, second) = DialoguePolicy.ambiguity(understanding, plugins: coach.plugins, table: coach.content.intents)
            {
                state = proposed
                return clarify(understanding, first, second)
            }
            state = proposed
            if let byKind = routeByKind(understanding, refersBack: refersBack) { route = byKind }
            // "my wife hurt her foot tripping, what can she rub on it?": massage asked for an injury or a symptom gets the
            // questions first, since the answer may be no massage at all (a fresh sprain, a swollen calf).
            if !coach.plugins.isOutOfScope(route.plugin), state.lastTriage == nil,
                DialoguePolicy.asksToMassageWhatHurts(understanding), DialoguePolicy.tellsOfAnInjury(understanding),
                let questions = questionsRoute, questions.plugin != route.plugin
            {
                route = questions
            }
            // "it's swollen now", "the left one's a bit swollen" after the advice: swelling where a clot can be goes to the
            // questions, which check the chest before holding it as a clot (a new user got the list of warning signs, "I'd
            // rate yours as self-care", and then the routine).
            if filled.contains(.swelling), state.swellingWhereAClotCanBe, let questions = questionsRoute {
                route = questions
            }
            // "5k", "normal colour" just after the outcome: a late answer, taken in, and the advice given again
            // with it (said first), not the out-of-scope reply.
            if let last = state.lastTriage, last.level != .seekCare, state.outcomeIsCurrent, !filled.isEmpty,
                coach.plugins.isOutOfScope(route.plugin), !DialoguePolicy.looksLikeRequest(understanding), let questions = questionsRoute
            {
                route = questions
                lateAnswer = SlotFilling.describe(filled, in: state, knowledge: coach.content.knowledge)
            }
        }
        state.cautions += safety.cautions(for: understanding, state: state)

        let plugin = coach.plugins.plugin(named: route.plugin)
        if plugin == nil, redFlags.isEmpty {
            return finish(
                understanding, PluginReply("Sorry, that part of Rubdown is not available."), route: route, confidence: confidence)
        }
        if digressingFrom == nil { state.pending = nil }
        if answering == nil, redFlags.isEmpty {
            state.intentBefore = state.lastIntent
            state.lastIntent = route.intent
        }
        var reply: PluginReply
        if !redFlags.isEmpty {
            // Red flags win: safety answers, whatever plugin the line would have gone to.
            reply = safety.seekCare(redFlags, state: &state)
        } else {
            reply = ask(plugin!, route: route, understanding: understanding, answering: answering)
            // "quit", "start over" or "finish" inside a report of soreness is not the command.
            if reply.action != .none, DialoguePolicy.mentionsTheBody(understanding),
                let handler = DialoguePolicy.screeningRoute(
                    understanding, plugins: coach.plugins, table: coach.content.intents, always: true),
                let triage = coach.plugins.plugin(named: handler.plugin)
            {
                route = handler
                state.lastIntent = route.intent
                reply = ask(triage, route: route, understanding: understanding, answering: nil)
            }
            reply = safety.check(reply, state: state, understanding: understanding, declined: coach.plugins.isOutOfScope(route.plugin))
        }

        if !noted.isEmpty { reply.text = "Noted: \(noted)\n" + reply.text }
        if !lateAnswer.isEmpty, reply.triage != nil { reply.text = "Noted: \(lateAnswer).\n" + reply.text }
        apply(&reply, route: route, answering: answering, asked: pending, took: filled, resuming: redFlags.isEmpty ? digressingFrom : nil)
        if redFlags.isEmpty, answering == nil, let screening = screeningQuestion(after: reply, understanding, route: route) {
            reply.text += "\n\n" + coach.content.knowledge.say("before-you-start") + " " + screening.question.prompt
            reply.knowledgeUsed.append("guidance:before-you-start")
            state.pending = screening
        }
        return finish(understanding, reply, route: route, confidence: confidence)
    }

    /// Massage for an area the runner says hurts, asked for before any question ("calf is sore now, roller or massage
    /// gun?"): the first question the triage would ask, put after the advice, so that a sign told in its answer is
    /// not missed. Blind conversations hid a compartment syndrome, a torn Achilles and a broken foot behind such
    /// openings. Nil when the triage would ask nothing, or a question or an outcome is already under way.
    private mutating func screeningQuestion(after reply: PluginReply, _ understanding: Understanding, route: DialoguePolicy.Route)
        -> PendingQuestion?
    {
        guard reply.asking == nil, reply.triage == nil, reply.action == .none, !reply.massages.isEmpty, state.pending == nil,
            state.lastTriage == nil, state.redFlags.isEmpty, DialoguePolicy.asksToMassageWhatHurts(understanding),
            let handler = questionsRoute, handler.plugin != route.plugin, let triage = coach.plugins.plugin(named: handler.plugin)
        else { return nil }
        let screen = ask(triage, route: handler, understanding: understanding, answering: nil)
        guard screen.triage == nil, let question = screen.asking else { return nil }
        return PendingQuestion(question: question, plugin: handler.plugin, intent: handler.intent, attempts: 1, alongside: true)
    }

    /// The follow-up questions: the first intent of the plugin with the red-flags capability (the triage's soreness report).
    private var questionsRoute: DialoguePolicy.Route? {
        coach.plugins.plugin(with: .redFlags).flatMap { coach.content.intents.firstIntent(of: $0.name) }.map {
            DialoguePolicy.Route(plugin: $0.plugin, intent: $0.id)
        }
    }

    /// Where a line in free talk goes when its kind decides rather than its best-matching intent; nil
    /// for the best-matching intent.
    private func routeByKind(_ understanding: Understanding, refersBack: Bool) -> DialoguePolicy.Route? {
        let intents = coach.content.intents
        let questions = questionsRoute
        func route(_ id: String) -> DialoguePolicy.Route? { intents.intent(id).map { .init(plugin: $0.plugin, intent: $0.id) } }
        // "what about my quads?", "and the other leg?": the last request again, for what is named now.
        if refersBack, let last = state.lastIntent, let again = route(last) { return again }
        // The warning signs, grouped by urgency, answer a question about them.
        if understanding.entities.asksAboutSigns, let signs = coach.plugins.warningSignsIntent.flatMap(route) { return signs }
        // "im 30 weeks pregnant, can i do an ice bath after my run?": the request is answered, fitted to the fact (a new
        // user's got the note and no answer).
        if let asked = DialoguePolicy.requestBesideAFact(understanding, plugins: coach.plugins) { return asked }
        if DialoguePolicy.onlyTellsAboutTheRunner(understanding) {
            // Told after the advice ("no roller, and only 10 minutes"): the advice again, fitted to it.
            if let last = state.lastTriage, last.level != .seekCare, !last.bodyParts.isEmpty, let questions { return questions }
            return coach.plugins.aboutTheRunnerIntent.flatMap(route)
        }
        // A report of discomfort starts the questions, whatever it shares with other intents.
        if DialoguePolicy.startsQuestions(understanding) { return questions }
        return nil
    }

    /// The one place a reply's effects change the conversation: a question to ask (or the one
    /// set aside to return to), an outcome (recorded, and the journal offered), a routine to lead,
    /// an end, a fresh start or an erased journal.
    private mutating func apply(
        _ reply: inout PluginReply, route: DialoguePolicy.Route, answering: PendingQuestion?, asked: PendingQuestion?, took: Set<Slot>,
        resuming: PendingQuestion?
    ) {
        switch reply.action {
        case .resetConversation:
            let (journal, redFlags, flaggedAreas) = (state.journal, state.redFlags, state.flaggedAreas)
            state = ConversationState()
            state.journal = journal  // starting over forgets the conversation, not the journal
            // Nor a warning sign told in it: a milder retelling after "start over" got self-care for a knee that locked
            // and gave way. It stands for its areas, and the fresh start says so.
            if !redFlags.isEmpty {
                (state.redFlags, state.flaggedAreas) = (redFlags, flaggedAreas)
                let names = redFlags.compactMap { coach.content.knowledge.redFlag($0)?.name }.joined(separator: ", ")
                reply.text += "\n" + coach.content.knowledge.say("warning-kept-on-reset").replacingOccurrences(of: "{signs}", with: names)
                reply.knowledgeUsed.append("guidance:warning-kept-on-reset")
            }
        case .forgetJournal:
            state.journal?.entries = []
        case .endConversation:
            state.pending = nil
        case .none:
            if let question = reply.asking {
                let again = asked.map { $0.question == question } ?? false
                // The same question again after a line that answered others: say what was taken, so
                // the question is never repeated without a reason. So too when what was taken instead moves the
                // questions on ("9 now" when asked when it started: the level, and then whether it is getting worse).
                let answeredOthersOnly = asked.map { !took.contains($0.question.slot) } ?? false
                let noted = SlotFilling.describe(took, in: state, knowledge: coach.content.knowledge)
                if again || answeredOthersOnly, answering != nil, !noted.isEmpty, !reply.text.hasPrefix("Noted") {
                    reply.text = "Noted: \(noted). " + reply.text
                }
                // (The questions that follow one asked alongside a technique are asked alongside too: "thanks" after a
                // "no" to it is not brought back to them.)
                state.pending = PendingQuestion(
                    question: question, plugin: route.plugin, intent: answering?.intent ?? route.intent,
                    attempts: again ? (asked?.attempts ?? 0) + 1 : 1, alongside: answering?.alongside ?? false)
            } else if let resuming, reply.routine?.steps.isEmpty ?? true {
                reply.text += "\n\n" + backTo(resuming)
                state.pending = resuming
            } else if reply.routine != nil {
                // A routine asked for mid-questions takes over: its "next" and "done" are not answers.
                state.pending = nil
            }
        }
        if var routine = reply.routine, !routine.steps.isEmpty {
            (routine.plugin, routine.intent) = (route.plugin, route.intent)
            state.routine = routine
        }
        if let outcome = reply.triage {
            state.lastTriage = outcome
            state.outcomePlugin = route.plugin
            // Flags a plugin's outcome raises (the journal's) are recorded here; safety's own are already.
            let new = Safety.flags(of: outcome).filter { !state.redFlags.contains($0) }
            if !new.isEmpty { coach.safety.record(new, in: &state, areas: outcome.bodyParts) }
            // Right after "call 999" or "get seen today", the instruction is the last thing the runner reads: the
            // journal is not offered then (it is at a later outcome). After "book a GP within days" it is, since
            // a note is what lets the next session ask how that area is doing.
            let urgent = outcome.level == .seekCare && outcome.urgency >= .today
            if state.journal?.consent == true {
                record(outcome)
            } else if state.journal != nil, state.journal?.consent == nil, state.pending == nil, !outcome.bodyParts.isEmpty, !urgent {
                // Asked once: after the first outcome, when there is something worth noting.
                let prompt =
                    "Shall I keep a private note on this computer, to check on your legs next time? (yes or no)"
                reply.text += "\n\n" + prompt
                state.pending = PendingQuestion(
                    question: Question(slot: .journalConsent, prompt: prompt, examples: "yes; no"), plugin: route.plugin,
                    intent: route.intent, attempts: 1)
            }
        }
    }

    /// One plugin's answer: it reads the conversation and the line, and changes neither.
    private mutating func ask(_ plugin: any Plugin, route: DialoguePolicy.Route, understanding: Understanding, answering: PendingQuestion?)
        -> PluginReply
    {
        let request = PluginRequest(
            understanding: understanding, intent: route.intent, answering: answering,
            alternatives: Array(understanding.ranking.dropFirst().prefix(2)))
        let context = PluginContext(
            knowledge: coach.content.knowledge, intents: coach.content.intents, state: state,
            decliningPlugins: coach.plugins.outOfScopeNames)
        return plugin.respond(to: request, context: context)
    }

    /// Notes an outcome in the journal.
    private mutating func record(_ outcome: TriageOutcome) {
        guard state.journal?.consent == true, !outcome.bodyParts.isEmpty else { return }
        state.journal?.entries.append(
            Journal.Entry(
                date: Date(), areas: outcome.bodyParts, level: outcome.level.rawValue, painLevel: state.facts.painLevel,
                redFlags: outcome.level == .seekCare ? state.redFlags : nil))
    }

    /// Asks which of two equally likely intents the runner meant, instead of guessing.
    private mutating func clarify(_ understanding: Understanding, _ first: IntentScore, _ second: IntentScore) -> Turn {
        let table = coach.content.intents
        let offers = [first, second].map { table.intent($0.intent)?.offer ?? $0.intent }
        let prompt = "Do you want me to \(offers[0]), or to \(offers[1])?"
        let question = Question(slot: .clarify, prompt: prompt, examples: "the first; the second")
        state.pending = PendingQuestion(
            question: question, plugin: first.plugin, intent: first.intent, attempts: 1, options: [first.intent, second.intent],
            originalInput: understanding.input)
        return finish(understanding, PluginReply(prompt), route: .init(plugin: first.plugin, intent: first.intent), confidence: first.score)
    }

    private mutating func resolveClarification(_ pending: PendingQuestion, answer: String) -> Turn {
        let understanding = coach.interpreter.understand(answer, contextAreas: state.areas, answering: true)
        state.pending = nil
        if understanding.entities.redFlags.isEmpty, let chosen = DialoguePolicy.choice(understanding, among: pending.options) {
            var turn = respond(to: pending.originalInput, chosen: chosen)
            turn.input = answer
            turn.entities = understanding.entities
            return turn
        }
        // "not sure", "idk", "skip": the likelier reading, said so.
        if understanding.entities.redFlags.isEmpty, [.unknown, .skip].contains(understanding.entities.answer),
            let first = pending.options.first
        {
            var turn = respond(to: pending.originalInput, chosen: first)
            turn.input = answer
            turn.entities = understanding.entities
            turn.reply = "Then I'll start with the likelier one.\n" + turn.reply
            return turn
        }
        // Not a choice: treat it as a new line.
        return respond(to: answer)
    }

    /// - Parameter prompt: what to say instead of "Sorry, I couldn't read that".
    private mutating func reask(_ pending: PendingQuestion, understanding: Understanding, prompt: String? = nil) -> Turn {
        var again = pending
        again.attempts += 1
        state.pending = again
        let reply = PluginReply(
            prompt.flatMap { $0.isEmpty ? nil : $0 }
                ?? "Sorry, I couldn't read that as an answer. \(pending.question.prompt) (For example: \(pending.question.examples).)")
        return finish(
            understanding, reply, route: .init(plugin: pending.plugin, intent: pending.intent), confidence: understanding.confidence)
    }

    /// What the line newly told about the runner, as said back once ("no foam roller, so I'll leave it out."), or "".
    private static func noted(_ understanding: Understanding, before: RunnerProfile, knowledge: KnowledgeBase) -> String {
        let withdrawn = understanding.entities.runnerFactsWithdrawn.filter(before.facts.contains).compactMap {
            knowledge.runnerFact($0)?.name
        }
        var said = withdrawn.isEmpty ? [] : ["I've taken back \(withdrawn.joined(separator: " and ")), so the advice is as usual again."]
        said += understanding.entities.runnerFacts.filter { !before.facts.contains($0) }.compactMap { knowledge.runnerFact($0)?.noted }
        if let minutes = understanding.entities.minutesAvailable, minutes != before.minutes {
            said.append("about \(minutes) minutes, so I'll fit a routine into that.")
        }
        // Each a sentence of its own: "Noted: no foam roller, so .... Blood thinners, so ...."
        return said.enumerated().map { $0.offset == 0 ? $0.element : $0.element.prefix(1).uppercased() + $0.element.dropFirst() }
            .joined(separator: " ")
    }

    private func backTo(_ pending: PendingQuestion) -> String {
        let subject = state.areas.isEmpty ? "my question" : "your \(coach.content.knowledge.names(of: state.areas))"
        return "Back to \(subject): \(pending.question.prompt)"
    }

    private mutating func finish(
        _ understanding: Understanding, _ reply: PluginReply, route: DialoguePolicy.Route, confidence: Double
    ) -> Turn {
        var reply = reply
        // A long card asked for again straight away ("more", "more"; the same technique twice) is not
        // printed again word for word: its first line, and a pointer to the full text just above.
        let lines = reply.text.split(separator: "\n", omittingEmptySubsequences: false)
        // (The very line typed again is a request to see it again, perhaps after clearing the screen: shown in full.)
        let sameLine = state.previous.map { $0.understanding.normalized == understanding.normalized } ?? false
        if lines.count >= Self.longCard, state.routine == nil, !sameLine, state.recentReplies.contains(reply.text) {
            // Its first line, less a closing sentence that only introduces what followed ("In this order:").
            var first = String(lines[0])
            if first.hasSuffix(":"), let stop = first.range(of: ". ", options: .backwards) {
                first = String(first[..<stop.lowerBound]) + "."
            }
            reply.text = coach.content.knowledge.say("as-above") + " " + first
            reply.knowledgeUsed = ["guidance:as-above"] + reply.knowledgeUsed
        }
        state.recentReplies = Array((state.recentReplies + [reply.text]).suffix(3))
        state.previousPlugin = route.plugin
        let turn = Turn(
            input: understanding.input, reply: reply.text, plugin: route.plugin, intent: route.intent,
            confidence: confidence, entities: understanding.entities, awaiting: state.pending?.question.slot,
            triage: reply.triage, ends: reply.action == .endConversation, understanding: understanding,
            knowledgeUsed: reply.knowledgeUsed)
        state.previous = (understanding, reply.knowledgeUsed)
        if reply.routine != nil, let routine = state.routine, routine.current != nil {
            var started = turn
            started.routineStep = routine.position
            return started
        }
        return turn
    }
}

extension KnowledgeBase {
    /// "calves and hamstrings", from area ids.
    public func names(of areaIDs: [String]) -> String {
        let names = areaIDs.map { area($0)?.name ?? $0 }
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + names.last!
    }
}
