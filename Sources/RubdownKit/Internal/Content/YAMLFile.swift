import CYaml
import Yams

/// One YAML content file, parsed once, that decodes into model types and turns every
/// problem into a `file:line:col` diagnostic pointing at the offending node.
struct YAMLFile {
    let path: String
    let root: Node

    init(path: String, text: String) throws {
        self.path = path
        // Before any node is built: an alias can make a few hundred bytes stand for a tree
        // too large to walk (and Yams' duplicate-key check hashes aliased keys in full).
        if let refusal = Self.anchorOrAlias(in: text, file: path) { throw ContentError([refusal]) }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ContentError([ContentDiagnostic(file: path, line: 1, message: "the file is empty")])
            }
            root = node
        } catch let error as ContentError {
            throw error
        } catch let error as YamlError {
            throw ContentError([Self.diagnostic(for: error, file: path)])
        } catch {
            throw ContentError([ContentDiagnostic(file: path, line: 1, message: "cannot read YAML: \(error)")])
        }
    }

    /// The first YAML anchor (`&name`) or alias (`*name`, `<<: *name`) in the text, as an error:
    /// content files do not need them, and an alias is how a small file expands to an
    /// exponentially large document ("billion laughs"). Read with libyaml's event parser, which
    /// builds no nodes and so never expands anything; a syntax error is left for `compose` to report.
    static func anchorOrAlias(in text: String, file: String) -> ContentDiagnostic? {
        // Neither character: neither can occur (the common case, spared the extra pass).
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "*") }) else { return nil }
        var bytes = Array(text.utf8)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeMutableBufferPointer { buffer -> ContentDiagnostic? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let line = Int(event.start_mark.line) + 1
                let column = Int(event.start_mark.column) + 1
                let anchored: Bool
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_ALIAS_EVENT:
                    return ContentDiagnostic(
                        file: file, line: line, column: column,
                        message: "YAML aliases (*name) are not allowed in content files; write the value out in full")
                case YAML_SCALAR_EVENT: anchored = event.data.scalar.anchor != nil
                case YAML_SEQUENCE_START_EVENT: anchored = event.data.sequence_start.anchor != nil
                case YAML_MAPPING_START_EVENT: anchored = event.data.mapping_start.anchor != nil
                default: anchored = false
                }
                if anchored {
                    return ContentDiagnostic(
                        file: file, line: line, column: column,
                        message: "YAML anchors (&name) are not allowed in content files; write the value out in full")
                }
            }
        }
    }

    /// Decodes the value under a top-level key (`areas:`, `intents:` ...).
    func decode<T: Decodable>(_ type: T.Type, key: String) throws -> T {
        guard let node = root[key] else {
            throw ContentError([diagnostic(at: root, "missing the top-level key '\(key)'")])
        }
        do {
            return try YAMLDecoder().decode(type, from: node)
        } catch let error as DecodingError {
            throw ContentError([diagnostic(for: error, under: node)])
        } catch {
            throw ContentError([diagnostic(at: node, "\(error)")])
        }
    }

    /// A diagnostic at a node found by a coding path from the root (`["areas", 3, "id"]`).
    func diagnostic(at path: [any CodingKey], _ message: String, severity: ContentDiagnostic.Severity = .error)
        -> ContentDiagnostic
    {
        diagnostic(at: Self.locate(path, in: root), message, severity: severity)
    }

    func diagnostic(at node: Node, _ message: String, severity: ContentDiagnostic.Severity = .error)
        -> ContentDiagnostic
    {
        ContentDiagnostic(
            file: self.path, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1,
            severity: severity, message: message)
    }

    /// The line of an entry found by path, for models that remember where they came from.
    func line(at path: [any CodingKey]) -> Int { Self.locate(path, in: root).mark?.line ?? 1 }

    /// The line of each entry of the top-level list `key`, and of each item of its list `field`,
    /// in one walk: keys are compared as text, which spares resolving every node's tag (as
    /// `line(at:)` does through `Node` equality) when every intent and example is located.
    func lines(ofEntriesIn key: String, itemsOf field: String) -> [(entry: Int, items: [Int])] {
        func child(_ node: Node, _ name: String) -> Node? {
            node.mapping?.first { $0.key.string == name }?.value
        }
        guard let entries = child(root, key)?.sequence else { return [] }
        return entries.map { entry in
            let items = child(entry, field)?.sequence.map { $0.map { $0.mark?.line ?? 1 } } ?? []
            return (entry.mark?.line ?? 1, items)
        }
    }

    private func diagnostic(for error: DecodingError, under node: Node) -> ContentDiagnostic {
        switch error {
        case .keyNotFound(let key, let context):
            let owner = Self.locate(context.codingPath, in: node)
            return diagnostic(at: owner, "missing required field '\(key.stringValue)'\(Self.entryName(owner))")
        case .typeMismatch(let type, let context):
            return diagnostic(
                at: Self.locate(context.codingPath, in: node),
                "'\(Self.fieldName(context.codingPath))' should be \(Self.describe(type))")
        case .valueNotFound(let type, let context):
            return diagnostic(
                at: Self.locate(context.codingPath, in: node),
                "'\(Self.fieldName(context.codingPath))' is empty; it should be \(Self.describe(type))")
        case .dataCorrupted(let context):
            return diagnostic(
                at: Self.locate(context.codingPath, in: node),
                "'\(Self.fieldName(context.codingPath))': \(context.debugDescription)")
        @unknown default:
            return diagnostic(at: node, "\(error)")
        }
    }

    static func diagnostic(for error: YamlError, file: String) -> ContentDiagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return ContentDiagnostic(file: file, line: mark.line, column: mark.column, message: "invalid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ContentDiagnostic(
                file: file, line: context.mark.line, column: context.mark.column,
                message: "duplicated key \(duplicates.sorted().joined(separator: ", "))")
        default:
            return ContentDiagnostic(file: file, line: 1, message: "invalid YAML: \(error)")
        }
    }

    /// Walks as far down the path as the document goes; the deepest node found is the best place to point at.
    static func locate(_ path: [any CodingKey], in node: Node) -> Node {
        var current = node
        for key in path {
            if let index = key.intValue, let sequence = current.sequence, index < sequence.count {
                current = sequence[index]
            } else if let child = current[key.stringValue] {
                current = child
            } else {
                break
            }
        }
        return current
    }

    private static func entryName(_ node: Node) -> String {
        if let id = node["id"]?.string { return " in '\(id)'" }
        return ""
    }

    private static func fieldName(_ path: [any CodingKey]) -> String {
        path.last(where: { $0.intValue == nil })?.stringValue ?? "value"
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Int.Type: return "a whole number"
        case is Bool.Type: return "true or false"
        case is [String].Type: return "a list of texts"
        default:
            let name = String(describing: type)
            return name.hasPrefix("Array") ? "a list" : (name.contains("Dictionary") ? "a mapping" : "a \(name)")
        }
    }
}

/// A content file's document for diagnostics, composed only when one is needed: a file read
/// by `IntentFileReader` has no node tree unless something in it must be pointed at later.
final class LazyYAMLFile {
    let path: String
    private let text: String?
    private var composed: YAMLFile?

    /// A file not composed yet.
    init(_ file: ContentFile) {
        path = file.path
        text = file.text
    }

    /// A file already composed.
    init(_ file: YAMLFile) {
        path = file.path
        text = nil
        composed = file
    }

    func diagnostic(at path: [any CodingKey], _ message: String) -> ContentDiagnostic {
        if composed == nil, let text { composed = try? YAMLFile(path: self.path, text: text) }
        // (A file IntentFileReader accepted composes; the fallback is only for safety's sake.)
        return composed?.diagnostic(at: path, message) ?? ContentDiagnostic(file: self.path, line: 1, message: message)
    }
}

/// A coding key built from a path element, for pointing at nodes.
struct PathKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ string: String) { stringValue = string }
    init(_ index: Int) {
        stringValue = "\(index)"
        intValue = index
    }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { self.init(intValue) }
}
