/// Understanding: turns a line into an `Understanding` through separate stages:
/// normalise → correct typos → tokenise and stem → mark negation → entities → intent ranking.
/// Everything it knows comes from the content; it keeps no state between lines.
public struct Interpreter: Sendable {
    let lexicon: Lexicon
    let extractor: EntityExtractor
    private let matcher: IntentMatcher

    public init(content: Content) {
        let exampleWords = content.intents.intents.flatMap { $0.examples.flatMap(Tokenizer.words) }
        let lexicon = Lexicon(knowledge: content.knowledge, extraWords: exampleWords)
        // A red-flag group stands for an area when it names the area itself ("calf", "calves"), not a part of it.
        let areaStems = content.knowledge.areas.map { area in (area.id, Set([area.id, area.name].map(Stemmer.stem))) }
        let areaOf: (String) -> String? = { phrase in
            let stem = Stemmer.stem(phrase)
            return areaStems.first { $0.1.contains(stem) }?.0
        }
        self.lexicon = lexicon
        self.extractor = EntityExtractor(lexicon: lexicon, redFlags: RedFlagDetector(knowledge: content.knowledge, areaOf: areaOf))
        // Examples go through the same stages as input, minus spelling correction.
        let prepare = { (text: String) -> [String] in
            let tokens = Self.tokens(Tokenizer.words(text))
            return Self.features(tokens, spans: lexicon.spans(in: tokens))
        }
        self.matcher = IntentMatcher(intents: content.intents.intents, features: prepare)
    }

    /// Understands one line. `contextAreas` are the areas under discussion, so that a symptom
    /// said without an area ("it's swollen") is read against them.
    public func understand(_ input: String, contextAreas: [String] = []) -> Understanding {
        var corrections: [Correction] = []
        let words = Tokenizer.words(input).map { word -> String in
            guard let corrected = lexicon.correction(for: word) else { return word }
            corrections.append(Correction(from: word, to: corrected))
            return corrected
        }
        var tokens = Self.tokens(words)
        EntityExtractor.markNegation(&tokens)
        let spans = lexicon.spans(in: tokens)
        let entities = extractor.extract(tokens: tokens, spans: spans, contextAreas: contextAreas)
        let ranking = matcher.rank(Self.features(tokens, spans: spans))
        return Understanding(
            input: input, normalized: words.joined(separator: " "), corrections: corrections, entities: entities,
            ranking: ranking)
    }

    private static func tokens(_ words: [String]) -> [Token] {
        words.map { Token(text: $0, stem: Stemmer.stem($0)) }
    }

    /// What the intent matcher compares: stems of content words, with areas and techniques
    /// replaced by placeholders so that "my calves hurt" teaches "my shins hurt" too.
    static func features(_ tokens: [Token], spans: [ConceptSpan]) -> [String] {
        var features: [String] = []
        var covered = [Concept?](repeating: nil, count: tokens.count)
        for span in spans { for index in span.start..<(span.start + span.length) { covered[index] = span.concept } }
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if let concept = covered[index] {
                let length = spans.first { $0.start == index }?.length ?? 1
                switch concept {
                case .area: features.append("#area")
                case .technique: features.append("#technique")
                case .bath: features += tokens[index..<min(tokens.count, index + length)].map(\.stem).filter { !stopwords.contains($0) }
                case .word(let word): features.append(Stemmer.stem(word))
                }
                index += max(1, length)
                continue
            }
            index += 1
            if token.isBreak || stopwords.contains(token.text) { continue }
            if token.text.first?.isNumber == true {
                features.append(token.text.last?.isLetter == true ? "#distance" : "#number")
            } else {
                features.append(token.stem)
            }
        }
        return features
    }

    static let stopwords: Set<String> = [
        "i", "me", "my", "mine", "myself", "a", "an", "the", "is", "am", "are", "was", "were", "be", "been", "to", "of",
        "in", "on", "at", "for", "and", "or", "it", "this", "that", "these", "those", "so", "just", "really", "very",
        "with", "from", "up", "some", "any", "bit", "quite", "pretty", "also", "too", "then", "there", "here", "um",
        "uh", "oh", "ok", "okay", "well", "like", "its", "by", "as", "into", "please", "abit", "lol", "haha",
    ]
}
