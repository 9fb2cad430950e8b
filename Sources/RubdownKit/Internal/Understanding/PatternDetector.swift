/// Finds which rules a line meets: the red flags of `Knowledge/red-flags.yaml`, the caution routes
/// of `cautions.yaml`, or the serious symptom concepts of `symptoms.yaml` (a rule of one group each).
/// A pattern matches when each of its groups has a word or phrase in the line outside any
/// negation ("no swelling" is not swelling). A group that names a body area ("calves") is also
/// met by that area being under discussion when the line names none, so "it's swollen" about
/// the calves counts.
struct PatternDetector: Sendable, Codable {
    private struct Pattern: Sendable, Codable {
        var flag: String
        /// Ids of the pattern's groups (each group: phrases, one of which must occur).
        var groups: [Int]
    }
    @Deferred private var patterns: [Pattern] = []
    /// Every distinct phrase (as stems), by id.
    @Deferred private var phrases: [[String]] = []
    /// Phrase ids by their first stem, so a line looks up only the phrases that start with one of its words.
    private var phrasesByFirstStem: [String: [Int]] = [:]
    /// The groups each phrase belongs to, by phrase id.
    @Deferred private var groupsOfPhrase: [[Int]] = []
    /// The areas each group names itself, by group id; met by those areas being under discussion.
    @Deferred private var groupAreas: [Set<String>] = []
    /// The patterns (by index, ascending) that have each group, by group id: only they can match once it is met.
    @Deferred private var patternsOfGroup: [[Int]] = []
    /// Patterns of no groups, which every line meets (content has none; kept so that it would behave alike).
    @Deferred private var patternsWithoutGroups: [Int] = []
    /// Whether an intensifier inside a phrase is stepped over: for signs, not for the words that veto them ("it totally
    /// went rock hard" is no "it went").
    private var stepsOverIntensifiers = true

    /// - Parameter words: `Tokenizer.words`, possibly remembered (patterns repeat their phrases).
    init(
        rules: [(id: String, patterns: [[[String]]])], areaOf: (String) -> String?, words: (String) -> [String] = Tokenizer.words,
        stepsOverIntensifiers: Bool = true
    ) {
        self.stepsOverIntensifiers = stepsOverIntensifiers
        var ids: [[String]: Int] = [:]
        // A symptom concept expands to the same group of phrases in every pattern that names it: each
        // distinct group is built once, and its phrases stemmed once.
        var groupOf: [[String]: Int] = [:]
        var stemsOf: [String: [String]] = [:]
        for flag in rules {
            for pattern in flag.patterns {
                var groups: [Int] = []
                for phrases in pattern {
                    if let known = groupOf[phrases] {
                        groups.append(known)
                        continue
                    }
                    let group = groupAreas.count
                    groupOf[phrases] = group
                    groupAreas.append(Set(phrases.compactMap(areaOf)))
                    let stemmed = phrases.map { phrase in
                        if let stems = stemsOf[phrase] { return stems }
                        let stems = words(phrase).map(Stemmer.stem)
                        stemsOf[phrase] = stems
                        return stems
                    }
                    for stems in stemmed where !stems.isEmpty {
                        let id: Int
                        if let known = ids[stems] {
                            id = known
                        } else {
                            id = self.phrases.count
                            ids[stems] = id
                            phrasesByFirstStem[stems[0], default: []].append(id)
                            self.phrases.append(stems)
                            groupsOfPhrase.append([])
                        }
                        if groupsOfPhrase[id].last != group { groupsOfPhrase[id].append(group) }
                    }
                    groups.append(group)
                }
                patterns.append(Pattern(flag: flag.id, groups: groups))
            }
        }
        patternsOfGroup = [[Int]](repeating: [], count: groupAreas.count)
        for (index, pattern) in patterns.enumerated() {
            if pattern.groups.isEmpty { patternsWithoutGroups.append(index) }
            for group in pattern.groups where patternsOfGroup[group].last != index { patternsOfGroup[group].append(index) }
        }
    }

    /// The phrase ids by their first stem (for `StemIndex`).
    var phraseStarts: [String: [Int]] { phrasesByFirstStem }

    func detect(tokens: [Token], spans: [ConceptSpan], contextAreas: [String]) -> [String] {
        detect(tokens: tokens, spans: spans, contextAreas: contextAreas) { phrasesByFirstStem[tokens[$0].stem] }
    }

    /// - Parameter phrasesAt: the ids of the phrases starting with the stem of the token at an
    ///   index (`phraseStarts`).
    func detect(tokens: [Token], spans: [ConceptSpan], contextAreas: [String], phrasesAt: (Int) -> [Int]?) -> [String] {
        // A group is met when one of its phrases occurs outside a negation (starting at a token
        // no negation covers), or when it names an area under discussion.
        var met: [Bool] = []  // by group id, made when a first group is met
        var metGroups: [Int] = []
        func meet(_ group: Int) {
            if met.isEmpty { met = [Bool](repeating: false, count: groupAreas.count) }
            if !met[group] {
                met[group] = true
                metGroups.append(group)
            }
        }
        forEachPhrase(in: tokens, phrasesAt: phrasesAt) { id, _ in
            for group in groupsOfPhrase[id] { meet(group) }
        }
        if !contextAreas.isEmpty {
            for group in groupAreas.indices where (met.isEmpty || !met[group]) && !groupAreas[group].isDisjoint(with: contextAreas) {
                meet(group)
            }
        }
        // Only a pattern with a met group (or with none) can match: those are tried, in the patterns' order.
        var candidates = patternsWithoutGroups
        for group in metGroups { candidates += patternsOfGroup[group] }
        guard !candidates.isEmpty else { return [] }
        candidates.sort()
        var found: [String] = []
        var previous = -1
        for index in candidates where index != previous {
            previous = index
            let pattern = patterns[index]
            if !found.contains(pattern.flag), pattern.groups.allSatisfy({ met[$0] }) { found.append(pattern.flag) }
        }
        return found
    }

    /// For each rule of one group (a symptom concept) that a phrase of the line meets, the tokens its phrases cover:
    /// "collapsed" is both a collapse and a leg giving way, one sign told once.
    func coverage(tokens: [Token], phrasesAt: (Int) -> [Int]?) -> [String: Set<Int>] {
        var covered: [Int: Set<Int>] = [:]  // by group id
        forEachPhrase(in: tokens, phrasesAt: phrasesAt) { id, range in
            for group in groupsOfPhrase[id] { covered[group, default: []].formUnion(range) }
        }
        var result: [String: Set<Int>] = [:]
        for pattern in patterns where pattern.groups.count == 1 {
            if let tokens = covered[pattern.groups[0]] { result[pattern.flag, default: []].formUnion(tokens) }
        }
        return result
    }

    /// The tokens covered by the phrases of any rule that occur in the line outside a negation: where a cause of
    /// `unless_in_clause` is told (a phrase's first stem alone is no match: "the length of" is not told by every "the").
    func coveredTokens(_ tokens: [Token], phrasesAt: (Int) -> [Int]?) -> Set<Int> {
        var covered: Set<Int> = []
        forEachPhrase(in: tokens, phrasesAt: phrasesAt) { _, range in covered.formUnion(range) }
        return covered
    }

    /// Calls `body` with each phrase (by id) that occurs in the line outside a negation (starting at a token no negation
    /// covers), and the tokens it covers.
    /// A negation covers the whole phrase it starts: in "no stress fracture" the negation stops at "stress", and
    /// "fracture", a phrase of its own, lies inside the negated "stress fracture". (Only a phrase wholly inside: in
    /// "not able to pee much", "pee much" still tells.)
    /// An intensifier inside a phrase ("at a really odd angle", "is so swollen") says the phrase all the same: up to two
    /// are stepped over, where the phrase itself has no such word there.
    private func forEachPhrase(in tokens: [Token], phrasesAt: (Int) -> [Int]?, _ body: (Int, Range<Int>) -> Void) {
        /// The end of the phrase's match at `start` (past its last token), or nil.
        func matchEnd(_ id: Int, at start: Int) -> Int? {
            let phrase = phrases[id]
            var index = 1
            var at = start + 1
            var skipped = 0
            while index < phrase.count, at < tokens.count {
                if tokens[at].stem == phrase[index] {
                    index += 1
                    at += 1
                } else if stepsOverIntensifiers, skipped < 2, tokens[at].classes.contains(.intensifier) {
                    skipped += 1
                    at += 1
                } else {
                    return nil
                }
            }
            return index == phrase.count ? at : nil
        }
        var negatedUntil = 0
        for start in tokens.indices {
            guard let candidates = phrasesAt(start) else { continue }
            if tokens[start].negated {
                for id in candidates { if let end = matchEnd(id, at: start) { negatedUntil = max(negatedUntil, end) } }
                continue
            }
            for id in candidates {
                if let end = matchEnd(id, at: start), end > negatedUntil { body(id, start..<end) }
            }
        }
    }

    static let intensifiers: Set<String> = [
        "really", "very", "so", "super", "totally", "absolutely", "completely", "properly", "quite", "pretty", "truly", "utterly",
        "extremely", "incredibly", "rly", "realy", "reely", "seriously", "massively",
    ]
}
