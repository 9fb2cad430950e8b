/// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), the usual
/// model of typing slips: "hamstrigs", "calfs", "achillies".
enum EditDistance {
    /// The distance between two strings, by Unicode scalars.
    static func between(_ a: String, _ b: String, limit: Int) -> Int {
        between(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: limit)
    }

    /// The distance, or `limit + 1` as soon as it is known to exceed `limit`. Works on any
    /// array of symbols (bytes for ASCII words, scalars otherwise), with its rows on the stack.
    /// Only the cells within `limit` of the diagonal are computed (the others read as more than
    /// `limit`): a cell whose distance is at most `limit` lies there, and so does every cell of a
    /// cheapest path to it, so such cells, each row's minimum as far as it matters, and the answer
    /// are those of the full table.
    static func between<Symbol: Equatable>(_ a: [Symbol], _ b: [Symbol], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let width = b.count + 1
        let far = limit + 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * width) { rows in
            var before = rows.baseAddress!
            var previous = before + width
            var current = previous + width
            for j in 0..<width {
                before[j] = far
                previous[j] = j
                current[j] = far
            }
            for i in 1...a.count {
                current[0] = i
                let low = max(1, i - limit)
                let high = min(b.count, i + limit)
                // Outside the band, on either side: read by this row and the next.
                if low > 1 { current[low - 1] = far }
                if high < b.count { current[high + 1] = far }
                var rowMinimum = i
                let ai = a[i - 1]
                for j in low...high {
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
