import Foundation

enum StoryParser {
    static func parse(file: String, text: String) throws -> Story {
        var name = ""
        var steps: [Story.Step] = []
        var problems: [ContentDiagnostic] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            let number = index + 1
            if line.isEmpty { continue }
            if line.hasPrefix("#") {
                if name.isEmpty { name = line.dropFirst().trimmingCharacters(in: .whitespaces) }
                continue
            }
            if line.hasPrefix(">") {
                steps.append(Story.Step(input: line.dropFirst().trimmingCharacters(in: .whitespaces), line: number, expectations: []))
                continue
            }
            guard let colon = line.firstIndex(of: ":") else {
                problems.append(ContentDiagnostic(file: file, line: number, message: "expected '> input' or 'path: value'"))
                continue
            }
            guard !steps.isEmpty else {
                problems.append(ContentDiagnostic(file: file, line: number, message: "an expectation before the first '> input' line"))
                continue
            }
            var path = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            var check = Story.Expectation.Check.equals(value)
            if path.hasSuffix(" contains") {
                path = String(path.dropLast(" contains".count))
                check = .contains(value)
            } else if path.hasSuffix(" lacks") {
                path = String(path.dropLast(" lacks".count))
                check = .lacks(value)
            }
            if path.contains(" ") {
                problems.append(
                    ContentDiagnostic(file: file, line: number, message: "unknown check in '\(path)'; use 'PATH:', 'PATH contains:' or 'PATH lacks:'"))
                continue
            }
            steps[steps.count - 1].expectations.append(Story.Expectation(path: path, check: check, line: number))
        }
        if steps.isEmpty { problems.append(ContentDiagnostic(file: file, line: 1, message: "the story has no '> input' lines")) }
        guard problems.isEmpty else { throw ContentError(problems) }
        return Story(file: file, name: name.isEmpty ? file : name, steps: steps)
    }

    /// Nil when the expectation holds, else what was wrong.
    static func check(_ expectation: Story.Expectation, against object: Any) -> String? {
        let actual = lookup(expectation.path, in: object)
        let shown = render(actual)
        switch expectation.check {
        case .equals(let value):
            let expected = parseValue(value)
            return equal(actual, expected) ? nil : "\(expectation.path) is \(shown), expected \(render(expected))"
        case .contains(let value):
            return contains(actual, value) ? nil : "\(expectation.path) is \(shown), which does not contain \"\(value)\""
        case .lacks(let value):
            return contains(actual, value) ? "\(expectation.path) contains \"\(value)\": \(shown)" : nil
        }
    }

    private static func lookup(_ path: String, in object: Any) -> Any? {
        var current: Any? = object
        for key in path.split(separator: ".") {
            if let dictionary = current as? [String: Any] {
                current = dictionary[String(key)]
            } else if let array = current as? [Any], let index = Int(key), index < array.count {
                current = array[index]
            } else {
                return nil
            }
        }
        return current
    }

    private static func parseValue(_ text: String) -> Any? {
        if let data = text.data(using: .utf8), let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) {
            return value
        }
        return text
    }

    private static func equal(_ a: Any?, _ b: Any?) -> Bool {
        switch (a, b) {
        case (nil, nil), (nil, is NSNull), (is NSNull, nil), (is NSNull, is NSNull): return true
        case (let x as NSNumber, let y as NSNumber): return abs(x.doubleValue - y.doubleValue) < 1e-9
        case (let x as String, let y as String): return x == y
        case (let x as [Any], let y as [Any]): return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (let x as [String: Any], let y as [String: Any]):
            return x.count == y.count && x.allSatisfy { key, value in y[key].map { equal(value, $0) } ?? false }
        default: return false
        }
    }

    private static func contains(_ actual: Any?, _ value: String) -> Bool {
        if let string = actual as? String { return string.lowercased().contains(value.lowercased()) }
        if let array = actual as? [Any] {
            let expected = parseValue(value)
            return array.contains { equal($0, expected) || ($0 as? String)?.lowercased() == value.lowercased() }
        }
        return false
    }

    private static func render(_ value: Any?) -> String {
        guard let value, !(value is NSNull) else { return "null" }
        if let string = value as? String { return "\"\(string)\"" }
        if let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys]) {
            return String(decoding: data, as: UTF8.self)
        }
        return "\(value)"
    }
}
