/// Finds the red flags a line describes, from the patterns in `Knowledge/red-flags.yaml`.
/// A pattern matches when each of its groups has a word or phrase in the line outside any
/// negation ("no swelling" is not swelling). A group that names a body area ("calves") is also
/// met by that area being under discussion when the line names none, so "it's swollen" about
/// the calves counts.
struct RedFlagDetector: Sendable {
    private struct Group: Sendable {
        var phrases: [[String]]
        var areas: Set<String>
    }
    private struct Pattern: Sendable {
        var flag: String
        var groups: [Group]
    }
    private var patterns: [Pattern] = []

    init(knowledge: KnowledgeBase, areaOf: (String) -> String?) {
        for flag in knowledge.redFlags {
            for pattern in flag.patterns {
                let groups = pattern.map { phrases in
                    Group(
                        phrases: phrases.map { Tokenizer.words($0).map(Stemmer.stem) }.filter { !$0.isEmpty },
                        areas: Set(phrases.compactMap(areaOf)))
                }
                patterns.append(Pattern(flag: flag.id, groups: groups))
            }
        }
    }

    func detect(tokens: [Token], spans: [ConceptSpan], contextAreas: [String]) -> [String] {
        let stems = tokens.map(\.stem)
        var found: [String] = []
        for pattern in patterns where !found.contains(pattern.flag) {
            let matched = pattern.groups.allSatisfy { group in
                if !group.areas.isDisjoint(with: contextAreas) { return true }
                return group.phrases.contains { phrase in occurs(phrase, in: stems, tokens: tokens) }
            }
            if matched { found.append(pattern.flag) }
        }
        return found
    }

    private func occurs(_ phrase: [String], in stems: [String], tokens: [Token]) -> Bool {
        guard !phrase.isEmpty, phrase.count <= stems.count else { return false }
        for start in 0...(stems.count - phrase.count) where !tokens[start].negated {
            if phrase.indices.allSatisfy({ stems[start + $0] == phrase[$0] }) { return true }
        }
        return false
    }
}
