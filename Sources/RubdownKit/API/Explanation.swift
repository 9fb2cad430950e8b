/// `--explain` and `why`: how a line was understood and where the answer's facts came from.
public enum Explanation {

    /// "why" after an outcome: the verdict explained from what the runner said and the outcome's reasons,
    /// each reason worded by the knowledge base. Returns the text and the entries it used.
    public static func verdict(_ last: TriageOutcome, state: ConversationState, knowledge: KnowledgeBase) -> (text: String, used: [String])
    {
        var lines: [String] = []
        var used: [String] = []
        let said = state.factsSaid(knowledge: knowledge)
        if !said.isEmpty { lines.append("You told me: \(said).") }
        func add(_ id: String, _ replacing: [String: String] = [:]) {
            var text = knowledge.say(id)
            for (key, value) in replacing { text = text.replacingOccurrences(of: "{\(key)}", with: value) }
            guard !text.isEmpty, !used.contains("guidance:\(id)") || !replacing.isEmpty else { return }
            lines.append(text)
            if !used.contains("guidance:\(id)") { used.append("guidance:\(id)") }
        }
        var flags: [RedFlag] = []
        for reason in last.reasons {
            let parts = reason.split(separator: ":", maxSplits: 1).map(String.init)
            switch parts.first ?? "" {
            case "ordinary-post-run-soreness": add("why-ordinary")
            case "pain-level": add("why-pain-level")
            case "pain-kind": add("why-sharp")
            case "swelling": add("why-swelling")
            case "swelling-unknown": add("why-swelling-unknown")
            case "severe-and-worsening": add("why-severe-and-worsening")
            case "not-easing" where parts.count > 1 && parts[1].first?.isNumber == true: add("why-not-easing")
            case "not-easing", "recurring": add("why-journal")
            case "caution":
                if let route = knowledge.caution(parts.count > 1 ? parts[1] : "") {
                    add("why-caution-route", ["name": route.name])
                    used.append("cautions:\(route.id)")
                }
            case "red-flag":
                if let flag = knowledge.redFlag(parts.count > 1 ? parts[1] : "") { flags.append(flag) }
            default: break
            }
        }
        if !flags.isEmpty {
            add("why-seek-care")
            lines += flags.map { "- " + Safety(knowledge).describe($0) }
            used += flags.map { "red_flags:\($0.id)" }
        }
        let verdict =
            switch last.level {
            case .selfCare: "why-verdict-self-care"
            case .caution: last.urgency == .soon ? "why-verdict-caution-soon" : "why-verdict-caution"
            case .seekCare: "why-verdict-seek-care"
            }
        add(verdict)
        add("why-not-diagnosis")
        return (lines.joined(separator: "\n"), used)
    }

    /// Guidance `verdict` shows for outcomes `rubdown check`'s probe conversations never reach: the journal
    /// moved it, a caution route, soreness not easing after day four (the probes answer "3 days ago" at most).
    public static let guidance = [
        "why-journal", "why-caution-route", "why-not-easing", "why-verdict-caution-soon", "why-swelling-unknown",
        "why-severe-and-worsening",
    ]

    public static func text(for understanding: Understanding, knowledgeUsed: [String] = [], knowledge: KnowledgeBase? = nil) -> String {
        var lines = ["input:       \(printable(understanding.input))", "normalised:  \(understanding.normalized)"]
        let corrections = understanding.corrections.map { "\($0.from) → \($0.to)" }
        lines.append("corrections: \(corrections.isEmpty ? "none" : corrections.joined(separator: ", "))")
        lines.append("entities:    \(describe(understanding.entities))")
        lines.append("model words: \(understanding.entities.lineModelWords.joined(separator: " "))")
        if let scope = understanding.scope {
            lines.append("scope model: \(scope.likeliestPlugin), out of scope \(String(format: "%.3f", scope.outOfScope))")
        }
        lines.append(
            "in domain:   \(understanding.inDomain ? "yes" : "no")\(understanding.keywordIntents.isEmpty ? "" : "; keywords of " + understanding.keywordIntents.sorted().joined(separator: ", "))"
        )
        lines.append("top intents:")
        for score in understanding.ranking.prefix(3) {
            lines.append("  \(score.intent) (\(score.plugin)) \(String(format: "%.3f", score.score))")
        }
        if understanding.ranking.isEmpty { lines.append("  none: no word of this line is in the intent table") }
        if !knowledgeUsed.isEmpty {
            lines.append("knowledge used:")
            for entry in knowledgeUsed {
                let sources = knowledge.map { sourcesOf(entry, in: $0) } ?? []
                lines.append("  \(entry)" + (sources.isEmpty ? "" : "  (sources: \(sources.joined(separator: "; ")))"))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// "why" in a conversation, in plain words: what the last line was taken as, and where what was said
    /// came from (`text(for:)` is the developer's view, for `--explain`).
    /// - Parameter declined: the line was answered by the plugin that declines what Rubdown does not cover.
    public static func plain(
        for understanding: Understanding, knowledgeUsed: [String], knowledge: KnowledgeBase, intents: IntentTable, declined: Bool
    ) -> String {
        let line = printable(understanding.input)
        var lines: [String]
        if !declined, let top = understanding.top, let intent = intents.intent(top.intent) {
            let meaning = intent.offer ?? intent.description
            lines = ["I took \"\(line)\" as a request to \(meaning.prefix(1).lowercased() + meaning.dropFirst())."]
        } else {
            lines = ["I couldn't match \"\(line)\" to anything I help with, so I said what I can do instead."]
        }
        let sources = Array(Set(knowledgeUsed.flatMap { sourcesOf($0, in: knowledge) })).sorted()
        if !sources.isEmpty { lines.append("What I said draws on: " + sources.joined(separator: "; ") + ".") }
        return lines.joined(separator: "\n")
    }

    /// The text with control characters (escape sequences among them) shown, not obeyed, by a terminal.
    static func printable(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.prefix(200).map { scalar in
                    scalar.properties.generalCategory == .control ? "\u{FFFD}" : scalar
                }))
    }

    static func describe(_ entities: Entities) -> String {
        var parts: [String] = []
        if !entities.bodyParts.isEmpty { parts.append("body parts \(entities.bodyParts.joined(separator: ", "))") }
        if !entities.negatedBodyParts.isEmpty { parts.append("not \(entities.negatedBodyParts.joined(separator: ", "))") }
        if !entities.techniques.isEmpty { parts.append("techniques \(entities.techniques.joined(separator: ", "))") }
        if !entities.baths.isEmpty { parts.append("baths \(entities.baths.joined(separator: ", "))") }
        if let km = entities.distanceKm { parts.append("distance \(km) km") }
        if let days = entities.daysAgo { parts.append("\(days) days ago") }
        if let level = entities.painLevel { parts.append("pain \(level)/10") }
        if let kind = entities.painKind { parts.append("\(kind) pain") }
        if let trend = entities.trend { parts.append("trend \(trend)") }
        if entities.generalSoreness { parts.append("general soreness") }
        if entities.discomfort { parts.append("discomfort") }
        if let swelling = entities.swelling { parts.append(swelling ? "swelling" : "no swelling") }
        if let answer = entities.answer { parts.append("answer \(answer.rawValue)") }
        if !entities.runnerFacts.isEmpty { parts.append("about the runner \(entities.runnerFacts.joined(separator: ", "))") }
        if let minutes = entities.minutesAvailable { parts.append("\(minutes) minutes available") }
        if !entities.redFlags.isEmpty { parts.append("RED FLAGS \(entities.redFlags.joined(separator: ", "))") }
        if !entities.vetoedRedFlags.isEmpty { parts.append("set aside \(entities.vetoedRedFlags.joined(separator: ", "))") }
        if let sign = entities.redFlagFromModel { parts.append("\(sign) from the sign model") }
        if !entities.symptoms.isEmpty { parts.append("signs \(entities.symptoms.joined(separator: ", "))") }
        if !entities.cautions.isEmpty { parts.append("cautions \(entities.cautions.joined(separator: ", "))") }
        return parts.isEmpty ? "none" : parts.joined(separator: "; ")
    }

    /// The sources of a knowledge entry named like `techniques:drumming`.
    static func sourcesOf(_ entry: String, in knowledge: KnowledgeBase) -> [String] {
        let parts = entry.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return [] }
        let ids: [String]
        switch parts[0] {
        case "techniques": ids = knowledge.technique(parts[1])?.sources ?? []
        case "areas": ids = knowledge.area(parts[1])?.sources ?? []
        case "baths": ids = knowledge.bath(parts[1])?.sources ?? []
        case "red_flags": ids = knowledge.redFlag(parts[1])?.sources ?? []
        case "guidance": ids = knowledge.guidance(parts[1])?.sources ?? []
        default: ids = []
        }
        return ids.map { id in knowledge.source(id).map { $0.title } ?? id }
    }
}
