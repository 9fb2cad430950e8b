import CYaml
import Foundation

/// Reads an intent file straight from libyaml's events, without building Yams' node tree or
/// running its decoder (which resolves each scalar's tag with regular expressions, and finds
/// each key by comparing nodes): at 10,000 intents that was most of a first load.
///
/// It gives exactly what `YAMLFile` and `YAMLDecoder` give for the files it accepts, and
/// accepts only plain ones: one document; no anchors, aliases or explicit tags; scalar keys,
/// none repeated in a mapping and none of the merge (`<<`) or value (`=`) keys; the fields of
/// `ContentLoader.IntentEntry` with the shapes it declares (text, list of texts, and
/// `needs_keyword` as a plain true or false in one of YAML's spellings); no plain scalar that
/// could read as null (empty, `~`, `null`), where Yams tells absent from empty by tag. Anything
/// else — a syntax error included — gives nil, and the file is read the usual way, which
/// reports what is wrong with the same diagnostics as ever.
enum IntentFileReader {
    struct File: Sendable {
        var plugin: String
        var entries: [ContentLoader.IntentEntry]
        /// The line of each entry, and of each of its examples (as `YAMLFile.lines(ofEntriesIn:itemsOf:)`).
        var lines: [(entry: Int, items: [Int])]
    }

    /// A node of the document, as far as this reader needs one.
    private enum Node {
        case scalar(String, isPlain: Bool, line: Int)
        case sequence([Node], line: Int)
        case mapping([(key: String, value: Node)], line: Int)

        var line: Int {
            switch self {
            case .scalar(_, _, let line), .sequence(_, let line), .mapping(_, let line): line
            }
        }

        /// The value of a key (keys are unique: a repeated one is refused while reading).
        subscript(key: String) -> Node? {
            guard case .mapping(let pairs, _) = self else { return nil }
            return pairs.first { $0.key == key }?.value
        }
    }

    private struct Refused: Error {}

    /// Each file read (nil: refused); when they are several and large (a table of thousands of
    /// intents), side by side on the machine's cores.
    static func read(_ files: [ContentFile]) -> [File?] {
        guard files.count > 1, files.reduce(0, { $0 + $1.text.utf8.count }) >= 1 << 20 else { return files.map { read($0.text) } }
        let results = Results(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in results.set(index, read(files[index].text)) }
        return results.files
    }

    /// The files read by several threads, each writing its own.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var read: [File?]

        init(count: Int) { read = [File?](repeating: nil, count: count) }

        func set(_ index: Int, _ file: File?) {
            lock.lock()
            read[index] = file
            lock.unlock()
        }

        var files: [File?] {
            lock.lock()
            defer { lock.unlock() }
            return read
        }
    }

    static func read(_ text: String) -> File? {
        var bytes = text
        return bytes.withUTF8 { buffer -> File? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            guard let root = try? document(&parser) else { return nil }
            return try? file(root)
        }
    }

    // MARK: Events to nodes

    /// The event's type, after `body` has read it; the event is freed afterwards.
    private static func withEvent<T>(_ parser: inout yaml_parser_t, _ body: (inout yaml_event_t) throws -> T) throws -> T {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else { throw Refused() }
        defer { yaml_event_delete(&event) }
        return try body(&event)
    }

    private static func expect(_ parser: inout yaml_parser_t, _ type: yaml_event_type_t) throws {
        try withEvent(&parser) { event in if event.type != type { throw Refused() } }
    }

    /// The single document of the stream (none, or a second one, is refused).
    private static func document(_ parser: inout yaml_parser_t) throws -> Node {
        try expect(&parser, YAML_STREAM_START_EVENT)
        try expect(&parser, YAML_DOCUMENT_START_EVENT)
        let root = try node(&parser)
        try expect(&parser, YAML_DOCUMENT_END_EVENT)
        try expect(&parser, YAML_STREAM_END_EVENT)
        return root
    }

    /// What an event starts: a whole scalar, a sequence or a mapping (at a line), or the end of the enclosing one.
    private enum Start {
        case scalar(Node)
        case sequence(line: Int)
        case mapping(line: Int)
        case end
    }

    /// The next node, or nil at the end of the enclosing sequence or mapping.
    private static func node(_ parser: inout yaml_parser_t, endingWith end: yaml_event_type_t? = nil) throws -> Node? {
        let start: Start = try withEvent(&parser) { event in
            let line = Int(event.start_mark.line) + 1
            switch event.type {
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                guard scalar.anchor == nil, scalar.tag == nil else { throw Refused() }
                let value = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
                return .scalar(.scalar(string(value), isPlain: scalar.style == YAML_PLAIN_SCALAR_STYLE, line: line))
            case YAML_SEQUENCE_START_EVENT:
                let sequence = event.data.sequence_start
                guard sequence.anchor == nil, sequence.implicit != 0 else { throw Refused() }
                return .sequence(line: line)
            case YAML_MAPPING_START_EVENT:
                let mapping = event.data.mapping_start
                guard mapping.anchor == nil, mapping.implicit != 0 else { throw Refused() }
                return .mapping(line: line)
            case let type where type == end:
                return .end
            default:
                // Aliases, and anything out of place.
                throw Refused()
            }
        }
        switch start {
        case .end: return nil
        case .scalar(let node): return node
        case .sequence(let line):
            var items: [Node] = []
            while let item = try node(&parser, endingWith: YAML_SEQUENCE_END_EVENT) { items.append(item) }
            return .sequence(items, line: line)
        case .mapping(let line):
            var pairs: [(key: String, value: Node)] = []
            var keys = Set<String>()
            while let key = try node(&parser, endingWith: YAML_MAPPING_END_EVENT) {
                // A scalar key, not repeated (Yams refuses some repeats; the usual way tells which),
                // and neither `<<` nor `=`, which Yams reads as merge and value keys.
                guard case .scalar(let name, _, _) = key, name != "<<", name != "=", keys.insert(name).inserted,
                    let value = try node(&parser)
                else { throw Refused() }
                pairs.append((name, value))
            }
            return .mapping(pairs, line: line)
        }
    }

    private static func node(_ parser: inout yaml_parser_t) throws -> Node {
        guard let node = try node(&parser, endingWith: nil) else { throw Refused() }
        return node
    }

    /// A scalar's text as Yams makes it (`String(bytes:encoding:)`, which drops a leading
    /// byte-order mark; `String(decoding:as:)` is the same otherwise, and quicker).
    private static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return String(bytes: bytes, encoding: .utf8) ?? String(decoding: bytes, as: UTF8.self)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: Nodes to entries

    private static func file(_ root: Node) throws -> File {
        guard case .mapping = root, let plugin = root["plugin"], let intents = root["intents"],
            case .sequence(let items, _) = intents
        else { throw Refused() }
        var entries: [ContentLoader.IntentEntry] = []
        var lines: [(entry: Int, items: [Int])] = []
        entries.reserveCapacity(items.count)
        lines.reserveCapacity(items.count)
        for item in items {
            guard case .mapping = item, let id = item["id"], let examples = item["examples"] else { throw Refused() }
            entries.append(
                ContentLoader.IntentEntry(
                    id: try text(id), description: try item["description"].map(text), examples: try texts(examples),
                    keywords: try item["keywords"].map(texts), offer: try item["offer"].map(text), reply: try item["reply"].map(text),
                    knowledge: try item["knowledge"].map(texts), needsKeyword: try item["needs_keyword"].map(flag)))
            guard case .sequence(let exampleNodes, _) = examples else { throw Refused() }
            lines.append((item.line, exampleNodes.map(\.line)))
        }
        return File(plugin: try text(plugin), entries: entries, lines: lines)
    }

    /// Text; a plain scalar that may read as null is refused.
    private static func text(_ node: Node) throws -> String {
        guard case .scalar(let value, let isPlain, _) = node else { throw Refused() }
        if isPlain, value.isEmpty || value == "~" || value == "null" || value == "Null" || value == "NULL" { throw Refused() }
        return value
    }

    private static func texts(_ node: Node) throws -> [String] {
        guard case .sequence(let items, _) = node else { throw Refused() }
        return try items.map(text)
    }

    /// YAML's true and false (as a plain scalar; a quoted one is text, which Yams refuses here).
    private static func flag(_ node: Node) throws -> Bool {
        guard case .scalar(let value, true, _) = node else { throw Refused() }
        switch value {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: throw Refused()
        }
    }
}
