import Foundation

/// Building blocks for replies that give advice, shared by the plugins so that every plugin
/// says the same thing the same way, from the knowledge base.
public struct Advice: Sendable {
    public let knowledge: KnowledgeBase
    /// What the runner said about themselves: it leaves techniques and baths out and adds advice.
    public let runner: RunnerProfile

    public init(_ knowledge: KnowledgeBase, runner: RunnerProfile = RunnerProfile()) {
        self.knowledge = knowledge
        self.runner = runner
    }

    /// The runner's facts as the knowledge base words them, in the order they were told.
    var runnerFacts: [RunnerFact] { runner.facts.compactMap(knowledge.runnerFact) }

    /// The order a session runs in: warm the tissue by hand, then firmer work, then tools, gentlest tool first.
    static let routineOrder = ["stroking", "pressing", "drumming", "foam-roller", "tennis-ball"]

    /// Techniques that fit every one of the areas (or the legs in general when none), in routine order.
    /// `gentle` leaves out the firmest tools: after a long or hard run the foam roller beats the tennis ball.
    /// What the runner said leaves some out ("no foam roller"), or all but the gentlest (blood thinners).
    public func techniques(for areas: [String], gentle: Bool, gentlest: Bool = false) -> [Technique] {
        let ordered =
            Self.routineOrder.compactMap(knowledge.technique)
            + knowledge.techniques.filter { !Self.routineOrder.contains($0.id) }
        let facts = runnerFacts
        let leftOut = Set(facts.flatMap(\.techniquesLeftOut))
        let gentlest = gentlest || facts.contains(where: \.onlyGentlest)
        return ordered.filter { technique in
            if leftOut.contains(technique.id) { return false }
            if gentlest && technique.gentleness > 1 { return false }
            if gentle && technique.gentleness >= 3 { return false }
            return areas.isEmpty ? true : areas.contains { technique.fits($0) }
        }
    }

    /// A technique explained step by step.
    public func explain(_ technique: Technique, for areas: [String] = []) -> String {
        var lines = ["\(technique.name): \(technique.summary)"]
        for (index, step) in technique.steps.enumerated() { lines.append("  \(index + 1). \(step)") }
        lines.append("How many: \(technique.repetitions). Pressure: \(technique.pressure).")
        let barred = areas.filter { technique.notDirectlyOn.contains($0) || !technique.suits.contains($0) }
        if !barred.isEmpty {
            lines.append("Not for your \(knowledge.names(of: barred)) directly: work the muscles around it instead.")
        }
        if !technique.cautions.isEmpty { lines.append("Watch out: " + technique.cautions.joined(separator: " ")) }
        return lines.joined(separator: "\n")
    }

    /// One line per technique: name, repetitions.
    public func brief(_ techniques: [Technique]) -> String {
        techniques.enumerated().map { index, technique in
            "  \(index + 1). \(technique.name): \(technique.summary) (\(technique.repetitions))"
        }.joined(separator: "\n")
    }

    /// One short line per technique: name and how many, for the one-screen outcome.
    public func steps(_ techniques: [Technique]) -> String {
        techniques.enumerated().map { index, technique in "  \(index + 1). \(technique.name): \(technique.howMany)" }
            .joined(separator: "\n")
    }

    /// The three or four techniques that matter most: the gentlest first, then one of each firmer kind,
    /// never two tools when one is enough (the roller is kinder, so it goes first when both fit).
    public func keySteps(_ techniques: [Technique], limit: Int = 4) -> [Technique] {
        guard techniques.count > limit else { return techniques }
        let hands = techniques.filter { $0.equipment == "none" }
        let tools = techniques.filter { $0.equipment != "none" }.sorted { $0.gentleness < $1.gentleness }
        let picked = Array(hands.prefix(limit - (tools.isEmpty ? 0 : 1))) + tools.prefix(1)
        return techniques.filter { technique in picked.contains { $0.id == technique.id } }
    }

    /// The bath in a line or two for the one-screen outcome: `bathSuggestion` in short.
    public func bathShort(level: TriageOutcome.Level, hardRun: Bool) -> (text: String, used: [String]) {
        bathSuggestion(level: level, hardRun: hardRun, inShort: true)
    }

    /// "warm" for "Warm bath": the name without its last word.
    static func kind(_ bath: Bath) -> String {
        let words = bath.name.lowercased().split(separator: " ")
        return words.count > 1 ? words.dropLast().joined(separator: " ") : bath.name.lowercased()
    }

    private func short(_ bath: Bath) -> String { bath.inShort ?? "\(bath.temperature), \(bath.duration)" }

    /// Who should skip each bath, in a few words: `avoid_if_short`, else the start of each `avoid_if` entry.
    public func skipShort(_ baths: [Bath]) -> String {
        let parts = baths.map { bath in
            guard let few = bath.avoidIfShort else { return whoShouldSkip([bath]) }
            return "\(Self.kind(bath)) with \(few)"
        }
        guard baths.allSatisfy({ $0.avoidIfShort != nil }) else { return parts.joined(separator: " ") }
        return "Skip " + parts.joined(separator: "; ") + "."
    }

    /// Every reason to skip each bath, in full, one per line (for "more").
    public func skipFull(_ baths: [Bath]) -> String {
        baths.map { bath in
            "Skip the \(bath.name.lowercased()) if:\n" + bath.avoidIf.map { "  - " + $0 }.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// Area-specific notes, for example not to roll straight onto the Achilles.
    public func areaNotes(_ areas: [String]) -> String {
        areas.compactMap { knowledge.area($0) }.map(Self.note).joined(separator: "\n")
    }

    /// The note of the first area that is not a muscle (a tendon, joint, bone or band is not worked like one),
    /// for the one-screen outcome; nil when every area is a muscle.
    public func firstNonMuscleNote(_ areas: [String]) -> String? {
        areas.compactMap { knowledge.area($0) }.first { $0.kind != "muscle" }.map(Self.note)
    }

    private static func note(_ area: BodyArea) -> String { "Your \(area.name): \(area.care)" }

    /// Which bath suits the case: never heat on a possible fresh strain; none at all after a red flag;
    /// none the runner's own facts rule out, and what they say about baths. `inShort` words it for the
    /// one-screen outcome (each bath and who should skip it in a few words), otherwise in full.
    public func bathSuggestion(level: TriageOutcome.Level, hardRun: Bool, inShort: Bool = false) -> (text: String, used: [String]) {
        guard level != .seekCare else {
            return ("Skip baths and massage until you've been checked.", [])
        }
        let skipped = Set(runnerFacts.flatMap(\.bathsSkipped))
        let forRunner = runnerBathAdvice.isEmpty ? "" : " " + runnerBathAdvice
        let warm = knowledge.baths.first { $0.notForFreshStrain && !skipped.contains($0.id) }
        let cold = knowledge.baths.first { !$0.notForFreshStrain && !skipped.contains($0.id) }
        // The two wordings: a bath ("a warm bath (about 37-40 °C, 15 to 20 minutes)" or "warm (37-40 °C,
        // 15-20 min)"), and who should skip it (every reason's start, or `avoid_if_short`).
        let named = { (bath: Bath) in
            inShort
                ? "\(Self.kind(bath)) (\(self.short(bath)))"
                : "\(Self.article(bath.name)) \(bath.name.lowercased()) (\(bath.temperature), \(bath.duration))"
        }
        let skip = { (baths: [Bath]) in inShort ? self.skipShort(baths) : self.whoShouldSkip(baths) }
        if level == .caution {
            let noHeat =
                inShort
                ? knowledge.say("bath-caution-short")
                : "Bath: no hot baths or heat for the first two to three days, as heat can make a fresh injury worse."
            let used = inShort ? ["guidance:bath-caution-short"] : []
            guard let cold else { return (noHeat + forRunner, used) }
            let optional =
                inShort
                ? " \(Self.article(cold.name).capitalized) \(cold.name.lowercased()) (\(short(cold))) is optional. "
                : " A cool or lukewarm bath is fine; \(named(cold)) is optional, not needed. "
            return (noHeat + optional + skip([cold]) + forRunner, used + ["baths:\(cold.id)"])
        }
        // One of the two left out for the runner: the other alone.
        if warm == nil || cold == nil, let only = warm ?? cold {
            return ("Bath: \(named(only)). " + skip([only]) + forRunner, ["baths:\(only.id)"])
        }
        guard let warm, let cold else { return (forRunner.isEmpty ? "" : "Bath:" + forRunner, []) }
        let lead: String
        switch (inShort, hardRun) {
        case (true, true): lead = "Bath: after a hard run, \(named(cold)) or \(named(warm))."
        case (true, false): lead = "Bath: \(named(warm)), or \(named(cold)) after a hard effort."
        case (false, true):
            lead =
                "Bath: after a hard or long run, \(named(cold)) can take the edge off soreness; \(named(warm)) is the gentler choice for stiff muscles."
        case (false, false): lead = "Bath: \(named(warm)) relaxes tired muscles; \(named(cold)) is an option after a hard effort."
        }
        return (lead + " " + skip([warm, cold]) + forRunner, ["baths:\(warm.id)", "baths:\(cold.id)"])
    }

    /// Who should skip each bath, in short: the start of each `avoid_if` entry, up to its dash.
    public func whoShouldSkip(_ baths: [Bath]) -> String {
        baths.map { bath in
            let reasons = bath.avoidIf.map { reason in
                let short = (reason.components(separatedBy: " — ").first ?? reason).trimmingCharacters(in: CharacterSet(charactersIn: ". "))
                return short.prefix(1).lowercased() + short.dropFirst()
            }
            return "Skip the \(bath.name.lowercased()) if " + reasons.joined(separator: "; ") + "."
        }.joined(separator: " ")
    }

    /// What the runner's facts add wherever massage is suggested (one line each), or "".
    public var runnerMassageAdvice: String { runnerFacts.compactMap(\.advice).joined(separator: "\n") }
    /// What they add wherever a bath is suggested, or "".
    public var runnerBathAdvice: String { runnerFacts.compactMap(\.bathAdvice).joined(separator: " ") }
    /// Whether only the kit the runner lacks leaves this technique out ("no foam roller"), not a medical
    /// reason (a fact with advice of its own, or one that keeps to the gentlest work).
    public func leftOutForEquipmentOnly(_ technique: Technique) -> Bool {
        runnerFacts.filter { $0.advice != nil || $0.onlyGentlest }.allSatisfy {
            !$0.techniquesLeftOut.contains(technique.id) && !($0.onlyGentlest && technique.gentleness > 1)
        }
    }

    /// Baths the runner's facts rule out.
    public func skips(_ bath: Bath) -> Bool { runnerFacts.contains { $0.bathsSkipped.contains(bath.id) } }

    /// The first techniques of a routine that fit the minutes the runner has (about three minutes
    /// each, both legs); all of them when no time was given.
    public func fitted(_ techniques: [Technique]) -> [Technique] {
        guard let minutes = runner.minutes else { return techniques }
        return Array(techniques.prefix(max(1, minutes / Self.minutesPerTechnique)))
    }

    static let minutesPerTechnique = 3

    static func article(_ noun: String) -> String { "aeiouAEIOU".contains(noun.first ?? "x") ? "an" : "a" }

    /// Knowledge entry ids for provenance.
    public static func used(_ techniques: [Technique]) -> [String] { techniques.map { "techniques:\($0.id)" } }
}
