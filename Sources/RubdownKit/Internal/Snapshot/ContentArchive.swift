// The content's types in a coach snapshot. Their fields are public, so they are archived
// here together; a field added to one of them must be added here too (the round-trip test
// in `CoachSnapshotTests` compares every stored field, and fails until it is).

extension Source: Archivable {
    init(from archive: inout ArchiveReader) throws {
        id = try archive.read()
        title = try archive.read()
        detail = try archive.read(String?.self)
    }

    func archive(into archive: inout ArchiveWriter) {
        archive.write(id)
        archive.write(title)
        archive.write(detail)
    }
}

extension BodyArea: Archivable {
    init(from archive: inout ArchiveReader) throws {
        id = try archive.read()
        name = try archive.read()
        synonyms = try archive.read()
        kind = try archive.read()
        rollDirectly = try archive.read()
        care = try archive.read()
        sources = try archive.read()
    }

    func archive(into archive: inout ArchiveWriter) {
        archive.write(id)
        archive.write(name)
        archive.write(synonyms)
        archive.write(kind)
        archive.write(rollDirectly)
        archive.write(care)
        archive.write(sources)
    }
}

extension Technique: Archivable {
    init(from archive: inout ArchiveReader) throws {
        id = try archive.read()
        name = try archive.read()
        synonyms = try archive.read()
        summary = try archive.read()
        steps = try archive.read()
        repetitions = try archive.read()
        pressure = try archive.read()
        gentleness = try archive.read()
        equipment = try archive.read()
        suits = try archive.read()
        notDirectlyOn = try archive.read()
        cautions = try archive.read()
        sources = try archive.read()
    }

    func archive(into archive: inout ArchiveWriter) {
        archive.write(id)
        archive.write(name)
        archive.write(synonyms)
        archive.write(summary)
        archive.write(steps)
        archive.write(repetitions)
        archive.write(pressure)
        archive.write(gentleness)
        archive.write(equipment)
        archive.write(suits)
        archive.write(notDirectlyOn)
        archive.write(cautions)
        archive.write(sources)
    }
}

extension Bath: Archivable {
    init(from archive: inout ArchiveReader) throws {
        id = try archive.read()
        name = try archive.read()
        synonyms = try archive.read()
        temperature = try archive.read()
        duration = try archive.read()
        goodFor = try archive.read()
        avoidIf = try archive.read()
        notForFreshStrain = try archive.read()
        sources = try archive.read()
    }

    func archive(into archive: inout ArchiveWriter) {
        archive.write(id)
        archive.write(name)
        archive.write(synonyms)
        archive.write(temperature)
        archive.write(duration)
        archive.write(goodFor)
        archive.write(avoidIf)
        archive.write(notForFreshStrain)
        archive.write(sources)
    }
}

extension RedFlag: Archivable {
    init(from archive: inout ArchiveReader) throws {
        id = try archive.read()
        name = try archive.read()
        urgency = try archive.readUrgency()
        areas = try archive.read()
        patterns = try archive.read()
        unless = try archive.read([String]?.self)
        why = try archive.read()
        action = try archive.read(String?.self)
        sources = try archive.read()
    }

    func archive(into archive: inout ArchiveWriter) {
        archive.write(id)
        archive.write(name)
        archive.write(urgency.rawValue)
        archive.write(areas)
        archive.write(patterns)
        archive.write(unless)
        archive.write(why)
        archive.write(action)
        archive.write(sources)
    }
}

extension SymptomConcept: Archivable {
    init(from archive: inout ArchiveReader) throws {
        id = try archive.read()
        words = try archive.read()
        serious = try archive.read(Bool?.self)
        alone = try archive.read(Bool?.self)
    }

    func archive(into archive: inout ArchiveWriter) {
        archive.write(id)
        archive.write(words)
        archive.write(serious)
        archive.write(alone)
    }
}

extension CautionRoute: Archivable {
    init(from archive: inout ArchiveReader) throws {
        id = try archive.read()
        name = try archive.read()
        urgency = try archive.readUrgency()
        areas = try archive.read([String]?.self)
        patterns = try archive.read()
        advice = try archive.read()
        noMassageOn = try archive.read(Bool?.self)
        sources = try archive.read()
    }

    func archive(into archive: inout ArchiveWriter) {
        archive.write(id)
        archive.write(name)
        archive.write(urgency.rawValue)
        archive.write(areas)
        archive.write(patterns)
        archive.write(advice)
        archive.write(noMassageOn)
        archive.write(sources)
    }
}

extension ArchiveReader {
    fileprivate mutating func readUrgency() throws -> Urgency {
        guard let urgency = Urgency(rawValue: try read(String.self)) else { throw ArchiveError.damaged }
        return urgency
    }
}

extension Guidance: Archivable {
    init(from archive: inout ArchiveReader) throws {
        id = try archive.read()
        text = try archive.read()
        sources = try archive.read()
    }

    func archive(into archive: inout ArchiveWriter) {
        archive.write(id)
        archive.write(text)
        archive.write(sources)
    }
}

extension LexiconEntry: Archivable {
    init(from archive: inout ArchiveReader) throws {
        word = try archive.read()
        variants = try archive.read()
        domain = try archive.read(Bool?.self)
    }

    func archive(into archive: inout ArchiveWriter) {
        archive.write(word)
        archive.write(variants)
        archive.write(domain)
    }
}

extension KnowledgeBase: Archivable {
    init(from archive: inout ArchiveReader) throws {
        self.init(
            sources: try archive.read(), areas: try archive.read(), techniques: try archive.read(), baths: try archive.read(),
            redFlags: try archive.read(), guidance: try archive.read(), lexicon: try archive.read())
        ordinaryWords = try archive.read()
        symptoms = try archive.read()
        cautions = try archive.read()
    }

    func archive(into archive: inout ArchiveWriter) {
        archive.write(sources)
        archive.write(areas)
        archive.write(techniques)
        archive.write(baths)
        archive.write(redFlags)
        archive.write(guidance)
        archive.write(lexicon)
        archive.write(ordinaryWords)
        archive.write(symptoms)
        archive.write(cautions)
    }
}

extension Intent: Archivable {
    init(from archive: inout ArchiveReader) throws {
        id = try archive.read()
        plugin = try archive.read()
        description = try archive.read()
        examples = try archive.read()
        keywords = try archive.read()
        needsKeyword = try archive.read()
        offer = try archive.read(String?.self)
        reply = try archive.read(String?.self)
        knowledge = try archive.read()
        exampleLines = try archive.read()
        file = try archive.read()
        line = try archive.read()
    }

    func archive(into archive: inout ArchiveWriter) {
        archive.write(id)
        archive.write(plugin)
        archive.write(description)
        archive.write(examples)
        archive.write(keywords)
        archive.write(needsKeyword)
        archive.write(offer)
        archive.write(reply)
        archive.write(knowledge)
        archive.write(exampleLines)
        archive.write(file)
        archive.write(line)
    }
}

extension Content: Archivable {
    init(from archive: inout ArchiveReader) throws {
        self.init(knowledge: try archive.read(), intents: IntentTable(intents: try archive.read()))
        locations = try archive.read(keyedBy: String.self) { (file: try $0.read(String.self), line: try $0.read(Int.self)) }
    }

    func archive(into archive: inout ArchiveWriter) {
        archive.write(knowledge)
        archive.write(intents.intents)
        archive.write(locations) { writer, place in
            writer.write(place.file)
            writer.write(place.line)
        }
    }
}
