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
    /// Per feature, its weights as pairs of (class index, weight), flattened: most features speak for one or two classes.
    private var weights: [String: [Float]] = [:]

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
            weights[sides[0].trimmingCharacters(in: .whitespaces), default: []] += pairs
        }
    }

    struct RowError: Error {
        /// The row of `weights` (nil: the model as a whole).
        var row: Int?
        var message: String
    }

    var isEmpty: Bool { weights.isEmpty }

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
    /// order of the line (so that the scores are summed in one order: the same line always reads the same). Made once
    /// a line, for both models.
    static func features(_ words: [String]) -> [String] {
        var seen = Set<String>()
        var features: [String] = []
        for feature in words + zip(words, words.dropFirst()).map({ $0 + " " + $1 }) where seen.insert(feature).inserted {
            features.append(feature)
        }
        return features
    }

    /// The model's reading of a line's features (`features(_:)`); nil without a model. All count alike, scaled so that
    /// together they have unit length (as the training script counts them).
    func read(features: [String]) -> Reading? {
        guard !isEmpty, !features.isEmpty else { return nil }
        let scale = 1 / Float(features.count).squareRoot()
        var scores = bias
        for feature in features {
            guard let pairs = weights[feature] else { continue }
            for pair in stride(from: 0, to: pairs.count, by: 2) { scores[Int(pairs[pair])] += pairs[pair + 1] * scale }
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
