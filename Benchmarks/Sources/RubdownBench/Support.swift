import Foundation

#if canImport(Glibc)
    import Glibc
#endif

// MARK: - Time

/// Monotonic nanoseconds.
@inline(__always)
func now() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

/// Keeps results alive so the optimiser cannot drop the work that made them.
nonisolated(unsafe) var sink: Int = 0

// MARK: - Statistics (medians and percentiles, never means)

struct Summary {
    var count: Int
    var p50: Double
    var p90: Double
    var p99: Double
    var min: Double
    var max: Double

    /// Nearest-rank percentiles of the samples.
    init(_ samples: [Double]) {
        let sorted = samples.sorted()
        count = sorted.count
        func rank(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return .nan }
            let index = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
            return sorted[Swift.max(0, Swift.min(sorted.count - 1, index))]
        }
        p50 = rank(50)
        p90 = rank(90)
        p99 = rank(99)
        min = sorted.first ?? .nan
        max = sorted.last ?? .nan
    }

    var json: [String: Any] { ["n": count, "p50": p50, "p90": p90, "p99": p99, "min": min, "max": max] }
}

// MARK: - Memory

/// A field of /proc/self/status in KiB (VmRSS: current resident set; VmHWM: its peak).
func procStatusKiB(_ field: String) -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
    for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
        let digits = line.dropFirst(field.count + 1).filter(\.isNumber)
        return Int(digits) ?? -1
    }
    return -1
}

func mib(_ kib: Int) -> Double { Double(kib) / 1024 }

// MARK: - Formatting

func fmt(_ value: Double, _ decimals: Int = 1) -> String { String(format: "%.\(decimals)f", value) }

/// Microseconds from nanoseconds.
func us(_ ns: Double) -> String {
    ns >= 100_000 ? fmt(ns / 1000, 0) : ns >= 10_000 ? fmt(ns / 1000, 1) : fmt(ns / 1000, 2)
}

func ms(_ ns: Double) -> String { fmt(ns / 1_000_000, ns >= 100_000_000 ? 0 : 1) }

/// A plain text table, columns padded, first column left-aligned.
func table(_ header: [String], _ rows: [[String]]) -> String {
    let all = [header] + rows
    let widths = header.indices.map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
    func render(_ row: [String]) -> String {
        row.enumerated().map { index, cell in
            let pad = String(repeating: " ", count: widths[index] - cell.count)
            return index == 0 ? cell + pad : pad + cell
        }.joined(separator: "  ")
    }
    let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
    return ([render(header), rule] + rows.map(render)).joined(separator: "\n")
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("rubdown-bench: error: \(message)\n".utf8))
    exit(1)
}

func note(_ message: String) {
    FileHandle.standardError.write(Data("rubdown-bench: \(message)\n".utf8))
}

// MARK: - JSON files

func writeJSON(_ object: Any, to path: String) {
    do {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        try data.write(to: URL(fileURLWithPath: path))
    } catch {
        fail("cannot write \(path): \(error)")
    }
}

func readJSONObject(_ path: String) -> [String: Any] {
    guard let data = FileManager.default.contents(atPath: path),
        let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { fail("cannot read JSON from \(path)") }
    return object
}

/// One labelled test line: dev set (`plugin`, `intent`?) or CLINC150 (`label`).
struct TestLine {
    var text: String
    var plugin: String
    var intent: String?
    var source: String
}

func readJSONLines(_ path: String) -> [[String: Any]] {
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
        guard line.contains(where: { !$0.isWhitespace }) else { return nil }
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            fail("\(path): a line is not a JSON object: \(line.prefix(80))")
        }
        return object
    }
}

func readTestLines(_ path: String, source: String) -> [TestLine] {
    readJSONLines(path).compactMap { object in
        guard let text = object["text"] as? String, let plugin = (object["plugin"] ?? object["label"]) as? String else {
            return nil
        }
        return TestLine(text: text, plugin: plugin, intent: object["intent"] as? String, source: source)
    }
}

// MARK: - Arguments

/// `--name value` options and bare words, nothing more.
struct Arguments {
    var words: [String] = []
    var options: [String: String] = [:]

    init(_ raw: [String]) {
        var index = 0
        while index < raw.count {
            let word = raw[index]
            if word.hasPrefix("--") {
                let name = String(word.dropFirst(2))
                if let equals = name.firstIndex(of: "=") {
                    options[String(name[..<equals])] = String(name[name.index(after: equals)...])
                } else if index + 1 < raw.count, !raw[index + 1].hasPrefix("--") {
                    options[name] = raw[index + 1]
                    index += 1
                } else {
                    options[name] = "true"
                }
            } else {
                words.append(word)
            }
            index += 1
        }
    }

    func string(_ name: String, _ fallback: String) -> String { options[name] ?? fallback }
    func int(_ name: String, _ fallback: Int) -> Int { options[name].flatMap { Int($0) } ?? fallback }
    func flag(_ name: String) -> Bool { options[name] == "true" }
}
