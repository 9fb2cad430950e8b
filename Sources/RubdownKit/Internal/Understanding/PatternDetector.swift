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
    private var patterns: [Pattern] = []
    /// Every distinct phrase (as stems), by id.
    private var phrases: [[String]] = []
    /// Phrase ids by their first stem, so a line looks up only the phrases that start with one of its words.
    private var phrasesByFirstStem: [String: [Int]] = [:]
    /// The groups each phrase belongs to, by phrase id.
    private var groupsOfPhrase: [[Int]] = []
    /// The areas each group names itself, by group id; met by those areas being under discussion.
    private var groupAreas: [Set<String>] = []

    /// - Parameter words: `Tokenizer.words`, possibly remembered (patterns repeat their phrases).
    init(rules: [(id: String, patterns: [[[String]]])], areaOf: (String) -> String?, words: (String) -> [String] = Tokenizer.words) {
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
    }

    func detect(tokens: [Token], spans: [ConceptSpan], contextAreas: [String]) -> [String] {
        // A group is met when one of its phrases occurs outside a negation (starting at a token
        // no negation covers), or when it names an area under discussion.
        var met: [Bool] = []
        var occurs: [Bool] = []
        for start in tokens.indices where !tokens[start].negated {
            guard let candidates = phrasesByFirstStem[tokens[start].stem] else { continue }
            if met.isEmpty {
                met = [Bool](repeating: false, count: groupAreas.count)
                occurs = [Bool](repeating: false, count: phrases.count)
            }
            for id in candidates where !occurs[id] {
                let phrase = phrases[id]
                guard start + phrase.count <= tokens.count else { continue }
                var index = 1
                while index < phrase.count, tokens[start + index].stem == phrase[index] { index += 1 }
                if index == phrase.count {
                    occurs[id] = true
                    for group in groupsOfPhrase[id] { met[group] = true }
                }
            }
        }
        if met.isEmpty {
            // No phrase of any rule starts at any token, and no area is under discussion: no group is
            // met, so only a pattern of no groups (should content have one) can match.
            if contextAreas.isEmpty {
                var found: [String] = []
                for index in patterns.indices where patterns[index].groups.isEmpty && !found.contains(patterns[index].flag) {
                    found.append(patterns[index].flag)
                }
                return found
            }
            met = [Bool](repeating: false, count: groupAreas.count)
        }
        if !contextAreas.isEmpty {
            for group in groupAreas.indices where !met[group] && !groupAreas[group].isDisjoint(with: contextAreas) { met[group] = true }
        }
        var found: [String] = []
        for pattern in patterns where !found.contains(pattern.flag) {
            if pattern.groups.allSatisfy({ met[$0] }) { found.append(pattern.flag) }
        }
        return found
    }
}
