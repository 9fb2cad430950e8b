import Foundation

/// Any JSON value, read with `JSONDecoder`: what a story's `PATH: VALUE` expectations are
/// checked against (any field of a turn's JSON line) and what a VALUE is read as.
enum JSONValue: Decodable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// The JSON text read as a value; nil when it is not JSON.
    init?(parsing text: String) {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) else { return nil }
        self = value
    }

    /// The value at a dotted path (`triage.level`, `entities.body_parts.0`); nil when there is none.
    func at(_ path: String) -> JSONValue? {
        var current = self
        for key in path.split(separator: ".") {
            switch current {
            case .object(let members):
                guard let member = members[String(key)] else { return nil }
                current = member
            case .array(let elements):
                guard let index = Int(key), elements.indices.contains(index) else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }

    /// Compact JSON with sorted keys, as JSONSerialization writes it (`/` as `\/`): for messages.
    var rendered: String {
        var json: [UInt8] = []
        render(to: &json)
        return String(decoding: json, as: UTF8.self)
    }

    private func render(to json: inout [UInt8]) {
        switch self {
        case .null: json += "null".utf8
        case .bool(let value): json += (value ? "true" : "false").utf8
        case .number(let value): OrderedJSON.write(value, to: &json)
        case .string(let value):
            var literal: [UInt8] = []
            OrderedJSON.write(value, to: &literal)
            for byte in literal {
                if byte == UInt8(ascii: "/") { json.append(UInt8(ascii: "\\")) }
                json.append(byte)
            }
        case .array(let elements):
            json.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { json.append(UInt8(ascii: ",")) }
                element.render(to: &json)
            }
            json.append(UInt8(ascii: "]"))
        case .object(let members):
            json.append(UInt8(ascii: "{"))
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { json.append(UInt8(ascii: ",")) }
                JSONValue.string(key).render(to: &json)
                json.append(UInt8(ascii: ":"))
                members[key]!.render(to: &json)
            }
            json.append(UInt8(ascii: "}"))
        }
    }
}
