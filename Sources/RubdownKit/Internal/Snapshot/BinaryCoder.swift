/// A compact binary form for any `Codable` value, so that a built coach can be saved and read
/// back without code that lists its fields: the compiler's synthesised conformances say what is
/// saved, and a new field is saved the moment it exists.
///
/// Layout (little-endian): a keyed container is a count, then per entry its key and the byte
/// length of its value, then the value; an unkeyed container is a count, then its values;
/// strings are a length and UTF-8; arrays of numbers are a count and the numbers as they lie in
/// memory. Keys are kept so that dictionaries and optional fields read back; a reader expects
/// them in the order they were written, which is the order synthesised code asks for them, and
/// looks further only when one is missing. Every length is checked against what is left, so
/// damaged bytes throw rather than crash.
enum BinaryCoder {
    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let sink = BinarySink()
        try sink.encodeValue(value)
        return sink.bytes
    }

    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try decode(type, from: bytes[...])
    }

    /// (A slice: a `Deferred` value decodes its own bytes, kept from the snapshot's.)
    static func decode<T: Decodable>(_ type: T.Type, from bytes: ArraySlice<UInt8>) throws -> T {
        try bytes.withUnsafeBufferPointer { buffer in
            let source = BinarySource(buffer, of: bytes)
            let value = try source.decodeValue(T.self)
            guard source.position == buffer.count else { throw BinaryCoderError.damaged("trailing bytes") }
            return value
        }
    }
}

enum BinaryCoderError: Error, CustomStringConvertible {
    case damaged(String)
    var description: String {
        switch self {
        case .damaged(let what): return "damaged snapshot: \(what)"
        }
    }
}

// MARK: - Writing

final class BinarySink: Encoder {
    var bytes: [UInt8] = []
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func write<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    func write(_ string: String) {
        var string = string
        string.withUTF8 { utf8 in
            write(UInt32(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// Room for a 32-bit number known only later (a count or a length).
    func reserve() -> Int {
        write(UInt32(0))
        return bytes.count - 4
    }

    func fill(_ offset: Int, with value: Int) {
        withUnsafeBytes(of: UInt32(value).littleEndian) { number in
            for i in 0..<4 { bytes[offset + i] = number[i] }
        }
    }

    /// Numbers in bulk: the index's arrays are most of a snapshot's bytes.
    func writeNumbers<N: BitwiseCopyable>(_ numbers: [N]) {
        write(UInt32(numbers.count))
        numbers.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    /// A `Deferred` value: its byte length, then the value, so that a reader can keep the bytes for later.
    func writeDeferred<T: Encodable>(_ value: T) throws {
        let length = reserve()
        try encodeValue(value)
        fill(length, with: bytes.count - length - 4)
    }

    func encodeValue<T: Encodable>(_ value: T) throws {
        switch value {
        case let value as String: write(value)
        case let value as [Int32]: writeNumbers(value)
        case let value as [Float]: writeNumbers(value)
        case let value as [UInt64]: writeNumbers(value)
        case let value as [UInt8]: writeNumbers(value)
        case let value as [String]:
            write(UInt32(value.count))
            for string in value { write(string) }
        default: try value.encode(to: self)
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedSink<Key>(self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { UnkeyedSink(self) }
    func singleValueContainer() -> any SingleValueEncodingContainer { SingleValueSink(self) }
}

/// A container being written: its values are written as they come, and its count (and, for a
/// container nested under a key, its byte length) when it is done with.
private class ContainerSink {
    let sink: BinarySink
    let countOffset: Int
    let lengthOffset: Int?
    var count = 0
    var codingPath: [any CodingKey] { [] }

    init(_ sink: BinarySink, length: Int? = nil) {
        self.sink = sink
        lengthOffset = length
        countOffset = sink.reserve()
    }

    deinit {
        sink.fill(countOffset, with: count)
        if let lengthOffset { sink.fill(lengthOffset, with: sink.bytes.count - lengthOffset - 4) }
    }
}

private final class UnkeyedSink: ContainerSink, UnkeyedEncodingContainer {

    func encodeNil() throws { throw EncodingError.invalidValue(0, .init(codingPath: [], debugDescription: "nil in a list")) }
    func encode<T: Encodable>(_ value: T) throws {
        count += 1
        try sink.encodeValue(value)
    }
    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        count += 1
        return sink.container(keyedBy: keyType)
    }
    func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        count += 1
        return UnkeyedSink(sink)
    }
    func superEncoder() -> any Encoder { sink }
}

private final class KeyedSink<Key: CodingKey>: ContainerSink, KeyedEncodingContainerProtocol {

    func encodeNil(forKey key: Key) throws {}  // an absent entry reads back as nil

    func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        count += 1
        sink.write(key.stringValue)
        let length = sink.reserve()
        try sink.encodeValue(value)
        sink.fill(length, with: sink.bytes.count - length - 4)
    }

    // An enum with associated values keeps them in a nested container, whose length is
    // known when it is done with: it fills it in then.
    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        count += 1
        sink.write(key.stringValue)
        return KeyedEncodingContainer(KeyedSink<NestedKey>(sink, length: sink.reserve()))
    }
    func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        count += 1
        sink.write(key.stringValue)
        return UnkeyedSink(sink, length: sink.reserve())
    }
    func superEncoder() -> any Encoder { sink }
    func superEncoder(forKey key: Key) -> any Encoder { sink }
}

private struct SingleValueSink: SingleValueEncodingContainer {
    let sink: BinarySink
    init(_ sink: BinarySink) { self.sink = sink }
    var codingPath: [any CodingKey] { [] }

    // Optionals are saved by leaving their key out; one in a list would be ambiguous.
    func encodeNil() throws {
        throw EncodingError.invalidValue(0, .init(codingPath: [], debugDescription: "nil outside a keyed container"))
    }
    func encode(_ value: Bool) throws { sink.write(UInt8(value ? 1 : 0)) }
    func encode(_ value: String) throws { sink.write(value) }
    func encode(_ value: Double) throws { sink.write(value.bitPattern) }
    func encode(_ value: Float) throws { sink.write(value.bitPattern) }
    func encode(_ value: Int) throws { sink.write(Int64(value)) }
    func encode(_ value: Int8) throws { sink.write(value) }
    func encode(_ value: Int16) throws { sink.write(value) }
    func encode(_ value: Int32) throws { sink.write(value) }
    func encode(_ value: Int64) throws { sink.write(value) }
    func encode(_ value: UInt) throws { sink.write(UInt64(value)) }
    func encode(_ value: UInt8) throws { sink.write(value) }
    func encode(_ value: UInt16) throws { sink.write(value) }
    func encode(_ value: UInt32) throws { sink.write(value) }
    func encode(_ value: UInt64) throws { sink.write(value) }
    func encode<T: Encodable>(_ value: T) throws { try sink.encodeValue(value) }
}

// MARK: - Reading

final class BinarySource: Decoder {
    let buffer: UnsafeBufferPointer<UInt8>
    /// The bytes `buffer` points into, for `Deferred` values to keep theirs.
    let bytes: ArraySlice<UInt8>
    var position = 0
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ buffer: UnsafeBufferPointer<UInt8>, of bytes: ArraySlice<UInt8>) {
        self.buffer = buffer
        self.bytes = bytes
    }

    func need(_ count: Int) throws {
        guard count >= 0, count <= buffer.count - position else { throw BinaryCoderError.damaged("ends early") }
    }

    func read<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        try need(MemoryLayout<T>.size)
        let value = UnsafeRawPointer(buffer.baseAddress! + position).loadUnaligned(as: T.self)
        position += MemoryLayout<T>.size
        return T(littleEndian: value)
    }

    func readCount() throws -> Int { Int(try read(UInt32.self)) }

    func readString(at offset: Int) throws -> String {
        position = offset
        return try readString()
    }

    func readString() throws -> String {
        let count = try readCount()
        try need(count)
        let bytes = UnsafeBufferPointer(rebasing: buffer[position..<(position + count)])
        position += count
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether the next bytes are this string as written by `BinarySink.write(_:)`; reads it if so.
    func skipString(equalTo key: String) throws -> Bool {
        let start = position
        let count = try readCount()
        try need(count)
        var key = key
        let equal = key.withUTF8 { utf8 in
            utf8.count == count && utf8.elementsEqual(UnsafeBufferPointer(start: buffer.baseAddress! + position, count: count))
        }
        position = equal ? position + count : start
        return equal
    }

    /// The bytes of a value `BinarySink.writeDeferred(_:)` wrote, not decoded.
    func readDeferred() throws -> ArraySlice<UInt8> {
        let count = try readCount()
        try need(count)
        let start = bytes.startIndex + position
        position += count
        return bytes[start..<(start + count)]
    }

    func readNumbers<N: BitwiseCopyable>(_ type: N.Type) throws -> [N] {
        let count = try readCount()
        let size = MemoryLayout<N>.stride
        guard count <= (buffer.count - position) / size else { throw BinaryCoderError.damaged("ends early") }
        let numbers = [N](unsafeUninitializedCapacity: count) { numbers, initialized in
            UnsafeMutableRawBufferPointer(numbers).copyMemory(
                from: UnsafeRawBufferPointer(start: buffer.baseAddress! + position, count: count * size))
            initialized = count
        }
        position += count * size
        return numbers
    }

    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        // The shapes most values have, read without the generic machinery (which looks up type
        // metadata and conformances for every value): metatype comparisons are cheap, and each
        // reads exactly what the generic path would.
        if T.self == String.self { return unsafeBitCast(try readString(), to: T.self) }
        if T.self == Int.self { return unsafeBitCast(Int(try read(Int64.self)), to: T.self) }
        if T.self == Bool.self { return unsafeBitCast(try read(UInt8.self) != 0, to: T.self) }
        if T.self == [String].self { return unsafeBitCast(try readList { try $0.readString() }, to: T.self) }
        if T.self == Set<String>.self { return unsafeBitCast(Set(try readList { try $0.readString() }), to: T.self) }
        if T.self == [Int].self { return unsafeBitCast(try readList { Int(try $0.read(Int64.self)) }, to: T.self) }
        if T.self == [Bool].self { return unsafeBitCast(try readList { try $0.read(UInt8.self) != 0 }, to: T.self) }
        if T.self == [[String]].self {
            return unsafeBitCast(try readList { source in try source.readList { try $0.readString() } }, to: T.self)
        }
        if T.self == [[Int]].self {
            return unsafeBitCast(try readList { source in try source.readList { Int(try $0.read(Int64.self)) } }, to: T.self)
        }
        if T.self == [Set<String>].self {
            return unsafeBitCast(try readList { source in Set(try source.readList { try $0.readString() }) }, to: T.self)
        }
        if T.self == [Int32].self { return unsafeBitCast(try readNumbers(Int32.self), to: T.self) }
        if T.self == [Float].self { return unsafeBitCast(try readNumbers(Float.self), to: T.self) }
        if T.self == [UInt64].self { return unsafeBitCast(try readNumbers(UInt64.self), to: T.self) }
        if T.self == [UInt8].self { return unsafeBitCast(try readNumbers(UInt8.self), to: T.self) }
        if T.self == Int32.self { return unsafeBitCast(try read(Int32.self), to: T.self) }
        // Dictionaries by name (the indexes' shape): read straight, not key by key through `allKeys`.
        if let reader = collectionType(T.self) { return try reader.read(from: self) as! T }
        // A value in a keyed container ends where the container does, whatever order its keys were read in.
        let containers = containerEnds.count
        let value = try T(from: self)
        if containerEnds.count > containers {
            position = containerEnds[containers]
            containerEnds.removeSubrange(containers...)
        }
        return value
    }

    /// Where each keyed container opened by the values being read ends.
    var containerEnds: [Int] = []

    /// Whether a type is such a collection, worked out once per type: a cast to a protocol looks
    /// through every conformance, and most values are not collections.
    private var collectionTypes: [ObjectIdentifier: (any BinaryReadableCollection.Type)?] = [:]

    private func collectionType<T>(_ type: T.Type) -> (any BinaryReadableCollection.Type)? {
        if let known = collectionTypes[ObjectIdentifier(type)] { return known }
        // The cast scans every conformance record of the process for each new type (about 240,000
        // instructions); the runtime's name of a type is a few thousand, and only an array or a
        // dictionary can be such a collection.
        let name = _typeName(type)
        let mayBeOne = name.hasPrefix("Swift.Array<") || name.hasPrefix("Swift.Dictionary<")
        let collection = mayBeOne ? type as? any BinaryReadableCollection.Type : nil
        collectionTypes[ObjectIdentifier(type)] = .some(collection)
        return collection
    }

    /// A list as an unkeyed container writes it: a count, then each element.
    func readList<Element>(_ element: (BinarySource) throws -> Element) throws -> [Element] {
        let count = try readCount()
        try need(count)
        var elements: [Element] = []
        elements.reserveCapacity(count)
        for _ in 0..<count { elements.append(try element(self)) }
        return elements
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(try KeyedSource<Key>(self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { try UnkeyedSource(self) }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleValueSource(self) }
}

private struct UnkeyedSource: UnkeyedDecodingContainer {
    let source: BinarySource
    let count: Int?
    var currentIndex = 0
    var codingPath: [any CodingKey] { [] }
    var isAtEnd: Bool { currentIndex >= count! }

    init(_ source: BinarySource) throws {
        self.source = source
        let count = try source.readCount()
        // Every value takes at least a byte: a count beyond what is left is damage, not a list.
        try source.need(count)
        self.count = count
    }

    mutating func decodeNil() throws -> Bool { false }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        guard !isAtEnd else { throw BinaryCoderError.damaged("list ends early") }
        currentIndex += 1
        return try source.decodeValue(T.self)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        currentIndex += 1
        return try source.container(keyedBy: type)
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        currentIndex += 1
        return try UnkeyedSource(source)
    }
    mutating func superDecoder() throws -> any Decoder { source }
}

/// Reads entries in the order they were written, which is the order synthesised code asks for
/// them; a key asked out of order, or missing, is looked for from the start.
private struct KeyedSource<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let source: BinarySource
    /// How many entries, where the first starts, and where the container ends.
    private let count: Int
    private let start: Int
    private let end: Int
    var codingPath: [any CodingKey] { [] }

    init(_ source: BinarySource) throws {
        self.source = source
        count = try source.readCount()
        try source.need(count * 8)
        start = source.position
        var entry = start
        for _ in 0..<count {
            try Self.skipKeyAndValue(source, from: entry)
            entry = source.position
        }
        end = entry
        source.position = start
        source.containerEnds.append(end)
    }

    /// From the start of an entry (its key's length at `entry`) to the start of the next.
    private func skipKeyAndValue(from entry: Int) throws { try Self.skipKeyAndValue(source, from: entry) }

    private static func skipKeyAndValue(_ source: BinarySource, from entry: Int) throws {
        source.position = entry
        let keyLength = try source.readCount()
        try source.need(keyLength)
        source.position += keyLength
        let valueLength = try source.readCount()
        try source.need(valueLength)
        source.position += valueLength
    }

    /// Moves to the value of `key` and returns where the entry after it starts; nil (and the
    /// position unchanged) when there is no such entry.
    private func seek(_ key: Key) throws -> Int? {
        let wanted = key.stringValue
        let resume = source.position
        // After the last entry read, the position is where the next starts (or past the end).
        if resume < end, let next = try value(of: wanted, at: resume) { return next }
        var entry = start
        for _ in 0..<count {
            if entry != resume, let next = try value(of: wanted, at: entry) { return next }
            try skipKeyAndValue(from: entry)
            entry = source.position
        }
        source.position = resume
        return nil
    }

    /// When the entry at `entry` is `key`'s: moves to its value and returns where the next entry starts.
    private func value(of key: String, at entry: Int) throws -> Int? {
        source.position = entry
        guard try source.skipString(equalTo: key) else { return nil }
        let length = try source.readCount()
        try source.need(length)
        return source.position + length
    }

    var allKeys: [Key] {
        var keys: [Key] = []
        var entry = start
        for _ in 0..<count {
            guard let name = try? source.readString(at: entry), (try? skipKeyAndValue(from: entry)) != nil else { break }
            if let key = Key(stringValue: name) { keys.append(key) }
            entry = source.position
        }
        source.position = start
        return keys
    }

    func contains(_ key: Key) -> Bool {
        let position = source.position
        defer { source.position = position }
        return ((try? seek(key)) ?? nil) != nil
    }

    func decodeNil(forKey key: Key) throws -> Bool { !contains(key) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        guard let value = try decodeIfPresent(type, forKey: key) else { throw BinaryCoderError.damaged("no \(key.stringValue)") }
        return value
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let next = try seek(key) else { return nil }
        let value = try source.decodeValue(T.self)
        guard source.position == next else { throw BinaryCoderError.damaged("\(key.stringValue) has the wrong length") }
        return value
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        guard try seek(key) != nil else { throw BinaryCoderError.damaged("no \(key.stringValue)") }
        return try source.container(keyedBy: type)
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        guard try seek(key) != nil else { throw BinaryCoderError.damaged("no \(key.stringValue)") }
        return try UnkeyedSource(source)
    }
    func superDecoder() throws -> any Decoder { source }
    func superDecoder(forKey key: Key) throws -> any Decoder { source }
}

private struct SingleValueSource: SingleValueDecodingContainer {
    let source: BinarySource
    init(_ source: BinarySource) { self.source = source }
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { false }
    func decode(_ type: Bool.Type) throws -> Bool { try source.read(UInt8.self) != 0 }
    func decode(_ type: String.Type) throws -> String { try source.readString() }
    func decode(_ type: Double.Type) throws -> Double { Double(bitPattern: try source.read(UInt64.self)) }
    func decode(_ type: Float.Type) throws -> Float { Float(bitPattern: try source.read(UInt32.self)) }
    func decode(_ type: Int.Type) throws -> Int { Int(try source.read(Int64.self)) }
    func decode(_ type: Int8.Type) throws -> Int8 { try source.read(Int8.self) }
    func decode(_ type: Int16.Type) throws -> Int16 { try source.read(Int16.self) }
    func decode(_ type: Int32.Type) throws -> Int32 { try source.read(Int32.self) }
    func decode(_ type: Int64.Type) throws -> Int64 { try source.read(Int64.self) }
    func decode(_ type: UInt.Type) throws -> UInt { UInt(try source.read(UInt64.self)) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try source.read(UInt8.self) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try source.read(UInt16.self) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try source.read(UInt32.self) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try source.read(UInt64.self) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try source.decodeValue(T.self) }
}

/// The collections a snapshot is mostly made of, read straight rather than through the generic
/// containers (an existential and a metadata look-up for every element).
protocol BinaryReadableCollection {
    static func read(from source: BinarySource) throws -> Self
}

/// As an unkeyed container writes it: a count, then each element.
extension Array: BinaryReadableCollection where Element: Decodable {
    static func read(from source: BinarySource) throws -> Self {
        try source.readList { try $0.decodeValue(Element.self) }
    }
}

/// Keyed by strings, as a keyed container writes it: a count, then per entry the key, the
/// value's length and the value.
extension Dictionary: BinaryReadableCollection where Key == String, Value: Decodable {
    static func read(from source: BinarySource) throws -> Self {
        let count = try source.readCount()
        try source.need(count * 8)
        var dictionary: [String: Value] = [:]
        dictionary.reserveCapacity(count)
        for _ in 0..<count {
            let key = try source.readString()
            let length = try source.readCount()
            let end = source.position + length
            dictionary[key] = try source.decodeValue(Value.self)
            guard source.position == end else { throw BinaryCoderError.damaged("\(key) has the wrong length") }
        }
        return dictionary
    }
}
