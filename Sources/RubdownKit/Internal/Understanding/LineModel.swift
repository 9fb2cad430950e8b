import Foundation

/// A linear model over a normalised line's words and pairs of neighbouring words, trained offline by
/// `scripts/line-model.py` on the blind tuning data and read from the knowledge base. Two are bundled:
/// - the **sign model** (`sign-model.yaml`): which warning sign a line tells, or none. The red flags' word patterns stay
///   the reason a sign is named; patterns written after each blind batch kept missing the next batch's wordings, and
///   the model, trained on every earlier batch, catches a sign told in words no pattern has (the back-off);
/// - the **scope model** (`scope-model.yaml`): which plugin a line is for, or the fallback. It declines a line the
///   intent table would answer when it reads it, almost surely, as about something else.
/// Each names its class of "nothing" (no sign; out of scope) and two thresholds on how likely that class is: below
/// `backOffBelow` the model's likeliest other class is taken (the sign model's use), above `setAsideAbove` what the
/// rules found is set aside (the scope model's). Each model's file writes the other threshold as its value of "never":
/// both other uses were tried and are off (README, "The line models").
struct LineModel: Sendable, Codable, Equatable {
    /// The classes the model reads, `nothing` among them.
    private(set) var classes: [String] = []
    private(set) var nothing = ""
    private var bias: [Float] = []
    /// What the rules found is set aside when the model gives `nothing` more than this.
    private(set) var setAsideAbove: Double = 1
    /// The model's likeliest other class is taken when it gives `nothing` less than this.
    private(set) var backOffBelow: Double = 0
    /// The features' keys (`key(_:)`), sorted, for a binary search: a line's features are looked up as numbers, with no
    /// string made for a pair of words and nothing hashed twice.
    private var keys: [UInt64] = []
    /// Where each key's weights start in `pairs`, and, last, where they all end.
    private var starts: [Int32] = [0]
    /// Per feature, its weights as pairs of (class index, weight), flattened: most features speak for one or two classes.
    private var pairs: [Float] = []

    /// What the model reads in a line.
    struct Reading: Equatable {
        /// The likeliest class other than `nothing`.
        var best: String
        /// How likely the line is to be of the class of nothing.
        var nothingProbability: Double
    }

    init() {}

    /// The model as its file gives it: `weights` rows are "word(s) = class weight class weight ...".
    /// - Throws: the index of the first row that does not read, with what is wrong with it.
    init(classes: [String], nothing: String, bias: [Float], setAsideAbove: Double, backOffBelow: Double, rows: [String])
        throws(RowError)
    {
        guard bias.count == classes.count else {
            throw RowError(row: nil, message: "'bias' needs one number for each of the \(classes.count) classes")
        }
        guard classes.contains(nothing) else { throw RowError(row: nil, message: "'classes' must include '\(nothing)'") }
        let index = Dictionary(classes.enumerated().map { ($1, Float($0)) }, uniquingKeysWith: { first, _ in first })
        self.classes = classes
        self.nothing = nothing
        self.bias = bias
        self.setAsideAbove = setAsideAbove
        self.backOffBelow = backOffBelow
        var weights: [UInt64: [Float]] = [:]
        var texts: [UInt64: String] = [:]
        for (number, row) in rows.enumerated() {
            let sides = row.split(separator: "=", maxSplits: 1)
            let parts = sides.count == 2 ? sides[1].split(separator: " ") : []
            guard sides.count == 2, !parts.isEmpty, parts.count.isMultiple(of: 2) else {
                throw RowError(row: number, message: "expected 'word(s) = class weight ...', got '\(row)'")
            }
            var pairs: [Float] = []
            for pair in stride(from: 0, to: parts.count, by: 2) {
                guard let classIndex = index[String(parts[pair])] else {
                    throw RowError(row: number, message: "unknown class '\(parts[pair])' (not in 'classes')")
                }
                guard let weight = Float(parts[pair + 1]) else {
                    throw RowError(row: number, message: "'\(parts[pair + 1])' is not a number")
                }
                pairs += [classIndex, weight]
            }
            let text = sides[0].trimmingCharacters(in: .whitespaces)
            let key = Self.key(text)
            if let other = texts.updateValue(text, forKey: key), other != text {
                throw RowError(row: number, message: "'\(text)' and '\(other)' have the same key; write one of them otherwise")
            }
            weights[key, default: []] += pairs
        }
        keys = weights.keys.sorted()
        for key in keys {
            self.pairs += weights[key] ?? []
            starts.append(Int32(self.pairs.count))
        }
    }

    struct RowError: Error {
        /// The row of `weights` (nil: the model as a whole).
        var row: Int?
        var message: String
    }

    var isEmpty: Bool { keys.isEmpty }

    /// Lines of fewer words are left to the rules.
    static let shortestLine = 5

    /// The words a model reads: the normalised words with a letter or digit (commas and other marks are left out),
    /// a word in a negation's scope marked "not_" ("not swollen" reads "not not_swollen", never "swollen").
    static func words(_ tokens: [Token]) -> [String] {
        tokens.compactMap { token in
            guard token.text.utf8.contains(where: { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }) else { return nil }
            return token.negated ? "not_" + token.text : token.text
        }
    }

    /// A line's features, from its words (`words(_:)`): each word and each pair of neighbouring words, once, in the
    /// order of the line (so that the scores are summed in one order: the same line always reads the same), as keys
    /// (`key(_:)`). Made once a line, for both models.
    static func features(_ words: [String]) -> [UInt64] {
        var seen = Set<UInt64>(minimumCapacity: 2 * words.count)
        var features: [UInt64] = []
        features.reserveCapacity(2 * words.count)
        let single = words.map(key)
        for feature in single where seen.insert(feature).inserted { features.append(feature) }
        for index in words.indices.dropLast() {
            let pair = hash(hash(single[index], " "), words[index + 1])
            if seen.insert(pair).inserted { features.append(pair) }
        }
        return features
    }

    /// A feature's key: the 64-bit FNV-1a hash of its text ("swollen", "calf swollen"). The load checks that no two
    /// features of a model share one.
    static func key(_ feature: String) -> UInt64 { hash(0xcbf2_9ce4_8422_2325, feature) }

    /// The hash `state` carried on over `text`'s bytes: a pair's key is its first word's carried on over " " and the
    /// second word.
    private static func hash(_ state: UInt64, _ text: String) -> UInt64 {
        var state = state
        var text = text
        text.withUTF8 { bytes in for byte in bytes { state = (state ^ UInt64(byte)) &* 0x100_0000_01b3 } }
        return state
    }

    /// Where a key's weights are in `pairs`, if the model has the feature.
    private func weights(of key: UInt64) -> Range<Int>? {
        var low = 0
        var high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        guard low < keys.count, keys[low] == key else { return nil }
        return Int(starts[low])..<Int(starts[low + 1])
    }

    /// The model's reading of a line's features (`features(_:)`); nil without a model. All count alike, scaled so that
    /// together they have unit length (as the training script counts them).
    func read(features: [UInt64]) -> Reading? {
        guard !isEmpty, !features.isEmpty else { return nil }
        let scale = 1 / Float(features.count).squareRoot()
        var scores = bias
        for feature in features {
            guard let range = weights(of: feature) else { continue }
            for pair in stride(from: range.lowerBound, to: range.upperBound, by: 2) { scores[Int(pairs[pair])] += pairs[pair + 1] * scale }
        }
        let highest = scores.max() ?? 0
        let exponentials = scores.map { Double(exp($0 - highest)) }
        let total = exponentials.reduce(0, +)
        guard let noneIndex = classes.firstIndex(of: nothing) else { return nil }
        var best = noneIndex == 0 ? 1 : 0
        for index in classes.indices where index != noneIndex && exponentials[index] > exponentials[best] { best = index }
        guard best != noneIndex, best < classes.count else { return nil }
        return Reading(
            best: classes[best], nothingProbability: exponentials[noneIndex] / total)
    }
}
