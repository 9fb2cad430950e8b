/// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), the usual
/// model of typing slips: "hamstrigs", "calfs", "achillies".
enum EditDistance {
    /// The distance between two strings, by Unicode scalars.
    static func between(_ a: String, _ b: String, limit: Int) -> Int {
        between(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: limit)
    }

    /// The distance, or `limit + 1` as soon as it is known to exceed `limit`. Works on any
    /// array of symbols (bytes for ASCII words, scalars otherwise), with its rows on the stack.
    static func between<Symbol: Equatable>(_ a: [Symbol], _ b: [Symbol], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let width = b.count + 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * width) { rows in
            var before = rows.baseAddress!, previous = before + width, current = previous + width
            for j in 0..<width {
                before[j] = 0
                previous[j] = j
                current[j] = 0
            }
            for i in 1...a.count {
                current[0] = i
                var rowMinimum = i
                let ai = a[i - 1]
                for j in 1...b.count {
                    let cost = ai == b[j - 1] ? 0 : 1
                    var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                    if i > 1, j > 1, ai == b[j - 2], a[i - 2] == b[j - 1] {
                        value = min(value, before[j - 2] + 1)
                    }
                    current[j] = value
                    rowMinimum = min(rowMinimum, value)
                }
                if rowMinimum > limit { return limit + 1 }
                (before, previous, current) = (previous, current, before)
            }
            return min(previous[b.count], limit + 1)
        }
    }
}
