/// A quick "certainly not one of these words" for ASCII words, before a hash look-up: one bit
/// per (length, first byte, last byte) of the words, so that most look-ups of other words (most
/// words of a line are in none of the small fixed tables) are spared hashing the word. A word of
/// the set always finds its bit set, so testing the filter first changes no answer; words with
/// characters beyond ASCII (which Swift may find equal to another spelling) are never ruled out.
struct ASCIIWordFilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 64)
    /// Set when the set has a word beyond ASCII (or an empty one): nothing is ruled out then.
    private var rulesOutNothing = false

    init(_ words: some Sequence<String>) {
        for word in words {
            guard let slot = Self.slot(word.utf8) else {
                rulesOutNothing = true
                continue
            }
            bits[slot >> 6] |= 1 << UInt64(slot & 63)
        }
    }

    /// False only when the set surely lacks the word.
    @inline(__always) func mayContain(_ word: String) -> Bool {
        if rulesOutNothing { return true }
        guard let slot = Self.slot(word.utf8) else { return true }
        return bits[slot >> 6] & (1 << UInt64(slot & 63)) != 0
    }

    /// The bit of a non-empty ASCII word; nil for any other.
    @inline(__always) private static func slot(_ utf8: String.UTF8View) -> Int? {
        // On the bytes at once (a native string's are contiguous): the view's own first and last cost more.
        if let slot = utf8.withContiguousStorageIfAvailable({ slot($0) }) { return slot }
        return slot(Array(utf8))
    }

    @inline(__always) private static func slot(_ bytes: some RandomAccessCollection<UInt8>) -> Int? {
        guard let first = bytes.first, let last = bytes.last else { return nil }
        for byte in bytes where byte >= 0x80 { return nil }
        return (Int(first) &* 131 &+ Int(last) &* 31 &+ bytes.count) & 4095
    }
}
