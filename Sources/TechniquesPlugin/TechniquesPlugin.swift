import RubdownKit

/// Massage techniques: how to do one, what suits an area, the list, and a full routine.
public struct TechniquesPlugin: Plugin {
    public init() {}

    public var name: String { "techniques" }

    public func respond(to request: PluginRequest, context: PluginContext) -> PluginReply {
        var reply = answer(request, context: context)
        // "stretching routine for hamstrings": stretching is not self-massage; said plainly before the massage answer (a
        // new user got a massage routine with no word about it).
        let words = request.understanding.normalized.split(separator: " ")
        if words.contains(where: { ["stretch", "stretches", "stretching"].contains($0) }) {
            reply.text = context.knowledge.say("stretching-not-covered") + "\n" + reply.text
        }
        return reply
    }

    private func answer(_ request: PluginRequest, context: PluginContext) -> PluginReply {
        let entities = request.understanding.entities
        let named = entities.bodyParts.isEmpty ? context.state.areas : entities.bodyParts
        let areas = named.filter { !context.state.isFlagged($0) }
        let barred = named.filter { context.state.isFlagged($0) }
        // A warning standing for an area not asked about here: said once before any routine or list of steps, since
        // stroking sweeps the whole leg (a new user's quads routine swept over the calf with a possible clot).
        let flaggedElsewhere = context.state.flaggedAreas.subtracting(["*"]).subtracting(named).sorted()
        let reminder =
            barred.isEmpty
            ? (flaggedElsewhere.isEmpty ? "" : context.safety.notThisArea(flaggedElsewhere) + "\n\n")
            : Self.reminder(barred, context) + "\n\n"
        if !barred.isEmpty && areas.isEmpty && request.intent != "technique.list" {
            return PluginReply(Self.reminder(barred, context), knowledgeUsed: context.state.redFlags.map { "red_flags:\($0)" })
        }
        let gentle = context.state.wantsGentle
        // How to do one technique named for an area ("how do i use a foam roller on my calves") asks for that one there,
        // not for the area's whole list (a new user's got all five). ("calf is sore, roller or massage gun?" asks which.)
        let asksForOne =
            request.intent == "technique.for_area" && entities.techniques.count == 1
            && request.understanding.normalized.split(separator: " ").contains("how")
        switch asksForOne ? "technique.howto" : request.intent {
        case "technique.howto":
            guard let id = entities.techniques.first, let technique = context.knowledge.technique(id) else {
                return list(context, lead: "Which technique would you like? Here are the \(Self.count(context)) I know:")
            }
            // Asked for by name, but ruled out by what the runner said about themselves (blood thinners: no
            // firm work) or by a caution outcome: say so and offer what suits instead, not the steps.
            let caution = context.state.lastTriage?.level == .caution
            let suits = context.advice.techniques(for: areas, gentle: gentle, gentlest: caution)
            let ruledOutByEquipmentOnly = context.advice.leftOutForEquipmentOnly(technique)
            if !suits.contains(where: { $0.id == technique.id }), caution || !ruledOutByEquipmentOnly {
                var text =
                    reminder
                    + context.knowledge.say("technique-not-for-you").replacingOccurrences(
                        of: "{technique}", with: technique.name.lowercased())
                let why = context.advice.runnerMassageAdvice
                if !why.isEmpty { text += "\n" + why }
                if !suits.isEmpty {
                    text += "\nWhat suits instead:\n" + context.advice.steps(suits)
                }
                return PluginReply(
                    text, massages: suits.isEmpty ? [] : areas.filter { area in suits.contains { $0.fits(area) } },
                    knowledgeUsed: ["guidance:technique-not-for-you"] + Advice.used(suits))
            }
            var text = reminder + context.advice.explain(technique, for: areas)
            if gentle && technique.gentleness >= 3, let softer = context.advice.techniques(for: areas, gentle: true).last {
                text += "\nAfter a long or hard run you may prefer something gentler, such as the \(softer.name.lowercased())."
            }
            return PluginReply(text, massages: areas.filter { technique.fits($0) }, knowledgeUsed: ["techniques:\(technique.id)"])
        case "technique.list":
            return list(context, lead: reminder + "I know \(Self.count(context)) techniques. Do them from the feet upwards:")
        case "technique.routine":
            return routine(for: areas, gentle: gentle, context, lead: reminder)
        case "technique.guide":
            return guide(areas: areas, gentle: gentle, context, lead: reminder)
        default:  // technique.for_area
            guard !areas.isEmpty else { return PluginReply(Self.whichArea.prompt, asking: Self.whichArea) }
            return forAreas(areas, gentle: gentle, context, lead: reminder)
        }
    }

    public var questions: [Question] { [Self.whichArea] }
    /// Shown when a technique asked for by name is ruled out by what the runner told about themselves.
    public var guidance: [String] { ["technique-not-for-you", "stretching-not-covered"] }

    static let whichArea = Question(
        slot: .bodyPart, prompt: "Which part would you like to work on?", examples: "calves; hamstrings; my feet; glutes")

    private func forAreas(_ areas: [String], gentle: Bool, _ context: PluginContext, lead: String) -> PluginReply {
        let advice = context.advice
        let techniques = advice.techniques(for: areas, gentle: gentle, gentlest: context.state.lastTriage?.level == .caution)
        var text = lead + "For your \(context.knowledge.names(of: areas)), in this order:\n" + advice.brief(techniques)
        // The runner's own advice replaces the area's ("give them plenty of stroking, firm presses and a slow roll" beside
        // "never press, drum or roll" on varicose veins, as the outcome already does).
        if advice.runnerMassageAdvice.isEmpty {
            text += "\n" + advice.areaNotes(areas)
        } else {
            text += "\n" + advice.runnerMassageAdvice
        }
        if gentle { text += "\n" + context.knowledge.say("gentler-when-stiff") }
        text +=
            "\nAsk \"how do I do \(techniques.first?.name.lowercased() ?? "stroking")?\" for the steps, or say \"walk me through it\" for a guided routine."
        return PluginReply(
            text, massages: areas,
            knowledgeUsed: Advice.used(techniques) + areas.map { "areas:\($0)" } + (gentle ? ["guidance:gentler-when-stiff"] : []))
    }

    private func routine(for areas: [String], gentle: Bool, _ context: PluginContext, lead: String) -> PluginReply {
        let advice = context.advice
        // After a caution outcome, the gentlest only, as the outcome, the advice for an area and the guided routine say.
        let techniques = advice.fitted(
            advice.techniques(for: areas, gentle: gentle, gentlest: context.state.lastTriage?.level == .caution))
        let subject = areas.isEmpty ? "both legs" : "your \(context.knowledge.names(of: areas))"
        let minutes = context.state.runner.minutes.map { "about \($0) minutes" } ?? "about 10 to 15 minutes"
        var text = lead + "A post-run routine for \(subject), \(minutes), from the feet upwards:\n"
        text += advice.brief(techniques)
        if !advice.runnerMassageAdvice.isEmpty { text += "\n" + advice.runnerMassageAdvice }
        text += "\nFinish with a few light strokes. " + context.knowledge.say("routine-order")
        text += "\n" + context.knowledge.say("check-as-you-go") + "\n" + context.knowledge.say("stop-when")
        return PluginReply(
            text, massages: Self.covered(areas, context),
            knowledgeUsed: Advice.used(techniques) + ["guidance:routine-order", "guidance:check-as-you-go", "guidance:stop-when"])
    }

    /// Starts a guided routine for the areas (both legs in general when none), leaving out any
    /// red-flagged area; a possible strain gets the gentlest techniques only.
    /// (`gentle` already holds after a caution outcome, when only the gentlest techniques are used.)
    private func guide(areas: [String], gentle: Bool, _ context: PluginContext, lead: String) -> PluginReply {
        let gentlest = context.state.lastTriage?.level == .caution
        let routine = context.advice.routine(for: areas, gentle: gentle, gentlest: gentlest)
        let subject = areas.isEmpty ? "both legs" : "your \(context.knowledge.names(of: areas))"
        guard !routine.steps.isEmpty else {
            return PluginReply(lead + "I have no routine that suits \(subject).")
        }
        let forRunner = context.advice.runnerMassageAdvice.isEmpty ? "" : context.advice.runnerMassageAdvice + "\n"
        let text =
            lead + forRunner + "Let's go through it for \(subject), one step at a time (\(routine.steps.count) steps).\n" + routine.text
        let techniques = context.advice.techniques(for: areas, gentle: gentle, gentlest: gentlest)
        var reply = PluginReply(text, massages: Self.covered(areas, context), knowledgeUsed: Advice.used(techniques))
        reply.routine = routine
        return reply
    }

    /// The areas a routine works on: those named, or for both legs every area without a warning sign.
    private static func covered(_ areas: [String], _ context: PluginContext) -> [String] {
        areas.isEmpty ? context.knowledge.areas.map(\.id).filter { !context.state.isFlagged($0) } : areas
    }

    private func list(_ context: PluginContext, lead: String) -> PluginReply {
        // Every technique the knowledge base has, as the lead's count says, whatever the runner left out.
        let techniques = Advice(context.knowledge).techniques(for: [], gentle: false)
        let text =
            lead + "\n" + context.advice.brief(techniques) + "\nAsk \"how do I do pressing?\" for the steps of any of them.\n"
            + context.knowledge.say("why-massage")
        return PluginReply(text, knowledgeUsed: Advice.used(techniques) + ["guidance:why-massage"])
    }

    /// How many techniques the knowledge base has, in words ("five"), not written into the
    /// replies: an overlay may add one.
    static func count(_ context: PluginContext) -> String {
        let count = context.knowledge.techniques.count
        let words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
        return words.indices.contains(count) ? words[count] : String(count)
    }

    static func reminder(_ areas: [String], _ context: PluginContext) -> String {
        context.safety.barredReminder(areas, state: context.state)
    }
}
