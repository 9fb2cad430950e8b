import Foundation

/// Stage 4 of understanding: scores intents by TF-IDF cosine similarity between the line's
/// features and each example, through an inverted index (only examples sharing a feature
/// with the line are touched). An intent scores as its best example, so the confidence is a
/// similarity in [0, 1].
///
/// Features are numbered once, at index time; postings and each example's own features are
/// flat arrays. An example's weight for a feature is the feature's IDF, so a dot product is a
/// sum of squared IDFs over the features the line and the example share.
struct IntentMatcher: Sendable {
    /// Feature ids.
    private var termIDs: [String: Int32] = [:]
    /// IDF (times boost) by feature id.
    private var idf: [Float] = []
    /// The examples that have each feature, in example order: `postingExamples[postingStart[t]..<postingStart[t + 1]]`.
    private var postingStart: [Int32] = []
    private var postingExamples: [Int32] = []
    /// Each example's distinct features, by id: `exampleTerms[exampleTermStart[e]..<exampleTermStart[e + 1]]`.
    private var exampleTermStart: [Int32] = []
    private var exampleTerms: [Int32] = []
    private var exampleIntent: [Int32] = []
    private var exampleNorm: [Float] = []
    private let intents: [Intent]
    /// Reusable scratch arrays for `rank`, so that a line allocates and clears nothing the size of the table.
    private let scratch = ScratchPool()

    /// - Parameters:
    ///   - documents: the features of every example, intent by intent, in the order of `intents`' examples.
    ///   - boost: a weight per feature on top of its IDF (generic words count less).
    init(intents: [Intent], documents: [[String]], boost: (String) -> Float = { _ in 1 }) {
        self.intents = intents
        var terms: [String] = []
        var documentTerms: [[Int32]] = []
        documentTerms.reserveCapacity(documents.count)
        for (intentIndex, intent) in intents.enumerated() {
            for _ in intent.examples { exampleIntent.append(Int32(intentIndex)) }
        }
        precondition(exampleIntent.count == documents.count, "one feature list per example")
        for document in documents {
            var ids: [Int32] = []
            ids.reserveCapacity(document.count)
            for feature in document {
                if let id = termIDs[feature] {
                    ids.append(id)
                } else {
                    let id = Int32(terms.count)
                    termIDs[feature] = id
                    terms.append(feature)
                    ids.append(id)
                }
            }
            documentTerms.append(ids)
        }
        // Ids in the features' sorted order, so that every sum below runs over features in sorted
        // order: scores are the same to the last bit from run to run.
        let sortedTerms = terms.indices.sorted { terms[$0] < terms[$1] }
        var newID = [Int32](repeating: 0, count: terms.count)
        for (rank, old) in sortedTerms.enumerated() { newID[old] = Int32(rank) }
        terms = sortedTerms.map { terms[$0] }
        for (feature, id) in termIDs { termIDs[feature] = newID[Int(id)] }
        for index in documentTerms.indices {
            // Distinct features only (a set of features, as the matcher has always counted them).
            var ids = documentTerms[index].map { newID[Int($0)] }
            ids.sort()
            var unique: [Int32] = []
            unique.reserveCapacity(ids.count)
            for id in ids where unique.last != id { unique.append(id) }
            documentTerms[index] = unique
        }
        var frequency = [Int32](repeating: 0, count: terms.count)
        for document in documentTerms { for term in document { frequency[Int(term)] += 1 } }
        let count = Float(documents.count)
        idf = terms.indices.map { term in (log((count + 1) / (Float(frequency[term]) + 1)) + 1) * boost(terms[term]) }
        exampleNorm = documentTerms.map { document in
            sqrt(document.reduce(0) { $0 + idf[Int($1)] * idf[Int($1)] })
        }
        // Postings: offsets from the frequencies, then each example appended in order.
        postingStart = [Int32](repeating: 0, count: terms.count + 1)
        for term in terms.indices { postingStart[term + 1] = postingStart[term] + frequency[term] }
        var fill = postingStart
        postingExamples = [Int32](repeating: 0, count: Int(postingStart[terms.count]))
        exampleTermStart.reserveCapacity(documentTerms.count + 1)
        exampleTermStart.append(0)
        exampleTerms.reserveCapacity(Int(postingStart[terms.count]))
        for (example, document) in documentTerms.enumerated() {
            for term in document {
                postingExamples[Int(fill[Int(term)])] = Int32(example)
                fill[Int(term)] += 1
            }
            exampleTerms += document
            exampleTermStart.append(Int32(exampleTerms.count))
        }
    }

    var exampleCount: Int { exampleIntent.count }
    static let unknownWeight: Float = 7

    /// Whether a feature occurs in some example.
    func knows(_ feature: String) -> Bool { termIDs[feature] != nil }

    /// Lines whose features have at most this many postings in all are scored by accumulating
    /// over every posting; longer ones by exact pruned scoring (`rankPruned`).
    static let accumulateLimit = 4096

    /// The `limit` best intents, best first (ties: the earlier intent), each scored as its best
    /// example's cosine similarity with the line.
    /// - Parameter eligible: whether an intent (by index) may be chosen for this line.
    func rank(_ features: [String], limit: Int = 5, eligible: (Int) -> Bool = { _ in true }) -> [IntentScore] {
        // Distinct features. Unknown words count in the line's length, like a word of middling
        // weight: a line mostly about other things scores low, but a ramble around a clear request still scores.
        // In sorted order, like the examples' features, so the sums are the same every time.
        var distinct: [String] = []
        distinct.reserveCapacity(features.count)
        for feature in features where !distinct.contains(feature) { distinct.append(feature) }
        distinct.sort()
        let unknownWeight = Self.unknownWeight
        var queryNorm: Float = 0
        var terms: [(id: Int32, weight: Float)] = []
        var postingTotal = 0
        for feature in distinct {
            guard let id = termIDs[feature] else {
                queryNorm += unknownWeight * unknownWeight
                continue
            }
            let weight = idf[Int(id)]
            queryNorm += weight * weight
            terms.append((id, weight))
            postingTotal += Int(postingStart[Int(id) + 1] - postingStart[Int(id)])
        }
        guard queryNorm > 0 else { return [] }
        queryNorm = sqrt(queryNorm)
        let buffers = scratch.take(examples: exampleIntent.count, intents: intents.count, terms: idf.count)
        defer { scratch.give(buffers) }
        let best =
            postingTotal <= Self.accumulateLimit
            ? rankAccumulating(terms, queryNorm: queryNorm, limit: limit, eligible: eligible, buffers)
            : rankPruned(terms, queryNorm: queryNorm, limit: limit, eligible: eligible, buffers)
        return best.map { IntentScore(intent: intents[Int($0.intent)].id, plugin: intents[Int($0.intent)].plugin, score: Double(min(1, $0.score))) }
    }

    /// Every posting of every feature adds to its example's dot product; then each touched
    /// example's cosine counts for its intent.
    private func rankAccumulating(
        _ terms: [(id: Int32, weight: Float)], queryNorm: Float, limit: Int, eligible: (Int) -> Bool, _ buffers: Scratch
    ) -> [(intent: Int32, score: Float)] {
        let generation = buffers.next()
        var touched: [Int32] = []
        for (id, weight) in terms {
            for position in Int(postingStart[Int(id)])..<Int(postingStart[Int(id) + 1]) {
                let example = Int(postingExamples[position])
                if buffers.exampleSeen[example] != generation {
                    buffers.exampleSeen[example] = generation
                    buffers.dot[example] = 0
                    touched.append(Int32(example))
                }
                buffers.dot[example] += weight * idf[Int(id)]
            }
        }
        var top = TopIntents(limit: limit)
        var intents: [Int32] = []
        for example in touched {
            let cosine = buffers.dot[Int(example)] / (queryNorm * exampleNorm[Int(example)])
            let intent = exampleIntent[Int(example)]
            guard isEligible(intent, generation, buffers, eligible) else { continue }
            if buffers.intentSeen[Int(intent)] != generation {
                buffers.intentSeen[Int(intent)] = generation
                buffers.best[Int(intent)] = 0
                intents.append(intent)
            }
            if cosine > buffers.best[Int(intent)] { buffers.best[Int(intent)] = cosine }
        }
        for intent in intents where buffers.best[Int(intent)] > 0 { top.insert(intent, buffers.best[Int(intent)]) }
        return top.entries
    }

    /// Exact top-k without reading every posting. Features are taken rarest (heaviest) first;
    /// each example met is scored in full from its own features. An example that has none of
    /// the features taken so far shares only the remaining ones with the line, so by
    /// Cauchy-Schwarz its cosine is at most |remaining weights| / |line|: once that bound is
    /// below the `limit`-th best intent score found, no unseen example can enter the top, and
    /// the common features' long posting lists are never read.
    private func rankPruned(
        _ terms: [(id: Int32, weight: Float)], queryNorm: Float, limit: Int, eligible: (Int) -> Bool, _ buffers: Scratch
    ) -> [(intent: Int32, score: Float)] {
        let generation = buffers.next()
        let order = terms.sorted { $0.weight == $1.weight ? $0.id < $1.id : $0.weight > $1.weight }
        for (id, weight) in order {
            buffers.termSeen[Int(id)] = generation
            buffers.termProduct[Int(id)] = weight * idf[Int(id)]
        }
        // remaining[j]: the norm of the weights of order[j...].
        var remaining = [Float](repeating: 0, count: order.count + 1)
        for j in stride(from: order.count - 1, through: 0, by: -1) { remaining[j] = remaining[j + 1] + order[j].weight * order[j].weight }
        var intents: [Int32] = []
        var threshold: Float = 0
        for (j, term) in order.enumerated() {
            // Margin for float rounding: prune only when clearly below.
            if sqrt(remaining[j]) / queryNorm < threshold * (1 - 1e-5) { break }
            for position in Int(postingStart[Int(term.id)])..<Int(postingStart[Int(term.id) + 1]) {
                let example = Int(postingExamples[position])
                if buffers.exampleSeen[example] == generation { continue }
                buffers.exampleSeen[example] = generation
                let intent = exampleIntent[example]
                guard isEligible(intent, generation, buffers, eligible) else { continue }
                var dot: Float = 0
                for index in Int(exampleTermStart[example])..<Int(exampleTermStart[example + 1]) {
                    let feature = Int(exampleTerms[index])
                    if buffers.termSeen[feature] == generation { dot += buffers.termProduct[feature] }
                }
                let cosine = dot / (queryNorm * exampleNorm[example])
                if buffers.intentSeen[Int(intent)] != generation {
                    buffers.intentSeen[Int(intent)] = generation
                    buffers.best[Int(intent)] = 0
                    intents.append(intent)
                }
                if cosine > buffers.best[Int(intent)] { buffers.best[Int(intent)] = cosine }
            }
            // The limit-th best score so far.
            if intents.count >= limit {
                var top = TopIntents(limit: limit)
                for intent in intents where buffers.best[Int(intent)] > 0 { top.insert(intent, buffers.best[Int(intent)]) }
                if top.entries.count == limit { threshold = top.entries[limit - 1].score }
            }
        }
        var top = TopIntents(limit: limit)
        for intent in intents where buffers.best[Int(intent)] > 0 { top.insert(intent, buffers.best[Int(intent)]) }
        return top.entries
    }

    /// `eligible(intent)`, asked once per intent and line.
    @inline(__always)
    private func isEligible(_ intent: Int32, _ generation: UInt32, _ buffers: Scratch, _ eligible: (Int) -> Bool) -> Bool {
        if buffers.eligibleSeen[Int(intent)] != generation {
            buffers.eligibleSeen[Int(intent)] = generation
            buffers.eligible[Int(intent)] = eligible(Int(intent))
        }
        return buffers.eligible[Int(intent)]
    }
}

/// The best `limit` intents seen, best first; equal scores keep the lower intent index first.
private struct TopIntents {
    let limit: Int
    var entries: [(intent: Int32, score: Float)] = []

    init(limit: Int) {
        self.limit = limit
        entries.reserveCapacity(limit + 1)
    }

    mutating func insert(_ intent: Int32, _ score: Float) {
        guard limit > 0 else { return }
        if entries.count == limit, let last = entries.last, !Self.before((intent, score), last) { return }
        var at = entries.count
        while at > 0, Self.before((intent, score), entries[at - 1]) { at -= 1 }
        entries.insert((intent, score), at: at)
        if entries.count > limit { entries.removeLast() }
    }

    private static func before(_ a: (intent: Int32, score: Float), _ b: (intent: Int32, score: Float)) -> Bool {
        a.score == b.score ? a.intent < b.intent : a.score > b.score
    }
}

/// Per-line working arrays sized to the table, marked by generation instead of cleared.
final class Scratch: @unchecked Sendable {
    var generation: UInt32 = 0
    var exampleSeen: [UInt32]
    var dot: [Float]
    var intentSeen: [UInt32]
    var best: [Float]
    var eligibleSeen: [UInt32]
    var eligible: [Bool]
    var termSeen: [UInt32]
    var termProduct: [Float]

    init(examples: Int, intents: Int, terms: Int) {
        exampleSeen = [UInt32](repeating: 0, count: examples)
        dot = [Float](repeating: 0, count: examples)
        intentSeen = [UInt32](repeating: 0, count: intents)
        best = [Float](repeating: 0, count: intents)
        eligibleSeen = [UInt32](repeating: 0, count: intents)
        eligible = [Bool](repeating: false, count: intents)
        termSeen = [UInt32](repeating: 0, count: terms)
        termProduct = [Float](repeating: 0, count: terms)
    }

    /// A fresh generation: every mark of an earlier one reads as unset.
    func next() -> UInt32 {
        if generation == UInt32.max {
            generation = 0
            for index in exampleSeen.indices { exampleSeen[index] = 0 }
            for index in intentSeen.indices { intentSeen[index] = 0 }
            for index in eligibleSeen.indices { eligibleSeen[index] = 0 }
            for index in termSeen.indices { termSeen[index] = 0 }
        }
        generation += 1
        return generation
    }
}

/// Scratch arrays for lines understood at the same time (an `Interpreter` is shared between
/// threads): each call takes one, or makes one, and gives it back.
final class ScratchPool: @unchecked Sendable {
    private let lock = NSLock()
    private var free: [Scratch] = []

    func take(examples: Int, intents: Int, terms: Int) -> Scratch {
        lock.lock()
        let scratch = free.popLast()
        lock.unlock()
        return scratch ?? Scratch(examples: examples, intents: intents, terms: terms)
    }

    func give(_ scratch: Scratch) {
        lock.lock()
        free.append(scratch)
        lock.unlock()
    }
}
