/// A compact binary form for a built coach (see `CoachSnapshot`): little-endian numbers,
/// length-prefixed strings and arrays, written and read in the same order by each type's own
/// `archive(into:)` and `init(from:)`, kept beside the fields they save.
///
/// Reading checks every length against what is left, so a damaged file throws instead of
/// crashing or allocating without bound; a checksum (see `CoachSnapshot`) catches the rest.
protocol Archivable {
    init(from archive: inout ArchiveReader) throws
    func archive(into archive: inout ArchiveWriter)
}

struct ArchiveWriter {
    private(set) var bytes: [UInt8] = []

    /// - Parameter capacity: a generous guess: memory reserved but never written is never touched
    ///   (so costs no RSS), while growing by doubling would copy everything written so far.
    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// Continues after bytes already written.
    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func write<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Replaces bytes already written (a length or checksum known only at the end).
    mutating func overwrite<T: FixedWidthInteger>(_ value: T, at offset: Int) {
        withUnsafeBytes(of: value.littleEndian) { bytes.replaceSubrange(offset..<(offset + $0.count), with: $0) }
    }

    mutating func write(_ value: Int) { write(Int64(value)) }
    mutating func write(_ value: Bool) { write(UInt8(value ? 1 : 0)) }

    mutating func write(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            write(UInt32(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func write<T: Archivable>(_ value: T) { value.archive(into: &self) }

    mutating func write<T: Archivable>(_ value: T?) {
        write(value != nil)
        if let value { value.archive(into: &self) }
    }

    mutating func write<S: Collection>(_ elements: S, each: (inout ArchiveWriter, S.Element) -> Void) {
        write(UInt32(elements.count))
        for element in elements { each(&self, element) }
    }

    mutating func write<T: Archivable>(_ elements: [T]) { write(elements) { $0.write($1) } }

    /// A set, sorted so that the same set always gives the same bytes.
    mutating func write<T: Archivable & Comparable>(_ elements: Set<T>) { write(elements.sorted()) }

    /// A dictionary, sorted by key so that the same dictionary always gives the same bytes.
    mutating func write<K: Archivable & Comparable, V>(_ dictionary: [K: V], value: (inout ArchiveWriter, V) -> Void) {
        write(dictionary.keys.sorted()) { writer, key in
            writer.write(key)
            value(&writer, dictionary[key]!)
        }
    }

    /// Numbers in bulk, as they lie in memory (little-endian machines only, which `CoachSnapshot` checks).
    mutating func write<T: BitwiseCopyable>(numbers: [T]) {
        write(UInt32(numbers.count))
        numbers.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }
}

enum ArchiveError: Error {
    /// The bytes end before the value does, or a length is impossible.
    case damaged
}

struct ArchiveReader {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8], from position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    var isAtEnd: Bool { position == bytes.count }

    private mutating func take(_ count: Int) throws -> Int {
        guard count >= 0, count <= bytes.count - position else { throw ArchiveError.damaged }
        defer { position += count }
        return position
    }

    mutating func read<T: FixedWidthInteger>(_ type: T.Type = T.self) throws -> T {
        let at = try take(MemoryLayout<T>.size)
        return T(littleEndian: bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at, as: T.self) })
    }

    mutating func read(_ type: Int.Type = Int.self) throws -> Int {
        let value = try read(Int64.self)
        guard let int = Int(exactly: value) else { throw ArchiveError.damaged }
        return int
    }

    mutating func read(_ type: Bool.Type = Bool.self) throws -> Bool {
        switch try read(UInt8.self) {
        case 0: return false
        case 1: return true
        default: throw ArchiveError.damaged
        }
    }


    mutating func read(_ type: String.Type = String.self) throws -> String {
        let count = Int(try read(UInt32.self))
        let at = try take(count)
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[at..<(at + count)]), as: UTF8.self) }
    }

    mutating func read<T: Archivable>(_ type: T.Type = T.self) throws -> T { try T(from: &self) }

    mutating func read<T: Archivable>(_ type: T?.Type = T?.self) throws -> T? {
        try read(Bool.self) ? try T(from: &self) : nil
    }

    /// A count of elements that each take at least `minimumSize` bytes: no more than the bytes left allow.
    mutating func count(minimumSize: Int = 1) throws -> Int {
        let count = Int(try read(UInt32.self))
        guard count * max(1, minimumSize) <= bytes.count - position else { throw ArchiveError.damaged }
        return count
    }

    mutating func read<T>(each: (inout ArchiveReader) throws -> T) throws -> [T] {
        let count = try count()
        var elements: [T] = []
        elements.reserveCapacity(count)
        for _ in 0..<count { elements.append(try each(&self)) }
        return elements
    }

    mutating func read<T: Archivable>(_ type: [T].Type = [T].self) throws -> [T] { try read { try $0.read(T.self) } }

    mutating func read<T: Archivable & Hashable>(_ type: Set<T>.Type = Set<T>.self) throws -> Set<T> {
        Set(try read([T].self))
    }

    mutating func read<K: Archivable & Hashable, V>(keyedBy key: K.Type, value: (inout ArchiveReader) throws -> V) throws -> [K: V] {
        let count = try count()
        var dictionary: [K: V] = [:]
        dictionary.reserveCapacity(count)
        for _ in 0..<count {
            let key = try read(K.self)
            dictionary[key] = try value(&self)
        }
        guard dictionary.count == count else { throw ArchiveError.damaged }
        return dictionary
    }

    mutating func read<T: BitwiseCopyable>(numbers type: T.Type) throws -> [T] {
        let count = try count(minimumSize: MemoryLayout<T>.size)
        let at = try take(count * MemoryLayout<T>.size)
        return [T](unsafeUninitializedCapacity: count) { buffer, initialised in
            bytes.withUnsafeBytes { source in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: source[at..<(at + count * MemoryLayout<T>.size)]))
            }
            initialised = count
        }
    }
}

extension String: Archivable {
    init(from archive: inout ArchiveReader) throws { self = try archive.read(String.self) }
    func archive(into archive: inout ArchiveWriter) { archive.write(self) }
}

extension Int: Archivable {
    init(from archive: inout ArchiveReader) throws { self = try archive.read(Int.self) }
    func archive(into archive: inout ArchiveWriter) { archive.write(self) }
}

extension Bool: Archivable {
    init(from archive: inout ArchiveReader) throws { self = try archive.read(Bool.self) }
    func archive(into archive: inout ArchiveWriter) { archive.write(self) }
}

extension Array: Archivable where Element: Archivable {
    init(from archive: inout ArchiveReader) throws { self = try archive.read([Element].self) }
    func archive(into archive: inout ArchiveWriter) { archive.write(self) }
}
