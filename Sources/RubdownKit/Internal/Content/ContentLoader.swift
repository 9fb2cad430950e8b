/// Reads content files into a `Content`, collecting every diagnostic instead of stopping at the first.
struct ContentLoader {
    private var knowledge = KnowledgeBase()
    private var intents: [Intent] = []
    private var diagnostics: [ContentDiagnostic] = []
    /// Where each knowledge entry was defined, to point cross-reference errors at it.
    private var places: [String: (file: YAMLFile, path: [any CodingKey])] = [:]

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
        case "sources.yaml": knowledge.sources += decode(file, "sources", [Source].self)
        case "areas.yaml": knowledge.areas += decode(file, "areas", [BodyArea].self)
        case "techniques.yaml": knowledge.techniques += decode(file, "techniques", [Technique].self)
        case "baths.yaml": knowledge.baths += decode(file, "baths", [Bath].self)
        case "red-flags.yaml": knowledge.redFlags += decode(file, "red_flags", [RedFlag].self)
        case "guidance.yaml": knowledge.guidance += decode(file, "guidance", [Guidance].self)
        case "lexicon.yaml": knowledge.lexicon += decode(file, "lexicon", [LexiconEntry].self)
        case "ordinary-words.yaml":
            do { knowledge.ordinaryWords += try file.decode([String].self, key: "ordinary_words") } catch { diagnostics += error.contentDiagnostics }
        default:
            diagnostics.append(
                file.diagnostic(
                    at: file.root,
                    "unknown knowledge file; expected one of sources, areas, techniques, baths, red-flags, guidance, lexicon, ordinary-words (.yaml)"
                ))
        }
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

    mutating func addIntents(_ contentFile: ContentFile) {
        guard let file = parse(contentFile) else { return }
        struct IntentEntry: Decodable {
            var id: String
            var description: String?
            var examples: [String]
            var keywords: [String]?
            var offer: String?
        }
        let plugin: String
        let entries: [IntentEntry]
        do {
            plugin = try file.decode(String.self, key: "plugin")
            entries = try file.decode([IntentEntry].self, key: "intents")
        } catch {
            diagnostics += error.contentDiagnostics
            return
        }
        for (index, entry) in entries.enumerated() {
            let path: [any CodingKey] = [PathKey("intents"), PathKey(index)]
            if entry.examples.isEmpty {
                diagnostics.append(file.diagnostic(at: path + [PathKey("examples")], "intent '\(entry.id)' has no examples"))
            }
            intents.append(
                Intent(
                    id: entry.id, plugin: plugin, description: entry.description ?? "", examples: entry.examples,
                    keywords: entry.keywords ?? [], offer: entry.offer, file: file.path, line: file.line(at: path)))
        }
    }

    mutating func finish() throws -> Content {
        checkUnique()
        checkReferences()
        guard diagnostics.isEmpty else { throw ContentError(diagnostics) }
        return Content(knowledge: knowledge, intents: IntentTable(intents: intents))
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
        for entry in knowledge.guidance { checkSources(entry.sources, "guidance:\(entry.id)") }
    }

    private mutating func report(_ owner: String, _ message: String, field: String? = nil) {
        guard let place = places[owner] else {
            diagnostics.append(ContentDiagnostic(file: "Knowledge", line: 0, message: message))
            return
        }
        let path = place.path + (field.map { [PathKey($0)] } ?? [])
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
extension Guidance: Identified {}
extension LexiconEntry: Identified { var id: String { word } }

/// "did you mean 'calves'?" for an unknown id close to a known one.
func suggestion(_ word: String, _ known: Set<String>) -> String {
    var best: (word: String, distance: Int)?
    for candidate in known.sorted() {
        let distance = EditDistance.between(word, candidate, limit: 3)
        if distance <= max(1, word.count / 3), distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
    }
    return best.map { "; did you mean '\($0.word)'?" } ?? ""
}
