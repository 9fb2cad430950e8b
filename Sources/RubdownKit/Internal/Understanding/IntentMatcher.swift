import Foundation

/// Stage 4 of understanding: scores intents by TF-IDF cosine similarity between the line's
/// features and each example, through an inverted index (only examples sharing a feature
/// with the line are touched). An intent scores as its best example, so the confidence is a
/// similarity in [0, 1].
struct IntentMatcher: Sendable {
    private struct Posting: Sendable {
        var example: Int32
        var weight: Float
    }
    private var postings: [String: [Posting]] = [:]
    private var idf: [String: Float] = [:]
    private var exampleIntent: [Int32] = []
    private var exampleNorm: [Float] = []
    private let intents: [Intent]

    /// - Parameter boost: a weight per feature on top of its IDF (generic words count less).
    init(intents: [Intent], features: (String) -> [String], boost: (String) -> Float = { _ in 1 }) {
        self.intents = intents
        var documents: [[String]] = []
        for (intentIndex, intent) in intents.enumerated() {
            for example in intent.examples {
                documents.append(Array(Set(features(example))))
                exampleIntent.append(Int32(intentIndex))
            }
        }
        var frequency: [String: Int] = [:]
        for document in documents { for term in document { frequency[term, default: 0] += 1 } }
        let count = Float(documents.count)
        for (term, df) in frequency { idf[term] = (log((count + 1) / (Float(df) + 1)) + 1) * boost(term) }
        exampleNorm = documents.map { document in
            sqrt(document.reduce(0) { $0 + idf[$1]! * idf[$1]! })
        }
        for (index, document) in documents.enumerated() {
            for term in document { postings[term, default: []].append(Posting(example: Int32(index), weight: idf[term]!)) }
        }
    }

    var exampleCount: Int { exampleIntent.count }
    static let unknownWeight: Float = 7

    /// Whether a feature occurs in some example.
    func knows(_ feature: String) -> Bool { idf[feature] != nil }

    /// - Parameter eligible: whether an intent (by index) may be chosen for this line.
    func rank(_ features: [String], limit: Int = 5, eligible: (Int) -> Bool = { _ in true }) -> [IntentScore] {
        // Sorted, so the sums (and so the scores) come out the same to the last bit every time.
        let terms = Array(Set(features)).sorted()
        // Unknown words count in the line's length, like a word of middling weight: a line mostly
        // about other things scores low, but a ramble around a clear request still scores.
        let unknownWeight = Self.unknownWeight
        var queryNorm: Float = 0
        var scores: [Int32: Float] = [:]
        for term in terms {
            guard let weight = idf[term] else {
                queryNorm += unknownWeight * unknownWeight
                continue
            }
            queryNorm += weight * weight
            for posting in postings[term]! { scores[posting.example, default: 0] += weight * posting.weight }
        }
        guard queryNorm > 0 else { return [] }
        queryNorm = sqrt(queryNorm)
        var best: [Int32: Float] = [:]
        for (example, dot) in scores {
            let cosine = dot / (queryNorm * exampleNorm[Int(example)])
            let intent = exampleIntent[Int(example)]
            guard eligible(Int(intent)) else { continue }
            if cosine > best[intent, default: 0] { best[intent] = cosine }
        }
        return best.sorted { $0.value == $1.value ? $0.key < $1.key : $0.value > $1.value }
            .prefix(limit)
            .map { IntentScore(intent: intents[Int($0.key)].id, plugin: intents[Int($0.key)].plugin, score: Double(min(1, $0.value))) }
    }
}
