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
                    ContentDiagnostic(
                        file: file, line: number, message: "unknown check in '\(path)'; use 'PATH:', 'PATH contains:' or 'PATH lacks:'"))
                continue
            }
            steps[steps.count - 1].expectations.append(Story.Expectation(path: path, check: check, line: number))
        }
        if steps.isEmpty { problems.append(ContentDiagnostic(file: file, line: 1, message: "the story has no '> input' lines")) }
        guard problems.isEmpty else { throw ContentError(problems) }
        return Story(file: file, name: name.isEmpty ? file : name, steps: steps)
    }

    /// Nil when the expectation holds, else what was wrong.
    static func check(_ expectation: Story.Expectation, against object: JSONValue) -> String? {
        let actual = object.at(expectation.path)
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

    /// A VALUE is JSON when it reads as JSON (`null`, `10`, `["calves"]`, `"self-care"`), else a plain string.
    private static func parseValue(_ text: String) -> JSONValue {
        JSONValue(parsing: text) ?? .string(text)
    }

    /// Missing and null are alike; numbers within 1e-9 are equal (a boolean counts as 1 or 0).
    private static func equal(_ a: JSONValue?, _ b: JSONValue?) -> Bool {
        switch (a ?? .null, b ?? .null) {
        case (.null, .null): return true
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (.object(let x), .object(let y)):
            return x.count == y.count && x.allSatisfy { key, value in y[key].map { equal(value, $0) } ?? false }
        case (let x, let y):
            guard let x = number(x), let y = number(y) else { return false }
            return abs(x - y) < 1e-9
        }
    }

    private static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .number(let number): return number
        case .bool(let flag): return flag ? 1 : 0
        default: return nil
        }
    }

    private static func contains(_ actual: JSONValue?, _ value: String) -> Bool {
        switch actual {
        case .string(let string)?: return string.lowercased().contains(value.lowercased())
        case .array(let elements)?:
            let expected = parseValue(value)
            return elements.contains { element in
                if equal(element, expected) { return true }
                if case .string(let string) = element { return string.lowercased() == value.lowercased() }
                return false
            }
        default: return false
        }
    }

    private static func render(_ value: JSONValue?) -> String {
        switch value {
        case nil, .null?: return "null"
        case .string(let string)?: return "\"\(string)\""
        case let value?: return value.rendered
        }
    }
}
