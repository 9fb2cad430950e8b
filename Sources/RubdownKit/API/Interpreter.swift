import Foundation

/// Understanding: turns a line into an `Understanding` through separate stages:
/// normalise → correct typos → tokenise and stem → mark negation → entities → intent ranking.
/// Everything it knows comes from the content; it keeps no state between lines.
public struct Interpreter: Sendable, Codable {
    let extractor: EntityExtractor
    private let matcher: IntentMatcher
    /// Keywords by their first stem, so a line looks up only the keywords that start with one of its words.
    private let keywords: [String: [Keyword]]
    struct Keyword: Sendable, Codable {
        var intent: Int
        var stems: [String]
    }
    private let isFallback: [Bool]
    /// `intents[i].needsKeyword`, packed: the eligibility test reads it for many intents a line.
    private let needsKeyword: [Bool]
    /// Which plugin a line's words are for, or the fallback (`scope-model.yaml`): read beside the ranking (from the
    /// snapshot by the first line long enough for it).
    @Deferred private var scopeModel: LineModel
    /// The tables above by stem, in one (derived when first needed; saved as nothing).
    private var stemIndex = StemIndex()
    /// Lent, not copied: a `get` returned a copy of the lexicon (a retain and a release of each of its tables) at
    /// every use, about nine a line.
    var lexicon: Lexicon { _read { yield extractor.lexicon } }
    private var intents: [Intent] { matcher.intents }
    static let keywordFloor = 0.5
    /// How much of a line is read.
    public static let maximumLineLength = 4000
    static let keywordBonus = 0.3
    /// Lines with at most this many features count as short.
    static let shortLine = 3

    /// - Parameter outOfScopePlugins: plugins whose intents are examples of what Rubdown declines;
    ///   they need no domain word.
    public init(content: Content, outOfScopePlugins: Set<String> = []) {
        // Each example is tokenised once: its distinct words teach the lexicon, then its words
        // become its features. Kept as word numbers, compactly (a large table has many examples).
        var wordNumbers: [String: Int32] = [:]
        var vocabulary: [String] = []
        var exampleWords: [Int32] = []
        var exampleStart: [Int] = [0]
        // Words only what Rubdown declines uses: to the domain, they are as foreign as unknown ones.
        // (Marked by word number: whether each is used in and out of scope.)
        var usedInScope: [Bool] = []
        var usedOutOfScope: [Bool] = []
        for intent in content.intents.intents {
            let outOfScope = outOfScopePlugins.contains(intent.plugin)
            for example in intent.examples {
                for word in Tokenizer.words(example) {
                    let number: Int32
                    if let known = wordNumbers[word] {
                        number = known
                    } else {
                        number = Int32(vocabulary.count)
                        wordNumbers[word] = number
                        vocabulary.append(word)
                        usedInScope.append(false)
                        usedOutOfScope.append(false)
                    }
                    exampleWords.append(number)
                    if outOfScope { usedOutOfScope[Int(number)] = true } else { usedInScope[Int(number)] = true }
                }
                exampleStart.append(exampleWords.count)
            }
        }
        wordNumbers = [:]
        let outOfScopeWords = Set(vocabulary.indices.filter { usedOutOfScope[$0] && !usedInScope[$0] }.map { vocabulary[$0] })
        // The knowledge base's phrases (red-flag patterns above all) repeat: each is tokenised once.
        var phraseWords: [String: [String]] = [:]
        func words(_ phrase: String) -> [String] {
            if let words = phraseWords[phrase] { return words }
            let words = Tokenizer.words(phrase)
            phraseWords[phrase] = words
            return words
        }
        let lexicon = Lexicon(
            knowledge: content.knowledge, extraWords: vocabulary, outOfScopeWords: outOfScopeWords, words: words)
        self.extractor = Self.extractor(lexicon: lexicon, knowledge: content.knowledge, words: words)
        // Examples go through the same stages as input, minus spelling correction; each distinct word
        // is stemmed once, and its lexicon phrases and own features are looked up once. Features are
        // numbered as they first occur (each distinct one named once) and handed to the matcher as numbers.
        let vocabularyTokens = Self.tokens(vocabulary)
        let vocabularyPhrases = vocabularyTokens.map { lexicon.phrasesByFirstStem[$0.stem] }
        var wordFeatures = [[Int32]?](repeating: nil, count: vocabulary.count)
        var featureIDs: [String: Int32] = [:]
        var featureNames: [String] = []
        func number(_ feature: String) -> Int32 {
            let new = Int32(featureNames.count)
            let id = { (id: inout Int32) in id }(&featureIDs[feature, default: new])
            if id == new { featureNames.append(feature) }
            return id
        }
        self.matcher = IntentMatcher(
            intents: content.intents.intents,
            features: { example in
                let words = exampleWords[exampleStart[example]..<exampleStart[example + 1]]
                let tokens = words.map { vocabularyTokens[Int($0)] }
                let spans = lexicon.spans(in: tokens) { vocabularyPhrases[Int(words[words.startIndex + $0])] }
                var ids: [Int32] = []
                ids.reserveCapacity(tokens.count + 4)
                Self.features(
                    tokens, spans: spans, concept: { ids.append(number($0)) },
                    plain: { index in
                        let word = Int(words[words.startIndex + index])
                        if wordFeatures[word] == nil {
                            var own: [Int32] = []
                            Self.plainFeatures(tokens[index]) { own.append(number($0)) }
                            wordFeatures[word] = own
                        }
                        ids += wordFeatures[word]!
                    })
                return ids
            }, names: { featureNames }, boost: Self.boost)
        var keywords: [String: [Keyword]] = [:]
        for (index, intent) in content.intents.intents.enumerated() {
            for keyword in intent.keywords {
                let stems = Tokenizer.words(keyword).map(Stemmer.stem)
                if let first = stems.first { keywords[first, default: []].append(Keyword(intent: index, stems: stems)) }
            }
        }
        self.keywords = keywords
        self.isFallback = content.intents.intents.map { outOfScopePlugins.contains($0.plugin) }
        self.needsKeyword = content.intents.intents.map(\.needsKeyword)
        self.scopeModel = content.knowledge.scopeModel
    }

    /// The entity stage, with the detectors for red flags, caution routes and serious symptoms built from the
    /// knowledge base.
    static func extractor(lexicon: Lexicon, knowledge: KnowledgeBase, words: (String) -> [String]) -> EntityExtractor {
        // A pattern's group stands for an area when it names the area itself ("calf", "calves"), not a part of it.
        let areaStems = knowledge.areas.map { area in (area.id, Set([area.id, area.name].map(Stemmer.stem))) }
        let areaOf: (String) -> String? = { phrase in
            let stem = Stemmer.stem(phrase)
            return areaStems.first { $0.1.contains(stem) }?.0
        }
        return EntityExtractor(
            lexicon: lexicon,
            redFlags: PatternDetector(rules: knowledge.redFlags.map { ($0.id, $0.patterns) }, areaOf: areaOf, words: words),
            vetoes: PatternDetector(
                rules: knowledge.redFlags.compactMap { flag in flag.unless.map { (flag.id, [[$0]]) } }, areaOf: { _ in nil }, words: words,
                stepsOverIntensifiers: false),
            clauseVetoes: PatternDetector(
                rules: knowledge.redFlags.compactMap { flag in flag.unlessInClause.map { (flag.id, [[$0]]) } }, areaOf: { _ in nil },
                words: words, stepsOverIntensifiers: false),
            cautions: PatternDetector(rules: knowledge.cautions.map { ($0.id, $0.patterns) }, areaOf: areaOf, words: words),
            symptoms: PatternDetector(
                rules: knowledge.symptoms.filter(\.isSerious).map { ($0.id, [[$0.words]]) }, areaOf: { _ in nil }, words: words),
            standalone: Set(knowledge.symptoms.filter(\.standsAlone).map(\.id)),
            runnerFacts: PatternDetector(rules: knowledge.runnerFacts.map { ($0.id, $0.patterns) }, areaOf: { _ in nil }, words: words),
            someoneElse: Set(knowledge.someoneElseWords),
            emergencies: Set(knowledge.redFlags.filter { $0.urgency == .emergency }.map(\.id)),
            signModel: knowledge.signModel)
    }

    /// Understands one line. `contextAreas` are the areas under discussion, so that a symptom
    /// said without an area ("it's swollen") is read against them; `answering`: the line answers the coach's question.
    public func understand(_ input: String, contextAreas: [String] = [], answering: Bool = false) -> Understanding {
        // (A local, so that the closures and `||` chains below capture it and not `self`: in the release build such a
        // capture copied the whole interpreter several times a line.)
        let lexicon = extractor.lexicon
        var corrections: [Correction] = []
        // Only the start of a very long line is read: a pasted blob costs no more than a sentence.
        // (A line of at most that many bytes has at most that many characters: no copy needed.)
        let read = input.utf8.count <= Self.maximumLineLength ? input : String(input.prefix(Self.maximumLineLength))
        var words = Tokenizer.words(read)
        for index in words.indices {
            guard let corrected = lexicon.correction(for: words[index]) else { continue }
            corrections.append(Correction(from: words[index], to: corrected))
            words[index] = corrected
        }
        // "morning!", "evening all": a time of day said alone is a greeting (as a keyword it would make "calves sore this
        // morning" one too). (After the typos: "aafternoon" is one, and normalised once it stays one.)
        if let greeting = LineReadings.bareGreeting(words) { words = greeting }
        var tokens = Self.tokens(words)
        // "train times to Bath", "a spa day in Bath": a domain word of other senses written as a name after a
        // preposition of place is the name (the token no longer matches any phrase, keyword or domain word).
        let names = Self.placeNames(in: read)
        var named = false
        if !names.isEmpty {
            for index in tokens.indices.dropFirst()
            where names.contains(tokens[index].text) && Self.placePrepositions.contains(tokens[index - 1].text)
                && lexicon.hasOtherSenses(tokens[index].stem)
            {
                tokens[index] = Token(text: Self.nameToken, stem: Self.nameToken)
                named = true
            }
        }
        // "slipped on ice", "fell on the ice", "black ice": ice underfoot is the ground, not a bath (the token no longer
        // matches the baths' keyword "ice"; "ice on my calf", "ice bath" keep it).
        for index in tokens.indices where tokens[index].text == "ice" && LineReadings.isIceUnderfoot(words, at: index) {
            tokens[index] = Token(text: LineReadings.iceUnderfoot, stem: LineReadings.iceUnderfoot)
        }
        // "the hot long run", "a hot day", "hot and humid": the weather, not a hot bath (a blind batch's "legs heavy after the
        // hot long run, any roller tips?" got the warm bath and no questions).
        for index in tokens.indices where tokens[index].text == "hot" && LineReadings.isHotWeather(words, at: index) {
            tokens[index] = Token(text: LineReadings.hotWeather, stem: LineReadings.hotWeather)
        }
        // Each token's stem looked up once, for every stage below.
        let table =
            stemIndex.stored
            ?? stemIndex.store(
                StemIndex.build(
                    lexiconPhrases: lexicon.phrasesByFirstStem, domainStems: lexicon.domainStemSet, keywords: keywords,
                    detectorPhrases: extractor.detectors.map(\.phraseStarts), someoneElse: extractor.someoneElse))
        let entries = table.entries(of: tokens)
        WordClass.mark(&tokens, entries: entries, of: table)
        EntityExtractor.markNegation(&tokens)
        let spans = lexicon.spans(in: tokens) { entries[$0] >= 0 ? table.entries[Int(entries[$0])].lexiconPhrases : nil }
        // What the line models read, once for both. They were trained on lines told on their own: short lines, and
        // answers to the sign model ("not sure", "thighs and bum, both sides", "like cola"), are the rules' and the
        // questions' alone, which read them as the question makes them.
        let modelWords = LineModel.words(tokens)
        let modelFeatures = modelWords.count >= LineModel.shortestLine ? LineModel.features(modelWords) : []
        var entities = extractor.extract(
            tokens: tokens, spans: spans, contextAreas: contextAreas, signFeatures: answering ? [] : modelFeatures
        ) { detector, index in
            entries[index] >= 0 ? table.entries[Int(entries[index])].detectorPhrases(detector) : nil
        }
        entities.lineModelWords = modelWords
        // An in-scope intent needs the line to be about the domain, or to say one of its keywords.
        // What runners tell about themselves ("I'm on warfarin") is for the coach to remember, unless the
        // line is about another topic ("how long is a cow pregnant?").
        // The semantic back-off (Knowledge/word-neighbours.yaml): a word the content never uses is looked up
        // for its nearest content word. Only what kind of word that is counts, never the word itself (read as
        // a feature it lost on the held-out lines): a neighbour of another topic keeps out a line whose domain
        // words all have other senses; a soreness neighbour ("tighter") beside an area brings one in. It
        // never changes what the line states (entities, red flags).
        // (A place's name is of another topic.)
        var foreign = named
        var domainNeighbour = false
        // (Where the words of another topic are, for the commands below.)
        var foreignAt: [Int] = []
        for index in words.indices where tokens[index].classes.isEmpty && !tokens[index].negated && !lexicon.isKnown(words[index]) {
            guard let neighbour = lexicon.neighbour(of: words[index]) else { continue }
            if neighbour.isForeign { foreignAt.append(index) }
            foreign = foreign || neighbour.isForeign
            domainNeighbour = domainNeighbour || neighbour.isDomain
        }
        let aboutARun = Self.talksOfARun(tokens, spans: spans, distance: entities.distanceKm)
        // "feeling pretty rough after today's half", "a rough one this morning ... after a hilly 8 miler": feeling rough,
        // said of the time after a run, is the runner's own discomfort (a rule, not a lexicon entry: "rough" alone is
        // "a rough sea", "rough paper").
        let roughAfterARun = aboutARun && LineReadings.saysFeelingRough(tokens)
        if roughAfterARun, entities.bodyParts.isEmpty {
            entities.generalSoreness = true
            entities.discomfort = true
        }
        // A noun of another topic, outside the line's phrases of several words (looked for once).
        let saysOtherTopic = lexicon.mentionsOtherTopic(tokens, spans: spans)
        // "been limping around the office all day after the marathon": a sign of the body told of the time after a run.
        // (The runner's own discomfort, so that the questions screen it.)
        let signAfterARun = aboutARun && !entities.symptoms.isEmpty
        if signAfterARun { entities.discomfort = true }
        // ("toast", "moaning at me", "rooted", "paying for it": the words for how a leg feels after a run are more than
        // any list holds; a leg area beside a run is the domain's, and unasked a report, see DialoguePolicy.)
        let areaBesideARun = Self.tellsOfALegBesideARun(tokens, spans: spans, areas: entities.bodyParts, distance: entities.distanceKm)
        // A statement: no answer to a question, of no other topic, more than two words, asking nothing ("?" or a question
        // word first). The two readings below need one.
        let tellsAStatement =
            !answering && !foreign && !saysOtherTopic && tokens.count >= 3 && !read.utf8Contains(UInt8(ascii: "?"))
            && !LineReadings.opensAsRequest(tokens.lazy.map(\.text))
        // "calves are being dramatic today", "switched to zero drop shoes and my calves are feeling it": a leg area as what a
        // statement is about is a report too, with no run named, when it names no technique or bath and asks for nothing
        // (blind batches' openings got a technique list or the out-of-scope reply).
        let areaInAStatement =
            !areaBesideARun && tellsAStatement && entities.techniques.isEmpty && entities.baths.isEmpty
            // (The normaliser makes "pls", "plz" and their misspellings "please".)
            && !tokens.contains { $0.text == "please" }
            // (The back only as the runner's own: "on back order".)
            && (entities.bodyParts != ["back"]
                || tokens.indices.dropFirst().contains { tokens[$0].text == "back" && ["my", "lower", "me"].contains(tokens[$0 - 1].text) })
            && Self.tellsOfALegBesideARun(tokens, spans: spans, areas: entities.bodyParts, distance: entities.distanceKm, needsARun: false)
        entities.areaToldOf = areaBesideARun || areaInAStatement
        // "knackered after the long run", "suffering after that half", "that 20 miler took it out of me": how the runner
        // is after a run, in words no list holds. A statement that tells of a run and of nothing else the coach knows,
        // denies nothing and says in no word that it went well, is the runner's discomfort: the questions ask where (the
        // out-of-scope reply told a sore runner that the coach could not help). (Not an answer: "after the session"
        // answers "when did it start?".)
        let stateAfterARun =
            tellsAStatement && Self.tellsOfTheTimeAfterARun(tokens, distance: entities.distanceKm)
            && !tokens.contains { $0.classes.contains(.fineOrAsks) || EntityExtractor.negators.contains($0.text) }
            && !tokens.contains { Self.notHowTheRunnerIs.contains($0.text) }
        let saysTheDomain =
            roughAfterARun || signAfterARun || areaBesideARun || areaInAStatement
            || lexicon.isInDomain(tokens, spans: spans, foreign: foreign, aboutARun: aboutARun) {
                entries[$0] >= 0 && table.entries[Int(entries[$0])].isDomain
            }
            || domainNeighbour && !entities.bodyParts.isEmpty && !saysOtherTopic
            || entities.generalSoreness && !saysOtherTopic || entities.knockToAnArea
            // "sharp stabbing feeling in my hip when i lift my leg to get in the car": a kind of pain in the runner's own
            // area is the body's, whatever else the line names.
            || entities.painKind != nil && Self.ownsAnArea(tokens, spans: spans)
            || !(entities.runnerFacts.isEmpty && entities.runnerFactsWithdrawn.isEmpty) && !saysOtherTopic
        let toldOnlyOfARun = stateAfterARun && !saysTheDomain
        if toldOnlyOfARun {
            entities.generalSoreness = true
            entities.discomfort = true
        }
        let inDomain = saysTheDomain || toldOnlyOfARun
        let stems = tokens.map { $0.stem }
        var hits = Set<Int>()
        // Intents a keyword of several words points to ("do after", "walk me through"): specific enough to
        // tip the balance on a line that names no domain word.
        var phraseHits = Set<Int>()
        // A line about another topic whose domain words all have other senses ("hot tub rental for a birthday
        // party"): a keyword made only of such words ("tub", "hot tub") says nothing of what the line asks.
        let offTopic = !inDomain && (foreign || saysOtherTopic)
        // (An area, technique or bath named only by a word of other senses, beside a noun of another topic, is that
        // other sense: "a press release for a charity event".)
        let namesTheDomainsThings =
            aboutARun
            || (!entities.bodyParts.isEmpty || !entities.techniques.isEmpty || !entities.baths.isEmpty)
                && (!offTopic || spans.contains { Self.namesPlainly($0, tokens, lexicon) })
        // A keyword of several words is matched with fillers left out: "what do you actually do" says "what do you do".
        // (`kept`: the stems of the words that are no filler, and the index in it of each token, by position.)
        var kept: [String] = []
        var keptIndex = [Int](repeating: 0, count: stems.count)
        kept.reserveCapacity(stems.count)
        for index in stems.indices {
            keptIndex[index] = kept.count
            if !tokens[index].classes.contains(.keywordFiller) { kept.append(stems[index]) }
        }
        // (Read once a line, lazily: asked for each command keyword of a line about another topic.)
        lazy var topicMarks = TopicMarks(tokens, foreignAt: foreignAt, lexicon)
        for position in stems.indices where entries[position] >= 0 {
            for keyword in table.entries[Int(entries[position])].keywords ?? [] where !hits.contains(keyword.intent) {
                if offTopic, keyword.stems.allSatisfy({ lexicon.hasOtherSenses($0) }) { continue }
                // Nor does a keyword of a domain intent ("is that normal?" of the warning signs) make a line about
                // a dishwasher one about soreness, unless the line names an area, a technique or a bath, or tells
                // of a run ("5 min routine for after parkrun"); core's keywords ("thanks", "help") still count.
                if offTopic, !namesTheDomainsThings, !needsKeyword[keyword.intent], !isFallback[keyword.intent] { continue }
                // A command said of a thing of another topic in its own clause is not said to the coach: "how to quit
                // smoking", "help me write a cover letter", "write a short summary of hamlet", "bullet journal ideas".
                // (Not the runner's own record, "my plan in writing", nor a line that tells of running; and a thanks
                // needs more than one word besides: "thanks heaps".)
                if offTopic, !namesTheDomainsThings, needsKeyword[keyword.intent], spans.isEmpty,
                    position + keyword.stems.count <= stems.count,
                    topicMarks.saidOfAnotherTopic(tokens, keyword: position..<(position + keyword.stems.count))
                {
                    continue
                }
                let start = keptIndex[position]
                if position + keyword.stems.count <= stems.count
                    && keyword.stems.indices.allSatisfy({ stems[position + $0] == keyword.stems[$0] })
                    || keyword.stems.count > 1 && !tokens[position].classes.contains(.keywordFiller)
                        && start + keyword.stems.count <= kept.count
                        && keyword.stems.indices.allSatisfy({ kept[start + $0] == keyword.stems[$0] })
                {
                    hits.insert(keyword.intent)
                    if keyword.stems.count > 1 { phraseHits.insert(keyword.intent) }
                }
            }
        }
        let features = Self.features(tokens, spans: spans, classesMarked: true)
        // (The closures below capture these, not `self`, which would copy the whole interpreter.)
        let isFallback = self.isFallback
        let needsKeyword = self.needsKeyword
        let intents = self.intents
        var ranking = matcher.rank(features) { index in
            isFallback[index] || (inDomain && !needsKeyword[index]) || hits.contains(index)
        }
        let keywordIntents = Set(hits.map { intents[$0].id })
        // On a line about the domain, an intent's own keyword tips the balance towards it.
        // (Not beside a noun of another topic: "the best way to back up photos".)
        // On a line that tells of a run, any keyword of a domain intent does ("cooldown routine for after hill repeats").
        let tipping = aboutARun ? hits : phraseHits
        let phraseIntents =
            inDomain
            ? keywordIntents
            : tipping.isEmpty || saysOtherTopic
                ? [] : Set(tipping.filter { !isFallback[$0] && !needsKeyword[$0] }.map { intents[$0].id })
        if !phraseIntents.isEmpty {
            for index in ranking.indices where phraseIntents.contains(ranking[index].intent) {
                // Closes part of the gap to 1, so an exact example match still outranks a keyword.
                ranking[index].score += Self.keywordBonus * (1 - ranking[index].score)
            }
            ranking.sort { $0.score == $1.score ? $0.intent < $1.intent : $0.score > $1.score }
        }
        // A keyword in a short line is evidence enough even when the examples word it differently ("cya").
        if features.count <= Self.shortLine {
            // Where each intent stands in the ranking (ids are unique), so that many keyword hits
            // (a large table) cost a look-up each rather than a search.
            var position: [String: Int] = [:]
            for (at, entry) in ranking.enumerated() where position[entry.intent] == nil { position[entry.intent] = at }
            for index in hits.sorted() where !isFallback[index] {
                let intent = intents[index]
                if let at = position[intent.id] {
                    ranking[at].score = max(ranking[at].score, Self.keywordFloor)
                } else {
                    position[intent.id] = ranking.count
                    ranking.append(IntentScore(intent: intent.id, plugin: intent.plugin, score: Self.keywordFloor))
                }
            }
            ranking = Self.best(5, of: ranking)
        }
        var understanding = Understanding(
            input: input, normalized: Self.joined(words), corrections: corrections, entities: entities,
            ranking: Array(ranking.prefix(5)), inDomain: inDomain, keywordIntents: keywordIntents)
        if !modelFeatures.isEmpty, let scope = scopeModel.read(features: modelFeatures) {
            understanding.scope = Understanding.Scope(
                likeliestPlugin: scope.best, outOfScope: scope.nothingProbability, declineAbove: scopeModel.setAsideAbove)
        }
        return understanding
    }

    /// Words that make a line about the time after a run something other than how the runner feels: what they did or will
    /// do ("did yoga after my run", "after the race tomorrow i will rest"), how pleased they are, what they want.
    static let notHowTheRunnerIs: Set<String> = [
        "did", "had", "went", "go", "going", "stretch", "stretched", "stretching", "shower", "showered", "yoga", "thinking", "think",
        "slept", "sleep", "ate", "eat", "eating", "drank", "drink", "watch", "bought", "buy", "recovery", "tomorrow", "next", "later",
        "will", "gonna", "proud", "loved", "love", "buzzing", "happy", "pleased", "chuffed", "enjoyed", "fun", "amazing", "awesome",
        "celebrate", "celebrated", "party", "work", "plan", "planning", "starving", "hungry", "starved", "peckish", "thirsty",
    ]

    /// Whether the line tells of the time after a run: "after" (or "post") and a distance ("after a 20 miler", "after my
    /// half"), a race ("marathon") or a run as a thing done ("after the long run"), not the verb ("running late", "run
    /// the dishwasher") nor a distance of another sport ("rowing stroke rate for a 2k test").
    static func talksOfARun(_ tokens: [Token], spans: [ConceptSpan], distance: Double?) -> Bool {
        guard tokens.contains(where: { $0.text == "after" || $0.text == "post" }) else { return false }
        if distance != nil { return true }
        for span in spans {
            if case .word(let word) = span.concept, word == "marathon" { return true }
        }
        for index in tokens.indices.dropFirst()
        where tokens[index].classes.contains(.runNoun) && tokens[index - 1].classes.contains(.runLead) {
            return true
        }
        // "after running", "post jogging": the run as a thing done.
        for index in tokens.indices.dropFirst()
        where ["running", "jogging"].contains(tokens[index].text) && ["after", "post"].contains(tokens[index - 1].text) {
            return true
        }
        return false
    }
    static let afterWords: Set<String> = ["after", "post", "since"]
    /// Whether the line tells of the time after a run: "after", "post" or "since", and within a few words a run, a race or a
    /// distance ("after intervals", "since the fell race", "post 20 miler").
    static func tellsOfTheTimeAfterARun(_ tokens: [Token], distance: Double?) -> Bool {
        // (Not what something is for: "routine for after my long run".)
        for index in tokens.indices where Self.afterWords.contains(tokens[index].text) {
            if index > 0, tokens[index - 1].text == "for" { continue }
            if distance != nil { return true }
            // ("half" alone is a quantity: "after half an hour"; "that half" is a race.)
            for at in (index + 1)..<min(tokens.count, index + 5) {
                let next = tokens[at]
                if next.classes.contains(.runWord) || next.text == "running"
                    || next.classes.contains(.runNoun) && (next.text != "half" || tokens[at - 1].classes.contains(.runLead))
                {
                    return true
                }
            }
        }
        return false
    }
    /// Whether the line mentions a run at all: a distance, a race, or a word for running ("after my jog", "parkrun PB",
    /// "hill reps tonight", "ran my first marathon"), not only after "after" as `talksOfARun` needs.
    static func mentionsARun(_ tokens: [Token], distance: Double?) -> Bool {
        if distance != nil { return true }
        for index in tokens.indices {
            let classes = tokens[index].classes
            if classes.contains(.runWord) { return true }
            // ("half" alone is a quantity: "half my calf".)
            if classes.contains(.runNoun), index > 0, tokens[index - 1].classes.contains(.runLead) { return true }
        }
        return false
    }
    static let runWords: Set<String> = [
        "ran", "jog", "jogged", "jogging", "parkrun", "marathon", "marathons", "ultra", "intervals", "fartlek", "tempo", "5k", "10k",
        "runs", "race", "raced", "racing", "trail",
    ]

    /// "legs toast after a crossfit class and a 10k", "my shin's been moaning at me after a few runs": an area (`areas`:
    /// the line's areas as read, without "got back from a run"), or the legs, told of in a line that mentions a run,
    /// unless said to be fine ("legs feel fresh"), asked for ("something for my legs after a 10k", "trail shoes for flat
    /// feet") or asked about ("what do I do after a run for my legs").
    static func tellsOfALegBesideARun(
        _ tokens: [Token], spans: [ConceptSpan], areas: [String], distance: Double?, needsARun: Bool = true
    ) -> Bool {
        // (Word classes, not word lists: this runs for every line.)
        guard !areas.isEmpty || tokens.contains(where: { $0.classes.contains(.wholeLeg) }),
            !tokens.contains(where: { $0.classes.contains(.fineOrAsks) }), !needsARun || mentionsARun(tokens, distance: distance)
        else { return false }
        // ("for my legs", "for flat feet": what something is for.)
        func isFor(_ index: Int) -> Bool { tokens[max(0, index - 2)..<index].contains { $0.text == "for" } }
        var leg = false
        for index in tokens.indices where tokens[index].classes.contains(.wholeLeg) {
            if isFor(index) { return false }
            leg = true
        }
        for span in spans {
            guard case .area(let area) = span.concept, areas.contains(area) else { continue }
            if isFor(span.start) { return false }
            leg = true
        }
        return leg
    }
    /// The legs as a whole, plain and slang ("me legs", "stems").
    static let legWords: Set<String> = ["legs", "leg", "stems", "pegs", "legz"]
    static let feelsFineOrAsks: Set<String> = [
        "fine", "ok", "okay", "alright", "fresh", "great", "good", "normal", "recovered", "what", "how", "which", "give",
        "recommend", "recommendations", "suggest", "best", "tips", "advice", "routine",
    ]

    /// Whether the line names an area as the runner's own: "my hip", "in my calf".
    static func ownsAnArea(_ tokens: [Token], spans: [ConceptSpan]) -> Bool {
        spans.contains { span in
            guard case .area = span.concept, span.start > 0 else { return false }
            return tokens[span.start - 1].text == "my"
        }
    }

    /// Whether a span names an area, technique or bath plainly: an area, or a technique or bath in several words
    /// ("foam roller") or in one word that has no other sense (not "press").
    static func namesPlainly(_ span: ConceptSpan, _ tokens: [Token], _ lexicon: Lexicon) -> Bool {
        switch span.concept {
        // (An area is the body's whatever its word: "does a rolling pin work on calves?")
        case .area: return true
        case .technique, .bath: return span.length > 1 || !lexicon.hasOtherSenses(tokens[span.start].stem)
        case .word: return false
        }
    }

    /// What `saidOfAnotherTopic` reads of each token of a line, read once a line: a line about another topic is asked
    /// it for every command keyword it has, and each token's words were hashed again each time.
    struct TopicMarks {
        /// The line tells of a run ("a plan I can print and stick on the fridge before tomorrow's run").
        let tellsOfARun: Bool
        /// A word that carries meaning: not a stopword nor a generic word.
        let meaningful: [Bool]
        /// A noun of another topic or a word the back-off finds foreign (`foreignAt`).
        let foreign: [Bool]

        init(_ tokens: [Token], foreignAt: [Int], _ lexicon: Lexicon) {
            tellsOfARun = tokens.contains { $0.classes.contains(.runNoun) }
            meaningful = tokens.map { !$0.classes.contains(.stopword) && !Interpreter.genericWords.contains($0.stem) }
            var foreign = tokens.map(lexicon.isOtherTopic)
            for index in foreignAt { foreign[index] = true }
            self.foreign = foreign
        }

        /// Whether a command keyword (at `keyword`) is said of a thing of another topic: its clause (between commas),
        /// outside the keyword, has a noun of another topic or a word the back-off finds foreign, and at least two words
        /// that carry meaning. Never when the keyword is the runner's own ("my plan", "open my diary"), nor on a line that
        /// tells of a run.
        func saidOfAnotherTopic(_ tokens: [Token], keyword: Range<Int>) -> Bool {
            if tokens[keyword.lowerBound].text == "my" || keyword.lowerBound > 0 && tokens[keyword.lowerBound - 1].text == "my"
                || tellsOfARun
            {
                return false
            }
            var start = keyword.lowerBound
            while start > 0, !tokens[start - 1].isBreak { start -= 1 }
            var end = keyword.upperBound
            while end < tokens.count, !tokens[end].isBreak { end += 1 }
            var meaningfulOutside = 0
            var foreignOutside = false
            for index in start..<end where !keyword.contains(index) {
                if meaningful[index] { meaningfulOutside += 1 }
                foreignOutside = foreignOutside || foreign[index]
            }
            return meaningfulOutside >= 2 && foreignOutside
        }
    }

    static let runNouns: Set<String> = [
        "run", "runs", "jog", "parkrun", "half", "race", "repeats", "intervals", "session", "workout", "reps", "speedwork", "route",
        "loop",
    ]

    /// Words a keyword of several words may have between its own: "what do you actually do", "how does this even work".
    static let keywordFillers: Set<String> = ["actually", "really", "exactly", "even", "honestly", "basically"]

    static let runLeads: Set<String> = [
        "my", "the", "a", "post", "long", "easy", "hard", "morning", "evening", "trail", "beach", "tempo", "last", "this", "that", "our",
        "recovery", "hill", "hilly", "speed", "race", "group", "club", "sunday", "saturday", "weekend", "interval", "lunchtime",
        "today", "yesterday", "tonight", "new", "first",
    ]

    /// What a name of a place becomes (no word of the content has a "#").
    static let nameToken = "#name"
    static let placePrepositions: Set<String> = ["in", "to", "from", "near", "at", "around", "outside", "visit", "visiting", "via"]

    /// The words (lower-cased) written with a capital inside the line: not its first word, nor the first after
    /// a full stop, question or exclamation mark.
    static func placeNames(in text: String) -> Set<String> {
        // A name is a capital and a small letter after the line's first letter; most lines have none (checked on
        // the bytes, as this runs for every line).
        var line = text
        let mayHaveName = line.withUTF8 { bytes in
            guard bytes.count > 2 else { return false }
            for i in 1..<(bytes.count - 1) where bytes[i] >= 0x80 || (65...90).contains(bytes[i]) && (97...122).contains(bytes[i + 1]) {
                return true
            }
            return bytes[bytes.count - 1] >= 0x80
        }
        if !mayHaveName { return [] }
        var names = Set<String>()
        var sentenceStart = true
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            defer { sentenceStart = word.last.map { ".!?".contains($0) } ?? false }
            guard !sentenceStart, let first = word.first, first.isUppercase else { continue }
            let letters = word.prefix { $0.isLetter }
            // (Not a word in capitals throughout: "ICE BATH NOW".)
            guard letters.count > 1, letters.dropFirst().allSatisfy(\.isLowercase) else { continue }
            names.insert(letters.lowercased())
        }
        return names
    }

    /// `words.joined(separator: " ")`, in one allocation.
    static func joined(_ words: [String]) -> String {
        var length = max(0, words.count - 1)
        for word in words { length += word.utf8.count }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var at = 0
            for (index, word) in words.enumerated() {
                if index > 0 {
                    buffer[at] = UInt8(ascii: " ")
                    at += 1
                }
                var word = word
                at = word.withUTF8 { utf8 in buffer[at...].initialize(fromContentsOf: utf8) }
            }
            return at
        }
    }

    /// The first `count` of the scores sorted best first (ties: by intent id), without sorting
    /// them all: the same as `sorted(by:).prefix(count)`, since intent ids are unique.
    static func best(_ count: Int, of scores: [IntentScore]) -> [IntentScore] {
        func before(_ a: IntentScore, _ b: IntentScore) -> Bool { a.score == b.score ? a.intent < b.intent : a.score > b.score }
        if scores.count <= count { return scores.sorted(by: before) }
        var top: [IntentScore] = []
        top.reserveCapacity(count + 1)
        for score in scores {
            if top.count == count, !before(score, top[count - 1]) { continue }
            var at = top.count
            while at > 0, before(score, top[at - 1]) { at -= 1 }
            top.insert(score, at: at)
            if top.count > count { top.removeLast() }
        }
        return top
    }

    /// What the matcher sees of a line, order and repeats aside: two examples with the same
    /// shape teach the matcher nothing new.
    func featureShape(_ text: String) -> [String] {
        let tokens = Self.tokens(Tokenizer.words(text))
        return Array(Set(Self.features(tokens, spans: lexicon.spans(in: tokens)))).sorted()
    }

    private static func tokens(_ words: [String]) -> [Token] {
        words.map { Token(text: $0, stem: Stemmer.stem($0)) }
    }

    /// What the intent matcher compares: stems of content words, with areas and techniques
    /// replaced by placeholders so that "my calves hurt" teaches "my shins hurt" too.
    /// - Parameter classesMarked: the tokens carry their `WordClass`es (an input line's do), so
    ///   that a stopword is told by its class rather than by a look-up.
    static func features(_ tokens: [Token], spans: [ConceptSpan], classesMarked: Bool = false) -> [String] {
        var features: [String] = []
        features.reserveCapacity(tokens.count + 4)
        Self.features(
            tokens, spans: spans, concept: { features.append($0) },
            plain: { plainFeatures(tokens[$0], classesMarked: classesMarked) { features.append($0) } })
        return features
    }

    /// `features`, in order, as they come: the features of each concept span (`concept`), and the
    /// index of each other token, whose own features (`plainFeatures`) come next (`plain`).
    @inline(__always)
    private static func features(_ tokens: [Token], spans: [ConceptSpan], concept: (String) -> Void, plain: (Int) -> Void) {
        // The span covering each token, if any (by index in `spans`; -1 for none).
        var covered = [Int32](repeating: -1, count: tokens.count)
        for (number, span) in spans.enumerated() {
            for index in span.start..<(span.start + span.length) { covered[index] = Int32(number) }
        }
        var index = 0
        while index < tokens.count {
            if covered[index] >= 0 {
                let length = spans.first { $0.start == index }?.length ?? 1
                switch spans[Int(covered[index])].concept {
                case .area(let id):
                    // The placeholder generalises across areas; the id lets an area-specific intent win.
                    concept("#area")
                    concept("@" + id)
                case .technique(let id):
                    concept("#technique")
                    concept("@" + id)
                case .bath:
                    for token in tokens[index..<min(tokens.count, index + length)] where !stopwords.contains(token.stem) {
                        concept(token.stem)
                    }
                case .word(let word): concept(Stemmer.stem(word))
                }
                index += max(1, length)
                continue
            }
            plain(index)
            index += 1
        }
    }

    /// The features of a token outside any concept span: none for a clause break or a stopword.
    static func plainFeatures(_ token: Token, classesMarked: Bool = false, _ feature: (String) -> Void) {
        if token.isBreak || (classesMarked ? token.classes.contains(.stopword) : stopwords.contains(token.text)) { return }
        if startsWithNumber(token.text) {
            feature(endsWithLetter(token.text) ? "#distance" : "#number")
        } else {
            feature(token.stem)
            // The exact word as well, weighted lower, so "that helped" is not just "help".
            if token.text != token.stem { feature("=" + token.text) }
        }
    }

    /// `text.first?.isNumber == true`, without Unicode property look-ups for ASCII words.
    private static func startsWithNumber(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        if text.isASCII { return first &- UInt8(ascii: "0") < 10 }
        return text.first?.isNumber == true
    }

    /// `text.last?.isLetter == true`, likewise.
    private static func endsWithLetter(_ text: String) -> Bool {
        guard let last = text.utf8.last else { return false }
        if text.isASCII { return (last | 0x20) &- UInt8(ascii: "a") < 26 }
        return text.last?.isLetter == true
    }

    /// Question and helper words carry little of what a line is about; placeholders carry much.
    static func boost(_ feature: String) -> Float {
        if feature.hasPrefix("#") { return feature == "#number" ? 0.5 : 1.5 }
        if genericWords.contains(feature) { return 0.35 }
        if feature.hasPrefix("=") || feature.hasPrefix("@") { return 0.5 }
        return 1
    }

    static let genericWords: Set<String> = [
        "how", "what", "when", "where", "why", "which", "who", "whom", "do", "doe", "did", "can", "could", "should",
        "would", "will", "shall", "may", "might", "must", "you", "your", "we", "us", "have", "has", "had", "get", "got",
        "need", "want", "know", "about", "after", "before", "today", "tonight", "now", "not", "if", "but", "than",
        "there", "their", "they", "them", "he", "she", "his", "her", "our", "one", "all", "any", "more", "most", "much",
        "many", "good", "best", "better", "way", "thing", "something", "anything", "tell", "give", "go", "going", "make",
        "take", "use", "let", "say", "look", "think", "out", "over", "off", "again", "still", "even", "ever", "yet",
        "time", "day", "week", "lot", "lots", "new", "other",
    ]

    static let stopwords: Set<String> = [
        "i", "me", "my", "mine", "myself", "a", "an", "the", "is", "am", "are", "was", "were", "be", "been", "to", "of",
        "in", "on", "at", "for", "and", "or", "it", "this", "that", "these", "those", "so", "just", "really", "very",
        "with", "from", "up", "some", "any", "bit", "quite", "pretty", "also", "too", "then", "there", "here", "um",
        "uh", "oh", "ok", "okay", "well", "like", "its", "by", "as", "into", "please", "abit", "lol", "haha",
        // Fillers say nothing of what a line asks: "what do you actually do" is "what do you do".
        "actually", "exactly", "honestly", "basically",
    ]
}
