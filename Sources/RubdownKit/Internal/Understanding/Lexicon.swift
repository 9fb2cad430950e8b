import Foundation

/// What a word or phrase stands for in the domain.
enum Concept: Hashable, Sendable {
    case area(String)
    case technique(String)
    case bath(String)
    /// A slang or variant wording for a plain word ("wrecked" → "sore").
    case word(String)
}

// Saved as "kind:id", one string: thousands of phrases each carry one.
extension Concept: Codable {
    init(from decoder: any Decoder) throws {
        let saved = try String(from: decoder)
        let parts = saved.split(separator: ":", maxSplits: 1).map(String.init)
        switch parts.first {
        case "area" where parts.count == 2: self = .area(parts[1])
        case "technique" where parts.count == 2: self = .technique(parts[1])
        case "bath" where parts.count == 2: self = .bath(parts[1])
        case "word" where parts.count == 2: self = .word(parts[1])
        default: throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a concept: \(saved)"))
        }
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .area(let id): try "area:\(id)".encode(to: encoder)
        case .technique(let id): try "technique:\(id)".encode(to: encoder)
        case .bath(let id): try "bath:\(id)".encode(to: encoder)
        case .word(let word): try "word:\(word)".encode(to: encoder)
        }
    }
}

/// Where a concept phrase stands in the tokens.
struct ConceptSpan: Sendable {
    var start: Int
    var length: Int
    var concept: Concept
    var negated: Bool
}

/// A token of the normalised input, with its stem and whether a negation covers it.
struct Token: Sendable {
    var text: String
    var stem: String
    var negated = false
    /// For the tokens of an input line, the fixed word lists its text and stem are in (see `WordClass.mark`).
    var classes: WordClass = []
    var isBreak: Bool { text == "," }
}

/// The domain's phrases (areas, techniques, baths, slang), all drawn from the knowledge base,
/// matched longest first over stems; and the vocabulary that typos are corrected towards.
struct Lexicon: Sendable, Codable {
    struct Phrase: Sendable, Codable {
        var stems: [String]
        var concept: Concept
    }
    private var phrases: [String: [Phrase]] = [:]
    private var known: Set<String> = []
    /// Everyday words typo correction leaves alone (`KnowledgeBase.ordinaryWords`).
    @Deferred private var ordinary: Set<String> = []
    /// The words typos are corrected towards: by first letter, only words of five letters or
    /// more, sorted by length and then alphabetically (so the lengths within reach are found by a
    /// binary search), each with what lets most candidates be ruled out without an edit distance.
    @Deferred private var typoCandidates: [String: [TypoCandidate]] = [:]
    /// Stems of words that put a line in Rubdown's domain (soreness, massage), beyond concept phrases.
    private var domainStems: Set<String> = []
    /// Stems of domain words that often mean something else (`KnowledgeBase.otherSenses`).
    @Deferred private var otherSenses: Set<String> = []
    /// Stems of everyday nouns of other topics (`KnowledgeBase.otherTopicWords`) that the domain's
    /// own words (its phrases, in-scope examples) never use.
    private var otherTopics: Set<String> = []
    /// The semantic back-off: for words the content never uses, the nearest word it does use.
    @Deferred private var neighbours = NeighbourTable()
    /// The corrections already worked out (working memory, saved as nothing).
    private var corrections = CorrectionMemo()
    struct Neighbour: Sendable {
        var word: String
        /// The neighbour puts a line in the domain (a soreness or massage word, an area, a technique, a bath).
        var isDomain: Bool
        /// The neighbour is a word only out-of-scope examples use, or a noun of another topic.
        var isForeign: Bool
    }

    /// - Parameters:
    ///   - extraWords: every word of the intent examples.
    ///   - outOfScopeWords: the words of them only out-of-scope examples use.
    ///   - words: `Tokenizer.words`, possibly remembered (content repeats its phrases).
    init(knowledge: KnowledgeBase, extraWords: [String], outOfScopeWords: Set<String> = [], words: (String) -> [String] = Tokenizer.words) {
        // Each word is learnt once, in order of first appearance (learning is idempotent).
        var learnt = Set<String>()
        var toLearn: [String] = []
        func learnLater(_ word: String) { if learnt.insert(word).inserted { toLearn.append(word) } }
        // The words of the domain's phrases, but for those only a figure of speech of several words uses ("charley
        // horse", "hit by a truck"): alone, "horse" and "truck" are of other topics ("how to stroke a horse").
        var phraseWordsOfTheDomain = Set<String>()
        func add(_ phrase: String, _ concept: Concept, learning: Bool = true) {
            let phraseWords = words(phrase)
            guard let first = phraseWords.first else { return }
            phrases[Stemmer.stem(first), default: []].append(Phrase(stems: phraseWords.map(Stemmer.stem), concept: concept))
            if learning { for word in phraseWords { learnLater(word) } }
            if case .word = concept, phraseWords.count > 1 { return }
            if learning { phraseWordsOfTheDomain.formUnion(phraseWords) }
        }
        for area in knowledge.areas {
            for phrase in [area.id, area.name] + area.synonyms {
                add(phrase, .area(area.id))
                // "the back of her thigh", "the sole of his foot": a parent, partner or coach tells of another's legs.
                // (The pronouns are not learnt: "their" is no word to correct "there" towards.)
                let phraseWords = words(phrase)
                guard phraseWords.contains("my") else { continue }
                for pronoun in Self.othersPossessives {
                    add(phraseWords.map { $0 == "my" ? pronoun : $0 }.joined(separator: " "), .area(area.id), learning: false)
                }
            }
        }
        for technique in knowledge.techniques {
            for phrase in [technique.id, technique.name] + technique.synonyms { add(phrase, .technique(technique.id)) }
        }
        for bath in knowledge.baths {
            for phrase in [bath.name] + bath.synonyms { add(phrase, .bath(bath.id)) }
        }
        for entry in knowledge.lexicon {
            for phrase in entry.variants { add(phrase, .word(entry.word)) }
            if entry.isDomain { domainStems.insert(Stemmer.stem(entry.word)) }
        }
        // Longest first; among phrases of the same length, the first added first.
        for (stem, candidates) in phrases {
            phrases[stem] = candidates.enumerated().sorted {
                $0.element.stems.count != $1.element.stems.count ? $0.element.stems.count > $1.element.stems.count : $0.offset < $1.offset
            }.map(\.element)
        }
        // The domain's own words: its phrases and what in-scope examples say (not what warning signs
        // or their vetoes name: "phone" and "sofa" are there to rule a sign out).
        let domainWords = phraseWordsOfTheDomain.union(extraWords.filter { !outOfScopeWords.contains($0) })
        for word in extraWords { learnLater(word) }
        // Symptom words are vocabulary too: "wound" must not become "would", and "swolen" should become "swollen".
        for flag in knowledge.redFlags {
            for phrase in flag.patterns.joined().joined() { for word in words(phrase) { learnLater(word) } }
        }
        for concept in knowledge.symptoms {
            for phrase in concept.words { for word in words(phrase) { learnLater(word) } }
        }
        // A sign's vetoes are words the runner means ("chest strap", "nettles"): never corrected,
        // and never corrected towards either.
        for flag in knowledge.redFlags {
            for phrase in (flag.unless ?? []) + (flag.unlessInClause ?? []) where !phrase.hasPrefix("$") {
                for word in words(phrase) { known.formUnion([word, Stemmer.stem(word)]) }
            }
        }
        // "pregant", "warfrin": what runners say about themselves is corrected towards too.
        for fact in knowledge.runnerFacts {
            for phrase in fact.patterns.joined().joined() { for word in words(phrase) { learnLater(word) } }
        }
        // Words worth correcting towards, by first letter.
        var vocabulary: [Character: [String]] = [:]
        for word in toLearn { learn(word, into: &vocabulary) }
        ordinary = Set(knowledge.ordinaryWords)
        otherSenses = Set(knowledge.otherSenses.map(Stemmer.stem))
        otherTopics = Set(knowledge.otherTopicWords.map(Stemmer.stem)).subtracting(domainWords.map(Stemmer.stem))
        for pair in knowledge.wordNeighbours {
            let parts = pair.split(separator: " ").map(String.init)
            guard parts.count == 2 else { continue }
            let (word, neighbour) = (parts[0], parts[1])
            let stem = Stemmer.stem(neighbour)
            let concept = phrases[stem]?.first { $0.stems.count == 1 }?.concept
            let isDomain: Bool =
                switch concept {
                case .area?, .technique?, .bath?: true
                case .word(let plain)?: domainStems.contains(Stemmer.stem(plain))
                case nil: domainStems.contains(stem)
                }
            let isForeign = outOfScopeWords.contains(neighbour) || otherTopics.contains(stem)
            neighbours.byWord[word] = Neighbour(word: neighbour, isDomain: isDomain, isForeign: isForeign)
        }
        for (letter, words) in vocabulary {
            typoCandidates[String(letter)] = Array(Set(words)).filter { $0.count >= 5 }.map(TypoCandidate.init).sorted {
                $0.characterCount != $1.characterCount ? $0.characterCount < $1.characterCount : $0.word < $1.word
            }
        }
    }

    private mutating func learn(_ word: String, into vocabulary: inout [Character: [String]]) {
        known.insert(word)
        known.insert(Stemmer.stem(word))
        let isVocabulary =
            word.utf8.allSatisfy({ $0 < 0x80 })
            ? word.utf8.count >= 4 && word.utf8.allSatisfy({ ($0 | 0x20) &- UInt8(ascii: "a") < 26 })
            : word.count >= 4 && word.allSatisfy(\.isLetter)
        if isVocabulary, let first = word.first {
            vocabulary[first, default: []].append(word)
        }
    }

    /// The phrases by their first stem, and the domain stems (for `StemIndex`).
    var phrasesByFirstStem: [String: [Phrase]] { phrases }
    var domainStemSet: Set<String> { domainStems }

    /// Whether the line is about Rubdown's domain: it names an area, technique or bath, or a domain word.
    /// Domain words that often mean something else count only when the line says no noun of
    /// another topic: "press a shirt", "drum lessons", "a newborn calf" are not about self-massage;
    /// "how do I do pressing?" and "contrast bath, hot and cold" are.
    func isInDomain(_ tokens: [Token], spans: [ConceptSpan]) -> Bool {
        isInDomain(tokens, spans: spans) { domainStems.contains(tokens[$0].stem) }
    }

    /// - Parameter isDomainStem: whether the stem of the token at an index is a domain stem.
    /// - Parameter foreign: the back-off found a word of another topic in the line.
    /// - Parameter aboutARun: the line tells of a run ("after the long run on the weekend", "after my half"), which
    ///   settles what its domain words of other senses mean, whatever other nouns it says ("hammies are cooked after
    ///   the long run on the weekend", "the hotel has a hot tub, yay or nay after my half").
    func isInDomain(
        _ tokens: [Token], spans: [ConceptSpan], foreign: Bool = false, aboutARun: Bool = false, isDomainStem: (Int) -> Bool
    ) -> Bool {
        // Whether the line has a domain word, and whether one of them is plainly the domain's.
        var evidence = false
        var plain = false
        for span in spans {
            switch span.concept {
            case .area, .technique, .bath: break
            case .word(let word): guard domainStems.contains(Stemmer.stem(word)) else { continue }
            }
            // A technique's equipment is a thing of other uses too: "a tennis ball for my dog" (but "a water bottle
            // instead of a foam roller" is about the technique).
            if case .technique = span.concept, !tokens.contains(where: { Self.substitutes.contains($0.text) }) {
                if !(span.length == 1 && Self.isAdverb(tokens[span.start])) { evidence = true }
                continue
            }
            // ("roll a sleeping bag tightly": an adverb of a soreness word says how something else is done.)
            if span.length == 1, Self.isAdverb(tokens[span.start]) { continue }
            evidence = true
            if span.length > 1 || !otherSenses.contains(tokens[span.start].stem) && !modifiesAnotherTopic(tokens, span.start)
                || saysHowItFeels(tokens, span)
            {
                plain = true
            }
        }
        for index in tokens.indices where isDomainStem(index) && !Self.isAdverb(tokens[index]) {
            evidence = true
            if !otherSenses.contains(tokens[index].stem) && !modifiesAnotherTopic(tokens, index) { plain = true }
        }
        guard evidence else { return false }
        return plain || aboutARun || !foreign && !mentionsOtherTopic(tokens, spans: spans)
    }

    /// For an ASCII word, whether it is all letters (A-Z, a-z); nil for a word beyond ASCII.
    private static func asciiLetters(_ word: String) -> Bool? {
        var word = word
        return word.withUTF8 { bytes in
            var letters = true
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if (byte | 0x20) &- UInt8(ascii: "a") >= 26 { letters = false }
            }
            return letters
        }
    }

    /// "a sore loser", "a tight deadline", "stiff competition": a soreness word right before a noun of another topic
    /// describes that noun, in another sense (as a domain word of other senses would). "massage the numbers in my
    /// spreadsheet", "knead the dough": a domain word whose object, after a determiner, is a noun of another topic is
    /// said of that thing, not of the legs.
    func modifiesAnotherTopic(_ tokens: [Token], _ index: Int) -> Bool {
        guard index + 1 < tokens.count else { return false }
        if Self.modifiers.contains(tokens[index].text) && isOtherTopic(tokens[index + 1]) { return true }
        var next = index + 1
        while next < tokens.count, Self.determiners.contains(tokens[next].text) { next += 1 }
        return next > index + 1 && next < tokens.count && isOtherTopic(tokens[next])
    }
    static let modifiers: Set<String> = ["sore", "tight", "tighter", "stiff", "stiffer", "tense", "tender"]
    static let determiners: Set<String> = [
        "the", "a", "an", "some", "this", "that", "these", "those", "my", "your", "his", "her", "their", "our",
    ]

    /// "calves feel like they've been through a mangle", "feet feel like I walked on gravel": an area of other senses
    /// that feels something is the body's, whatever the comparison names.
    func saysHowItFeels(_ tokens: [Token], _ span: ConceptSpan) -> Bool {
        guard case .area = span.concept, span.start + span.length < tokens.count else { return false }
        return Self.feelWords.contains(tokens[span.start + span.length].text)
    }
    static let feelWords: Set<String> = ["feel", "feels", "felt", "feeling"]

    /// "tightly", "sorely": an adverb whose stem is a domain word.
    static func isAdverb(_ token: Token) -> Bool {
        token.text.hasSuffix("ly") && token.text.utf8.count == token.stem.utf8.count + 2
    }

    /// Whether the line says a noun of another topic ("how long is a cow pregnant?").
    /// (A closure, not the method itself: a method passed as a function captures a copy of the lexicon.)
    func mentionsOtherTopic(_ tokens: [Token]) -> Bool { tokens.contains(where: { isOtherTopic($0) }) }

    /// `mentionsOtherTopic`, leaving out the words of the line's phrases of several words: "cream" in "cream
    /// crackered", "truck" in "hit by a truck" belong to the figure of speech.
    func mentionsOtherTopic(_ tokens: [Token], spans: [ConceptSpan]) -> Bool {
        tokens.indices.contains { index in
            isOtherTopic(tokens[index]) && !spans.contains { $0.length > 1 && $0.start <= index && index < $0.start + $0.length }
        }
    }

    /// A noun of another topic that the domain never uses.
    /// (Not an adverb whose stem is such a noun: "totally" is not "total", "really" not "real".)
    func isOtherTopic(_ token: Token) -> Bool {
        otherTopics.contains(token.stem) && !(token.text.hasSuffix("ly") && token.text.utf8.count == token.stem.utf8.count + 2)
    }

    /// The nearest content word of a word the content never uses, if the back-off has one.
    func neighbour(of word: String) -> Neighbour? { neighbours.byWord.isEmpty ? nil : neighbours.byWord[word] }

    /// What "my" of an area's name becomes when the runner tells of someone else's legs.
    static let othersPossessives = ["her", "his", "their", "your"]

    static let substitutes: Set<String> = ["instead", "alternative", "substitute", "replacement", "rather"]

    /// Whether a stem is that of a domain word that often means something else (`KnowledgeBase.otherSenses`).
    func hasOtherSenses(_ stem: String) -> Bool { otherSenses.contains(stem) }

    func isKnown(_ word: String) -> Bool { known.contains(word) || known.contains(Stemmer.stem(word)) }

    /// The longest phrase starting at `index`, as (length in tokens, concept), among `candidates`
    /// (the phrases starting with the token's stem).
    private func match(_ tokens: [Token], at index: Int, among candidates: [Phrase]?) -> (length: Int, concept: Concept)? {
        guard let candidates else { return nil }
        for candidate in candidates where index + candidate.stems.count <= tokens.count {
            if candidate.stems.indices.allSatisfy({ tokens[index + $0].stem == candidate.stems[$0] }) {
                return (candidate.stems.count, candidate.concept)
            }
        }
        return nil
    }

    /// Right after an area, a phrase that starts with "are", "is" or "feel(s)" said without it: "calves toast",
    /// "quads shot", "hammies feel dead" written as "hammies dead".
    private func predicate(_ tokens: [Token], at index: Int) -> (length: Int, concept: Concept)? {
        for copula in Self.copulaStems {
            for candidate in phrases[copula] ?? [] where candidate.stems.count > 1 && index + candidate.stems.count - 1 <= tokens.count {
                if candidate.stems.indices.dropFirst().allSatisfy({ tokens[index + $0 - 1].stem == candidate.stems[$0] }) {
                    return (candidate.stems.count - 1, candidate.concept)
                }
            }
        }
        return nil
    }

    static let copulaStems = ["are", "is", "feel", "feels"].map(Stemmer.stem).reduce(into: [String]()) {
        if !$0.contains($1) { $0.append($1) }
    }

    /// The concept phrases in the tokens, longest first, left to right.
    func spans(in tokens: [Token]) -> [ConceptSpan] {
        spans(in: tokens) { phrases[tokens[$0].stem] }
    }

    /// `spans(in:)`, given the phrases starting with the stem of the token at an index.
    func spans(in tokens: [Token], phrasesAt: (Int) -> [Phrase]?) -> [ConceptSpan] {
        var spans: [ConceptSpan] = []
        var index = 0
        while index < tokens.count {
            if let match = match(tokens, at: index, among: phrasesAt(index)) {
                spans.append(ConceptSpan(start: index, length: match.length, concept: match.concept, negated: tokens[index].negated))
                index += match.length
            } else if let last = spans.last, last.start + last.length == index, case .area = last.concept,
                let match = predicate(tokens, at: index)
            {
                spans.append(ConceptSpan(start: index, length: match.length, concept: match.concept, negated: tokens[index].negated))
                index += match.length
            } else {
                index += 1
            }
        }
        return spans
    }

    /// A likely intended domain word for an unknown one: edit distance 1 (2 for words of eight
    /// letters or more), same first letter or a swap of the first two. Words under five letters
    /// are left alone: too many ordinary words are one letter from a short domain word
    /// ("bill" and "ball", "score" and "sore").
    func correction(for word: String) -> String? {
        // Five letters or more (for ASCII words, bytes and A-Z, a-z); the rest (unknown, not an everyday word, the
        // nearest candidate) is worked out once per word.
        let isCandidate =
            switch Self.asciiLetters(word) {
            // (Four letters with one drawn out, "hiii", "yesss", too.)
            case true?: word.utf8.count >= 5 || word.utf8.count == 4 && Self.hasARunOfThree(word)
            case false?: false
            case nil: word.count >= 5 && word.allSatisfy(\.isLetter)
            }
        guard isCandidate else { return nil }
        // (No closure handed to the memo: it would capture a copy of the lexicon.)
        if let remembered = corrections.correction(for: word) { return remembered }
        let found = search(for: word)
        corrections.remember(found, for: word)
        return found
    }

    /// Whether a word has one byte three times in a row ("hiii"): looked at for every short word, so bytes, not characters.
    static func hasARunOfThree(_ word: String) -> Bool {
        var (last, count): (UInt8, Int) = (0, 0)
        for byte in word.utf8 {
            count = byte == last ? count + 1 : 1
            last = byte
            if count >= 3 { return true }
        }
        return false
    }

    /// The word with each run of three or more of a letter cut to two, then to one; nil when it has no such run.
    static func withoutStretching(_ word: String) -> [String]? {
        var runs: [(Character, Int)] = []
        for character in word {
            if let last = runs.last, last.0 == character { runs[runs.count - 1].1 += 1 } else { runs.append((character, 1)) }
        }
        guard runs.contains(where: { $0.1 >= 3 }) else { return nil }
        let two = String(runs.flatMap { repeatElement($0.0, count: $0.1 >= 3 ? 2 : $0.1) })
        let one = String(runs.flatMap { repeatElement($0.0, count: $0.1 >= 3 ? 1 : $0.1) })
        return [two, one]
    }

    /// `correction(for:)` of a word of five letters or more, worked out.
    private func search(for word: String) -> String? {
        guard !isKnown(word), !ordinary.contains(word) else { return nil }
        // A letter drawn out, as typed in a message ("heyyy", "helloooo", "byeeee"): the word with the run cut to two
        // letters or to one, whichever is known.
        if Self.hasARunOfThree(word), let stretched = Self.withoutStretching(word) {
            if let known = stretched.first(where: isKnown) { return known }
        }
        let query = TypoCandidate(word)
        let limit = query.characterCount >= 8 ? 2 : 1
        // Candidates: the words with the same first letter, then those starting with the second
        // letter (a swap of the first two), each group in alphabetical order; the first at the least
        // distance wins. (Each group is sorted by length first: the best is the least by distance,
        // then group, then word.)
        var best: (word: String, distance: Int, group: Int)?
        func consider(_ candidates: [TypoCandidate], group: Int) {
            // Ruled out cheaply when the distance must exceed the limit: lengths differ by more (outside
            // the range searched), or the sets of letters do (each edit changes at most two letters of the set).
            var low = 0
            var high = candidates.count
            while low < high {
                let middle = (low + high) / 2
                if candidates[middle].characterCount < query.characterCount - limit { low = middle + 1 } else { high = middle }
            }
            // (Through the buffer, so that a candidate ruled out is neither copied nor bounds-checked.)
            candidates.withUnsafeBufferPointer { buffer in
                for index in low..<buffer.count {
                    if buffer[index].characterCount > query.characterCount + limit { break }
                    if let a = buffer[index].letters, let b = query.letters, (a ^ b).nonzeroBitCount > 2 * limit { continue }
                    let candidate = buffer[index]
                    let distance =
                        if let a = candidate.bytes, let b = query.bytes {
                            EditDistance.between(a, b, limit: limit)
                        } else {
                            EditDistance.between(word, candidate.word, limit: limit)
                        }
                    guard distance <= limit else { continue }
                    if let best,
                        distance > best.distance
                            || distance == best.distance && (group > best.group || group == best.group && candidate.word > best.word)
                    {
                        continue
                    }
                    best = (candidate.word, distance, group)
                }
            }
        }
        let first = word.first!
        consider(typoCandidates[String(first)] ?? [], group: 0)
        if let second = word.dropFirst().first, let swapped = typoCandidates[String(second)] { consider(swapped, group: 1) }
        return best?.word
    }
}

/// Typo corrections already worked out, by word. A word's correction depends on the lexicon alone,
/// and the same words come back line after line ("please", "account", "hamstrigs"), while a search
/// among the candidates costs thousands of instructions. An interpreter is shared between threads:
/// under a lock. Saved as nothing and reflected as empty, like the stem index: a coach read back
/// starts with none, and what has been looked up is no part of what the lexicon is.
final class CorrectionMemo: @unchecked Sendable, Codable, CustomReflectable {
    init() {}
    init(from decoder: any Decoder) {}
    func encode(to encoder: any Encoder) {}
    var customMirror: Mirror { Mirror(self, children: [:]) }

    /// At most this many words are remembered; then the memo starts again (a long session's
    /// stray words cannot grow it without end).
    static let capacity = 8192
    private let lock = NSLock()
    private var byWord: [String: String?] = [:]

    /// The word's correction as remembered (`.some(nil)`: it has none); nil when not worked out yet.
    func correction(for word: String) -> String?? {
        lock.lock()
        defer { lock.unlock() }
        return byWord[word]
    }

    func remember(_ correction: String?, for word: String) {
        lock.lock()
        defer { lock.unlock() }
        if byWord.count >= Self.capacity { byWord.removeAll(keepingCapacity: true) }
        byWord[word] = correction
    }
}

/// A word as typo correction compares it: for an ASCII word, its bytes and the set of its
/// letters as a bit mask (nil otherwise, and the general path is taken).
struct TypoCandidate: Sendable {
    var word: String
    var characterCount: Int
    var bytes: [UInt8]?
    var letters: UInt32?

    init(_ word: String) {
        self.word = word
        if word.isASCII {
            var mask: UInt32 = 0
            var allLetters = true
            for byte in word.utf8 {
                let letter = (byte | 0x20) &- UInt8(ascii: "a")
                if letter < 26 { mask |= 1 << UInt32(letter) } else { allLetters = false }
            }
            self.characterCount = word.utf8.count
            self.bytes = Array(word.utf8)
            // Upper and lower case share a bit, so the mask is only a filter for words of lower-case letters.
            self.letters = allLetters && word.utf8.allSatisfy({ $0 >= UInt8(ascii: "a") }) ? mask : nil
        } else {
            self.characterCount = word.count
            self.bytes = nil
            self.letters = nil
        }
    }
}

enum Tokenizer {
    static func words(_ text: String) -> [String] {
        rewriteInability(Normalizer.words(text))
    }

    /// "can not stand", "could not", "not able to" → "unable", so that an inability is a symptom,
    /// not a negation ("I can't stand on tiptoe" must still be read as a red flag).
    static func rewriteInability(_ words: [String]) -> [String] {
        // Every rewrite has a "not" in it.
        guard words.contains("not") else { return words }
        var out: [String] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            let next = index + 1 < words.count ? words[index + 1] : ""
            if (word == "can" || word == "could") && next == "not" {
                out.append("unable")
                index += 2
            } else if word == "not" && next == "able" {
                out.append("unable")
                index += index + 2 < words.count && words[index + 2] == "to" ? 3 : 2
            } else {
                out.append(word)
                index += 1
            }
        }
        return out
    }
}

// Saved as the word alone: the rest follows from it.
extension TypoCandidate: Codable {
    init(from decoder: any Decoder) throws { self.init(try String(from: decoder)) }
    func encode(to encoder: any Encoder) throws { try word.encode(to: encoder) }
}

/// The back-off's neighbours by word, saved as two lists of strings (the words, then each neighbour
/// with its two flags as a digit before it, "1ache"), which read back on the coder's fast path:
/// thousands of them, a keyed entry apiece, had made them most of a start's decoding.
struct NeighbourTable: Sendable, Codable {
    var byWord: [String: Lexicon.Neighbour] = [:]

    init() {}

    init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        let words = try container.decode([String].self)
        let saved = try container.decode([String].self)
        guard words.count == saved.count else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "neighbour lists differ in length"))
        }
        byWord.reserveCapacity(words.count)
        for (word, entry) in zip(words, saved) {
            guard let flags = entry.first?.wholeNumberValue, (0...3).contains(flags) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a neighbour: \(entry)"))
            }
            byWord[word] = Lexicon.Neighbour(word: String(entry.dropFirst()), isDomain: flags & 1 != 0, isForeign: flags & 2 != 0)
        }
    }

    func encode(to encoder: any Encoder) throws {
        let words = byWord.keys.sorted()
        var container = encoder.unkeyedContainer()
        try container.encode(words)
        try container.encode(
            words.map { word in
                let neighbour = byWord[word]!
                return "\((neighbour.isDomain ? 1 : 0) | (neighbour.isForeign ? 2 : 0))\(neighbour.word)"
            })
    }
}
