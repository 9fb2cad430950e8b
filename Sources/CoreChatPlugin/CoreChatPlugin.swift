import RubdownKit

/// Greetings, help, thanks, quitting and starting over.
public struct CoreChatPlugin: Plugin {
    public init() {}

    public var name: String { "core" }
    public var capabilities: Set<PluginCapability> { [.aboutTheRunner(intent: Self.aboutTheRunnerIntent)] }

    /// The intent that notes (or recalls) what the runner tells about themselves.
    static let aboutTheRunnerIntent = "core.about_me"

    /// The words that name what the journal holds ("forget my journal", "delete my data", "erase everything").
    static let whatTheJournalHolds: Set<String> = [
        "journal", "notes", "note", "data", "log", "everything", "entries", "saved", "history", "record", "records", "all",
    ]

    public func respond(to request: PluginRequest, context: PluginContext) -> PluginReply {
        switch request.intent {
        case "core.greet":
            return PluginReply("Hello! " + Self.offer)
        case "core.help":
            return PluginReply(Self.help)
        case "core.thanks":
            // "ok thanks, cya": thanks that also says goodbye ends the session.
            let action: PluginReply.Action = request.understanding.keywordIntents.contains("core.quit") ? .endConversation : .none
            if !context.state.redFlags.isEmpty {
                return PluginReply("You're welcome. Please do get that checked, and take care.", action: action)
            }
            return PluginReply("You're welcome. Go easy on those legs, and ask again whenever you like.", action: action)
        case "core.quit":
            return PluginReply(context.knowledge.say("goodbye"), knowledgeUsed: ["guidance:goodbye"], action: .endConversation)
        case "core.why":
            // Right after an outcome, "why" is about the verdict.
            if let last = context.state.lastTriage, context.state.outcomeIsCurrent {
                let verdict = Explanation.verdict(last, state: context.state, knowledge: context.knowledge)
                return PluginReply(verdict.text, knowledgeUsed: verdict.used)
            }
            // While a question waits, "why?" ("why do you want to know that?") is about the question.
            // (A sign check shares its slot's name but not its reason: "why?" at the chest check of a swollen calf is about a
            // clot reaching the lungs, not about the kind of pain.)
            if let pending = context.state.pending,
                let reason = pending.question.check.flatMap({ context.knowledge.guidance("why-ask-check-\($0.rawValue)") })
                    ?? context.knowledge.guidance("why-ask-\(pending.question.slot)")
            {
                return PluginReply(reason.text, knowledgeUsed: ["guidance:\(reason.id)"])
            }
            guard let previous = context.state.previous else {
                return PluginReply(context.knowledge.say("why-no-outcome"), knowledgeUsed: ["guidance:why-no-outcome"])
            }
            return PluginReply(
                Explanation.plain(
                    for: previous.understanding, knowledgeUsed: previous.knowledgeUsed, knowledge: context.knowledge,
                    intents: context.intents, declined: context.state.previousPlugin.map(context.declines) ?? true))
        case "core.journal":
            guard let journal = context.state.journal else { return PluginReply("The journal is off (--no-journal).") }
            return PluginReply(journal.text(knowledge: context.knowledge))
        case "core.forget":
            guard context.state.journal != nil else {
                return PluginReply("The journal is off (--no-journal), so there is nothing to forget.")
            }
            // Erasing is for a line that names what goes: "forget it", "ugh forget it" are no request to erase (a new user
            // lost the journal to one).
            let words = Set(request.understanding.normalized.split(separator: " ").map(String.init))
            guard !words.isDisjoint(with: Self.whatTheJournalHolds) else {
                return PluginReply("Nothing is erased. To erase your journal, say \"forget my journal\".")
            }
            return PluginReply("Done: your journal is erased.", action: .forgetJournal)
        case Self.aboutTheRunnerIntent:
            let entities = request.understanding.entities
            // "what do you remember about me?": what the runner has told, or that there is nothing yet.
            if entities.runnerFacts.isEmpty, entities.runnerFactsWithdrawn.isEmpty, entities.minutesAvailable == nil {
                let runner = context.state.runner
                var told = runner.facts.compactMap { context.knowledge.runnerFact($0)?.name }
                if let minutes = runner.minutes { told.append("about \(minutes) minutes for a routine") }
                guard !told.isEmpty else {
                    return PluginReply(context.knowledge.say("runner-nothing-told"), knowledgeUsed: ["guidance:runner-nothing-told"])
                }
                return PluginReply(
                    "You've told me: " + told.joined(separator: "; ") + ". " + context.knowledge.say("runner-take-back"),
                    knowledgeUsed: ["guidance:runner-take-back"])
            }
            // The dialogue has taken the facts in and says them back; what comes next is the runner's choice.
            return PluginReply(context.knowledge.say("runner-noted-next"), knowledgeUsed: ["guidance:runner-noted-next"])
        case "core.summary":
            return PluginReply(Plan.markdown(state: context.state, knowledge: context.knowledge))
        case "core.restart":
            return PluginReply("Fresh start: I've forgotten what we discussed. What's sore today?", action: .resetConversation)
        default:
            return PluginReply(Self.help)
        }
    }

    /// Why each follow-up question is asked, for "why?" while it waits, and what the runner has told about
    /// themselves, for "what do you remember about me?" (the probes never ask either mid-conversation).
    public var guidance: [String] {
        ["body_part", "swelling", "pain_kind", "pain_level", "when", "trend", "distance", "urine", "spread"].map { "why-ask-\($0)" }
            + SignCheck.allCases.map { "why-ask-check-\($0.rawValue)" } + ["runner-take-back", "runner-nothing-told", "goodbye"]
    }

    static let offer = "I'm Rubdown, a coach for self-massage after a run. Tell me what's sore, or ask about a technique or a bath."

    static let help = """
        Here's what I can help with:
          - Sore after a run? Tell me where, e.g. "my calves hurt after a 10k". I'll ask a few questions, check for warning signs, and suggest what to do.
          - Techniques: "how do I do drumming?", "how should I massage my hamstrings?", "what techniques are there?", "give me a post-run routine".
          - Baths: "should I have an ice bath?", "warm or cold bath?".
          - Safety: "is this serious?", "when should I see a physio?".
        Say "start over" to begin again, or "quit" to leave. I give self-care guidance, not a diagnosis.
        """
}
