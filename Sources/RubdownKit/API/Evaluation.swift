import Foundation

/// Scores the classifier on labelled lines (`rubdown eval`): plugin accuracy, a confusion
/// table, out-of-scope recall, red-flag recall, and the lines it got wrong.
public struct Evaluation: Sendable {
    public struct Case: Sendable {
        public var text: String
        /// Missing on safety-only lines ({"text", "red_flags", "urgency"}), which score detection alone.
        var plugin: String?
        var intent: String?
        var redFlags: [String]?
        /// The urgency the line's flags should carry ("none" for a look-alike).
        var urgency: String?
        var line: Int
    }
    public struct Miss: Sendable {
        var item: Case
        var gotPlugin: String
        var gotIntent: String
    }

    public private(set) var total = 0
    public private(set) var correctPlugin = 0
    public private(set) var correctIntent = 0
    public private(set) var intentTotal = 0
    /// confusion[expected][got] = count
    public private(set) var confusion: [String: [String: Int]] = [:]
    public private(set) var misses: [Miss] = []
    public private(set) var redFlagExpected = 0
    public private(set) var redFlagCaught = 0
    public private(set) var redFlagMissed: [Case] = []
    public private(set) var falseRedFlags: [Case] = []
    /// Lines labelled with no red flag (look-alikes among them).
    public private(set) var redFlagFreeLines = 0
    public private(set) var urgencyExpected = 0
    public private(set) var urgencyRight = 0
    public private(set) var urgencyWrong: [(item: Case, got: String)] = []

    public init() {}

    /// Reads JSON Lines; a bad line is reported as `file:line` with what to fix.
    public static func cases(file: String, text: String) throws -> [Case] {
        var cases: [Case] = []
        var problems: [ContentDiagnostic] = []
        let decoder = JSONDecoder()
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard line.contains(where: { !$0.isWhitespace }) else { continue }
            let labelled: LabelledLine
            do {
                labelled = try decoder.decode(LabelledLine.self, from: Data(line.utf8))
            } catch {
                problems.append(ContentDiagnostic(file: file, line: index + 1, message: LabelledLine.problem(error)))
                continue
            }
            let plugin = labelled.plugin ?? labelled.label
            guard plugin != nil || labelled.redFlags != nil else {
                problems.append(
                    ContentDiagnostic(
                        file: file, line: index + 1, message: "expected a \"plugin\" label, or \"red_flags\" for a safety line"))
                continue
            }
            cases.append(
                Case(
                    text: labelled.text, plugin: plugin, intent: labelled.intent, redFlags: labelled.redFlags, urgency: labelled.urgency,
                    line: index + 1))
        }
        guard problems.isEmpty else { throw ContentError(problems) }
        return cases
    }

    /// One line of an evaluation file, as written: `{"text", "plugin" (or CLINC150's "label"),
    /// "intent"?, "red_flags"?, "urgency"?}`; other keys are ignored.
    private struct LabelledLine: Decodable {
        var text: String
        var plugin: String?
        var label: String?
        var intent: String?
        var redFlags: [String]?
        var urgency: String?

        enum CodingKeys: String, CodingKey {
            case text, plugin, label, intent
            case redFlags = "red_flags"
            case urgency
        }

        static let shape = "{\"text\": ..., \"plugin\": ...}"

        /// What is wrong with a line that does not decode, said so that it can be fixed.
        static func problem(_ error: any Error) -> String {
            switch error as? DecodingError {
            case .keyNotFound(let key, _)?:
                return "no \"\(key.stringValue)\": expected \(shape)"
            case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?:
                guard let key = context.codingPath.first else { return "not a JSON object: expected \(shape)" }
                let expected = key.stringValue == CodingKeys.redFlags.stringValue ? "a list of strings, such as [\"clot\"]" : "a string"
                return "\"\(key.stringValue)\" should be \(expected)"
            default:
                return "not valid JSON: expected \(shape) on one line"
            }
        }
    }

    /// - Parameter urgency: the urgency the coach gives the line's flags (`Safety.urgency(of:)`).
    public mutating func add(_ item: Case, _ got: Classification, urgency: Urgency = .none) {
        if let plugin = item.plugin {
            total += 1
            confusion[plugin, default: [:]][got.plugin, default: 0] += 1
            if got.plugin == plugin { correctPlugin += 1 }
            if let intent = item.intent {
                intentTotal += 1
                if got.intent == intent { correctIntent += 1 }
            }
            if got.plugin != plugin || (item.intent != nil && got.intent != item.intent) {
                misses.append(Miss(item: item, gotPlugin: got.plugin, gotIntent: got.intent))
            }
        }
        let flags = got.entities.redFlags
        if let expected = item.redFlags, !expected.isEmpty {
            redFlagExpected += 1
            if !Set(expected).isDisjoint(with: flags) { redFlagCaught += 1 } else { redFlagMissed.append(item) }
        } else if item.redFlags != nil {
            redFlagFreeLines += 1
            if !flags.isEmpty { falseRedFlags.append(item) }
        }
        if let expected = item.urgency, item.redFlags?.isEmpty == false {
            urgencyExpected += 1
            if expected == urgency.rawValue { urgencyRight += 1 } else { urgencyWrong.append((item, urgency.rawValue)) }
        }
    }

    public var pluginAccuracy: Double { total == 0 ? 0 : Double(correctPlugin) / Double(total) }
    var intentAccuracy: Double { intentTotal == 0 ? 0 : Double(correctIntent) / Double(intentTotal) }

    /// Accuracy over the lines whose expected plugin is not the fallback.
    package var inScopeAccuracy: Double {
        let rows = confusion.filter { $0.key != "fallback" }
        let all = rows.values.flatMap(\.values).reduce(0, +)
        let right = rows.map { $0.value[$0.key] ?? 0 }.reduce(0, +)
        return all == 0 ? 0 : Double(right) / Double(all)
    }

    /// Share of out-of-scope lines answered by the fallback.
    package var outOfScopeRecall: Double? {
        guard let row = confusion["fallback"] else { return nil }
        let all = row.values.reduce(0, +)
        return all == 0 ? nil : Double(row["fallback"] ?? 0) / Double(all)
    }

    /// - Parameter countsOnly: figures only, never a line's text (for held-out data, so nobody tunes on it).
    public func report(listing limit: Int = 50, countsOnly: Bool = false) -> String {
        func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
        var lines: [String] = []
        lines.append("lines: \(total)")
        if total > 0 { lines.append("plugin accuracy: \(percent(pluginAccuracy)) (\(correctPlugin)/\(total))") }
        if intentTotal > 0 { lines.append("intent accuracy: \(percent(intentAccuracy)) (\(correctIntent)/\(intentTotal))") }
        if confusion.keys.contains(where: { $0 != "fallback" }) { lines.append("in-scope plugin accuracy: \(percent(inScopeAccuracy))") }
        if let recall = outOfScopeRecall { lines.append("out-of-scope recall: \(percent(recall))") }
        if redFlagExpected > 0 {
            lines.append("red flags caught: \(redFlagCaught)/\(redFlagExpected)")
        }
        if urgencyExpected > 0 { lines.append("urgency right: \(urgencyRight)/\(urgencyExpected)") }
        if redFlagFreeLines > 0 { lines.append("false red flags: \(falseRedFlags.count)/\(redFlagFreeLines) lines without one") }
        if countsOnly { return lines.joined(separator: "\n") }
        let plugins = Array(Set(confusion.keys).union(confusion.values.flatMap(\.keys))).sorted()
        lines.append("")
        lines.append("accuracy per plugin:")
        for plugin in plugins where confusion[plugin] != nil {
            let row = confusion[plugin]!
            let all = row.values.reduce(0, +)
            lines.append(
                "  \(plugin.padding(toLength: 11, withPad: " ", startingAt: 0)) \(percent(Double(row[plugin] ?? 0) / Double(all))) of \(all)"
            )
        }
        lines.append("")
        lines.append("confusion (rows: expected, columns: got):")
        lines.append(
            "  " + "".padding(toLength: 11, withPad: " ", startingAt: 0)
                + plugins.map { $0.prefix(10).padding(toLength: 11, withPad: " ", startingAt: 0) }.joined())
        for plugin in plugins where confusion[plugin] != nil {
            let cells = plugins.map { String(confusion[plugin]![$0] ?? 0).padding(toLength: 11, withPad: " ", startingAt: 0) }
            lines.append("  " + plugin.prefix(10).padding(toLength: 11, withPad: " ", startingAt: 0) + cells.joined())
        }
        if !misses.isEmpty {
            lines.append("")
            lines.append("wrong (\(misses.count)\(misses.count > limit ? ", first \(limit)" : "")):")
            for miss in misses.prefix(limit) {
                let expected = (miss.item.plugin ?? "") + (miss.item.intent.map { "/\($0)" } ?? "")
                lines.append("  line \(miss.item.line): \"\(miss.item.text)\" → \(miss.gotPlugin)/\(miss.gotIntent), expected \(expected)")
            }
        }
        for missed in redFlagMissed {
            lines.append("  red flag missed, line \(missed.line): \"\(missed.text)\" expected \(missed.redFlags ?? [])")
        }
        for extra in falseRedFlags { lines.append("  red flag raised on a line without one, line \(extra.line): \"\(extra.text)\"") }
        for wrong in urgencyWrong {
            lines.append("  urgency \(wrong.got), expected \(wrong.item.urgency ?? ""), line \(wrong.item.line): \"\(wrong.item.text)\"")
        }
        return lines.joined(separator: "\n")
    }
}
