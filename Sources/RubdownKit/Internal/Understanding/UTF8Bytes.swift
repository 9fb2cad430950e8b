/// Byte tests of a string's UTF-8, on its contiguous bytes: the UTF-8 view's own `contains` and
/// `allSatisfy` go through its index byte by byte, several times slower, and these run for every
/// word of every line. A string without contiguous UTF-8 (bridged) is read through the view.
extension String {
    /// Whether the UTF-8 has `byte`.
    func utf8Contains(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? utf8.contains(byte)
    }

    /// Whether every character is ASCII.
    var isASCII: Bool {
        utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 } } ?? utf8.allSatisfy { $0 < 0x80 }
    }
}
