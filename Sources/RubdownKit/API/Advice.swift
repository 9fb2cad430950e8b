import Foundation

/// Building blocks for replies that give advice, shared by the plugins so that every plugin
/// says the same thing the same way, from the knowledge base.
public struct Advice: Sendable {
    public let knowledge: KnowledgeBase

    public init(_ knowledge: KnowledgeBase) { self.knowledge = knowledge }

    /// The order a session runs in: warm the tissue by hand, then firmer work, then tools, gentlest tool first.
    static let routineOrder = ["stroking", "pressing", "drumming", "foam-roller", "tennis-ball"]

    /// Techniques that fit every one of the areas (or the legs in general when none), in routine order.
    /// `gentle` leaves out the firmest tools: after a long or hard run the foam roller beats the tennis ball.
    public func techniques(for areas: [String], gentle: Bool, gentlest: Bool = false) -> [Technique] {
        let ordered =
            Self.routineOrder.compactMap(knowledge.technique)
            + knowledge.techniques.filter { !Self.routineOrder.contains($0.id) }
        return ordered.filter { technique in
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

    /// The bath in a line or two for the one-screen outcome, with who should skip it in short.
    public func bathShort(level: TriageOutcome.Level, hardRun: Bool) -> (text: String, used: [String]) {
        guard level != .seekCare else { return bathSuggestion(level: level, hardRun: hardRun) }
        let warm = knowledge.baths.first { $0.notForFreshStrain }
        let cold = knowledge.baths.first { !$0.notForFreshStrain }
        if level == .caution, let cold {
            return (
                knowledge.say("bath-caution-short")
                    + " \(Self.article(cold.name).capitalized) \(cold.name.lowercased()) (\(short(cold))) is optional. "
                    + skipShort([cold]),
                ["guidance:bath-caution-short", "baths:\(cold.id)"]
            )
        }
        guard let warm, let cold else { return ("", []) }
        let lead =
            hardRun
            ? "Bath: after a hard run, \(Self.kind(cold)) (\(short(cold))) or \(Self.kind(warm)) (\(short(warm)))."
            : "Bath: \(Self.kind(warm)) (\(short(warm))), or \(Self.kind(cold)) (\(short(cold))) after a hard effort."
        return (lead + " " + skipShort([warm, cold]), ["baths:\(warm.id)", "baths:\(cold.id)"])
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
        areas.compactMap { knowledge.area($0) }.map { "Your \($0.name): \($0.care)" }.joined(separator: "\n")
    }

    /// Which bath suits the case: never heat on a possible fresh strain; none at all after a red flag.
    public func bathSuggestion(level: TriageOutcome.Level, hardRun: Bool) -> (text: String, used: [String]) {
        guard level != .seekCare else {
            return ("Skip baths and massage until you've been checked.", [])
        }
        let warm = knowledge.baths.first { $0.notForFreshStrain }
        let cold = knowledge.baths.first { !$0.notForFreshStrain }
        if level == .caution, let cold {
            return (
                "Bath: no hot baths or heat for the first two to three days, as heat can make a fresh injury worse. "
                    + "A cool or lukewarm bath is fine; \(Self.article(cold.name)) \(cold.name.lowercased()) (\(cold.temperature), \(cold.duration)) is optional, not needed. "
                    + whoShouldSkip([cold]),
                ["baths:\(cold.id)"]
            )
        }
        guard let warm, let cold else { return ("", []) }
        let lead =
            hardRun
            ? "Bath: after a hard or long run, \(Self.article(cold.name)) \(cold.name.lowercased()) (\(cold.temperature), \(cold.duration)) can take the edge off soreness; \(Self.article(warm.name)) \(warm.name.lowercased()) (\(warm.temperature), \(warm.duration)) is the gentler choice for stiff muscles."
            : "Bath: \(Self.article(warm.name)) \(warm.name.lowercased()) (\(warm.temperature), \(warm.duration)) relaxes tired muscles; \(Self.article(cold.name)) \(cold.name.lowercased()) (\(cold.temperature), \(cold.duration)) is an option after a hard effort."
        return (lead + " " + whoShouldSkip([warm, cold]), ["baths:\(warm.id)", "baths:\(cold.id)"])
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

    static func article(_ noun: String) -> String { "aeiouAEIOU".contains(noun.first ?? "x") ? "an" : "a" }

    /// Knowledge entry ids for provenance.
    public static func used(_ techniques: [Technique]) -> [String] { techniques.map { "techniques:\($0.id)" } }
}
