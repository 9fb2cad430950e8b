import Foundation

/// The sign model (`Knowledge/sign-model.yaml`, written by `scripts/sign-model.py` from the blind tuning data): a
/// linear model over a normalised line's words and pairs of neighbouring words that reads how likely the line is to
/// tell each warning sign, or none.
///
/// The red flags' word patterns stay the reason a sign is named. The model stands beside them because patterns
/// written after each blind batch kept missing the next batch's wordings and flagging its look-alikes: trained on
/// every earlier batch, it reads a whole line the way those thousands of lines were labelled. It catches a sign told
/// in words no pattern has (the back-off). It could also set aside a pattern's flag on a line it reads, almost surely,
/// as ordinary (`vetoAbove`); the bundled model's 1.0 never does, because that hid real signs (see `EntityExtractor`).
struct SignModel: Sendable, Codable, Equatable {
    /// The red-flag ids the model reads, and "none".
    private(set) var classes: [String] = []
    private var bias: [Float] = []
    /// A pattern's flag is set aside when the model gives "none" more than this.
    private(set) var vetoAbove: Double = 1
    /// A line with no flag gets the model's likeliest sign when it gives "none" less than this.
    private(set) var backOffBelow: Double = 0
    /// Per feature, its weights as pairs of (class index, weight), flattened: most features speak for one or two signs.
    private var weights: [String: [Float]] = [:]

    /// What the model reads in a line.
    struct Reading: Equatable {
        /// The likeliest warning sign (other than none) and how likely it is.
        var sign: String
        var signProbability: Double
        /// How likely the line is to tell no sign at all.
        var noneProbability: Double
    }

    static let none = "none"

    init() {}

    /// The model as `sign-model.yaml` gives it: `weights` rows are "word(s) = class weight class weight ...".
    /// - Throws: the index of the first row that does not read, with what is wrong with it.
    init(classes: [String], bias: [Float], vetoAbove: Double, backOffBelow: Double, rows: [String]) throws(RowError) {
        guard bias.count == classes.count else {
            throw RowError(row: nil, message: "'bias' needs one number for each of the \(classes.count) classes")
        }
        guard classes.contains(Self.none) else { throw RowError(row: nil, message: "'classes' must include '\(Self.none)'") }
        let index = Dictionary(classes.enumerated().map { ($1, Float($0)) }, uniquingKeysWith: { first, _ in first })
        self.classes = classes
        self.bias = bias
        self.vetoAbove = vetoAbove
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

    /// Lines of fewer words are left to the patterns.
    static let shortestLine = 5

    /// The words the model reads: the normalised words with a letter or digit (commas and other marks are left out),
    /// a word in a negation's scope marked "not_" ("not swollen" reads "not not_swollen", never "swollen").
    static func words(_ tokens: [Token]) -> [String] {
        tokens.compactMap { token in
            guard token.text.utf8.contains(where: { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }) else { return nil }
            return token.negated ? "not_" + token.text : token.text
        }
    }

    /// The model's reading of a line's words (`words(_:)`); nil without a model. Each word and each pair of neighbouring
    /// words counts once, all scaled so that together they have unit length (as the training script counts them).
    func read(_ kept: [String]) -> Reading? {
        guard !isEmpty else { return nil }
        var features = Set(kept)
        for (first, second) in zip(kept, kept.dropFirst()) { features.insert(first + " " + second) }
        guard !features.isEmpty else { return nil }
        let scale = 1 / Float(features.count).squareRoot()
        var scores = bias
        for feature in features {
            guard let pairs = weights[feature] else { continue }
            for pair in stride(from: 0, to: pairs.count, by: 2) { scores[Int(pairs[pair])] += pairs[pair + 1] * scale }
        }
        let highest = scores.max() ?? 0
        let exponentials = scores.map { Double(exp($0 - highest)) }
        let total = exponentials.reduce(0, +)
        guard let noneIndex = classes.firstIndex(of: Self.none) else { return nil }
        var best = noneIndex == 0 ? 1 : 0
        for index in classes.indices where index != noneIndex && exponentials[index] > exponentials[best] { best = index }
        guard best != noneIndex, best < classes.count else { return nil }
        return Reading(sign: classes[best], signProbability: exponentials[best] / total, noneProbability: exponentials[noneIndex] / total)
    }
}
