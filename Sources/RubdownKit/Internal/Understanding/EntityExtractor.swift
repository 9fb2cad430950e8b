import Foundation

/// Stage 3 of understanding: the facts a line states (areas, distance, time, pain, answers),
/// read from tokens that already carry their stems and negation scope.
struct EntityExtractor: Sendable, Codable {
    let lexicon: Lexicon
    let redFlags: PatternDetector
    /// A flag's `unless` words, as a rule per flag: met, they veto it.
    let vetoes: PatternDetector
    /// A flag's `unless_in_clause` words, the causes ("shoe", "blister", "strap"): they veto only a flag that is not told
    /// outside their clauses too.
    let clauseVetoes: PatternDetector
    let cautions: PatternDetector
    /// Serious symptom concepts, one rule each.
    let symptoms: PatternDetector
    /// The ones of them that stand alone.
    let standalone: Set<String>
    /// What runners say about themselves (`runner-facts.yaml`), one rule per fact.
    let runnerFacts: PatternDetector
    /// Words that make a line about another person, so that it tells nothing about the runner.
    let someoneElse: Set<String>
    /// Red flags whose urgency is an emergency: no `unless` word vetoes them when several signs are told.
    let emergencies: Set<String>
    /// The whole line's reading, beside the patterns' (`sign-model.yaml`; read from the snapshot by the first line long
    /// enough for it).
    @Deferred var signModel: LineModel

    /// The pattern detectors, in the order `extract`'s `detectorPhrases` numbers them.
    var detectors: [PatternDetector] { [redFlags, vetoes, cautions, symptoms, runnerFacts, clauseVetoes] }

    /// A urine word, then within four words "dark" not denied and not followed by a colour ("pee is really dark", not
    /// "pee is dark yellow" or "pee isn't dark").
    static func urineSaidDark(_ tokens: [Token]) -> Bool {
        tokens.indices.contains { start in
            tokens[start].classes.contains(.urineWord)
                && tokens[(start + 1)..<min(tokens.count, start + 5)].indices.contains { index in
                    tokens[index].text == "dark" && !tokens[index].negated
                        && !(index + 1 < tokens.count
                            && ["yellow", "yellowish", "orange", "amber", "gold", "golden"].contains(tokens[index + 1].text))
                }
        }
    }

    /// What a story, another person's past or the runner's healed past tells is not the runner's now: its swelling, and
    /// its areas when the runner names another ("saw on instagram that swollen calves can be a clot lol. mine are just
    /// tight" was "some swelling", and a clot by the end; "my mate felt a pop in his achilles, mine's fine but my quads
    /// ache" got the Achilles asked about). `pastRead` is the line with those clauses marked negated.
    static func setAsideThePast(_ entities: inout Entities, pastRead: [Token], tokens: [Token], spans: [ConceptSpan]) {
        let setAside = { (index: Int) in pastRead[index].negated && !tokens[index].negated }
        if let first = tokens.firstIndex(where: { $0.classes.contains(.swelling) }), setAside(first) {
            entities.swelling = tokens.indices.first { tokens[$0].classes.contains(.swelling) && !pastRead[$0].negated }.map { _ in true }
        }
        var told: Set<String> = []
        var toldInThePast: Set<String> = []
        for span in spans {
            guard case .area(let id) = span.concept else { continue }
            if setAside(span.start) { toldInThePast.insert(id) } else { told.insert(id) }
        }
        let onlyInThePast = toldInThePast.subtracting(told)
        if !onlyInThePast.isEmpty, entities.bodyParts.contains(where: { !onlyInThePast.contains($0) }) {
            entities.bodyParts.removeAll { onlyInThePast.contains($0) }
        }
    }

    /// The tokens with every clause that holds a token `marks` picks marked negated. (Clauses end at a comma or a full
    /// stop only: a cause is often told after "and" or "but" of the sign it explains, "red and hot from sunburn", "swollen
    /// and red but it's just midge bites".)
    static func withoutClauses(of tokens: [Token], where marks: (Int) -> Bool) -> [Token] {
        var marked = tokens
        var start = 0
        for end in 0...tokens.count where end == tokens.count || tokens[end].isBreak {
            if (start..<end).contains(where: marks) { for index in start..<end { marked[index].negated = true } }
            start = end + 1
        }
        return marked
    }

    /// - Parameter detectorPhrases: for a detector (by its index in `detectors`) and a token (by
    ///   index), the ids of the detector's phrases starting with the token's stem.
    /// - Parameter signFeatures: the line's features for the sign model (`LineModel.features`); none for an answer to
    ///   the coach's question or a short line, which the model leaves alone.
    func extract(
        tokens: [Token], spans: [ConceptSpan], contextAreas: [String], signFeatures: [UInt64] = [],
        detectorPhrases: (Int, Int) -> [Int]?
    ) -> Entities {
        var entities = Entities()
        // (Closures rather than key paths here and below: `map(\.text)` was not inlined, a key-path
        // call per element.)
        let words = tokens.map { $0.text }
        var negatedScopeUsed = Set<Int>()
        var fineAreas: [String] = []
        for span in spans {
            switch span.concept {
            case .area(let id):
                if id == "back", Self.isBackFromARun(tokens, at: span.start) { continue }
                // Only the first area in a negation's scope is ruled out: "not my knees my shins".
                let scope = negationStart(tokens, before: span.start)
                if span.negated, let scope, negatedScopeUsed.insert(scope).inserted {
                    if !entities.negatedBodyParts.contains(id) { entities.negatedBodyParts.append(id) }
                } else if !span.negated, Self.saidToBeFine(tokens, after: span.start + span.length) {
                    // "just my calves, quads are fine": ruled out below if another area is the sore one.
                    if !fineAreas.contains(id) { fineAreas.append(id) }
                } else if !entities.bodyParts.contains(id) {
                    entities.bodyParts.append(id)
                }
            case .technique(let id):
                // ("what about if I have high blood pressure" after a bath answer got the pressing card.)
                if span.start > 0, tokens[span.start].text == "pressure", tokens[span.start - 1].text == "blood" { continue }
                if !entities.techniques.contains(id) { entities.techniques.append(id) }
            case .bath(let id):
                if !entities.baths.contains(id) { entities.baths.append(id) }
            case .word(let word):
                if word == "sore" || word == "hurt" { entities.generalSoreness = !span.negated || entities.generalSoreness }
                // "legs are properly knackered", "calves done in": tired legs (or a tired area) are sore ones.
                // (So are areas that flare up or play up: "IT band flares up at 4 miles".)
                if Self.soreBesideAnArea.contains(word), !span.negated,
                    tokens.contains(where: { $0.classes.contains(.leg) })
                        || spans.contains(where: { if case .area = $0.concept { !$0.negated } else { false } })
                {
                    entities.generalSoreness = true
                    entities.discomfort = true
                }
                if Self.discomfortWords.contains(word), !span.negated { entities.discomfort = true }
                // "banged my knee", "hit my shin on a gate": the area is what was knocked, within a word or two.
                if word == "knock", !span.negated {
                    for other in spans {
                        guard case .area(let area) = other.concept, !other.negated,
                            (0...2).contains(other.start - span.start - span.length)
                        else { continue }
                        entities.knockedAreas.append(area)
                    }
                }
            }
        }
        // An area said to be fine is ruled out, as "not my quads" is, when another area is the sore one; said alone
        // ("calves feel ok now") it is still the area talked about.
        let others = entities.bodyParts.filter { !fineAreas.contains($0) }
        for id in fineAreas {
            if others.isEmpty {
                if !entities.bodyParts.contains(id) { entities.bodyParts.append(id) }
            } else if !entities.negatedBodyParts.contains(id) {
                entities.negatedBodyParts.append(id)
            }
        }
        entities.bodyParts.removeAll { entities.negatedBodyParts.contains($0) && !Self.occursUnnegated($0, spans) }
        if let first = spans.first(where: { if case .area = $0.concept { !$0.negated } else { false } }) {
            entities.opensWithArea = tokens[..<first.start].allSatisfy { Self.areaLeads.contains($0.text) }
        }
        if !spans.isEmpty, spans.allSatisfy({ if case .area = $0.concept { !$0.negated } else { false } }) {
            var covered = [Bool](repeating: false, count: tokens.count)
            for span in spans { for index in span.start..<(span.start + span.length) { covered[index] = true } }
            entities.namesOnlyAreas = tokens.indices.allSatisfy {
                covered[$0] || Self.areaLeads.contains(tokens[$0].text) || Self.groans.contains(tokens[$0].text)
            }
        }
        let line = Line(tokens, words: words)
        entities.distanceKm = Self.distance(line)
        entities.daysAgo = Self.daysAgo(line)
        entities.painLevel = Self.painLevel(line)
        entities.painKind = Self.painKind(tokens)
        entities.answer = Self.answer(line)
        entities.aboutHandsOrFace = entities.bodyParts.isEmpty && tokens.contains { $0.classes.contains(.notLegPart) }
        if let index = tokens.firstIndex(where: { $0.classes.contains(.swelling) }) {
            // "my fingers swelled up during the marathon": a swelling of the hands or face says nothing of the legs.
            entities.swelling = entities.aboutHandsOrFace ? nil : !tokens[index].negated
        }
        // Sore legs, or sore after a run of some length ("still sore 3 days after a half"): the runner's own soreness.
        if tokens.contains(where: { $0.classes.contains(.soreness) }) {
            entities.generalSoreness =
                entities.generalSoreness || entities.distanceKm != nil || tokens.contains { $0.classes.contains(.leg) }
        }
        // (Looked for only in a line that says "other": the pairs' array literals cost on every line.)
        entities.otherSide =
            words.contains("other")
            && zip(words, words.dropFirst()).contains { $0 == "other" && ["leg", "side", "one", "calf", "foot"].contains($1) }
            // "and my left leg?", "what about the right one": a side named with no area is the area on that side (a new
            // user's got the out-of-scope reply).
            || entities.bodyParts.isEmpty && (words.contains("left") || words.contains("right"))
                && zip(words, words.dropFirst()).contains { ($0 == "left" || $0 == "right") && ["leg", "one", "side"].contains($1) }
        // The area under discussion stands in for words only when this line names no area of its own.
        // (A line about the hands or face, "my fingers swelled up", is not about the areas under discussion.)
        let areas = entities.bodyParts.isEmpty && entities.negatedBodyParts.isEmpty && !entities.aboutHandsOrFace ? contextAreas : []
        // Only the foot below a sore shin or calf, where a compartment's signs show ("it's rock hard and my foot is numb on
        // top now"), is read with that area too, for the compartment only: a foot warm after the bath is no swollen calf.
        let footBelow = entities.bodyParts == ["feet"] && contextAreas.contains { $0 == "shins" || $0 == "calves" }
        entities.symptoms = symptoms.detect(tokens: tokens, spans: spans, contextAreas: [], phrasesAt: { detectorPhrases(3, $0) })
        // The runner's own healed past hides no sign told elsewhere in the line: where the rest still tells one, only
        // other people's stories are set aside ("last year I had sciatica, recovered, and now I can't control my bladder").
        let past = PastReading(someoneElse: someoneElse)
        var pastRead = past.withoutThePast(tokens)
        if zip(pastRead, tokens).contains(where: { $0.negated != $1.negated }) {
            let othersRead = past.withoutThePast(tokens, ownPast: false)
            let ownPastTold = zip(pastRead, othersRead).contains { $0.negated != $1.negated }
            if ownPastTold,
                !symptoms.detect(tokens: pastRead, spans: spans, contextAreas: [], phrasesAt: { detectorPhrases(3, $0) }).isEmpty
            {
                pastRead = othersRead
            }
        }
        if zip(pastRead, tokens).contains(where: { $0.negated != $1.negated }) {
            Self.setAsideThePast(&entities, pastRead: pastRead, tokens: tokens, spans: spans)
        }
        entities.redFlags = redFlags.detect(tokens: pastRead, spans: spans, contextAreas: areas, phrasesAt: { detectorPhrases(0, $0) })
        if footBelow, !entities.redFlags.contains("compartment"),
            redFlags.detect(tokens: pastRead, spans: spans, contextAreas: contextAreas, phrasesAt: { detectorPhrases(0, $0) })
                .contains("compartment")
        {
            entities.redFlags.append("compartment")
        }
        // "went away", "compression socks" veto a flag; never an emergency in a line with two signs that
        // stand alone: "breathless for a minute, then coughing blood" keeps its flag. (A vetoed sign still
        // gets the questions.)
        if !entities.redFlags.isEmpty {
            // Signs are counted by the words that tell them: "collapsed" is a collapse and a leg giving way, "numb bum"
            // numbness and the saddle, one sign each. ("Nearly fainted" is both faint and collapse: one sign, not two.)
            let severalSigns =
                entities.symptoms.filter { standalone.contains($0) && $0 != "faint" }.count >= 2
                && Self.distinctSigns(
                    symptoms.coverage(tokens: tokens, phrasesAt: { detectorPhrases(3, $0) }).filter {
                        standalone.contains($0.key) && $0.key != "faint"
                    }) >= 2
            // "..., the other one's fine", "other foot is normal pink": what the other side is like is the
            // comparison that makes the sign one-sided, not a sign that it passed.
            let vetoTokens = PastReading.withoutOthers(Self.withoutOtherSide(tokens))
            var vetoed = vetoes.detect(tokens: vetoTokens, spans: spans, contextAreas: [], phrasesAt: { detectorPhrases(1, $0) })
            let byACause = clauseVetoes.detect(tokens: vetoTokens, spans: spans, contextAreas: [], phrasesAt: { detectorPhrases(5, $0) })
                .filter { !vetoed.contains($0) && entities.redFlags.contains($0) }
            if !byACause.isEmpty {
                // A cause's veto holds only when the sign is not told outside the clauses that name a cause.
                let causeAt = clauseVetoes.coveredTokens(vetoTokens) { detectorPhrases(5, $0) }
                let outside = Self.withoutClauses(of: pastRead) { causeAt.contains($0) }
                let toldOutside = redFlags.detect(tokens: outside, spans: spans, contextAreas: areas, phrasesAt: { detectorPhrases(0, $0) })
                vetoed += byACause.filter { !toldOutside.contains($0) }
            }
            // (Chest pain or blood coughed up that settled, "fine a minute after I stopped", is still the chest sign: pain on
            // effort that eases with rest is the heart's classic pattern. Only breathlessness that settles is a look-alike.)
            // (Said in so many words, and not where the veto names another cause: a strap that dug in, chafing, laughing;
            // "a catch in my side for a minute" is a stitch.)
            // (Crushing, pressure or pain in the chest is its pain: "tight crushing chest during every rep, recovered after each".)
            // (Told of the chest, within a few words and the same clause, and not said to be fine: "chest is fine, it's only my
            // legs that hurt" is no chest pain.)
            let chestFelt = tokens.indices.contains { index in
                guard tokens[index].text == "chest", !tokens[index].negated else { return false }
                var near: [Token] = []
                for at in stride(from: index - 1, through: max(0, index - 3), by: -1) {
                    if tokens[at].isBreak { break }
                    near.append(tokens[at])
                }
                for at in (index + 1)..<min(tokens.count, index + 7) {
                    if tokens[at].isBreak { break }
                    near.append(tokens[at])
                }
                return near.contains { Self.chestPainWords.contains($0.text) && !$0.negated }
                    && !near.contains { ["fine", "ok", "okay", "normal", "good"].contains($0.text) }
            }
            let chestStands =
                (entities.symptoms.contains { $0 == "chest-pain" || $0 == "coughing-blood" } || chestFelt)
                && tokens.contains { ["chest", "blood", "bloody"].contains($0.text) }
                && !tokens.contains {
                    ["strap", "chafing", "chafe", "chafed", "drawers", "freezer", "treasure", "laughing"].contains($0.text)
                }
            entities.vetoedRedFlags = entities.redFlags.filter {
                vetoed.contains($0) && !(severalSigns && emergencies.contains($0)) && !($0 == "chest" && chestStands)
            }
            entities.redFlags.removeAll { entities.vetoedRedFlags.contains($0) }
        }
        // Numbness around the bottom is the saddle's sign, not one leg's nerve as well ("can't really feel my bum when I wipe").
        // (Only where the saddle's own words are told: "tingly numb right leg from the buttock down" is one leg's.)
        if entities.redFlags.contains("cauda-equina"), entities.symptoms.contains("saddle-numbness") {
            entities.redFlags.removeAll { $0 == "nerve" }
        }
        // "what are the signs of a stress fracture?", "if my calf ever swelled up, should I massage it?": a question
        // about a sign in general, or a supposed one, describes none of the runner's (the warning signs are the
        // answer, not a warning) when the rest of the line, read alone, tells of no sign.
        if !entities.redFlags.isEmpty, let question = SupposedSign.question(in: words) {
            var rest = tokens
            for index in question { rest[index].negated = true }
            let restFlags = redFlags.detect(
                tokens: past.withoutThePast(rest), spans: spans, contextAreas: areas,
                phrasesAt: { detectorPhrases(0, $0) })
            let restSigns = symptoms.detect(tokens: rest, spans: spans, contextAreas: [], phrasesAt: { detectorPhrases(3, $0) })
            if restFlags.isEmpty && restSigns.isEmpty {
                entities.redFlags = []
                entities.vetoedRedFlags = []
                entities.asksAboutSigns = true
                // ("if it ever gets swollen I'll shout": no swelling told.)
                if let swelling = tokens.firstIndex(where: { $0.classes.contains(.swelling) }), question.contains(swelling) {
                    entities.swelling = nil
                }
            }
        }
        // The sign model, last: a line no pattern flags gets the model's sign when it reads one as likely. (Setting a
        // pattern's flag aside when the model reads no sign was tried and hid real signs told beside tight muscles.)
        // The threshold was chosen on a blind batch the model was not trained on (scripts/line-model.py --evaluate).
        // (The features checked first: the model is read from the snapshot only when a line needs it.)
        if entities.redFlags.isEmpty, !signFeatures.isEmpty, let reading = signModel.read(features: signFeatures),
            reading.nothingProbability < signModel.backOffBelow
        {
            entities.redFlags = [reading.best]
            entities.redFlagFromModel = reading.best
        }
        entities.cautions = cautions.detect(tokens: tokens, spans: spans, contextAreas: areas, phrasesAt: { detectorPhrases(2, $0) })
        entities.symptomStandsAlone = entities.symptoms.contains(where: { standalone.contains($0) })
        // Another person's facts are not the runner's ("my wife is pregnant, my calves are sore"), unless the advice is
        // asked for that person: "typing for my wife - she's pregnant...", "...what can I do for him", "can she..." (a new
        // user got the firm routine for them).
        // (Or the sore area is theirs and the runner says nothing of their own: "my wife's calves are sore after her 10k,
        // she's on blood thinners".)
        // (Worked out only for a line that tells of someone else.)
        let someoneElseTold = tokens.contains(where: { $0.classes.contains(.someoneElse) })
        func forThem() -> Bool {
            let theirArea = spans.contains { span in
                guard case .area = span.concept else { return false }
                // ("her calves"; "my wife's calves", read "my wife calves".)
                return tokens[max(0, span.start - 1)...span.start].contains {
                    ["her", "his", "their"].contains($0.text) || $0.classes.contains(.someoneElse)
                }
            }
            return zip(words, words.dropFirst()).contains { first, second in
                ["typing", "asking", "behalf"].contains(first) && ["for", "of"].contains(second)
                    || first == "for" && ["him", "her", "them"].contains(second)
                    || ["can", "should", "could", "does"].contains(first) && ["he", "she"].contains(second)
            } || theirArea && !words.contains { ["i", "me", "mine", "myself"].contains($0) }
        }
        if !someoneElseTold || forThem() {
            entities.runnerFacts = runnerFacts.detect(tokens: tokens, spans: spans, contextAreas: [], phrasesAt: { detectorPhrases(4, $0) })
            // "I'm not pregnant", "forget that I'm on warfarin": taken back.
            // ("no longer on warfarin", "came off the blood thinners": taken back too.)
            let forget =
                words.contains("forget") || words.contains("scratch") || words.contains("stopped")
                || zip(words, words.dropFirst()).contains { $0 == "no" && $1 == "longer" || ["came", "come"].contains($0) && $1 == "off" }
            // (Read again only when a negated word starts a phrase of a fact: most negations are "no swelling".)
            let negatedFact = tokens.indices.contains { tokens[$0].negated && detectorPhrases(4, $0) != nil }
            if forget || negatedFact {
                let plain = tokens.map { token -> Token in
                    var token = token
                    token.negated = false
                    return token
                }
                let said = runnerFacts.detect(tokens: plain, spans: spans, contextAreas: [], phrasesAt: { detectorPhrases(4, $0) })
                entities.runnerFactsWithdrawn = forget ? said : said.filter { !entities.runnerFacts.contains($0) }
                if forget { entities.runnerFacts = [] }
            }
        }
        entities.minutesAvailable = Self.minutesAvailable(line)
        entities.trend = Self.trend(tokens)
        entities.urine = entities.asksAboutSigns ? nil : Self.urine(tokens, line, littleUrine: entities.symptoms.contains("little-urine"))
        entities.spread = Self.spread(tokens, line)
        entities.duringRun = Self.duringRun(tokens, words: words)
        entities.mentionsUrine = tokens.contains { $0.classes.contains(.urineWord) }
        // "my pee is really dark after the ultra", "wee was dark": the urine said to be dark, with no colour told that "dark
        // pee" (brown) or "a bit dark" (dark yellow) would tell. Not enough to decide, so a sign worth the screening
        // questions, whose urine question settles it (a reviewer's went to the out-of-scope reply).
        if entities.mentionsUrine, entities.urine == nil, !entities.asksAboutSigns, entities.redFlags.isEmpty,
            !entities.cautions.contains("dark-yellow-urine"),
            !entities.symptoms.contains("dark-urine"), Self.urineSaidDark(tokens)
        {
            entities.symptoms.append("dark-urine")
            entities.symptomStandsAlone = true
        }
        // "oof my legs", "ugh, legs": a groan beside the legs and nothing else is soreness, as a groan beside an area is.
        if entities.bodyParts.isEmpty, tokens.contains(where: { $0.classes.contains(.groan) }),
            tokens.contains(where: { $0.classes.contains(.leg) && !$0.negated }),
            tokens.allSatisfy({ $0.classes.contains(.leg) || $0.classes.contains(.groan) || Self.areaLeads.contains($0.text) })
        {
            entities.generalSoreness = true
            entities.discomfort = true
        }
        // "thighs front and back", "front and back of my thighs": both the quads and the hamstrings.
        if entities.bodyParts.contains("quads"), !entities.bodyParts.contains("hamstrings"),
            zip(words, zip(words.dropFirst(), words.dropFirst(2))).contains(where: {
                ($0 == "front" && $1.1 == "back" || $0 == "back" && $1.1 == "front") && $1.0 == "and"
            }),
            words.contains(where: { $0 == "thigh" || $0 == "thighs" })
        {
            entities.bodyParts.append("hamstrings")
            entities.bodyParts.removeAll { $0 == "back" }
        }
        if entities.bodyParts.isEmpty == false { entities.generalSoreness = false }
        return entities
    }

    /// A question about warning signs in general: it opens as one and says nothing of the runner's own
    /// body ("my", "me"), so "how do I know if my swollen calf is a clot?" is not one.
    /// How many of the signs are told in words of their own: a sign whose words all tell a sign already counted (a
    /// wider one first) is not counted again.
    static func distinctSigns(_ coverage: [String: Set<Int>]) -> Int {
        var told = Set<Int>()
        var count = 0
        for (_, tokens) in coverage.sorted(by: { ($0.value.count, $0.key) > ($1.value.count, $1.key) }) where !tokens.isSubset(of: told) {
            told.formUnion(tokens)
            count += 1
        }
        return count
    }

    static let swellingStems = ["swell", "puffy", "swolen", "swole"]

    /// The tokens with each clause about the other side ("the other one's fine", "other foot is
    /// normal") marked as negated, so that no phrase starts in it.
    static func withoutOtherSide(_ tokens: [Token]) -> [Token] {
        guard tokens.contains(where: { $0.text == "other" }) else { return tokens }
        var marked = tokens
        var inside = false
        for index in marked.indices {
            if marked[index].isBreak || ["but", "though", "although", "however", "whereas", "while"].contains(marked[index].text) {
                inside = false
            } else if marked[index].text == "other", index + 1 < marked.count,
                ["one", "foot", "leg", "side", "calf", "ankle", "knee", "toes", "feet", "legs"].contains(marked[index + 1].text)
            {
                inside = true
            }
            if inside { marked[index].negated = true }
        }
        return marked
    }

    /// "just got back from my run", "back home", "back to running", "bounce back": "back" as in returning, not the lower back;
    /// "back there", "back then": a place or a time; "back-to-back runs"; "thighs front and back".
    static func isBackFromARun(_ tokens: [Token], at index: Int) -> Bool {
        guard tokens[index].text == "back" else { return false }
        let before = index > 0 ? tokens[index - 1].text : ""
        // "thighs front and back": both sides of the thigh, not the lower back.
        if before == "and", index > 1, tokens[index - 2].text == "front" { return true }
        let after = index + 1 < tokens.count ? tokens[index + 1].text : ""
        return [
            "got", "get", "gets", "getting", "came", "come", "comes", "coming", "just", "am", "be", "been", "go", "went", "head", "ran",
            "run", "jogged", "walked",
            // "my legs don't bounce back like they used to": recovering.
            "bounce", "bounced", "bounces", "bouncing", "spring", "springs", "sprang",
            // "two days back", "a while back": a time.
            "day", "days", "week", "weeks", "while", "month", "months", "fortnight", "ages", "year", "years",
            // "back-to-back long runs"
            "to",
        ]
        .contains(before) || ["from", "home", "off", "out", "in", "again", "there", "then", "to"].contains(after)
    }
    /// Words that may come before the area a line opens with: "and now my left knee...", "achy foot arch
    /// after runs, any massage for that?" (how it feels, then where: a report before the question).
    static let areaLeads: Set<String> = [
        "my", "the", "both", "left", "right", "and", "also", "now", "plus", "but", "oh", "ah", "oh,", "then", "a", "one", "of",
        ",", "lower", "upper", "inner", "outer", "front", "back", "top", "whole",
        "sore", "achy", "aching", "tight", "stiff", "painful", "tender", "hurting", "throbbing", "swollen", "puffy", "heavy",
        "niggly", "dodgy", "cramping", "super", "so", "really", "very", "bit", "little", "slightly",
    ]
    /// Sounds of discomfort that name nothing: beside an area alone, a report.
    static let groans: Set<String> = ["ugh", "urgh", "argh", "oof", "ooh", "ahh", "aah", "eek", "sigh", "meh", "bleh", "gah"]
    /// Words of the lexicon that tell of discomfort only beside a leg or an area ("tired legs", "knee playing up",
    /// "banged my knee").
    static let soreBesideAnArea: Set<String> = ["tired", "flare", "knock"]
    /// Lexicon words that report discomfort.
    static let discomfortWords: Set<String> = ["sore", "hurt", "stiff", "cramp", "swollen", "numb", "pain"]

    // MARK: Trend, urine colour, spread: the answers to the screening questions

    // ("spreading" is not among them: "spread all over" answers where it hurts, not how it is going.)
    static let worseStems: Set<String> = Set(["worse", "worsen", "worsening", "increasing", "growing"].map(Stemmer.stem))
    static let easingStems: Set<String> = Set(
        [
            "better", "easing", "eased", "eases", "easier", "improving", "improved", "improves", "less", "fading", "settling", "settled",
            "subsiding", "lessening", "going", "calming", "loosening", "loosened",
        ].map(Stemmer.stem))
    static let sameStems: Set<String> = Set(["same", "unchanged", "constant", "steady", "static", "stable", "similar"].map(Stemmer.stem))

    /// "getting worse", "a bit better", "about the same": negation turns better into no better.
    static func trend(_ tokens: [Token]) -> Trend? {
        var found: Trend?
        for (index, token) in tokens.enumerated() {
            // "not as bad as yesterday", "not as sore": easing (not "not as bad as childbirth", a measure of how bad).
            if token.text == "as", index > 0, tokens[index - 1].text == "not", index + 1 < tokens.count,
                !tokens[index + 1].classes.isDisjoint(with: [.severity, .soreness]),
                index + 2 == tokens.count || tokens[index + 2].isBreak
                    || tokens[index + 2].text == "as" && index + 3 < tokens.count && Self.earlierTimes.contains(tokens[index + 3].text)
            {
                found = .easing
            }
            let classes = token.classes
            // "worse if I keep going", "worse the further I run": within a run, not the course over days.
            if classes.contains(.worse), Self.saysWithinARun(tokens, after: index) { continue }
            if classes.contains(.worse) { return token.negated ? .same : .worse }
            if classes.contains(.easing), !classes.contains(.going) || tokens.contains(where: { $0.classes.contains(.awayOrDown) }) {
                found = token.negated ? .same : (found ?? .easing)
            }
            if classes.contains(.same), found == nil { found = .same }
            // "comes and goes", "on and off", "up and down": no steady course, neither easing nor worse.
            if found == nil, index + 2 < tokens.count, tokens[index + 1].text == "and",
                ["comes", "come", "on", "up"].contains(token.text), ["goes", "go", "off", "down"].contains(tokens[index + 2].text)
            {
                found = .same
            }
            if classes.contains(.change), token.negated { found = .same }
        }
        return found
    }

    /// Whether the words after a "worse" say it worsens within a run: "if I keep going", "the further I run", "as I go".
    static func saysWithinARun(_ tokens: [Token], after index: Int) -> Bool {
        let next = tokens[(index + 1)..<min(tokens.count, index + 5)].map(\.text)
        guard let first = next.first else { return false }
        // (Not over days and weeks: "worse the longer it goes on", "worse the more I run" told with weeks is the course.)
        if tokens.contains(where: { ["week", "weeks", "month", "months", "days", "weekly", "daily"].contains($0.text) }) { return false }
        return first == "if" && next.contains { ["keep", "carry", "push"].contains($0) }
            || first == "the" && next.contains { ["further", "farther"].contains($0) }
            || first == "as" && next.contains { ["go", "continue", "carry"].contains($0) }
    }

    /// After "not as bad as": a time before now, so the line compares with then.
    static let earlierTimes: Set<String> = ["yesterday", "before", "earlier", "it", "this", "last", "the", "first", "when"]

    static let brownUrineWords: Set<String> = [
        "brown", "brownish", "cola", "coke", "tea", "coffee", "red", "reddish", "black", "blood", "bloody", "maroon", "mahogany",
        "rust", "rusty", "pink", "pinkish", "guinness", "pepsi",
    ]
    static let darkYellowWords: Set<String> = ["amber", "orange", "orangey", "concentrated"]
    static let normalUrineWords: Set<String> = [
        "normal", "clear", "pale", "fine", "ok", "okay", "straw", "light", "lemonade", "usual", "colourless", "colorless", "good",
    ]

    /// The colour of urine as told: brown or cola wins over any other word in the line; "dark" alone says too little.
    static func urine(_ tokens: [Token], _ line: Line, littleUrine: Bool) -> UrineColour? {
        var found: UrineColour?
        for (index, token) in tokens.enumerated() where !token.negated {
            let classes = token.classes
            if classes.contains(.brownUrine) { return .brown }
            if classes.contains(.darkShade) {
                if index + 1 < tokens.count, tokens[index + 1].classes.contains(.afterDarkShade) { found = .darkYellow }
            } else if classes.contains(.darkYellow) || classes.contains(.yellow) && found == nil {
                found = .darkYellow
            } else if classes.contains(.normalUrine), found == nil {
                found = .normal
            }
        }
        // "dark, and not much of it", "darker and barely any": dark and scanty after an effort is how muscle breakdown
        // shows (a reviewer's was asked again, then given light massage); not "dark yellow".
        if found == nil, tokens.contains(where: { $0.classes.contains(.darkShade) && !$0.negated }),
            line.words.contains(where: { scantyWords.contains($0) })
                || zip(line.words, line.words.dropFirst()).contains { $0 == "not" && ($1 == "much" || $1 == "many") }
        {
            return .brown
        }
        // "barely been since", "hardly any", "a tiny bit once": very little urine after an effort, a sign of muscle breakdown
        // or failing kidneys whatever its colour (a blind batch's 100k runner told it only in answer to the colour
        // question). The symptom's own words (`little-urine`), or scanty words in a short answer; not "haven't been yet",
        // which is only a wait.
        // (Said of the amount, "barely been", "hardly any": not "hardly any colour", "not much change"; a normal colour told
        // wins, "clear, i've barely stopped peeing".)
        let words = line.words
        // (Short lines only, or the symptom's own words: this runs for every line. An answer to the urine question is read
        // whole, `saysLittleUrine`.)
        if found == nil || found == .darkYellow, littleUrine || words.count <= 8 && saysLittleUrine(words), !words.contains("yet") {
            return .scanty
        }
        return found
    }

    /// "barely been since", "hardly any", "a tiny bit once": very little urine told (not "haven't been yet", a wait).
    static func saysLittleUrine(_ words: [String]) -> Bool {
        guard !words.contains("yet") else { return false }
        let pairs = zip(words, words.dropFirst())
        return
            (words.contains(where: scantyWords.contains)
            || pairs.contains(where: { littleLeads.contains($0) && littleAmounts.contains($1) }))
            && words.contains(where: amountWords.contains)
            || words.contains("since") && pairs.contains(where: { notPassed.contains($0) && amountWords.contains($1) })
            || pairs.contains(where: { onceLeads.contains($0) && $1 == "once" })
    }
    static let scantyWords: Set<String> = ["barely", "hardly", "trickle", "scanty", "dribble", "dribbles"]
    static let littleLeads: Set<String> = ["not", "very", "tiny"]
    static let littleAmounts: Set<String> = ["much", "little", "bit", "amount"]
    static let notPassed: Set<String> = ["not", "havent", "haven't", "hasnt", "hasn't"]
    static let onceLeads: Set<String> = ["only", "peed", "weed", "been"]
    static let amountWords: Set<String> = [
        "been", "any", "peed", "weed", "pee", "wee", "urine", "once", "passed", "trickle", "dribble", "gone",
    ]

    static let urineWords: Set<String> = ["urine", "pee", "peeing", "wee", "weeing", "piss", "pissing", "urinating"]

    /// "quads are fine", "knee feels ok": an area said to be all right, right after its name; not "ok when I walk
    /// but...", "ok to foam roll?", nor where a side is named ("my left knee is fine, the right one hurts").
    static func saidToBeFine(_ tokens: [Token], after end: Int) -> Bool {
        guard end + 1 < tokens.count, linkingVerbs.contains(tokens[end].text), fineWords.contains(tokens[end + 1].text) else {
            return false
        }
        if end + 2 < tokens.count, qualifiers.contains(tokens[end + 2].text) { return false }
        return !tokens.contains { sideWords.contains($0.text) }
    }
    /// Words that name a side ("my left knee", "the right one"); also `SlotFilling.namesASide`.
    static let sideWords: Set<String> = ["left", "right", "one"]
    static let linkingVerbs: Set<String> = ["is", "are", "feel", "feels", "seem", "seems"]
    static let qualifiers: Set<String> = ["to", "but", "when", "until", "if", "except", "unless", "while"]
    static let fineWords: Set<String> = ["fine", "ok", "okay", "good", "alright", "grand", "great", "perfect"]

    /// "during the run", "mid-run", "7k in", "halfway round", "started hurting on my run".
    static func duringRun(_ tokens: [Token], words: [String]) -> Bool {
        func says(_ phrases: [[String]]) -> Bool {
            phrases.contains { phrase in
                words.count >= phrase.count
                    && (0...(words.count - phrase.count)).contains { start in
                        phrase.indices.allSatisfy { words[start + $0] == phrase[$0] }
                    }
            }
        }
        // Only where a phrase's first word is (`duringStart`): the same answer, without trying each phrase at each word.
        let mayBeDuring = tokens.indices.contains { start in
            tokens[start].classes.contains(.duringStart)
                && duringPhrases.contains { phrase in
                    start + phrase.count <= words.count && phrase.indices.allSatisfy { words[start + $0] == phrase[$0] }
                }
        }
        if mayBeDuring { return true }
        // "about 7k in", "3 miles in, it went": a distance, then "in" where the clause ends (not "10k in racing
        // flats", "5k in 25 minutes", and not "first run back in a month": "back" is no distance).
        for (index, word) in words.enumerated() where index + 1 < words.count && words[index + 1] == "in" {
            let distance =
                word.first?.isNumber == true && (word.hasSuffix("k") || word.hasSuffix("km"))
                || ["miles", "mile", "km", "k", "kms"].contains(word)
            let next = index + 2 < words.count ? words[index + 2] : ","
            if distance && Self.afterDistanceIn.contains(next) { return true }
        }
        // "during today's run", "during my long run": "during" and, within three words, the run.
        for (index, word) in words.enumerated() where word == "during" {
            if words[(index + 1)..<min(words.count, index + 4)].contains(where: Self.runWords.contains) { return true }
        }
        let started = tokens.contains { $0.classes.contains(.started) }
        return started && says(onTheRunPhrases)
    }

    static let startedWords = ["started", "began", "came", "kicked"]
    /// After "7k in", words that end the distance's clause or start the next one: the distance was into the run.
    static let afterDistanceIn: Set<String> = [
        ",", ".", "and", "i", "it", "my", "something", "when", "then", "felt", "started", "began", "suddenly", "out",
    ]
    /// What "during" is about when it is about the run.
    static let runWords: Set<String> = [
        "run", "race", "parkrun", "session", "workout", "intervals", "interval", "reps", "rep", "tempo", "marathon", "jog",
        "10k", "5k", "track",
    ]
    static let duringPhrases: [[String]] = [
        "during the run", "during my run", "during the race", "mid run", "mid race", "halfway round", "halfway through",
        "half way through", "while running", "whilst running", "into my run", "into the run", "into the race", "partway through",
        "in the middle of the run",
    ].map { $0.split(separator: " ").map(String.init) }
    static let onTheRunPhrases: [[String]] = ["on my run", "on the run", "on the race", "in the race", "on a run"]
        .map { $0.split(separator: " ").map(String.init) }

    static let pinpointWords: Set<String> = [
        "spot", "point", "pinpoint", "pinpointed", "finger", "fingertip", "coin", "bone", "bony", "localised", "localized", "specific",
        "exact", "precise",
    ]
    static let onePlaceWords: Set<String> = ["bit", "part", "patch", "place"]
    static let pressWords: Set<String> = ["press", "push", "poke", "prod"]
    static let pressLeads: Set<String> = ["if", "when", "to", "i"]
    static let denialWords = ["not", "no", "rather", "isnt", "isn't", "unable"]
    static let diffuseWords: Set<String> = [
        "along", "spread", "spreads", "diffuse", "general", "generally", "whole", "length", "edge", "everywhere", "across", "band", "wide",
        "big", "large", "all",
    ]

    /// "one spot on the bone" or "all along the inside": pinpoint wins, it is the one that matters.
    static func spread(_ tokens: [Token], _ line: Line) -> Spread? {
        var found: Spread?
        for (index, token) in tokens.enumerated() where !token.negated {
            let classes = token.classes
            // "not one spot", "rather than one point", "can't point to one spot": the spot is what it is not (within the clause).
            let before = tokens[max(0, index - 4)..<index]
            let clauseStart = before.lastIndex(where: { $0.isBreak }).map { $0 + 1 } ?? before.startIndex
            let denied = tokens[clauseStart..<index].contains { $0.classes.contains(.denial) || $0.classes.contains(.negator) }
            if !denied,
                classes.contains(.pinpoint) && !classes.contains(.bone)
                    || classes.contains(.bone) && !tokens.contains(where: { $0.classes.contains(.along) })
            {
                return .pinpoint
            }
            if classes.contains(.diffuse) { found = .diffuse }
        }
        // "one bit that really hurts if I press it", "one part is tender when I push on it": one place, found by pressing (a
        // new user's hedged "idk, ..." answer lost it and got "Unchecked: one sore spot").
        if found == nil {
            for index in tokens.indices.dropFirst() {
                let word = tokens[index].text
                if tokens[index - 1].text == "one", onePlaceWords.contains(word) { return .pinpoint }
                if pressWords.contains(word), tokens[max(0, index - 2)..<index].contains(where: { pressLeads.contains($0.text) }) {
                    return .pinpoint
                }
            }
        }

        return found
    }

    /// The words of a line with what several readers need: each word's number, and phrase tests.
    /// A phrase test asks whether `" " + words.joined(separator: " ") + " "` contains (or
    /// starts with) `" " + phrase + " "`; on words of plain ASCII (no spaces, never empty) that
    /// is exactly whether the phrase's words occur in a row (at the start), which is found for
    /// every phrase of `LinePhrases` at once, with one look-up per word. Lines with other
    /// characters keep the string test, so that its Unicode comparison rules still apply.
    struct Line {
        let words: [String]
        /// Each word's `WordClass`es.
        let classes: [WordClass]
        let numbers: [Double?]
        private let text: String?
        /// By phrase id: whether the phrase occurs, and whether it starts the line (left empty
        /// while no phrase occurs).
        private var occurs: [Bool] = []
        private var starts: [Bool] = []
        /// False when no phrase test can succeed (no phrase occurs): the readers skip theirs.
        var mayHavePhrase: Bool { text != nil || !occurs.isEmpty }

        /// - Parameter words: the tokens' texts.
        init(_ tokens: [Token], words: [String]) {
            self.words = words
            classes = tokens.map { $0.classes }
            numbers = tokens.map { EntityExtractor.number($0.text, isNumberWord: $0.classes.contains(.numberWord)) }
            text = words.allSatisfy { $0.isASCII } ? nil : " " + words.joined(separator: " ") + " "
            guard text == nil else { return }
            let book = LinePhrases.shared
            for start in words.indices where tokens[start].classes.contains(.linePhraseStart) {
                guard let ids = book.byFirstWord[words[start]] else { continue }
                for id in ids {
                    let phrase = book.phrases[id].words
                    guard start + phrase.count <= words.count else { continue }
                    var index = 1
                    while index < phrase.count, words[start + index] == phrase[index] { index += 1 }
                    if index == phrase.count {
                        if occurs.isEmpty {
                            occurs = [Bool](repeating: false, count: book.phrases.count)
                            starts = occurs
                        }
                        occurs[id] = true
                        if start == 0 { starts[id] = true }
                    }
                }
            }
        }

        func contains(_ phrase: Phrase) -> Bool {
            if let text { return text.contains(phrase.spaced) }
            return !occurs.isEmpty && occurs[phrase.id]
        }

        func hasPrefix(_ phrase: Phrase) -> Bool {
            if let text { return text.hasPrefix(phrase.spaced) }
            return !starts.isEmpty && starts[phrase.id]
        }
    }

    /// A phrase of whole words (numbered in `LinePhrases`), and the same with a space on either side.
    struct Phrase: Sendable {
        let id: Int
        let words: [String]
        let spaced: String
    }

    /// Every phrase the readers of a line test for, numbered, with the ids of those starting
    /// with each word.
    /// (A class: readers take the shared book by reference, not a copy of all its phrases.)
    final class LinePhrases: Sendable {
        let phrases: [Phrase]
        let byFirstWord: [String: [Int]]

        // daysAgo
        let coupleOfDays: Phrase, coupleDays: Phrase, fewDays: Phrase, dayBeforeYesterday: Phrase, yesterday: Phrase
        let lastNight: Phrase, thisWeek: Phrase, overAWeek: Phrase, moreThanAWeek: Phrase, lastWeek: Phrase, aWeekAgo: Phrase,
            forAWeek: Phrase
        /// "a week and a half", "for ages", "since the weekend".
        let weekAndAHalf: Phrase, ages: [Phrase], weekend: Phrase
        /// "a couple of weeks", "a few weeks", "a few months".
        let coupleOfWeeks: [Phrase], fewWeeks: Phrase, months: [Phrase]
        /// "not as bad as yesterday", "better than last night": a comparison (the trend), not when it started.
        let comparedWithYesterday: [Phrase], comparedWithLastNight: [Phrase]
        let now: [Phrase]
        /// Each weekday and its plural, in `weekdays`' order.
        let weekdays: [(day: Phrase, plural: Phrase)]
        // painLevel
        let notBad: Phrase, notTooBad: Phrase, notThatBad: Phrase, veryBad: Phrase, reallyBad: Phrase
        // answer
        let unknown: [Phrase], skip: [Phrase], no: [Phrase], yes: [Phrase], itIs: Phrase
        /// "don't think so", "probably not": a no, even after "not sure" or "idk".
        let leanNo: [Phrase]

        init() {
            var phrases: [Phrase] = []
            var byFirstWord: [String: [Int]] = [:]
            func add(_ text: String) -> Phrase {
                let phrase = Phrase(id: phrases.count, words: text.split(separator: " ").map(String.init), spaced: " " + text + " ")
                phrases.append(phrase)
                byFirstWord[phrase.words[0], default: []].append(phrase.id)
                return phrase
            }
            coupleOfDays = add("couple of days")
            coupleDays = add("couple days")
            coupleOfWeeks = [add("couple of weeks"), add("couple weeks")]
            fewWeeks = add("few weeks")
            months = ["couple of months", "couple months", "few months"].map { add($0) }
            fewDays = add("few days")
            dayBeforeYesterday = add("day before yesterday")
            yesterday = add("yesterday")
            lastNight = add("last night")
            comparedWithYesterday = [add("than yesterday"), add("as yesterday")]
            comparedWithLastNight = [add("than last night"), add("as last night")]
            thisWeek = add("this week")
            overAWeek = add("over a week")
            moreThanAWeek = add("more than a week")
            lastWeek = add("last week")
            aWeekAgo = add("a week ago")
            forAWeek = add("for a week")
            weekAndAHalf = add("week and a half")
            ages = ["for ages", "ages ago", "for weeks", "weeks now"].map { add($0) }
            weekend = add("weekend")
            now = [
                "today", "this morning", "this morn", "this am", "this arvo", "this afternoon", "this evening", "tonight", "just now",
                "earlier",
                // "just got back": asked when it started, the run was just now.
                "just got back", "just back from", "just got in", "just got home", "just finished", "moments ago",
            ]
            .map {
                add($0)
            }
            weekdays = EntityExtractor.weekdays.map { (add($0), add($0 + "s")) }
            notBad = add("not bad")
            notTooBad = add("not too bad")
            notThatBad = add("not that bad")
            veryBad = add("very bad")
            reallyBad = add("really bad")
            // (A tester's "too early to tell" and "how would i know, i only just stopped running" to the trend question.)
            unknown = [
                "do not know", "not sure", "no idea", "unsure", "unable remember", "no clue", "hard to say", "too early to tell",
                "too early to say", "too soon to tell", "too soon to say", "can not tell yet", "how would i know", "how should i know",
                "only just stopped", "only just finished",
            ].map { add($0) }
            // ("never mind" is no "never": a no to the swelling question it was not.)
            skip = ["skip", "pass", "rather not say", "next question", "never mind", "nevermind", "forget it", "cancel"].map {
                add($0)
            }
            no = ["not really", "not at all", "not that i", "says not", "said not", "says no", "said no", "reckons not", "nothing else"].map
            {
                add($0)
            }
            yes = [
                "i think so", "a bit", "a little", "kind of", "sort of", "a touch", "tiny bit", "a tiny bit", "lil bit", "a lil bit",
                "little bit", "bit of", "a wee bit",
            ].map {
                add($0)
            }
            itIs = add("it is")
            leanNo = ["do not think so", "probably not", "doubt it"].map { add($0) }
            self.phrases = phrases
            self.byFirstWord = byFirstWord
        }

        static let shared = LinePhrases()
    }

    /// (Static: a closure calling a method of the extractor took a copy of the whole extractor, once a line.)
    private static func occursUnnegated(_ id: String, _ spans: [ConceptSpan]) -> Bool {
        spans.filter { $0.concept == .area(id) }.count > 1
    }

    private func negationStart(_ tokens: [Token], before index: Int) -> Int? {
        var i = index
        while i >= 0 {
            if tokens[i].classes.contains(.negator) { return i }
            if tokens[i].isBreak { return nil }
            i -= 1
        }
        return nil
    }

    /// ("ruled out a clot", "excluded a fracture": a clinician's no.)
    static let negators: Set<String> = [
        "not", "no", "never", "without", "nor", "neither", "none", "nothing", "ruled", "excluded", "nowt", "nae",
    ]
    static let scopeBreakers: Set<String> = [",", "but", "and", "only", "just", "though", "although", "however", "instead", "rather"]

    /// The kinds of pain that complete the word before them: "chest pain", "calf ache".
    static let painCompletions: Set<String> = ["pain", "pains", "ache", "aches", "problems", "issues"]

    /// Marks the tokens a negation covers: from the negator up to and including the first word
    /// that carries meaning ("no real swelling", "not going away for weeks" negates only "going"),
    /// continued through "or" ("no swelling or redness"); never past a clause break or four words.
    /// (Reads the tokens' `WordClass`es, which must be marked.)
    static func markNegation(_ tokens: inout [Token]) {
        var remaining = 0
        // The last word the denial covered that carries meaning.
        var lastDenied: Int?
        var negator = ""
        for index in tokens.indices {
            // "isn't swollen, hot, red or tender": a denial runs on through a list of single words that ends in "or"
            // (never past a comma that starts anything else: "no swelling, numb, can't feel my toes").
            if tokens[index].isBreak, lastDenied == index - 1, Self.isListOfWords(tokens, after: index) {
                remaining = 1
                continue
            }
            let classes = tokens[index].classes
            if classes.contains(.negator) || Self.zeroDenies(tokens, at: index) {
                // "No, I can't stand on it": a "no" that answers, before a pronoun, negates nothing.
                let answers = index + 1 < tokens.count && tokens[index + 1].classes.contains(.answeringPronoun)
                remaining = tokens[index].text == "no" && answers ? 0 : 4
                negator = tokens[index].text
                continue
            }
            if classes.contains(.scopeBreaker) { remaining = 0 }
            guard remaining > 0 else { continue }
            tokens[index].negated = true
            remaining -= 1
            // ("ruled out a clot": the "out" of "ruled out" is part of the negator.)
            let ruledOut = tokens[index].text == "out" && index > 0 && tokens[index - 1].text == "ruled"
            let describes = Self.countingNegators.contains(negator) && Self.describingFiller.contains(tokens[index].text)
            let carriesMeaning = !classes.contains(.negationFiller) && !classes.contains(.stopword) && !ruledOut && !describes
            let continues = index + 1 < tokens.count && tokens[index + 1].classes.contains(.orNor)
            if carriesMeaning { lastDenied = index }
            if carriesMeaning && !continues { remaining = 0 }
            // "isn't swollen or hot or red": each "or" carries the denial on to the word after it, however long the list;
            // "no chest pain or breathlessness": so does a kind of pain that completes the word denied.
            let completedByPain =
                index + 2 < tokens.count && Self.painCompletions.contains(tokens[index + 1].text)
                && tokens[index + 2].classes.contains(.orNor)
            if carriesMeaning && (continues || completedByPain) { remaining = max(remaining, completedByPain ? 3 : 2) }
        }
        markAnsweredNo(&tokens)
    }

    /// Whether the comma at `comma` goes on a list of single words that ends in "or" or "nor" and a word: ", hot, red
    /// or tender".
    static func isListOfWords(_ tokens: [Token], after comma: Int) -> Bool {
        var index = comma + 1
        for _ in 0..<6 {
            guard index + 1 < tokens.count, !tokens[index].isBreak, !tokens[index].classes.contains(.orNor) else { return false }
            if tokens[index + 1].isBreak {
                index += 2
            } else {
                return tokens[index + 1].classes.contains(.orNor) && index + 2 < tokens.count && !tokens[index + 2].isBreak
            }
        }
        return false
    }

    /// "Swollen? No. Bruised? Nope.": a clause that is only a no answers the short clause before
    /// it, which it negates.
    static func markAnsweredNo(_ tokens: inout [Token]) {
        var start = 0
        var previous: Range<Int>?
        for end in tokens.indices where tokens[end].isBreak || end == tokens.count - 1 {
            let clause = start..<(tokens[end].isBreak ? end : end + 1)
            let words = tokens[clause].map { $0.text }
            let answersNo = words.count == 1 && bareNoWords.contains(words[0]) || words == ["not", "really"]
            if answersNo, let previous, previous.count <= 3 {
                for index in previous { tokens[index].negated = true }
            }
            previous = clause
            start = end + 1
        }
    }

    /// "no weird numbness", "zero new swelling": words that describe what a no or a zero denies. Not after "never" or
    /// "not had" ("never had weird numbness like this" tells that the numbness is new).
    static let describingFiller: Set<String> = ["weird", "strange", "odd", "funny", "new"]
    static let countingNegators: Set<String> = ["no", "zero", "nothing", "none"]

    /// Whether the token at `index` is a "zero" that counts none of what follows ("zero swelling", "zero chest
    /// tightness"). Not "zero bladder control" or "zero feeling in my toes", which deny a function (the sign); nor "peed
    /// zero since the marathon", which counts the urine, or "from zero to numb", a speed.
    static func zeroDenies(_ tokens: [Token], at index: Int) -> Bool {
        guard tokens[index].text == "zero", index + 1 < tokens.count, tokens[index + 1].text != "to",
            !tokens[(index + 1)...].prefix(2).contains(where: { functions.contains($0.text) })
        else { return false }
        guard index > 0 else { return true }
        let previous = tokens[index - 1].text
        return !functions.contains(previous) && !voided.contains(previous) && !beforeANumber.contains(previous)
    }

    /// What a body does rather than a sign it shows: "zero control", "zero feeling" are signs, not denials of them.
    static let functions: Set<String> = [
        "control", "feeling", "sensation", "strength", "power", "grip", "movement", "energy", "push", "pushoff", "urine", "pee",
        "wee",
    ]
    static let voided: Set<String> = ["peed", "weed", "pissed", "urinated", "passed", "produced", "made"]
    /// "from zero to swollen in an hour", "mile zero": a zero that counts or measures, denying nothing.
    static let beforeANumber: Set<String> = [
        "from", "mile", "km", "kilometre", "kilometer", "day", "week", "hour", "minute", "level", "at",
    ]

    /// Words between a negator and what it negates: "no real sign of swelling".
    static let negationFiller: Set<String> = [
        "real", "major", "obvious", "visible", "noticeable", "much", "any", "big", "significant", "actual", "sign",
        "signs", "of", "or", "nor", "my", "the", "a", "an", "at", "all", "that", "too", "so", "very", "really", "it",
        "is", "was", "been", "do", "does", "did", "have", "has", "had", "feel", "feels", "felt", "seem", "seems", "look",
        "looks", "more", "extra", "unusual", "bad",
        // "didn't hear a pop", "haven't seen any blood", "never noticed swelling": the sense verb is not what is denied.
        "hear", "heard", "see", "seen", "saw", "notice", "noticed",
        // "I don't think I've torn anything": nor is the verb of belief (a tester's line was a muscle tear).
        "think", "believe", "reckon", "i",
        // "not getting better", "not getting any pain at night", "don't turn white": what is denied comes after it.
        // (Not "go" or "get": "cramp that won't go" denies the going, "don't get any feeling back" the feeling.)
        "getting", "turn", "turns",
    ]

    // MARK: Numbers, distances, times

    static let numberWords: [String: Double] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
        "a": 1, "an": 1, "couple": 2, "few": 3, "several": 4,
    ]

    /// - Parameter isNumberWord: whether `numberWords` has the word (`WordClass.numberWord`).
    static func number(_ word: String, isNumberWord: Bool) -> Double? {
        if mayBeNumeral(word) {
            if let value = Double(word) { return value }
            if word.hasSuffix("ish"), let value = Double(word.dropLast(3)) { return value }  // "7ish"
        }
        return isNumberWord ? numberWords[word] : nil
    }

    /// False when `Double(_:)` must fail on the word: it starts with an ASCII character that no
    /// numeral starts with (digits, sign, point, or the i of "inf" and n of "nan"), or with an i or
    /// n that does not start "inf" or "nan".
    private static func mayBeNumeral(_ word: String) -> Bool {
        guard let first = word.utf8.first else { return true }
        if first >= 0x80 || first &- UInt8(ascii: "0") < 10 { return true }
        switch first | 0x20 {
        case UInt8(ascii: "i"), UInt8(ascii: "n"):
            // Only "inf", "infinity" and "nan" (any case, "nan(...)" too) among such words parse.
            var bytes = word.utf8.makeIterator()
            let a = bytes.next().map { $0 | 0x20 }
            let b = bytes.next().map { $0 | 0x20 }
            let c = bytes.next().map { $0 | 0x20 }
            return a == UInt8(ascii: "i") && b == UInt8(ascii: "n") && c == UInt8(ascii: "f")
                || a == UInt8(ascii: "n") && b == UInt8(ascii: "a") && c == UInt8(ascii: "n")
        default: return first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: ".")
        }
    }

    /// The words `distance` reads on their own.
    static let distanceWords = ["half", "halfmarathon", "hm", "marathon", "ultra", "ultramarathon", "50k", "parkrun"]
    /// Words that say what kind of race a half was ("a hilly half").
    static let kindsOfRace: Set<String> = [
        "hilly", "hot", "windy", "tough", "hard", "slow", "fast", "wet", "cold", "flat", "muddy", "trail", "road", "big", "long",
        "local", "rainy", "humid", "brutal", "easy", "steamy", "sweaty", "freezing", "lumpy", LineReadings.hotWeather,
    ]
    /// A run told in hours, "24hr race", "a 6 hour trail run", "ran for 3 hours": its length at a steady
    /// 10 km an hour, enough for what a distance decides (whether it was a long effort).
    static let kmAnHour = 10.0
    /// "hour", "hours", "hr", "hrs", or a number ending in "h", "hr" or "hrs" ("24hr").
    static func mayBeHours(_ word: String) -> Bool {
        if hourUnits.contains(word) { return true }
        guard let first = word.utf8.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else { return false }
        return word.hasSuffix("h") || word.hasSuffix("hr") || word.hasSuffix("hrs")
    }
    static func hoursOfRunning(_ line: Line, at index: Int) -> Double? {
        let words = line.words
        var hours: Double?
        var unitAt = index
        if let value = line.numbers[index], value > 0, index + 1 < words.count, hourUnits.contains(words[index + 1]) {
            hours = value
            unitAt = index + 1
        } else if let suffix = hourUnits.first(where: { $0.count <= 3 && words[index].hasSuffix($0) }),
            let value = Double(words[index].dropLast(suffix.count)), value > 0
        {
            hours = value
        }
        // ("48 hours post race", "12 hours after the marathon": a time since the run, not its length.)
        guard let hours, unitAt + 1 >= words.count || !["after", "post", "ago", "later", "since"].contains(words[unitAt + 1]) else {
            return nil
        }
        // Said of a run: a run's word within two words after ("24hr race", "6 hour trail run"), or "ran for 3 hours".
        let after = words[(unitAt + 1)..<min(words.count, unitAt + 3)].indices
        let ofARun =
            after.contains { line.classes[$0].contains(.runWord) || line.classes[$0].contains(.runNoun) }
            || index >= 2 && words[index - 1] == "for" && ["ran", "run", "running", "jogged", "raced"].contains(words[index - 2])
        return ofARun ? hours : nil
    }
    static let hourUnits: Set<String> = ["hour", "hours", "hr", "hrs", "h"]

    static let kmUnits: Set<String> = ["k", "km", "kms", "kilometer", "kilometers", "kilometre", "kilometres", "ks"]
    static let mileUnits: Set<String> = ["mile", "miles", "mi", "mls", "miler", "milers"]
    /// The word after a range that starts at `index` ("5 6 days", "8 or 9 miles", "3 to 4 km"); nil when no range starts there.
    static func unitAfterRange(_ words: [String], _ numbers: [Double?], from index: Int) -> String? {
        var second = index + 1
        if second < words.count, words[second] == "or" || words[second] == "to" { second += 1 }
        guard second + 1 < words.count, second < numbers.count, numbers[second] != nil else { return nil }
        return words[second + 1]
    }

    static let runAdjectives: Set<String> = ["long", "easy", "hard", "short", "slow", "fast", "hilly", "big", "recovery", "tempo"]
    static let otherUnits: Set<String> = [
        "day", "days", "week", "weeks", "hour", "hours", "hrs", "hr", "minute", "minutes", "min", "mins", "am", "pm",
        "month", "months", "year", "years", "times", "time", "sets", "reps", "second", "seconds", "sec", "secs",
        "degrees", "c", "f", "x",
        // ("one spot", "one area", "one side": where, not how bad.)
        "spot", "spots", "area", "areas", "place", "point", "side", "sides", "leg", "legs", "foot", "feet",
    ]

    /// What a number before them counts: efforts of a session, not a pain level.
    static let efforts: Set<String> = [
        "reps", "rep", "repeats", "sprints", "strides", "laps", "intervals", "hills", "efforts", "sets", "rounds",
    ]

    static func distance(_ line: Line) -> Double? {
        let words = line.words
        for (index, word) in words.enumerated() {
            let next = index + 1 < words.count ? words[index + 1] : ""
            let previous = index > 0 ? words[index - 1] : ""
            // A unit suffix ends in k, m or i; other words skip the two parses.
            let last = word.utf8.last ?? 0
            let unitEnding = last >= 0x80 || last == UInt8(ascii: "k") || last == UInt8(ascii: "m") || last == UInt8(ascii: "i")
            if unitEnding, word.hasSuffix("km") || word.hasSuffix("k"), let value = Double(word.dropLast(word.hasSuffix("km") ? 2 : 1)),
                value > 0
            {
                return round1(value)
            }
            if unitEnding, word.hasSuffix("mi"), let value = Double(word.dropLast(2)), value > 0 { return round1(value * 1.609) }
            if let value = line.numbers[index], value > 0, !["a", "an"].contains(word) || next == "mile" {
                if kmUnits.contains(next) { return round1(value) }
                if mileUnits.contains(next) { return round1(value * 1.609) }
            }
            guard line.classes[index].contains(.distanceWord) else { continue }
            switch word {
            case "half":
                // "a week and a half" is a time.
                if previous == "a", index >= 2, words[index - 2] == "and" { continue }
                // ("a hilly half", "the hot half": a word of the race's kind between.)
                let leads: Set<String> = ["a", "the", "my", "ran", "did"]
                let described = index >= 2 && leads.contains(words[index - 2]) && Self.kindsOfRace.contains(previous)
                if next == "marathon"
                    || (leads.contains(previous) || described) && !["hour", "way", "of", "an", "a", "day"].contains(next)
                {
                    return 21.1
                }
            case "halfmarathon", "hm": return 21.1
            // ("training for a marathon", "upping my mileage for a marathon": the goal, not the run told of.)
            case "marathon"
            where previous != "half" && !(index >= 2 && words[index - 2] == "for" && ["a", "my", "the"].contains(previous)):
                return 42.2
            case "ultra", "ultramarathon", "50k": return 50
            case "parkrun": return 5
            default: break
            }
        }
        // (Only where the line names no distance: "a 2 hour half marathon" is a half marathon.)
        // (Looked for only in a line with an hour in it: this runs for every line.)
        if words.contains(where: Self.mayBeHours) {
            for index in words.indices { if let hours = Self.hoursOfRunning(line, at: index) { return round1(hours * kmAnHour) } }
        }
        return nil
    }

    static func daysAgo(_ line: Line) -> Double? {
        let words = line.words
        var saysNow = false
        // A number with its unit ("3 weeks now", "10 days ago"), which says more than any vague phrase beside it.
        func numberedTime() -> Double? {
            for (index, _) in words.enumerated() {
                guard var value = line.numbers[index], index + 1 < words.count else { continue }
                var unit = words[index + 1]
                var unitAt = index + 1
                // "3 and a half weeks": the half is of the unit (a tester's batch had it read as a pain level of 3).
                if let half = Self.unitAfterAHalf(words, at: index) {
                    value += 0.5
                    unitAt = half
                    unit = words[unitAt]
                }
                let after = unitAt + 1 < words.count ? words[unitAt + 1] : ""
                let before = index > 0 ? words[index - 1] : ""
                let dated =
                    after == "ago" || after == "back" || after == "now" || after == "after" || after == "since"
                    || Self.beforeDuration.contains(before) || words.count <= 3
                    // "all week, 6 days": a short answer that ends with the time.
                    || unitAt + 1 == words.count && words.count <= 6
                    // "a month or more", "6 weeks or so", "3 weeks plus": a short answer that hedges the time.
                    || (after == "or" || after == "plus") && words.count <= 6
                    // "12 days, started about 8am": an answer that opens with the time.
                    || index == 0 && (after == "," || after == ".")
                guard dated else { continue }
                if unit == "day" || unit == "days" { return value }
                if unit == "week" || unit == "weeks" { return value * 7 }
                if unit == "fortnight" || unit == "fortnights" { return value * 14 }
                if unit == "month" || unit == "months" { return value * 30 }
                if unit == "hour" || unit == "hours" { return 0 }
                // ("20 minutes ago"; not "10 minutes before bed", the time the runner has.)
                if unit == "minute" || unit == "minutes" || unit == "mins", after == "ago" { return 0 }
                if unit == "of", after == "days" { return value }
            }
            return nil
        }
        if line.mayHavePhrase {
            let p = LinePhrases.shared
            if line.contains(p.coupleOfDays) || line.contains(p.coupleDays) { return 2 }
            // (A tester's "couple of weeks" could not be read.)
            if p.coupleOfWeeks.contains(where: line.contains) { return 14 }
            if line.contains(p.fewWeeks) { return 21 }
            if p.months.contains(where: line.contains) { return 60 }
            if let day = p.weekdays.indices.first(where: { line.contains(p.weekdays[$0].day) || line.contains(p.weekdays[$0].plural) }) {
                // "on sunday": the most recent such day; today counts as today, but "since last tuesday" said on a Tuesday
                // is a week (a tester's was read as today, and reassured).
                let today = Calendar(identifier: .gregorian).component(.weekday, from: Date()) - 1
                let ago = (today - day + 7) % 7
                if ago == 0, let at = words.firstIndex(where: { $0.hasPrefix(EntityExtractor.weekdays[day]) }), at > 0,
                    ["last", "since"].contains(words[at - 1])
                {
                    return 7
                }
                return Double(ago)
            }
            if line.contains(p.fewDays) { return 3 }
            if line.contains(p.weekAndAHalf) { return 10 }
            // Vague but long: more than a week, told as such.
            if p.ages.contains(where: line.contains) { return numberedTime() ?? 14 }
            if line.contains(p.weekend) {
                // "since the weekend", "last weekend": the most recent Saturday.
                let today = Calendar(identifier: .gregorian).component(.weekday, from: Date()) - 1
                return Double((today - 6 + 7) % 7)
            }
            if line.contains(p.dayBeforeYesterday) { return 2 }
            if line.contains(p.yesterday), !p.comparedWithYesterday.contains(where: line.contains) { return 1 }
            if line.contains(p.lastNight), !p.comparedWithLastNight.contains(where: line.contains) { return 0.5 }
            if line.contains(p.thisWeek) { return 3 }  // somewhere in the last few days
            if line.contains(p.overAWeek) || line.contains(p.moreThanAWeek) { return 8 }
            if line.contains(p.lastWeek) || line.contains(p.aWeekAgo) || line.contains(p.forAWeek) { return 7 }
            // ("just got back, calf pain started 10 days ago": the time it started wins over the run's.)
            saysNow = p.now.contains(where: line.contains)
        }
        // "finished about 2pm", "crossed the line at 7am": a time of day is today (it quit the questions, "finished" being
        // a goodbye).
        // (Not beside a count of days: "12 days, started about 8am".)
        if let numbered = numberedTime() { return numbered }
        let countsDays = words.contains { ["day", "days", "week", "weeks", "month", "months", "fortnight"].contains($0) }
        return saysNow || !countsDays && words.indices.contains { Self.isClockTime(words, at: $0) } ? 0 : nil
    }

    /// Words of the chest's pain told beside "chest" (tightness alone that eased is the look-alike of the blind batches).
    static let chestPainWords: Set<String> = [
        "crushing", "crushed", "pressure", "heavy", "heaviness", "squeezing", "squeezed", "pain", "painful",
        "hurt", "hurts", "hurting", "ache", "aching", "burning", "band",
    ]

    /// Parts of the body that are not the legs, whose swelling is no leg's.
    static let notLegParts: Set<String> = [
        "finger", "fingers", "hand", "hands", "face", "eyes", "eye", "lips", "lip", "rings", "ring", "wrist", "wrists", "sausage",
    ]

    /// "2pm", "7:30am", "2 pm", "10.15pm": a time of day.
    static func isClockTime(_ words: [String], at index: Int) -> Bool {
        let word = words[index]
        if word == "am" || word == "pm", index > 0, let first = words[index - 1].first, first.isNumber { return true }
        guard word.hasSuffix("am") || word.hasSuffix("pm"), word.count >= 3 else { return false }
        let clock = word.dropLast(2)
        return clock.first?.isNumber == true && clock.count <= 5 && clock.allSatisfy { $0.isNumber || $0 == ":" || $0 == "." }
    }

    /// Words before "3 weeks" that make it a time since ("nearly 3 weeks", "it's been 5 days").
    static let beforeDuration: Set<String> = [
        "for", "past", "last", "than", "nearly", "almost", "about", "around", "roughly", "bout", "over", "been", "like", "only",
        "just", "least",
    ]

    /// "I've only got five minutes", "10 mins before bed": the time the runner has, in minutes. A number
    /// of minutes counts only beside a word of having time ("got", "spare", "before bed"), so "ran for
    /// 40 minutes" and "20 minutes ago" say nothing about it.
    static func minutesAvailable(_ line: Line) -> Int? {
        let words = line.words
        guard line.classes.contains(where: { $0.contains(.timeCue) }) else { return nil }
        for index in words.indices.dropLast() {
            guard let value = line.numbers[index], value >= 1, value <= 120 else { continue }
            // "ran for 40 minutes", "a 30 min jog": how long the run took.
            if words[max(0, index - 3)..<index].contains(where: { runVerbs.contains($0) }) { continue }
            if index + 2 < words.count, runVerbs.contains(words[index + 2]) { continue }
            let unit = words[index + 1]
            guard ["minute", "minutes", "min", "mins"].contains(unit) else { continue }
            // "20 minutes ago", "fine a minute after each rep", "settled a few minutes later": a time, not time to spare
            // ("10 minutes after my run", "15 minutes each evening" are time to spare).
            let after = index + 2 < words.count ? words[index + 2] : ""
            let then = index + 3 < words.count ? words[index + 3] : ""
            if ["ago", "later", "afterwards"].contains(after) || after == "after" && ["each", "every", "it", "that", "one"].contains(then) {
                continue
            }
            // "back to normal within a minute", "pins and needles for a minute then gone": how long a sign lasted.
            let clauseStart = words[..<index].lastIndex(of: ",").map { $0 + 1 } ?? 0
            if words[max(clauseStart, index - 6)..<index].contains(where: { signLasted.contains($0) }) || after == "then" { continue }
            return Int(value)
        }
        return nil
    }

    static let timeCues: Set<String> = [
        "have", "got", "only", "spare", "just", "bed", "bedtime", "max", "tops", "quick", "time", "under", "within", "fit", "free",
        "routine",
        "version", "session", "short", "shorter",
    ]
    static let signLasted: Set<String> = [
        "normal", "gone", "went", "settled", "eased", "fine", "better", "recovered", "passed", "stopped", "faded", "cleared",
        "lasted", "needles", "numb", "tingled", "tingling", "dizzy", "breathless", "gasping",
    ]
    static let runVerbs: Set<String> = ["ran", "run", "running", "jogged", "jog", "jogging", "raced", "race", "easy", "tempo"]

    static let weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]

    static let severity: [String: Int] = [
        "mild": 3, "slight": 2, "minor": 2, "moderate": 5, "medium": 5, "bad": 7, "severe": 8, "terrible": 8,
        "awful": 8, "horrible": 8, "agony": 9, "agonizing": 9, "agonising": 9, "excruciating": 10, "unbearable": 10,
        "intense": 7, "extreme": 9,
    ]

    /// Where the unit of "3 and a half weeks" is, for the number at `index`; nil when no "and a half" follows it.
    static func unitAfterAHalf(_ words: [String], at index: Int) -> Int? {
        guard index + 4 < words.count, words[index + 1] == "and", words[index + 2] == "a", words[index + 3] == "half" else {
            return nil
        }
        return index + 4
    }

    /// Words a number after them labels rather than measures: a place in a plan ("week 6", "day 3") or a kind ("type 1
    /// diabetic" was read as pain of 1, and the pain question never asked; "zone 2").
    static let numberLabels: Set<String> = ["week", "day", "month", "stage", "type", "zone", "size", "grade"]
    static let countedSigns: Set<String> = [
        "swelling", "redness", "heat", "bruising", "bruise", "bruises", "problems", "problem", "issues", "numbness", "tingling",
        "spot", "spots", "place", "point",
    ]

    /// Words after which a runner takes back what they said: "a 3... actually more like a 6", "make that a 5".
    static let takingBack: Set<String> = ["actually", "wait", "rather", "correction"]

    static func painLevel(_ line: Line) -> Int? {
        let words = line.words
        // A level said after the runner takes back an earlier one is the level ("its a 3... actually more like a 6").
        let takenBackAt = words.indices.last {
            takingBack.contains(words[$0]) || words[$0] == "like" && $0 > 0 && words[$0 - 1] == "more"
                || words[$0] == "that" && $0 > 0 && words[$0 - 1] == "make"
        }
        var earlier: Int?
        for index in words.indices {
            guard let level = numericLevel(line, at: index) else { continue }
            if let takenBackAt, index < takenBackAt {
                earlier = earlier ?? level
                continue
            }
            return level
        }
        if let earlier { return earlier }
        if line.mayHavePhrase {
            let p = LinePhrases.shared
            if line.contains(p.notBad) || line.contains(p.notTooBad) || line.contains(p.notThatBad) { return 3 }
            if line.contains(p.veryBad) || line.contains(p.reallyBad) { return 8 }
        }
        for (index, word) in words.enumerated() where line.classes[index].contains(.severity) {
            guard let level = severity[word] else { continue }
            // "not terrible", "not that awful": mild, as "not bad" is.
            let before = index > 0 ? words[index - 1] : ""
            let twoBefore = index > 1 ? words[index - 2] : ""
            // ("nothing too bad", "never that bad": as "not too bad".)
            let denial: Set<String> = ["not", "nothing", "never"]
            // "less bad than yesterday", "not as bad": a comparison (the trend), not how bad it is ("as bad as it gets" is).
            if before == "less" || before == "as" && twoBefore == "not" || index + 1 < words.count && words[index + 1] == "than" {
                continue
            }
            if denial.contains(before) || denial.contains(twoBefore) && ["that", "too", "so", "very", "really", "all"].contains(before) {
                return 3
            }
            // "is that bad?", "wondering if that's bad": asked whether it is, which tells no level (a new user's "it doesnt
            // hurt anywhere, just wondering if thats bad" was noted as 7 out of 10).
            let subjects: Set<String> = ["that", "it", "this"]
            let asksIfItIs = before == "is" && subjects.contains(twoBefore) && index >= 3 && ["if", "whether"].contains(words[index - 3])
            let asksIsIt =
                twoBefore == "is" && subjects.contains(before)
                && !(index >= 3 && (subjects.contains(words[index - 3]) || words[index - 3] == "pain"))
            if asksIfItIs || asksIsIt { continue }
            return level
        }
        return nil
    }

    /// The level of pain a number at `index` tells ("4", "7/10", "5 out of 10"); nil for a number of something else
    /// (a distance, a count of days or efforts, a place on the course).
    static func numericLevel(_ line: Line, at index: Int) -> Int? {
        let words = line.words
        let word = words[index]
        let next = index + 1 < words.count ? words[index + 1] : ""
        if word.utf8Contains(UInt8(ascii: "/")), let slash = word.firstIndex(of: "/") {
            let top = Double(word[..<slash])
            let bottom = Double(word[word.index(after: slash)...])
            if let top, let bottom, bottom > 0, top <= bottom { return Int((top / bottom * 10).rounded()) }
        }
        guard let value = line.numbers[index], !["a", "an", "couple", "few", "several"].contains(word) else { return nil }
        if next == "out", index + 3 < words.count + 1, words.dropFirst(index + 2).first == "of" { return clampPain(value) }
        if otherUnits.contains(next) || kmUnits.contains(next) || mileUnits.contains(next) { return nil }
        // "3 and a half weeks": a time.
        if let half = Self.unitAfterAHalf(words, at: index), otherUnits.contains(words[half]) { return nil }
        // "a sharp one", "the left one": "one" standing for a thing, not a level.
        if word == "one", index > 0, oneAsAThing.contains(words[index - 1]) || line.classes[index - 1].contains(.severity) { return nil }
        // "the last 3 long runs", "2 runs in a row": a count of runs (a tester's "last 3 long runs" changed a 5 to a 3).
        let afterNext = index + 2 < words.count ? words[index + 2] : ""
        if Interpreter.runNouns.contains(next) || runAdjectives.contains(next) && Interpreter.runNouns.contains(afterNext) { return nil }
        // ("the last 3 or 4 long runs")
        if next == "or" || next == "to",
            words.dropFirst(index + 3).first.map({ Interpreter.runNouns.contains($0) || runAdjectives.contains($0) }) == true
        {
            return nil
        }
        // "5-6 days", "8 or 9 miles": the first of a range of a unit, not a level.
        if let unit = Self.unitAfterRange(words, line.numbers, from: index),
            otherUnits.contains(unit) || kmUnits.contains(unit) || mileUnits.contains(unit)
        {
            return nil
        }
        // "around mile 4", "at km 30": a place on the course, not a level.
        let previous = index > 0 ? words[index - 1] : ""
        if kmUnits.contains(previous) || mileUnits.contains(previous) || previous == "lap" { return nil }
        // "15k, started at 10": where on the run it began.
        if previous == "at", words[..<index].contains(where: Self.startedWords.contains) { return nil }
        // "week 6 now" of a plan, "day 3": a place in a plan or a count of days, not a level.
        if Self.numberLabels.contains(previous) { return nil }
        // "13k, I usually do 8": after a run's verb, in a line that says a distance, a bare number is the usual distance.
        if Self.runVerbsBeforeADistance.contains(previous), distance(line) != nil { return nil }
        // "10 hill reps", "6 short sprints": a count of efforts.
        if Self.efforts.contains(next) || index + 2 < words.count && Self.efforts.contains(words[index + 2]) { return nil }
        // "zero swelling", "one spot": a count of something else; "hill repeats, 8 of them": a count of the efforts.
        if Self.countedSigns.contains(next) { return nil }
        if next == "of", index + 2 < words.count, ["them", "those", "these"].contains(words[index + 2]),
            words[..<index].contains(where: Self.efforts.contains)
        {
            return nil
        }
        if Double(word) == nil && words.count > 5 { return nil }  // "one of my calves"
        return value >= 0 && value <= 10 ? clampPain(value) : nil
    }

    static let oneAsAThing: Set<String> = [
        "sharp", "dull", "bad", "good", "rough", "nasty", "big", "little", "small", "new", "old", "this", "that", "the", "every",
        "other", "another", "last", "first", "right", "left", "which", "stabbing", "achy", "tight", "hard", "long", "short",
    ]

    static let runVerbsBeforeADistance: Set<String> = [
        "do", "does", "did", "doing", "run", "runs", "ran", "running", "usually", "normally", "typically", "than",
    ]

    private static func clampPain(_ value: Double) -> Int { Int(min(10, max(0, value)).rounded()) }

    static let painKinds: [(String, Set<String>)] = [
        ("sharp", ["sharp", "stab", "shoot", "sting", "knife", "piercing", "pierce", "stabby"]),
        ("burning", ["burn", "burny"]),
        ("throbbing", ["throb", "pulse", "pound"]),
        ("tight", ["tight", "stiff", "knot", "knotted", "tense", "seize", "cramp", "cramp"]),
        // Not "sore": it says where, not what kind, so the question about the kind is still asked.
        ("dull", ["dull", "ache", "achy", "heavy"]),
        ("tender", ["tender", "bruise"]),
    ]
    /// Each stem of `painKinds` and the first kind (by position) that lists it.
    static let painKindOfStem: [String: Int] = {
        var table: [String: Int] = [:]
        for (index, kind) in painKinds.enumerated() { for stem in kind.1 where table[stem] == nil { table[stem] = index } }
        return table
    }()

    /// The first kind of `painKinds` that an unnegated token names: the least kind index over the tokens.
    /// ("tight rather than sharp", "more of an ache than sharp": a kind said after "than" is the one it is not.)
    static func painKind(_ tokens: [Token]) -> String? {
        var first = Int.max
        for (index, token) in tokens.enumerated() where !token.negated && (index == 0 || tokens[index - 1].text != "than") {
            if let kind = token.classes.painKind, kind < first { first = kind }
        }
        return first == Int.max ? nil : painKinds[first].0
    }

    static func answer(_ line: Line) -> Entities.Answer? {
        let words = line.words
        let p = LinePhrases.shared
        // (With no phrase in the line, only the word tests below can succeed.)
        let phrases = line.mayHavePhrase
        for phrase in p.leanNo where phrases && line.contains(phrase) {
            return .no
        }
        for phrase in p.unknown where phrases && line.contains(phrase) {
            return .unknown
        }
        if phrases && p.skip.contains(where: { line.hasPrefix($0) }) || words == ["skip"] {
            return .skip
        }
        guard let first = words.first else { return nil }
        if phrases && p.no.contains(where: { line.hasPrefix($0) }) { return .no }
        // Told for someone else: "she says not", "he said no".
        if phrases, words.count <= 4, ["she", "he", "they"].contains(first), p.no.contains(where: { line.contains($0) }) { return .no }
        if Self.yesWords.contains(first) || phrases && p.yes.contains(where: { line.hasPrefix($0) })
            || phrases && line.hasPrefix(p.itIs) && words.count <= 3
        {
            return .yes
        }
        if Self.noWords.contains(first) { return .no }
        return nil
    }

    static let yesWords: Set<String> = [
        "yes", "yeah", "yep", "yup", "ya", "yea", "y", "sure", "definitely", "affirmative", "correct", "indeed", "slightly",
        "somewhat", "aye", "some",
    ]
    /// A no said in one word ("Swollen? Nope.").
    static let bareNoWords: Set<String> = ["no", "nope", "nah", "nay", "nup", "naw", "na"]
    static let noWords: Set<String> = bareNoWords.union(["n", "none", "negative", "never", "nothing"])

    private static func round1(_ value: Double) -> Double { (value * 10).rounded() / 10 }
}
