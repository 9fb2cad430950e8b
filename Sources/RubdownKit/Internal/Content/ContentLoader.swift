/// Reads content files into a `Content`, collecting every diagnostic instead of stopping at the first.
struct ContentLoader {
    private var knowledge = KnowledgeBase()
    private var intents: [Intent] = []
    private var diagnostics: [ContentDiagnostic] = []
    /// Where each knowledge entry was defined, to point cross-reference errors at it.
    private var places: [String: (file: YAMLFile, path: [any CodingKey])] = [:]
    /// Intents with where they were read, to check their knowledge references once all is loaded.
    private var intentReferences: [(intent: Intent, file: LazyYAMLFile, path: [any CodingKey])] = []
    /// Set while reading overlay files: entries replace the loaded ones with the same id.
    var overriding = false

    private mutating func parse(_ file: ContentFile) -> YAMLFile? {
        do {
            return try YAMLFile(path: file.path, text: file.text)
        } catch {
            diagnostics += error.contentDiagnostics
            return nil
        }
    }

    mutating func addKnowledge(_ contentFile: ContentFile) {
        guard let file = parse(contentFile) else { return }
        switch contentFile.name.replacingOccurrences(of: ".yml", with: ".yaml") {
        case "sources.yaml":
            let sources = decode(file, "sources", [Source].self)
            Self.merge(&knowledge.sources, sources, overriding: overriding)
        case "areas.yaml":
            let areas = decode(file, "areas", [BodyArea].self)
            Self.merge(&knowledge.areas, areas, overriding: overriding)
        case "techniques.yaml":
            let techniques = decode(file, "techniques", [Technique].self)
            Self.merge(&knowledge.techniques, techniques, overriding: overriding)
        case "baths.yaml":
            let baths = decode(file, "baths", [Bath].self)
            Self.merge(&knowledge.baths, baths, overriding: overriding)
        case "red-flags.yaml":
            let redFlags = decode(file, "red_flags", [RedFlag].self)
            Self.merge(&knowledge.redFlags, redFlags, overriding: overriding)
        case "symptoms.yaml":
            let symptoms = decode(file, "symptoms", [SymptomConcept].self)
            Self.merge(&knowledge.symptoms, symptoms, overriding: overriding)
        case "cautions.yaml":
            let cautions = decode(file, "cautions", [CautionRoute].self)
            Self.merge(&knowledge.cautions, cautions, overriding: overriding)
        case "guidance.yaml":
            let guidance = decode(file, "guidance", [Guidance].self)
            Self.merge(&knowledge.guidance, guidance, overriding: overriding)
        case "lexicon.yaml":
            let lexicon = decode(file, "lexicon", [LexiconEntry].self)
            Self.merge(&knowledge.lexicon, lexicon, overriding: overriding)
        case "runner-facts.yaml":
            let facts = decode(file, "runner_facts", [RunnerFact].self)
            Self.merge(&knowledge.runnerFacts, facts, overriding: overriding)
            if file.root["someone_else"] != nil { knowledge.someoneElseWords += wordList(file, "someone_else") }
        case "other-topics.yaml": knowledge.otherTopicWords += wordList(file, "other_topic_words")
        case "other-senses.yaml": knowledge.otherSenses += wordList(file, "other_senses")
        case "ordinary-words.yaml": knowledge.ordinaryWords += wordList(file, "ordinary_words")
        case "word-neighbours.yaml": knowledge.wordNeighbours += wordList(file, "word_neighbours")
        case "sign-model.yaml": knowledge.signModel = lineModel(file, "sign_model")
        case "scope-model.yaml": knowledge.scopeModel = lineModel(file, "scope_model")
        default:
            diagnostics.append(
                file.diagnostic(
                    at: file.root,
                    "unknown knowledge file; expected one of sources, areas, techniques, baths, red-flags, cautions, symptoms, guidance, lexicon, runner-facts, ordinary-words, other-senses, other-topics, word-neighbours, sign-model, scope-model (.yaml)"
                ))
        }
    }

    /// A file that is one list of words under `key`; none (and its diagnostics) when it is not.
    private mutating func wordList(_ file: YAMLFile, _ key: String) -> [String] {
        do { return try file.decode([String].self, key: key) } catch {
            diagnostics += error.contentDiagnostics
            return []
        }
    }

    /// A line model (an overlay's replaces the bundled one; one with no weights turns it off). A row that does not read
    /// is reported at its line, and the file leaves no model.
    private mutating func lineModel(_ file: YAMLFile, _ key: String) -> LineModel {
        struct Written: Decodable {
            var classes: [String]
            var nothing: String
            var bias: [Float]
            var setAsideAbove: Double
            var backOffBelow: Double
            var weights: [String]
            enum CodingKeys: String, CodingKey {
                case classes, nothing, bias, weights
                case setAsideAbove = "set_aside_above"
                case backOffBelow = "back_off_below"
            }
        }
        do {
            let written = try file.decode(Written.self, key: key)
            places[key] = (file, [PathKey(key), PathKey("classes")])
            return try LineModel(
                classes: written.classes, nothing: written.nothing, bias: written.bias, setAsideAbove: written.setAsideAbove,
                backOffBelow: written.backOffBelow, rows: written.weights)
        } catch let error as LineModel.RowError {
            let path = [PathKey(key)] + (error.row.map { [PathKey("weights"), PathKey($0)] } ?? [])
            diagnostics.append(file.diagnostic(at: path, "\(key.replacingOccurrences(of: "_", with: " ")): \(error.message)"))
        } catch {
            diagnostics += error.contentDiagnostics
        }
        return LineModel()
    }

    private mutating func decode<T: Decodable & Identified>(_ file: YAMLFile, _ key: String, _ type: [T].Type) -> [T] {
        do {
            let entries = try file.decode(type, key: key)
            for (index, entry) in entries.enumerated() {
                places["\(key):\(entry.id)"] = (file, [PathKey(key), PathKey(index)])
            }
            return entries
        } catch {
            diagnostics += error.contentDiagnostics
            return []
        }
    }

    /// Adds entries, or with `overriding` replaces those with the same id.
    private static func merge<T: Identified>(_ existing: inout [T], _ new: [T], overriding: Bool) {
        for entry in new {
            if overriding, let at = existing.firstIndex(where: { $0.id == entry.id }) {
                existing[at] = entry
            } else {
                existing.append(entry)
            }
        }
    }

    private func knowledgeReferenceIsWellFormed(_ reference: String) -> Bool {
        let parts = reference.split(separator: ":", maxSplits: 1)
        return parts.count == 2 && KnowledgeBase.kinds.contains(String(parts[0]))
    }

    /// One intent as an intent file gives it.
    struct IntentEntry: Decodable, Sendable {
        var id: String
        var description: String?
        var examples: [String]
        var keywords: [String]?
        var offer: String?
        var reply: String?
        var knowledge: [String]?
        var needsKeyword: Bool?

        enum CodingKeys: String, CodingKey {
            case id, description, examples, keywords, offer, reply, knowledge
            case needsKeyword = "needs_keyword"
        }
    }

    /// Loads intent files in order (a large table's are first read side by side: `IntentFileReader.read(_:)`).
    mutating func addIntents(_ files: [ContentFile]) {
        for (file, read) in zip(files, IntentFileReader.read(files)) { addIntents(file, read: read) }
    }

    /// Loads an intent file; while `overriding`, an intent with an id already loaded replaces it.
    /// - Parameter read: the file as `IntentFileReader` read it (nil: refused).
    private mutating func addIntents(_ contentFile: ContentFile, read: IntentFileReader.File?) {
        // A plain file with nothing to report is read straight from the parser's events; any other
        // is read the usual way below, which words every diagnostic (see `IntentFileReader`).
        if let read,
            read.entries.allSatisfy({ !$0.examples.isEmpty && ($0.knowledge ?? []).allSatisfy { knowledgeReferenceIsWellFormed($0) } })
        {
            add(read.entries, plugin: read.plugin, lines: read.lines, file: LazyYAMLFile(contentFile))
            return
        }
        guard let file = parse(contentFile) else { return }
        let plugin: String
        let entries: [IntentEntry]
        do {
            plugin = try file.decode(String.self, key: "plugin")
            entries = try file.decode([IntentEntry].self, key: "intents")
        } catch {
            diagnostics += error.contentDiagnostics
            return
        }
        add(entries, plugin: plugin, lines: file.lines(ofEntriesIn: "intents", itemsOf: "examples"), file: LazyYAMLFile(file))
    }

    /// The intents of one file, with the line of each and of each of its examples.
    private mutating func add(_ entries: [IntentEntry], plugin: String, lines: [(entry: Int, items: [Int])], file: LazyYAMLFile) {
        for (index, entry) in entries.enumerated() {
            let path: [any CodingKey] = [PathKey("intents"), PathKey(index)]
            let line = index < lines.count ? lines[index] : (entry: 1, items: [])
            if entry.examples.isEmpty {
                diagnostics.append(file.diagnostic(at: path + [PathKey("examples")], "intent '\(entry.id)' has no examples"))
            }
            var intent = Intent(
                id: entry.id, plugin: plugin, description: entry.description ?? "", examples: entry.examples,
                keywords: entry.keywords ?? [], offer: entry.offer, file: file.path, line: line.entry)
            intent.reply = entry.reply
            intent.needsKeyword = entry.needsKeyword ?? false
            intent.knowledge = entry.knowledge ?? []
            intent.exampleLines = entry.examples.indices.map { $0 < line.items.count ? line.items[$0] : line.entry }
            for (k, reference) in intent.knowledge.enumerated() where !knowledgeReferenceIsWellFormed(reference) {
                diagnostics.append(
                    file.diagnostic(
                        at: path + [PathKey("knowledge"), PathKey(k)],
                        "'\(reference)' should name a knowledge entry as kind:id, e.g. techniques:tennis-ball or areas:feet"))
            }
            if !intent.knowledge.isEmpty { intentReferences.append((intent, file, path)) }
            if overriding, let existing = intents.firstIndex(where: { $0.id == intent.id }) {
                intents[existing] = intent
            } else {
                intents.append(intent)
            }
        }
    }

    mutating func finish() throws -> Content {
        checkUnique()
        checkReferences()
        expandSymptomConcepts()
        // An intent an overlay replaced is not checked: only the intents that remain.
        let remaining = Set(intents.map { $0.file + "\u{0}" + $0.id })
        for (intent, file, path) in intentReferences where remaining.contains(intent.file + "\u{0}" + intent.id) {
            for (index, reference) in intent.knowledge.enumerated() where knowledge.entry(reference) == nil {
                let parts = reference.split(separator: ":", maxSplits: 1).map(String.init)
                let known = parts.count == 2 ? Set(knowledge.ids(of: parts[0])) : []
                diagnostics.append(
                    file.diagnostic(
                        at: path + [PathKey("knowledge"), PathKey(index)],
                        "intent '\(intent.id)' names '\(reference)', which the knowledge base does not have\(suggestion(parts.last ?? "", known))"
                    ))
            }
        }
        guard diagnostics.isEmpty else { throw ContentError(diagnostics) }
        var content = Content(knowledge: knowledge, intents: IntentTable(intents: intents))
        for (key, place) in places {
            content.locations[key] = Content.Location(file: place.file.path, line: place.file.line(at: place.path))
        }
        return content
    }

    private mutating func checkUnique() {
        func unique(_ ids: [String], _ kind: String, _ key: String) {
            var seen = Set<String>()
            for id in ids where !seen.insert(id).inserted {
                report("\(key):\(id)", "duplicate \(kind) id '\(id)'")
            }
        }
        unique(knowledge.sources.map(\.id), "source", "sources")
        unique(knowledge.areas.map(\.id), "area", "areas")
        unique(knowledge.techniques.map(\.id), "technique", "techniques")
        unique(knowledge.baths.map(\.id), "bath", "baths")
        unique(knowledge.redFlags.map(\.id), "red flag", "red_flags")
        unique(knowledge.guidance.map(\.id), "guidance", "guidance")
        unique(knowledge.symptoms.map(\.id), "symptom", "symptoms")
        unique(knowledge.cautions.map(\.id), "caution route", "cautions")
        unique(knowledge.runnerFacts.map(\.id), "runner fact", "runner_facts")
        var seenIntents: [String: Intent] = [:]
        for intent in intents {
            if let first = seenIntents[intent.id] {
                diagnostics.append(
                    ContentDiagnostic(
                        file: intent.file, line: intent.line,
                        message: "duplicate intent id '\(intent.id)' (first defined at \(first.file):\(first.line))"))
            }
            seenIntents[intent.id] = seenIntents[intent.id] ?? intent
        }
    }

    private mutating func checkReferences() {
        let areaIDs = Set(knowledge.areas.map(\.id))
        let sourceIDs = Set(knowledge.sources.map(\.id))
        if !knowledge.areas.isEmpty || !knowledge.techniques.isEmpty {
            for id in Content.canonicalAreaIDs where !areaIDs.contains(id) {
                diagnostics.append(
                    ContentDiagnostic(file: "Knowledge/areas.yaml", line: 1, message: "missing the body area '\(id)'"))
            }
        }
        func checkAreas(_ ids: [String], _ owner: String, field: String) {
            for id in ids where !areaIDs.contains(id) {
                report(owner, "unknown body area '\(id)' in '\(field)'\(suggestion(id, areaIDs))", field: field)
            }
        }
        func checkSources(_ ids: [String], _ owner: String) {
            if ids.isEmpty { report(owner, "'sources' is empty; name where the facts come from", field: "sources") }
            for id in ids where !sourceIDs.contains(id) {
                report(owner, "unknown source '\(id)'\(suggestion(id, sourceIDs))", field: "sources")
            }
        }
        for area in knowledge.areas { checkSources(area.sources, "areas:\(area.id)") }
        let flagIDs = Set(knowledge.redFlags.map(\.id))
        for sign in knowledge.signModel.classes where sign != knowledge.signModel.nothing && !flagIDs.contains(sign) {
            report("sign_model", "the sign model reads '\(sign)', which is no red flag\(suggestion(sign, flagIDs))")
        }
        for technique in knowledge.techniques {
            let owner = "techniques:\(technique.id)"
            checkAreas(technique.suits, owner, field: "suits")
            checkAreas(technique.notDirectlyOn, owner, field: "not_directly_on")
            checkSources(technique.sources, owner)
            if technique.steps.isEmpty { report(owner, "technique '\(technique.id)' has no steps", field: "steps") }
        }
        for bath in knowledge.baths { checkSources(bath.sources, "baths:\(bath.id)") }
        for flag in knowledge.redFlags {
            let owner = "red_flags:\(flag.id)"
            checkAreas(flag.areas, owner, field: "areas")
            checkSources(flag.sources, owner)
            if flag.patterns.isEmpty || flag.patterns.contains(where: { $0.isEmpty || $0.contains(where: \.isEmpty) }) {
                report(owner, "red flag '\(flag.id)' needs patterns whose groups each list at least one word", field: "patterns")
            }
        }
        for route in knowledge.cautions {
            let owner = "cautions:\(route.id)"
            checkAreas(route.areas ?? [], owner, field: "areas")
            checkSources(route.sources, owner)
            if route.urgency > .soon {
                report(owner, "a caution route's urgency is none or soon, not '\(route.urgency.rawValue)'", field: "urgency")
            }
        }
        for flag in knowledge.redFlags where flag.urgency == .none {
            report("red_flags:\(flag.id)", "a red flag's urgency is emergency, today or soon, not none", field: "urgency")
        }
        for entry in knowledge.guidance { checkSources(entry.sources, "guidance:\(entry.id)") }
        let techniqueIDs = Set(knowledge.techniques.map(\.id))
        let bathIDs = Set(knowledge.baths.map(\.id))
        for fact in knowledge.runnerFacts {
            let owner = "runner_facts:\(fact.id)"
            checkSources(fact.sources, owner)
            for id in fact.techniquesLeftOut where !techniqueIDs.contains(id) {
                report(owner, "unknown technique '\(id)' in 'leaves_out'\(suggestion(id, techniqueIDs))", field: "leaves_out")
            }
            for id in fact.bathsSkipped where !bathIDs.contains(id) {
                report(owner, "unknown bath '\(id)' in 'skips_baths'\(suggestion(id, bathIDs))", field: "skips_baths")
            }
            if fact.patterns.isEmpty || fact.patterns.contains(where: { $0.isEmpty || $0.contains(where: \.isEmpty) }) {
                report(owner, "runner fact '\(fact.id)' needs patterns whose groups each list at least one word", field: "patterns")
            }
        }
    }

    /// Replaces each `$concept` in red-flag and caution patterns by the concept's words, so the
    /// detector, the lexicon and `check` see plain phrases. An unknown concept is reported where it is used.
    private mutating func expandSymptomConcepts() {
        var words: [String: [String]] = [:]
        for concept in knowledge.symptoms { words[concept.id] = concept.words }
        func expand(_ patterns: [[[String]]], _ owner: String) -> [[[String]]] {
            patterns.enumerated().map { p, pattern in
                pattern.enumerated().map { g, group in
                    var phrases: [String] = []
                    for (i, phrase) in group.enumerated() {
                        guard phrase.hasPrefix("$") else {
                            phrases.append(phrase)
                            continue
                        }
                        let id = String(phrase.dropFirst())
                        if let concept = words[id] {
                            phrases += concept
                        } else {
                            report(
                                owner,
                                "unknown symptom concept '\(id)'\(suggestion(id, Set(words.keys))); concepts are defined in symptoms.yaml",
                                path: ["patterns", p, g, i])
                        }
                    }
                    return phrases
                }
            }
        }
        for index in knowledge.redFlags.indices {
            let owner = "red_flags:\(knowledge.redFlags[index].id)"
            knowledge.redFlags[index].patterns = expand(knowledge.redFlags[index].patterns, owner)
            if let unless = knowledge.redFlags[index].unless { knowledge.redFlags[index].unless = expand([[unless]], owner)[0][0] }
            if let unless = knowledge.redFlags[index].unlessInClause {
                knowledge.redFlags[index].unlessInClause = expand([[unless]], owner)[0][0]
            }
        }
        for index in knowledge.cautions.indices {
            knowledge.cautions[index].patterns = expand(knowledge.cautions[index].patterns, "cautions:\(knowledge.cautions[index].id)")
        }
        for index in knowledge.runnerFacts.indices {
            knowledge.runnerFacts[index].patterns = expand(
                knowledge.runnerFacts[index].patterns, "runner_facts:\(knowledge.runnerFacts[index].id)")
        }
    }

    private mutating func report(_ owner: String, _ message: String, field: String? = nil, path extra: [Any] = []) {
        guard let place = places[owner] else {
            diagnostics.append(ContentDiagnostic(file: "Knowledge", line: 0, message: message))
            return
        }
        let path =
            place.path + (field.map { [PathKey($0)] } ?? [])
            + extra.map { ($0 as? Int).map { PathKey($0) } ?? PathKey("\($0)") }
        diagnostics.append(place.file.diagnostic(at: path, message))
    }
}

/// Knowledge entries that carry an id.
protocol Identified { var id: String { get } }
extension Source: Identified {}
extension BodyArea: Identified {}
extension Technique: Identified {}
extension Bath: Identified {}
extension RedFlag: Identified {}
extension SymptomConcept: Identified {}
extension CautionRoute: Identified {}
extension Guidance: Identified {}
extension RunnerFact: Identified {}
extension LexiconEntry: Identified { var id: String { word } }

/// "did you mean 'calves'?" for an unknown id close to a known one.
func suggestion(_ word: String, _ known: Set<String>) -> String {
    var best: (word: String, distance: Int)?
    for candidate in known.sorted() {
        let distance = EditDistance.between(word, candidate, limit: 3)
        if distance <= max(2, word.count / 3), distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
    }
    return best.map { "; did you mean '\($0.word)'?" } ?? ""
}
