/// Finds the red flags a line describes, from the patterns in `Knowledge/red-flags.yaml`.
/// A pattern matches when each of its groups has a word or phrase in the line outside any
/// negation ("no swelling" is not swelling). A group that names a body area ("calves") is also
/// met by that area being under discussion when the line names none, so "it's swollen" about
/// the calves counts.
struct RedFlagDetector: Sendable {
    private struct Group: Sendable {
        /// Ids of the group's phrases in `phrases`.
        var phrases: [Int]
        var areas: Set<String>
    }
    private struct Pattern: Sendable {
        var flag: String
        var groups: [Group]
    }
    private var patterns: [Pattern] = []
    /// Every distinct phrase (as stems), by id.
    private var phrases: [[String]] = []
    /// Phrase ids by their first stem, so a line looks up only the phrases that start with one of its words.
    private var phrasesByFirstStem: [String: [Int]] = [:]

    /// - Parameter words: `Tokenizer.words`, possibly remembered (patterns repeat their phrases).
    init(knowledge: KnowledgeBase, areaOf: (String) -> String?, words: (String) -> [String] = Tokenizer.words) {
        var ids: [[String]: Int] = [:]
        for flag in knowledge.redFlags {
            for pattern in flag.patterns {
                var groups: [Group] = []
                for phrases in pattern {
                    var phraseIDs: [Int] = []
                    for stems in phrases.map({ words($0).map(Stemmer.stem) }) where !stems.isEmpty {
                        if let id = ids[stems] {
                            phraseIDs.append(id)
                        } else {
                            ids[stems] = self.phrases.count
                            phrasesByFirstStem[stems[0], default: []].append(self.phrases.count)
                            phraseIDs.append(self.phrases.count)
                            self.phrases.append(stems)
                        }
                    }
                    groups.append(Group(phrases: phraseIDs, areas: Set(phrases.compactMap(areaOf))))
                }
                patterns.append(Pattern(flag: flag.id, groups: groups))
            }
        }
    }

    func detect(tokens: [Token], spans: [ConceptSpan], contextAreas: [String]) -> [String] {
        // The phrases that occur outside a negation: starting at a token no negation covers.
        var occurs = [Bool](repeating: false, count: phrases.count)
        for start in tokens.indices where !tokens[start].negated {
            guard let candidates = phrasesByFirstStem[tokens[start].stem] else { continue }
            for id in candidates where !occurs[id] {
                let phrase = phrases[id]
                guard start + phrase.count <= tokens.count else { continue }
                var index = 1
                while index < phrase.count, tokens[start + index].stem == phrase[index] { index += 1 }
                if index == phrase.count { occurs[id] = true }
            }
        }
        var found: [String] = []
        for pattern in patterns where !found.contains(pattern.flag) {
            let matched = pattern.groups.allSatisfy { group in
                if !group.areas.isDisjoint(with: contextAreas) { return true }
                return group.phrases.contains { occurs[$0] }
            }
            if matched { found.append(pattern.flag) }
        }
        return found
    }
}
