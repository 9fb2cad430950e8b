import Foundation
import RubdownKit

/// Classification latency in-process over the development set and CLINC150, with the
/// shipped content; load-time breakdown; accuracy; memory.
func classifyCommand(_ arguments: Arguments) {
    let repo = repositoryRoot(arguments)
    let out = arguments.string("out", "results")
    let rounds = arguments.int("rounds", 20)
    let loads = arguments.int("loads", 15)

    // Test lines: the development set, then CLINC150 where present.
    var lines = readTestLines(repo + "/Tests/Data/dev-set.jsonl", source: "dev-set")
    let clinc = clincDirectory(arguments, repo: repo)
    var clincNote = ""
    let clincFiles = ((try? FileManager.default.contentsOfDirectory(atPath: clinc)) ?? []).filter { $0.hasSuffix(".jsonl") }.sorted()
    if clincFiles.isEmpty {
        clincNote = "CLINC150 not found at \(clinc): skipped"
        note(clincNote)
    } else {
        for file in clincFiles { lines += readTestLines(clinc + "/" + file, source: "clinc150") }
    }
    var testLines = ""
    for line in lines {
        var object: [String: Any] = ["text": line.text, "plugin": line.plugin, "source": line.source]
        if let intent = line.intent { object["intent"] = intent }
        testLines += String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self) + "\n"
    }
    try! testLines.write(toFile: out + "/test-lines.jsonl", atomically: true, encoding: .utf8)
    try! (lines.map(\.text).joined(separator: "\n") + "\n").write(toFile: out + "/test-texts.txt", atomically: true, encoding: .utf8)

    // First load: memory of the shipped content.
    let rssBefore = procStatusKiB("VmRSS")
    let (coach, firstLoad) = loadCoach(knowledgeDirectory: repo + "/Knowledge", intentsDirectory: repo + "/Intents")
    let rssLoaded = procStatusKiB("VmRSS")
    let hwmLoaded = procStatusKiB("VmHWM")

    // Load-time breakdown, repeated.
    var read: [Double] = []
    var parse: [Double] = []
    var index: [Double] = []
    var total: [Double] = []
    for _ in 0..<loads {
        let (other, timing) = loadCoach(knowledgeDirectory: repo + "/Knowledge", intentsDirectory: repo + "/Intents")
        sink &+= other.content.intents.intents.count
        read.append(Double(timing.readNs))
        parse.append(Double(timing.parseNs))
        index.append(Double(timing.indexNs))
        total.append(Double(timing.loadAndIndexNs))
    }

    // Warm-up pass, which also gives the predictions.
    var predictions = ""
    var correctPlugin: [String: Int] = [:]
    var totalBySource: [String: Int] = [:]
    var correctIntent: [String: Int] = [:]
    var intentTotal: [String: Int] = [:]
    for line in lines {
        let classification = coach.classify(line.text)
        let object: [String: Any] = ["text": line.text, "plugin": classification.plugin, "intent": classification.intent]
        predictions += String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self) + "\n"
        for source in [line.source, "all"] {
            totalBySource[source, default: 0] += 1
            if classification.plugin == line.plugin { correctPlugin[source, default: 0] += 1 }
            if let intent = line.intent {
                intentTotal[source, default: 0] += 1
                if classification.intent == intent { correctIntent[source, default: 0] += 1 }
            }
        }
    }
    try! predictions.write(toFile: out + "/rubdown-predictions.jsonl", atomically: true, encoding: .utf8)

    // Timed passes: every call timed on its own.
    var samples: [String: [Double]] = [:]
    for _ in 0..<rounds {
        for line in lines {
            let start = now()
            let classification = coach.classify(line.text)
            let elapsed = Double(now() - start)
            sink &+= classification.intent.utf8.count
            samples[line.source, default: []].append(elapsed)
            samples["all", default: []].append(elapsed)
        }
    }
    let hwmEnd = procStatusKiB("VmHWM")

    let sources = ["dev-set"] + (clincFiles.isEmpty ? [] : ["clinc150"]) + ["all"]
    var latency: [String: Any] = [:]
    var accuracy: [String: Any] = [:]
    var rows: [[String]] = []
    for source in sources {
        let summary = Summary(samples[source] ?? [])
        latency[source] = summary.json
        let plugin = Double(correctPlugin[source, default: 0]) / Double(max(1, totalBySource[source, default: 0]))
        let intent =
            intentTotal[source, default: 0] > 0
            ? Double(correctIntent[source, default: 0]) / Double(intentTotal[source]!) : Double.nan
        accuracy[source] = [
            "lines": totalBySource[source, default: 0], "plugin_accuracy": plugin,
            "intent_lines": intentTotal[source, default: 0], "intent_accuracy": intent.isNaN ? NSNull() as Any : intent as Any,
        ]
        rows.append([
            source, "\(totalBySource[source, default: 0])", us(summary.p50), us(summary.p90), us(summary.p99), us(summary.max),
            fmt(plugin * 100), intent.isNaN ? "-" : fmt(intent * 100),
        ])
    }
    print("== Classification latency, in-process, shipped content (\(rounds) timed passes; µs per utterance)")
    if !clincNote.isEmpty { print("   note: \(clincNote)") }
    print(table(["test set", "lines", "p50", "p90", "p99", "max", "plugin acc %", "intent acc %"], rows))
    let loadSummary = (read: Summary(read), parse: Summary(parse), index: Summary(index), total: Summary(total))
    print("\n== Shipped content: load and index (\(loads) loads; ms)")
    print(
        table(
            ["stage", "p50", "p90", "max"],
            [
                ["read files", ms(loadSummary.read.p50), ms(loadSummary.read.p90), ms(loadSummary.read.max)],
                ["Content.load (YAML, checks)", ms(loadSummary.parse.p50), ms(loadSummary.parse.p90), ms(loadSummary.parse.max)],
                ["Coach.init (lexicon, index)", ms(loadSummary.index.p50), ms(loadSummary.index.p90), ms(loadSummary.index.max)],
                ["load + index", ms(loadSummary.total.p50), ms(loadSummary.total.p90), ms(loadSummary.total.max)],
            ]))
    print(
        "   first load: \(ms(Double(firstLoad.loadAndIndexNs))) ms; RSS \(fmt(mib(rssBefore))) MiB before, \(fmt(mib(rssLoaded))) MiB after (peak \(fmt(mib(hwmLoaded))) MiB); bench peak at end \(fmt(mib(hwmEnd))) MiB"
    )
    let intentCount = coach.content.intents.intents.count
    let exampleCount = coach.content.intents.intents.reduce(0) { $0 + $1.examples.count }
    print("   shipped table: \(intentCount) intents, \(exampleCount) examples\n")

    writeJSON(
        [
            "rounds": rounds, "latency_ns": latency, "accuracy": accuracy, "clinc_note": clincNote,
            "intents": intentCount, "examples": exampleCount,
            "load_ns": [
                "read": loadSummary.read.json, "parse": loadSummary.parse.json, "index": loadSummary.index.json,
                "load_and_index": loadSummary.total.json, "first": Double(firstLoad.loadAndIndexNs),
            ],
            "rss_kib": ["before_load": rssBefore, "after_load": rssLoaded, "peak_after_load": hwmLoaded, "peak_end": hwmEnd],
            "sink": sink,
        ], to: out + "/classify.json")
}
