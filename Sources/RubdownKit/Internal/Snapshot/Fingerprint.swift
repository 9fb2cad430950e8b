/// A 64-bit fingerprint of bytes, eight at a time (an FNV-style multiply-and-rotate), for
/// cache keys and snapshot checksums: fast enough to run over every content byte at each
/// start. Each step is a bijection of the word given the state, so a change confined to one
/// word always changes the result. Not meant to withstand an adversary.
struct Fingerprint {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    private mutating func mix(_ word: UInt64) {
        value = ((value ^ word) &* 0x9e37_79b9_7f4a_7c15).rotated(by: 31)
    }

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var at = 0
        while at + 8 <= bytes.count {
            mix(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self)))
            at += 8
        }
        var tail: UInt64 = 0
        for (shift, byte) in bytes[at...].enumerated() { tail |= UInt64(byte) << (8 * UInt64(shift)) }
        mix(tail)
        mix(UInt64(bytes.count))
    }

    /// A text, with its length, so that "ab" then "c" differs from "a" then "bc".
    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    static func of(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var fingerprint = Fingerprint()
        bytes.withUnsafeBytes { fingerprint.add($0) }
        return fingerprint.value
    }
}

extension UInt64 {
    fileprivate func rotated(by count: UInt64) -> UInt64 { (self << count) | (self >> (64 - count)) }
}
