/// Bytes compiled into a binary as a Swift string literal, read back from the literal's UTF-8
/// where it lies: a byte under 0x80 is that character, a byte above it the character of that
/// number (U+0080 to U+00FF, two bytes of UTF-8). A snapshot is nearly all bytes under 0x80
/// (strings, lengths, small numbers), so reading it back is close to a copy, where base64 cost
/// about 9 instructions a byte.
package enum ByteLiteral {
    /// The literal's Swift source, quotes included.
    package static func source(of bytes: [UInt8]) -> String {
        var source = "\""
        source.reserveCapacity(bytes.count + bytes.count / 2)
        for byte in bytes {
            switch byte {
            case 0: source += "\\0"
            case UInt8(ascii: "\t"): source += "\\t"
            case UInt8(ascii: "\n"): source += "\\n"
            case UInt8(ascii: "\r"): source += "\\r"
            case UInt8(ascii: "\""): source += "\\\""
            case UInt8(ascii: "\\"): source += "\\\\"
            case 0x20..<0x7F: source.unicodeScalars.append(Unicode.Scalar(byte))
            default: source += "\\u{" + String(byte, radix: 16) + "}"
            }
        }
        return source + "\""
    }

    /// The bytes a literal written by `source(of:)` holds.
    package static func bytes(of literal: StaticString) -> [UInt8] {
        bytes(utf8: UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// The bytes such a literal's UTF-8 holds.
    package static func bytes(utf8: UnsafeRawBufferPointer) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: utf8.count) { bytes, count in
            var (from, to) = (0, 0)
            while from < utf8.count {
                // Eight bytes at a time: the ones before the first of a pair are copied as they are, and the pair is
                // read after them (the line models' hash keys put a byte above 0x7F in most eight-byte stretches, and a
                // byte at a time cost three times as much at start).
                if from + 8 <= utf8.count {
                    let eight = utf8.loadUnaligned(fromByteOffset: from, as: UInt64.self)
                    UnsafeMutableRawPointer(bytes.baseAddress! + to).storeBytes(of: eight, as: UInt64.self)
                    // (The first byte in memory as the lowest, whatever the machine.)
                    let high = UInt64(littleEndian: eight) & 0x8080_8080_8080_8080
                    let plain = high == 0 ? 8 : high.trailingZeroBitCount / 8
                    (from, to) = (from + plain, to + plain)
                    if plain == 8 { continue }
                }
                let byte = utf8[from]
                if byte < 0x80 {
                    bytes[to] = byte
                    from += 1
                } else {
                    // 110000xx 10xxxxxx: the character's number in two bytes.
                    bytes[to] = (byte & 0x03) << 6 | (utf8[from + 1] & 0x3F)
                    from += 2
                }
                to += 1
            }
            count = to
        }
    }
}
