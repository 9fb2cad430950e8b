import Foundation

/// A small, seedable generator (SplitMix64), so every run generates the same tables.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Synthetic intent tables for the scale benchmark: intents spread over the registered plugins,
/// each with its own topic words drawn from a vocabulary of pseudo-words, plus running and
/// massage words from the domain, phrased through common openers and closers.
struct TableGenerator {
    static let plugins = ["techniques", "triage", "bath", "core"]
    static let domainWords = [
        "calves", "calf", "hamstrings", "quads", "glutes", "shins", "feet", "achilles", "knees", "hips", "back",
        "foam roller", "tennis ball", "massage", "sore", "tight", "ache", "stretch", "run", "10k", "marathon",
        "ice bath", "warm bath", "drumming", "stroking", "pressing", "legs", "hurt", "pain", "recovery", "long run",
        "tempo", "intervals", "race", "training", "stiff", "cramp",
    ]
    static let openers = [
        "", "", "", "how do i", "what is the", "can you tell me about", "i want to", "should i", "is it ok to",
        "help me with", "what about", "tell me how to", "why does my", "when should i", "any tips for",
        "please explain", "i need", "is there a way to", "where can i find",
    ]
    static let closers = [
        "", "", "", "", "after my run", "please", "today", "after a 10k", "before a race", "this week", "again",
        "for beginners",
    ]

    let vocabulary: [String]
    /// Cumulative Zipf weights over the vocabulary, for filler words.
    private let zipf: [Double]
    var rng: SplitMix64

    init(seed: UInt64, vocabularySize: Int = 4000) {
        rng = SplitMix64(seed: seed)
        let onsets = [
            "b", "br", "c", "ch", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "l", "m", "n", "p", "pl", "qu", "r", "s", "sh", "st", "t",
            "tr", "v", "w", "z",
        ]
        let vowels = ["a", "e", "i", "o", "u", "ai", "ea", "oo", "ou"]
        let codas = ["", "", "n", "r", "l", "m", "s", "t", "nd", "rk"]
        var words: [String] = []
        var seen = Set<String>()
        while words.count < vocabularySize {
            let syllables = Int.random(in: 2...3, using: &rng)
            var word = ""
            for _ in 0..<syllables {
                word += onsets.randomElement(using: &rng)! + vowels.randomElement(using: &rng)! + codas.randomElement(using: &rng)!
            }
            if word.count >= 4, seen.insert(word).inserted { words.append(word) }
        }
        vocabulary = words
        var cumulative: [Double] = []
        var sum = 0.0
        for rank in 1...vocabularySize {
            sum += 1 / Double(rank)
            cumulative.append(sum)
        }
        zipf = cumulative.map { $0 / sum }
    }

    private mutating func zipfWord() -> String {
        let u = Double.random(in: 0..<1, using: &rng)
        var low = 0
        var high = zipf.count - 1
        while low < high {
            let middle = (low + high) / 2
            if zipf[middle] < u { low = middle + 1 } else { high = middle }
        }
        return vocabulary[low]
    }

    struct GeneratedIntent {
        var id: String
        var plugin: String
        var topic: [String]
        var examples: [String]
    }

    /// One utterance about a topic: opener, two or three topic words with filler, closer.
    mutating func utterance(topic: [String]) -> String {
        var words = Array(topic.shuffled(using: &rng).prefix(Int.random(in: 2...3, using: &rng)))
        for _ in 0..<Int.random(in: 0...2, using: &rng) { words.insert(zipfWord(), at: Int.random(in: 0...words.count, using: &rng)) }
        if Double.random(in: 0..<1, using: &rng) < 0.3 {
            words.insert(Self.domainWords.randomElement(using: &rng)!, at: Int.random(in: 0...words.count, using: &rng))
        }
        let parts = [Self.openers.randomElement(using: &rng)!] + words + [Self.closers.randomElement(using: &rng)!]
        return parts.filter { !$0.isEmpty }.joined(separator: " ")
    }

    mutating func intents(count: Int, examplesEach: Int) -> [GeneratedIntent] {
        (0..<count).map { index in
            var topic: [String] = []
            while topic.count < 4 {
                let word = vocabulary.randomElement(using: &rng)!
                if !topic.contains(word) { topic.append(word) }
            }
            if Double.random(in: 0..<1, using: &rng) < 0.5 { topic.append(Self.domainWords.randomElement(using: &rng)!) }
            var examples: [String] = []
            var seen = Set<String>()
            var attempts = 0
            while examples.count < examplesEach {
                let example = utterance(topic: topic)
                attempts += 1
                if seen.insert(example).inserted || attempts > examplesEach * 20 { examples.append(example) }
            }
            let plugin = Self.plugins[index % Self.plugins.count]
            return GeneratedIntent(id: String(format: "gen.%@.i%05d", plugin, index), plugin: plugin, topic: topic, examples: examples)
        }
    }

    /// A new utterance for an intent, sometimes with a typing slip in a long word.
    mutating func query(for intent: GeneratedIntent) -> String {
        var words = utterance(topic: intent.topic).split(separator: " ").map(String.init)
        if Double.random(in: 0..<1, using: &rng) < 0.1,
            let index = words.indices.filter({ words[$0].count >= 6 && words[$0].allSatisfy(\.isLetter) }).randomElement(using: &rng)
        {
            var letters = Array(words[index])
            let at = Int.random(in: 1..<(letters.count - 1), using: &rng)
            letters.swapAt(at, at + 1)
            words[index] = String(letters)
        }
        return words.joined(separator: " ")
    }

    /// The intent files, one per plugin, in the documented format. Like the shipped intents,
    /// each names keywords (`keywords:`, optional in the format): its topic words.
    static func yamlFiles(_ intents: [GeneratedIntent]) -> [String: String] {
        var files: [String: String] = [:]
        for plugin in plugins {
            var text = "plugin: \(plugin)\nintents:\n"
            for intent in intents where intent.plugin == plugin {
                text += "  - id: \(intent.id)\n"
                text += "    keywords: [\(intent.topic.map { "\"\($0)\"" }.joined(separator: ", "))]\n"
                text += "    description: Generated intent about \(intent.topic.prefix(2).joined(separator: " and "))\n    examples:\n"
                for example in intent.examples { text += "      - \"\(example)\"\n" }
            }
            files["gen-\(plugin).yaml"] = text
        }
        return files
    }
}
