import Foundation

/// Stage 4 of understanding: scores intents by TF-IDF cosine similarity between the line's
/// features and each example, through an inverted index (only examples sharing a feature
/// with the line are touched). An intent scores as its best example, so the confidence is a
/// similarity in [0, 1].
///
/// Features are numbered once, at index time; postings and each example's own features are
/// flat arrays. An example's weight for a feature is the feature's IDF, so a dot product is a
/// sum of squared IDFs over the features the line and the example share.
struct IntentMatcher: Sendable, Codable {
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
    /// Each intent's examples, which are consecutive: `intentExampleStart[i]..<intentExampleStart[i + 1]`.
    private var intentExampleStart: [Int32] = []
    private var exampleNorm: [Float] = []
    private var inverseNorm: [Float] = []
    /// Distinct features per example, on average (rounded up): the cost of scoring an example from its own features.
    private var averageExampleLength = 1
    let intents: [Intent]
    /// Reusable scratch arrays for `rank`, so that a line allocates and clears nothing the size of the table.
    private var scratch = ScratchPool()

    /// - Parameters:
    ///   - features: the features of an example, by its index among all the examples, intent by
    ///     intent in the order of `intents`' examples (asked once each, so that no table of every
    ///     example's features as strings is held), as numbers: 0, 1, 2... as each first occurs.
    ///   - names: the name of each feature number, asked once all examples are read.
    ///   - boost: a weight per feature on top of its IDF (generic words count less).
    init(intents: [Intent], features: (Int) -> [Int32], names: () -> [String], boost: (String) -> Float = { _ in 1 }) {
        self.intents = intents
        var documentTerms: [[Int32]] = []

        for (intentIndex, intent) in intents.enumerated() {
            intentExampleStart.append(Int32(exampleIntent.count))
            for _ in intent.examples { exampleIntent.append(Int32(intentIndex)) }
        }
        intentExampleStart.append(Int32(exampleIntent.count))
        documentTerms.reserveCapacity(exampleIntent.count)
        for example in exampleIntent.indices { documentTerms.append(features(example)) }
        var terms = names()
        // Ids in the features' sorted order, so that every sum below runs over features in sorted
        // order: scores are the same to the last bit from run to run.
        let sortedTerms = terms.indices.sorted { terms[$0] < terms[$1] }
        var newID = [Int32](repeating: 0, count: terms.count)
        for (rank, old) in sortedTerms.enumerated() { newID[old] = Int32(rank) }
        terms = sortedTerms.map { terms[$0] }
        termIDs.reserveCapacity(terms.count)
        for (id, feature) in terms.enumerated() { termIDs[feature] = Int32(id) }
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
        let count = Float(documentTerms.count)
        idf = terms.indices.map { term in (log((count + 1) / (Float(frequency[term]) + 1)) + 1) * boost(terms[term]) }
        exampleNorm = documentTerms.map { document in
            sqrt(document.reduce(0) { $0 + idf[Int($1)] * idf[Int($1)] })
        }
        inverseNorm = exampleNorm.map { 1 / $0 }
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
        averageExampleLength = Self.averageLength(features: exampleTerms.count, examples: exampleIntent.count)
    }

    /// Distinct features per example, on average, rounded up (at least 1).
    private static func averageLength(features: Int, examples: Int) -> Int {
        max(1, (features + examples - 1) / max(1, examples))
    }

    static let unknownWeight: Float = 7

    /// Lines whose features have at most this many postings in all are scored by accumulating
    /// over every posting; longer ones by exact pruned scoring (`rankPruned`).
    static let accumulateLimit = 4096
    /// The pruned path turns to `rankDense` when it would meet more than this fraction of the examples.
    static let denseFraction = 8

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
        terms.reserveCapacity(distinct.count)
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
        return best.map {
            IntentScore(intent: intents[Int($0.intent)].id, plugin: intents[Int($0.intent)].plugin, score: Double(min(1, $0.score)))
        }
    }

    /// Every posting of every feature adds to its example's dot product; then each touched
    /// example's cosine counts for its intent.
    private func rankAccumulating(
        _ terms: [(id: Int32, weight: Float)], queryNorm: Float, limit: Int, eligible: (Int) -> Bool, _ buffers: Scratch
    ) -> [(intent: Int32, score: Float)] {
        let generation = buffers.next()
        var touched: [Int32] = []
        // At most one per posting (few on this path): reserved at once rather than grown.
        touched.reserveCapacity(terms.reduce(0) { $0 + Int(postingStart[Int($1.id) + 1] - postingStart[Int($1.id)]) })
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
        intents.reserveCapacity(touched.count)
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

    /// Exact top-k without reading every posting (MaxScore). Features are taken rarest
    /// (heaviest) first, adding to the dot products of the examples that have them. An example
    /// that has none of the features taken so far shares only the remaining ones with the line,
    /// so by Cauchy-Schwarz its cosine is at most |remaining weights| / |line|; partial sums only
    /// grow, so the `limit`-th best intent on partial sums is a floor for the final one. Once
    /// the bound is below the floor, no example not yet met can enter the top, and the common
    /// features' long posting lists need not be read to find new examples.
    ///
    /// The examples met are then completed, whichever is cheaper: from their own features
    /// (bounding each first the same way, and skipping those that cannot reach the floor), or
    /// by adding the remaining features' postings to them. Last, the examples within a hair of
    /// the `limit`-th best are scored again from their own features, in sorted order, so that
    /// the scores are those of `rankAccumulating` to the last bit.
    private func rankPruned(
        _ terms: [(id: Int32, weight: Float)], queryNorm: Float, limit: Int, eligible: (Int) -> Bool, _ buffers: Scratch
    ) -> [(intent: Int32, score: Float)] {
        let generation = buffers.next()
        let order = terms.sorted { $0.weight == $1.weight ? $0.id < $1.id : $0.weight > $1.weight }
        for (id, weight) in terms {
            buffers.termSeen[Int(id)] = generation
            buffers.termProduct[Int(id)] = weight * idf[Int(id)]
        }
        // remaining[j]: the sum of squared weights of order[j...].
        var remaining = [Float](repeating: 0, count: order.count + 1)
        for j in stride(from: order.count - 1, through: 0, by: -1) { remaining[j] = remaining[j + 1] + order[j].weight * order[j].weight }
        // Floating-point margin: prune only what is clearly below.
        let margin: Float = 1 - 1e-4
        let inverseQuery = 1 / queryNorm
        var candidates: [Int32] = []
        var intents: [Int32] = []
        var bestPartial: Float = 0
        var floor: Float = 0
        var taken = order.count
        func limitthBest() -> Float {
            guard intents.count >= limit else { return 0 }
            var top = TopIntents(limit: limit)
            for intent in intents { top.insert(intent, buffers.best[Int(intent)]) }
            return top.entries.count == limit ? top.entries[limit - 1].score : 0
        }
        // 1. New examples from the heaviest features, while one could still enter the top.
        for (j, term) in order.enumerated() {
            let bound = sqrt(remaining[j]) * inverseQuery
            // The floor is at most the best partial score: worth computing only below that.
            if bound < bestPartial * margin {
                floor = limitthBest()
                if bound < floor * margin {
                    taken = j
                    break
                }
            }
            // When much of the table would be met anyway, a plain pass over every example is cheaper.
            if candidates.count + Int(postingStart[Int(term.id) + 1] - postingStart[Int(term.id)]) > exampleIntent.count
                / Self.denseFraction
            {
                return rankDense(terms, queryNorm: queryNorm, limit: limit, eligible: eligible, buffers)
            }
            let product = buffers.termProduct[Int(term.id)]
            for position in Int(postingStart[Int(term.id)])..<Int(postingStart[Int(term.id) + 1]) {
                let example = Int(postingExamples[position])
                let intent = exampleIntent[example]
                if buffers.exampleSeen[example] != generation {
                    buffers.exampleSeen[example] = generation
                    guard isEligible(intent, generation, buffers, eligible) else {
                        buffers.dot[example] = -1
                        continue
                    }
                    buffers.dot[example] = 0
                    candidates.append(Int32(example))
                } else if buffers.dot[example] < 0 {
                    continue
                }
                buffers.dot[example] += product
                let partial = buffers.dot[example] * inverseNorm[example] * inverseQuery
                if buffers.intentSeen[Int(intent)] != generation {
                    buffers.intentSeen[Int(intent)] = generation
                    buffers.best[Int(intent)] = 0
                    intents.append(intent)
                }
                if partial > buffers.best[Int(intent)] {
                    buffers.best[Int(intent)] = partial
                    if partial > bestPartial { bestPartial = partial }
                }
            }
        }
        // 2. The remaining features, for the examples met.
        if taken < order.count {
            floor = limitthBest()
            let rest = remaining[taken]
            var restPostings = 0
            for term in order[taken...] { restPostings += Int(postingStart[Int(term.id) + 1] - postingStart[Int(term.id)]) }
            // An example scored from its own features costs a cache miss or so on top of its
            // features; a posting, one add in a stream: weighed roughly four to one.
            if candidates.count * averageExampleLength * 4 < restPostings {
                for example in candidates {
                    let example = Int(example)
                    let partial = buffers.dot[example]
                    let norm = exampleNorm[example]
                    // What the remaining features can add: at most |their weights| · |the example's other weights|.
                    if (partial + sqrt(rest * max(0, norm * norm - partial))) * inverseNorm[example] * inverseQuery < floor * margin {
                        buffers.dot[example] = -1
                        continue
                    }
                    buffers.dot[example] = fullDot(example, generation, buffers)
                }
            } else {
                for term in order[taken...] {
                    let product = buffers.termProduct[Int(term.id)]
                    for position in Int(postingStart[Int(term.id)])..<Int(postingStart[Int(term.id) + 1]) {
                        let example = Int(postingExamples[position])
                        if buffers.exampleSeen[example] == generation, buffers.dot[example] >= 0 { buffers.dot[example] += product }
                    }
                }
            }
        }
        // 3. Every example's cosine (sums in feature-weight order), the limit-th best intent, and
        // the examples near or above it scored again in sorted order.
        for intent in intents { buffers.best[Int(intent)] = 0 }
        for example in candidates where buffers.dot[Int(example)] >= 0 {
            let cosine = buffers.dot[Int(example)] * inverseNorm[Int(example)] * inverseQuery
            let intent = Int(exampleIntent[Int(example)])
            if cosine > buffers.best[intent] { buffers.best[intent] = cosine }
        }
        let cut = limitthBest() * (1 - 1e-3)
        for intent in intents { buffers.best[Int(intent)] = 0 }
        for example in candidates where buffers.dot[Int(example)] >= 0 {
            let example = Int(example)
            guard buffers.dot[example] * inverseNorm[example] * inverseQuery >= cut else { continue }
            let cosine = fullDot(example, generation, buffers) / (queryNorm * exampleNorm[example])
            let intent = Int(exampleIntent[example])
            if cosine > buffers.best[intent] { buffers.best[intent] = cosine }
        }
        var top = TopIntents(limit: limit)
        for intent in intents where buffers.best[Int(intent)] > 0 { top.insert(intent, buffers.best[Int(intent)]) }
        return top.entries
    }

    /// For lines whose features are common: every posting adds to a dense array of dot products
    /// (features in sorted order, as in `rankAccumulating`, so the sums are the same to the
    /// last bit), then one pass over the examples, intent by intent.
    private func rankDense(
        _ terms: [(id: Int32, weight: Float)], queryNorm: Float, limit: Int, eligible: (Int) -> Bool, _ buffers: Scratch
    ) -> [(intent: Int32, score: Float)] {
        let dot = buffers.dot
        let count = exampleIntent.count
        dot.update(repeating: 0, count: count)
        postingExamples.withUnsafeBufferPointer { postingExamples in
            for (id, weight) in terms {
                let product = weight * idf[Int(id)]
                for position in Int(postingStart[Int(id)])..<Int(postingStart[Int(id) + 1]) {
                    dot[Int(postingExamples[position])] += product
                }
            }
        }
        var top = TopIntents(limit: limit)
        exampleNorm.withUnsafeBufferPointer { exampleNorm in
            inverseNorm.withUnsafeBufferPointer { inverseNorm in
                for intent in 0..<(intentExampleStart.count - 1) {
                    let examples = Int(intentExampleStart[intent])..<Int(intentExampleStart[intent + 1])
                    // The intent's best example found with multiplications, then the cosine
                    // divided out exactly for it and any within a hair of it.
                    // (Four running maxima, so that the comparisons do not wait on one another.)
                    var most0: Float = 0
                    var most1: Float = 0
                    var most2: Float = 0
                    var most3: Float = 0
                    var example = examples.lowerBound
                    while example + 4 <= examples.upperBound {
                        most0 = max(most0, dot[example] * inverseNorm[example])
                        most1 = max(most1, dot[example + 1] * inverseNorm[example + 1])
                        most2 = max(most2, dot[example + 2] * inverseNorm[example + 2])
                        most3 = max(most3, dot[example + 3] * inverseNorm[example + 3])
                        example += 4
                    }
                    while example < examples.upperBound {
                        most0 = max(most0, dot[example] * inverseNorm[example])
                        example += 1
                    }
                    let most = max(max(most0, most1), max(most2, most3))
                    guard most > 0 else { continue }
                    let near = most * (1 - 1e-4)
                    var best: Float = 0
                    for example in examples where dot[example] * inverseNorm[example] >= near {
                        let cosine = dot[example] / (queryNorm * exampleNorm[example])
                        if cosine > best { best = cosine }
                    }
                    if best > 0, eligible(intent) { top.insert(Int32(intent), best) }
                }
            }
        }
        // The sums were written over the generation marks' partner array: mark nothing as seen.
        return top.entries
    }

    /// An example's dot product with the line, over its own features in sorted order.
    @inline(__always)
    private func fullDot(_ example: Int, _ generation: UInt32, _ buffers: Scratch) -> Float {
        var dot: Float = 0
        for index in Int(exampleTermStart[example])..<Int(exampleTermStart[example + 1]) {
            let feature = Int(exampleTerms[index])
            if buffers.termSeen[feature] == generation { dot += buffers.termProduct[feature] }
        }
        return dot
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
/// Plain memory (one `Scratch` is used by one line at a time), so the hot loops pay no
/// exclusivity checks or copy-on-write tests.
final class Scratch: @unchecked Sendable {
    private(set) var generation: UInt32 = 0
    let exampleSeen: UnsafeMutablePointer<UInt32>
    let dot: UnsafeMutablePointer<Float>
    let intentSeen: UnsafeMutablePointer<UInt32>
    let best: UnsafeMutablePointer<Float>
    let eligibleSeen: UnsafeMutablePointer<UInt32>
    let eligible: UnsafeMutablePointer<Bool>
    let termSeen: UnsafeMutablePointer<UInt32>
    let termProduct: UnsafeMutablePointer<Float>
    private let examples: Int, intents: Int, terms: Int

    init(examples: Int, intents: Int, terms: Int) {
        (self.examples, self.intents, self.terms) = (examples, intents, terms)
        func make<T>(_ count: Int, _ value: T) -> UnsafeMutablePointer<T> {
            let pointer = UnsafeMutablePointer<T>.allocate(capacity: max(1, count))
            pointer.initialize(repeating: value, count: max(1, count))
            return pointer
        }
        exampleSeen = make(examples, 0)
        dot = make(examples, 0)
        intentSeen = make(intents, 0)
        best = make(intents, 0)
        eligibleSeen = make(intents, 0)
        eligible = make(intents, false)
        termSeen = make(terms, 0)
        termProduct = make(terms, 0)
    }

    deinit {
        exampleSeen.deallocate()
        dot.deallocate()
        intentSeen.deallocate()
        best.deallocate()
        eligibleSeen.deallocate()
        eligible.deallocate()
        termSeen.deallocate()
        termProduct.deallocate()
    }

    /// A fresh generation: every mark of an earlier one reads as unset.
    func next() -> UInt32 {
        if generation == UInt32.max {
            generation = 0
            exampleSeen.update(repeating: 0, count: max(1, examples))
            intentSeen.update(repeating: 0, count: max(1, intents))
            eligibleSeen.update(repeating: 0, count: max(1, intents))
            termSeen.update(repeating: 0, count: max(1, terms))
        }
        generation += 1
        return generation
    }
}

/// Scratch arrays for lines understood at the same time (an `Interpreter` is shared between
/// threads): each call takes one, or makes one, and gives it back.
/// Saved as nothing: a coach read back starts with an empty pool.
final class ScratchPool: @unchecked Sendable, Codable {
    init() {}
    init(from decoder: any Decoder) {}
    func encode(to encoder: any Encoder) {}

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
