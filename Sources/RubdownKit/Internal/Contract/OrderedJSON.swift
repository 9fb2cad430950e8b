import Foundation

/// Foundation's JSONEncoder does not keep key order, and the contract documents one; this
/// keyed-container encoder keeps the order keys are encoded in and lets Foundation render
/// every leaf value (escaping, numbers), so only the object layout is ours.
final class OrderedJSONEncoder: Encoder {
    final class Node {
        enum Kind { case object([(String, Node)]), array([Node]), leaf(String) }
        var kind: Kind = .leaf("null")

        var rendered: String {
            switch kind {
            case .leaf(let text): return text
            case .array(let items): return "[" + items.map(\.rendered).joined(separator: ",") + "]"
            case .object(let pairs):
                return "{" + pairs.map { OrderedJSONEncoder.leaf($0.0) + ":" + $0.1.rendered }.joined(separator: ",") + "}"
            }
        }
    }

    let storage: Node
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    init(storage: Node = Node()) { self.storage = storage }

    static func leaf<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    /// JSONEncoder escapes the C0 controls but leaves DEL and the C1 controls (U+0080 to U+009F,
    /// among them CSI) raw; they are escaped too, so no JSON line can drive a terminal it is shown on.
    static func escapingDeleteAndC1(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: { (0x7F...0x9F).contains($0.value) }) else { return json }
        var escaped = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if (0x7F...0x9F).contains(scalar.value) {
                escaped.append(contentsOf: "\\u00\(String(scalar.value, radix: 16, uppercase: true))".unicodeScalars)
            } else {
                escaped.append(scalar)
            }
        }
        return String(escaped)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = storage.kind {} else { storage.kind = .object([]) }
        return KeyedEncodingContainer(Keyed<Key>(node: storage))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        storage.kind = .array([])
        return Unkeyed(node: storage)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(node: storage) }

    /// Encodes a value into a node: plain values through JSONEncoder, containers through us.
    static func node<T: Encodable>(for value: T) throws -> Node {
        let node = Node()
        switch value {
        case let string as String: node.kind = .leaf(escapingDeleteAndC1(leaf(string)))
        case let number as Double: node.kind = .leaf(leaf(number))
        case let number as Int: node.kind = .leaf(leaf(number))
        case let flag as Bool: node.kind = .leaf(leaf(flag))
        default: try value.encode(to: OrderedJSONEncoder(storage: node))
        }
        return node
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: Node
        var codingPath: [any CodingKey] = []

        private func append(_ key: Key, _ child: Node) {
            guard case .object(var pairs) = node.kind else { return }
            pairs.append((key.stringValue, child))
            node.kind = .object(pairs)
        }

        mutating func encodeNil(forKey key: Key) throws {
            let child = Node()
            append(key, child)
        }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            append(key, try OrderedJSONEncoder.node(for: value))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey>
        {
            let child = Node()
            child.kind = .object([])
            append(key, child)
            return KeyedEncodingContainer(Keyed<NestedKey>(node: child))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let child = Node()
            child.kind = .array([])
            append(key, child)
            return Unkeyed(node: child)
        }

        mutating func superEncoder() -> any Encoder { OrderedJSONEncoder(storage: node) }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            let child = Node()
            append(key, child)
            return OrderedJSONEncoder(storage: child)
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let node: Node
        var codingPath: [any CodingKey] = []
        var count: Int {
            if case .array(let items) = node.kind { return items.count }
            return 0
        }

        private func append(_ child: Node) {
            guard case .array(var items) = node.kind else { return }
            items.append(child)
            node.kind = .array(items)
        }

        mutating func encodeNil() throws { append(Node()) }
        mutating func encode<T: Encodable>(_ value: T) throws { append(try OrderedJSONEncoder.node(for: value)) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let child = Node()
            child.kind = .object([])
            append(child)
            return KeyedEncodingContainer(Keyed<NestedKey>(node: child))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let child = Node()
            child.kind = .array([])
            append(child)
            return Unkeyed(node: child)
        }

        mutating func superEncoder() -> any Encoder {
            let child = Node()
            append(child)
            return OrderedJSONEncoder(storage: child)
        }
    }

    struct Single: SingleValueEncodingContainer {
        let node: Node
        var codingPath: [any CodingKey] = []
        mutating func encodeNil() throws { node.kind = .leaf("null") }
        mutating func encode<T: Encodable>(_ value: T) throws {
            let child = try OrderedJSONEncoder.node(for: value)
            node.kind = child.kind
        }
    }
}
