/// FNV-1a, 64 bits: tells any edit of the bytes it is given (not meant against an adversary).
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add<C: Collection<UInt8>>(_ bytes: C) {
        var value = self.value
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
        self.value = value
    }

    /// A text with its length first, so that "ab"+"c" and "a"+"bc" differ.
    mutating func add(_ text: String) {
        add(withUnsafeBytes(of: UInt64(text.utf8.count).littleEndian) { Array($0) })
        var text = text
        text.withUTF8 { add($0) }
    }

    static func hash<C: Collection<UInt8>>(_ bytes: C) -> UInt64 {
        var hash = FNV1a()
        if let value = bytes.withContiguousStorageIfAvailable({ buffer -> UInt64 in
            hash.add(buffer)
            return hash.value
        }) {
            return value
        }
        hash.add(bytes)
        return hash.value
    }
}
