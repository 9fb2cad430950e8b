/// `rubdown check`: validates the intent table and the knowledge base together and reports
/// every problem at once, as errors (the content cannot be used) or warnings (it can, but
/// something will not work as its author expects).
public enum ContentCheck {
    /// Fewer examples than this make an intent easy to miss.
    public static let minimumExamples = 12

    /// - Parameter redFlagsFile: where the red flags are expected, for the error when there are
    ///   none; nil when their absence is deliberate (`--allow-no-red-flags`).
    public static func run(
        _ base: ContentSet, overlays: [ContentSet] = [], plugins: PluginRegistry, redFlagsFile: String? = "Knowledge/red-flags.yaml"
    ) -> [ContentDiagnostic] {
        let coach: Coach
        do {
            coach = try Coach(content: Content.load(base, overlays: overlays), plugins: plugins)
        } catch {
            return error.contentDiagnostics
        }
        return run(coach, redFlagsFile: redFlagsFile)
    }

    /// The checks on a coach already loaded and validated, such as the one compiled into the
    /// binary: safety, examples, follow-up questions, unreachable knowledge.
    public static func run(_ coach: Coach, redFlagsFile: String? = "Knowledge/red-flags.yaml") -> [ContentDiagnostic] {
        var found: [ContentDiagnostic] = []
        if let redFlagsFile { found += safety(coach.content, redFlagsFile: redFlagsFile) }
        found += examples(coach)
        found += questions(coach)
        found += unreachableKnowledge(coach)
        return found.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
    }

    // MARK: Safety: warning signs cannot be configured away by accident

    /// An error when the content has no red flags at all (a `--knowledge` folder without
    /// `red-flags.yaml`, say): every warning sign would go unnoticed and "my calf is swollen and
    /// hot" would get massage advice. The caller skips this only when told it is deliberate.
    public static func safety(_ content: Content, redFlagsFile: String) -> [ContentDiagnostic] {
        guard content.knowledge.redFlags.isEmpty else {
            // Every warning is worded from these: without one, an emergency would say nothing of what to do.
            let missing = Safety.guidance.filter { content.knowledge.guidance($0) == nil }
            return missing.isEmpty
                ? []
                : [
                    ContentDiagnostic(
                        file: redFlagsFile, line: 1,
                        message:
                            "the guidance entries that warnings are worded from are missing: \(missing.joined(separator: ", ")); add them to guidance.yaml (see Knowledge/guidance.yaml)"
                    )
                ]
        }
        return [
            ContentDiagnostic(
                file: redFlagsFile, line: 1,
                message:
                    "the knowledge base has no red flags, so no warning sign would ever be noticed; add red-flags.yaml to the knowledge folder, or pass --allow-no-red-flags if this is deliberate"
            )
        ]
    }

    // MARK: Examples: duplicates, conflicts, too few, too similar

    static func examples(_ coach: Coach) -> [ContentDiagnostic] {
        var found: [ContentDiagnostic] = []
        var seen: [String: (intent: Intent, index: Int)] = [:]
        let interpreter = coach.interpreter
        for intent in coach.content.intents.intents {
            if intent.examples.count < minimumExamples {
                found.append(
                    ContentDiagnostic(
                        file: intent.file, line: intent.line, severity: .warning,
                        message:
                            "intent '\(intent.id)' has \(intent.examples.count) examples; give it at least \(minimumExamples), worded as differently as runners would"
                    ))
            }
            var shapes: [[String]: Int] = [:]
            for (index, example) in intent.examples.enumerated() {
                let got = coach.classify(example)
                let key = got.understanding.normalized
                if let first = seen[key] {
                    let there = "\(first.intent.file):\(first.intent.line(ofExample: first.index))"
                    if first.intent.id == intent.id {
                        found.append(
                            ContentDiagnostic(
                                file: intent.file, line: intent.line(ofExample: index), severity: .warning,
                                message:
                                    "duplicate example '\(example)' in '\(intent.id)': it reads the same as '\(first.intent.examples[first.index])' (\(there))"
                            ))
                    } else {
                        found.append(
                            ContentDiagnostic(
                                file: intent.file, line: intent.line(ofExample: index),
                                message:
                                    "example '\(example)' is in both '\(first.intent.id)' (\(there)) and '\(intent.id)'; keep it in one"))
                    }
                    continue
                }
                seen[key] = (intent, index)
                let shape = interpreter.featureShape(example)
                if let other = shapes[shape], !shape.isEmpty {
                    found.append(
                        ContentDiagnostic(
                            file: intent.file, line: intent.line(ofExample: index), severity: .warning,
                            message:
                                "example '\(example)' says the same to the matcher as '\(intent.examples[other])' (line \(intent.line(ofExample: other))); reword it to teach something new"
                        ))
                }
                shapes[shape] = shapes[shape] ?? index
                if got.intent != intent.id {
                    found.append(
                        ContentDiagnostic(
                            file: intent.file, line: intent.line(ofExample: index), severity: .warning,
                            message:
                                "example '\(example)' of '\(intent.id)' is matched to '\(got.intent)' instead (conflict between '\(intent.id)' and '\(got.intent)')"
                        ))
                }
            }
        }
        return found
    }

    // MARK: Follow-up questions: each must be answerable by the answers it suggests

    static func questions(_ coach: Coach) -> [ContentDiagnostic] {
        var found: [ContentDiagnostic] = []
        for plugin in coach.plugins.plugins {
            for question in plugin.questions {
                let answers = question.examples.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
                if answers.isEmpty {
                    found.append(
                        ContentDiagnostic(
                            file: "plugin \(plugin.name)", line: 0, column: 0, severity: .warning,
                            message: "the question '\(question.slot)' gives no example answers, so a runner cannot learn how to answer it"))
                }
                for answer in answers {
                    // Read as the conversation reads it: a question about one area is asked with that area under discussion.
                    var state = ConversationState()
                    if let area = question.area { state.areas = [area] }
                    let pending = PendingQuestion(question: question, plugin: plugin.name, intent: "", attempts: 1)
                    let understanding = coach.interpreter.understand(answer, contextAreas: state.areas, answering: true)
                    let filled = SlotFilling.absorb(understanding, into: &state, pending: pending)
                    if !filled.contains(question.slot) {
                        found.append(
                            ContentDiagnostic(
                                file: "plugin \(plugin.name)", line: 0, column: 0, severity: .warning,
                                message:
                                    "the question '\(question.slot)' suggests the answer '\(answer)', which is not read as an answer to it; the conversation could not leave that question"
                            ))
                    }
                }
            }
        }
        return found
    }

    // MARK: Knowledge no intent or plugin can ever show

    static func unreachableKnowledge(_ coach: Coach) -> [ContentDiagnostic] {
        let content = coach.content
        let knowledge = content.knowledge
        var found: [ContentDiagnostic] = []
        func warn(_ key: String, _ message: String) {
            let place = content.locations[key] ?? Content.Location(file: "Knowledge", line: 0)
            found.append(ContentDiagnostic(file: place.file, line: place.line, severity: .warning, message: message))
        }
        for technique in knowledge.techniques where !knowledge.areas.contains(where: { technique.fits($0.id) }) {
            warn("techniques:\(technique.id)", "technique '\(technique.id)' suits no body area, so no advice can ever include it")
        }
        for area in knowledge.areas where !knowledge.techniques.contains(where: { $0.fits(area.id) }) {
            warn("areas:\(area.id)", "no technique suits the area '\(area.id)', so asking how to massage it gets an empty list")
        }
        // A red flag whose patterns cannot match a sentence made of their own words can never be raised.
        for flag in knowledge.redFlags {
            for (index, pattern) in flag.patterns.enumerated() {
                let sentence = pattern.compactMap(\.first).joined(separator: " ")
                if !coach.interpreter.understand(sentence).entities.redFlags.contains(flag.id) {
                    warn(
                        "red_flags:\(flag.id)",
                        "pattern \(index + 1) of red flag '\(flag.id)' does not match its own words (\"\(sentence)\"); a typo or a negation word may hide it"
                    )
                }
            }
        }
        // Guidance and sources: shown when some plugin or data-only intent uses them. Probe
        // conversations answer every follow-up question with its first, last or middle example
        // answer, which lead to different outcomes; every red flag is probed too.
        // Safety words every warning from these, whatever conversation leads there.
        var used = Set(content.intents.intents.flatMap(\.knowledge)).union(Safety.guidance.map { "guidance:\($0)" })
            .union((Conversation.guidance + Explanation.guidance).map { "guidance:\($0)" })
            .union(coach.plugins.plugins.flatMap(\.guidance).map { "guidance:\($0)" })
        for intent in content.intents.intents {
            for (example, pick) in zip(intent.examples.prefix(4), [AnswerPick.first, .last, .middle, .first]) {
                used.formUnion(probe(coach, opening: example, answering: pick))
            }
        }
        for flag in knowledge.redFlags {
            if let pattern = flag.patterns.first {
                used.formUnion(probe(coach, opening: pattern.compactMap(\.first).joined(separator: " "), answering: .first))
            }
        }
        for entry in knowledge.guidance where !used.contains("guidance:\(entry.id)") {
            warn("guidance:\(entry.id)", "guidance '\(entry.id)' is never shown: no plugin or intent uses it")
        }
        var cited = Set<String>()
        for list in [
            knowledge.areas.map(\.sources), knowledge.techniques.map(\.sources), knowledge.baths.map(\.sources),
            knowledge.redFlags.map(\.sources), knowledge.cautions.map(\.sources), knowledge.guidance.map(\.sources),
        ] {
            for sources in list { cited.formUnion(sources) }
        }
        for source in knowledge.sources where !cited.contains(source.id) {
            warn("sources:\(source.id)", "source '\(source.id)' is cited by no entry")
        }
        return found
    }

    enum AnswerPick { case first, last, middle }

    /// The knowledge entries one scripted conversation shows.
    static func probe(_ coach: Coach, opening: String, answering pick: AnswerPick) -> Set<String> {
        var conversation = coach.startConversation()
        var turn = conversation.send(opening)
        var used = Set(turn.knowledgeUsed)
        var steps = 0
        while let slot = turn.awaiting, steps < 8 {
            let question = coach.plugins.plugins.flatMap(\.questions).first { $0.slot == slot }
            let answers = question?.examples.split(separator: ";").map(String.init) ?? []
            let answer: String
            switch pick {
            case _ where answers.isEmpty: answer = "skip"
            case .first: answer = answers[0]
            case .last: answer = answers[answers.count - 1]
            case .middle: answer = answers[answers.count / 2]
            }
            turn = conversation.send(answer)
            used.formUnion(turn.knowledgeUsed)
            steps += 1
        }
        // After an outcome, what is answered on request ("more", "why"): the first example of each
        // keyword-only intent, each in its own copy of the conversation.
        if turn.triage != nil {
            for intent in coach.content.intents.intents where intent.needsKeyword {
                guard let example = intent.examples.first else { continue }
                var copy = conversation
                used.formUnion(copy.send(example).knowledgeUsed)
            }
        }
        return used
    }

}
