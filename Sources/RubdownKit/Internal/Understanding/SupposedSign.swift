/// A question about a warning sign in general ("how would I know if it's a clot", "what does rhabdo look like"), or a
/// supposed one ("if my calf ever swelled up, should I...?", "say I heard a pop", "hypothetically, ..."): it tells no
/// sign of the runner's, so the warning signs are the answer, not a warning. `EntityExtractor` reads it, and clears a
/// flag only when the rest of the line, read alone, tells no sign.
enum SupposedSign {
    /// The words of the line that ask or suppose, or nil when the line tells of the runner's own sign: something said
    /// of now outside a clause that says all is well, or owning up to it ("actually it is", "that was me").
    static func question(in words: [String]) -> Range<Int>? {
        let clauses = Self.clauses(of: words)
        guard !saysNow(words, clauses), !ownsUp(words) else { return nil }
        let isAsked =
            asksSomething(words) || deniesHavingIt(words, clauses) || clauses.contains { words[$0].contains(where: wellWords.contains) }
        for (position, clause) in clauses.enumerated() {
            let said = Array(words[clause])
            // The runner's own in the question ("like this", "because mine is").
            if said.contains(where: { ownMarkers.contains($0) }) { continue }
            if isAsked {
                // ("Hypothetically, what if I collapsed": the word alone in its clause supposes the next one too.)
                if said == ["hypothetically"], position + 1 < clauses.count { return clause.lowerBound..<clauses[position + 1].upperBound }
                if supposingOpenings.contains(where: { said.starts(with: $0) }) { return clause }
                if let at = supposingIf(in: said, words, clauses) { return (clause.lowerBound + at)..<clause.upperBound }
            }
            if saysItIsHypothetical(words) && asksInGeneral(said) || position == 0 && asksAboutSignsInGeneral(said) { return clause }
            // "is cola-coloured pee after a marathon dangerous? mine is normal, just curious": a question in general, and
            // the runner's own said to be fine or the question idle (a new user got a 999 call).
            if position == 0, asksInGeneral(said), deniesHavingIt(words, clauses) || saysTheirsIsFine(words) { return clause }
        }
        return nil
    }

    /// Clauses, between commas and the marks that end a sentence (the normaliser makes a "?" a comma).
    static func clauses(of words: [String]) -> [Range<Int>] {
        var clauses: [Range<Int>] = []
        var start = 0
        for index in words.indices where clauseBreaks.contains(words[index]) {
            if index > start { clauses.append(start..<index) }
            start = index + 1
        }
        if start < words.count { clauses.append(start..<words.count) }
        return clauses
    }

    /// Anything of now ("right now", "since the race"), except in a clause that says all is well ("today I'm fine",
    /// "mine is fine right now") or in "should I still...".
    static func saysNow(_ words: [String], _ clauses: [Range<Int>]) -> Bool {
        clauses.contains { clause in
            !words[clause].contains(where: wellWords.contains)
                && clause.contains { index in
                    presentMarkers.contains(words[index])
                        && !(words[index] == "still" && index > 0
                            && (modals.contains(words[index - 1])
                                || index > 1 && ["i", "you", "we"].contains(words[index - 1]) && modals.contains(words[index - 2])))
                }
        }
    }

    /// "actually it is", "that was me", "well mine did": the supposed sign is the runner's.
    static func ownsUp(_ words: [String]) -> Bool {
        words.indices.contains { index in ownUpPhrases.contains { words[index...].starts(with: $0) } }
    }
    static let ownUpPhrases: [[String]] = [
        ["that", "was", "me"], ["mine", "did"], ["well", "it", "is"], ["but", "it", "is"], ["and", "it", "is"],
        ["well", "i", "did"], ["actually", "it"], ["actually", "i"], ["actually", "mine"], ["actually", "my"],
    ]

    /// A question, known by its words: "what", "how", or "should I", "would you", "is it", "can I"...
    static func asksSomething(_ words: [String]) -> Bool {
        words.contains { questionWords.contains($0) }
            || zip(words, words.dropFirst()).contains { first, second in askingVerbs.contains(first) && askedOf.contains(second) }
    }
    static let questionWords: Set<String> = ["what", "how", "why", "whether"]
    static let askingVerbs: Set<String> = ["should", "would", "could", "can", "is", "do", "does", "will", "shall"]
    static let askedOf: Set<String> = ["i", "you", "we", "it", "that", "this", "massage", "rolling", "there", "they"]

    /// Openings that suppose the whole clause.
    static let supposingOpenings: [[String]] = [
        ["say", "i", "had"], ["say", "i", "heard"], ["say", "i", "felt"], ["say", "i", "got"], ["hypothetically"],
        ["if", "someone"], ["if", "somebody"], ["suppose", "one", "day"], ["supposing", "one", "day"],
    ]

    /// Where an "if" that supposes starts in a clause: "if it ever...", "if in future...", "if one day...", and "if I said..."
    /// beside a denial. From the "if" on only, so that a sign told before it in the clause still counts ("calf swollen and
    /// hot and if it ever gets worse I'll go in"); not "not sure if it's ever been like this", nor "ever so slightly".
    static func supposingIf(in said: [String], _ words: [String], _ clauses: [Range<Int>]) -> Int? {
        said.indices.first { index in
            guard said[index] == "if", index == 0 || !wonderWords.contains(said[index - 1]) else { return false }
            let after = said[(index + 1)...]
            let ever = after.prefix(4).enumerated().contains { offset, word in
                word == "ever" && said.dropFirst(index + offset + 2).first != "so"
            }
            // ("if I said my knee had locked?" only beside a denial: said plainly, it may be how a runner tells an
            // embarrassing sign.)
            return ever || [["in", "future"], ["in", "the", "future"], ["one", "day"]].contains { after.starts(with: $0) }
                || after.starts(with: ["i", "said"]) && deniesHavingIt(words, clauses)
        }
    }

    /// "mine is normal", "mine's fine": the runner's own, said to be well.
    static func saysTheirsIsFine(_ words: [String]) -> Bool {
        // (Not "mine is not ok".)
        words.indices.contains { index in
            let after = words[(index + 1)...].prefix(3)
            return words[index] == "mine" && after.contains(where: wellWords.contains)
                && !after.contains(where: ["not", "no", "never"].contains)
        }
    }

    /// "I don't have one", "purely hypothetical": said of a question that speaks of no sign of the runner's.
    static func saysItIsHypothetical(_ words: [String]) -> Bool {
        words.contains("hypothetically") || words.contains("hypothetical")
            || words.indices.contains { index in hypotheticalPhrases.contains { words[index...].starts(with: $0) } }
    }
    static let hypotheticalPhrases: [[String]] = [
        ["in", "theory"], ["do", "not", "have", "one"], ["reading", "about"], ["read", "about"],
    ]

    /// A clause that opens as a question and names nobody's own leg ("can you massage over a fracture").
    static func asksInGeneral(_ said: [String]) -> Bool {
        ["is", "can", "should", "does", "do", "could", "would", "what", "how"].contains(said.first ?? "")
            && !said.contains(where: ["my", "mine", "me", "i", "myself"].contains)
    }

    /// "it hasn't", "I haven't", "just curious", "just testing": the supposed sign is denied or the question idle.
    static func deniesHavingIt(_ words: [String], _ clauses: [Range<Int>]) -> Bool {
        words.indices.contains { index in idlePhrases.contains { words[index...].starts(with: $0) } }
            || clauses.contains { clause in
                // The denial is the whole clause ("it hasn't", "no, I haven't yet"), not "I didn't want to worry you".
                var said = Array(words[clause])
                if ["no", "but", "and"].contains(said.first ?? "") { said.removeFirst() }
                if ["yet", "though", "thankfully"].contains(said.last ?? "") { said.removeLast() }
                return denials.contains(said)
            }
    }
    static let idlePhrases: [[String]] = [["just", "curious"], ["just", "testing"]]
    static let denials: [[String]] = [
        ["it", "has", "not"], ["i", "have", "not"], ["it", "did", "not"], ["i", "did", "not"], ["they", "have", "not"],
    ]

    /// Words of the runner's own in a question ("like this", "because mine is").
    static let ownMarkers: Set<String> = ["mine", "because", "this"]
    static let clauseBreaks: Set<String> = [",", "?", ".", "!", ";"]
    /// Words before "if" that make it "whether" ("not sure if it's ever been like this").
    static let wonderWords: Set<String> = ["sure", "know", "wonder", "wondering", "unsure", "idk", "see", "tell", "check"]
    /// Words of a clause that says all is well now ("today I'm fine", "it's all normal", "nothing like that").
    static let wellWords: Set<String> = ["fine", "normal", "ok", "okay", "nothing", "good", "great", "grand"]
    static let modals: Set<String> = ["should", "would", "could", "can", "will", "shall", "might", "must"]
    static let presentMarkers: Set<String> = [
        "now", "today", "tonight", "currently", "since", "still", "yesterday", "morning",
    ]

    static func asksAboutSignsInGeneral(_ words: [String]) -> Bool {
        guard !words.contains(where: { ["my", "mine", "me", "myself"].contains($0) }) else { return false }
        let openings: [[String]] = [
            ["how", "would", "i", "know"], ["how", "do", "i", "know"], ["how", "can", "i", "tell"], ["how", "would", "i", "tell"],
            ["how", "do", "you", "know"], ["how", "can", "you", "tell"], ["how", "do", "you", "tell"], ["how", "do", "i", "tell"],
            ["what", "would"], ["what", "are", "the", "signs"], ["what", "are", "signs"],
            ["what", "are", "the", "symptoms"], ["what", "are", "symptoms"], ["what", "are", "the", "warning", "signs"],
            ["signs", "of"], ["symptoms", "of"], ["what", "does"], ["what", "do"], ["what", "is"], ["what", "s"],
        ]
        guard openings.contains(where: { words.starts(with: $0) }) else { return false }
        // "what does ... feel like", "what is ...": only as questions about a named condition.
        if words.starts(with: ["what", "does"]) || words.starts(with: ["what", "do"]) || words.starts(with: ["what", "would"]) {
            return words.suffix(2) == ["feel", "like"] || words.suffix(3).contains("like")
        }
        if words.starts(with: ["what", "is"]) || words.starts(with: ["what", "s"]) {
            return words.contains("syndrome") || words.contains("clot") || words.contains("fracture") || words.contains("rhabdo")
                || words.contains("rhabdomyolysis")
        }
        return true
    }

}
