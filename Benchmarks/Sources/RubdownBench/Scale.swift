import Foundation
import RubdownKit

/// Scale: generated tables of 100, 1,000 and 10,000 intents (20 examples each), each measured
/// in a fresh process of its own so that each size has its own peak RSS.
func scaleCommand(_ arguments: Arguments) {
    let repo = repositoryRoot(arguments)
    let out = arguments.string("out", "results")
    let sizes = arguments.string("sizes", "100,1000,10000").split(separator: ",").compactMap { Int($0) }
    let examplesEach = arguments.int("examples", 20)
    let loads = arguments.int("loads", 3)
    let queryCount = arguments.int("queries", 1000)
    let rubdown = arguments.options["rubdown"]

    var results: [[String: Any]] = []
    for size in sizes {
        let directory = "\(out)/scale/\(size)"
        let intentsDirectory = directory + "/intents"
        try? FileManager.default.removeItem(atPath: directory)
        try! FileManager.default.createDirectory(atPath: intentsDirectory, withIntermediateDirectories: true)
        var generator = TableGenerator(seed: 6)
        let intents = generator.intents(count: size, examplesEach: examplesEach)
        var bytes = 0
        for (name, text) in TableGenerator.yamlFiles(intents) {
            try! text.write(toFile: "\(intentsDirectory)/\(name)", atomically: true, encoding: .utf8)
            bytes += text.utf8.count
        }
        var queries = ""
        var texts = ""
        for _ in 0..<queryCount {
            let intent = intents.randomElement(using: &generator.rng)!
            let text = generator.query(for: intent)
            queries +=
                String(
                    decoding: try! JSONSerialization.data(withJSONObject: ["text": text, "intent": intent.id], options: [.sortedKeys]),
                    as: UTF8.self) + "\n"
            texts += text + "\n"
        }
        try! queries.write(toFile: directory + "/queries.jsonl", atomically: true, encoding: .utf8)
        try! texts.write(toFile: directory + "/queries.txt", atomically: true, encoding: .utf8)

        // One full measurement, then more loads alone for the load time's median.
        var loadTimes: [Double] = []
        var parseTimes: [Double] = []
        var indexTimes: [Double] = []
        var full: [String: Any] = [:]
        for run in 0..<loads {
            let json = "\(directory)/result-\(run).json"
            var argv = [selfExecutable(), "scale-one", "--repo", repo, "--dir", directory, "--json", json]
            if run > 0 { argv.append("--load-only") }
            let child = spawnAndWait(argv, stdinPath: "/dev/null", stdoutPath: "-")
            guard child.status == 0 else { fail("scale-one \(size) exited with \(child.status)") }
            let result = readJSONObject(json)
            if run == 0 { full = result }
            loadTimes.append(result["load_and_index_ns"] as! Double)
            parseTimes.append(result["parse_ns"] as! Double)
            indexTimes.append(result["index_ns"] as! Double)
        }
        // The same table compiled in: the coach from the snapshot the first run stored.
        var cachedTimes: [Double] = []
        for run in 0..<loads {
            let json = "\(directory)/cached-\(run).json"
            let argv = [selfExecutable(), "scale-one", "--repo", repo, "--dir", directory, "--json", json, "--cached"]
            let child = spawnAndWait(argv, stdinPath: "/dev/null", stdoutPath: "-")
            guard child.status == 0 else { fail("scale-one --cached \(size) exited with \(child.status)") }
            cachedTimes.append(readJSONObject(json)["cached_load_ns"] as! Double)
        }
        full["cached_load_ns"] = Summary(cachedTimes).json
        full["size"] = size
        full["yaml_bytes"] = bytes
        full["load_and_index_ns"] = Summary(loadTimes).json
        full["parse_ns"] = Summary(parseTimes).json
        full["index_ns"] = Summary(indexTimes).json

        // The same table through the real command line: `rubdown classify --intents DIR`.
        if let rubdown {
            let one = spawnAndWait(
                [rubdown, "classify", "--intents", intentsDirectory], stdinPath: directory + "/queries.txt",
                stdoutPath: directory + "/cli-output.jsonl")
            var empty: [Double] = []
            for _ in 0..<(size >= 10_000 ? 1 : 3) {
                let run = spawnAndWait([rubdown, "classify", "--intents", intentsDirectory], stdinPath: "/dev/null")
                empty.append(Double(run.wallNs))
            }
            full["cli"] = [
                "start_no_input_ns": Summary(empty).json, "all_queries_ns": Double(one.wallNs), "all_queries_max_rss_kib": one.maxRSSKiB,
                "status": one.status,
            ]
        }
        results.append(full)
    }

    // Report, and how each figure grows with the table.
    func value(_ result: [String: Any], _ path: [String]) -> Double {
        var current: Any? = result
        for key in path { current = (current as? [String: Any])?[key] }
        if let number = current as? Double { return number }
        if let number = current as? Int { return Double(number) }
        return .nan
    }
    print(
        "== Scale: generated tables, \(examplesEach) examples per intent, shipped knowledge (\(loads) loads each; \(queryCount) generated queries)"
    )
    var rows: [[String]] = []
    for result in results {
        rows.append([
            "\(result["size"]!)", "\(result["examples"]!)", fmt(value(result, ["yaml_bytes"]) / 1_048_576),
            ms(value(result, ["parse_ns", "p50"])), ms(value(result, ["index_ns", "p50"])),
            ms(value(result, ["load_and_index_ns", "p50"])),
            ms(value(result, ["cached_load_ns", "p50"])),
            us(value(result, ["latency_ns", "generated", "p50"])), us(value(result, ["latency_ns", "generated", "p99"])),
            us(value(result, ["latency_ns", "dev-set", "p50"])), us(value(result, ["latency_ns", "dev-set", "p99"])),
            fmt(mib(Int(value(result, ["rss_kib", "peak"])))), fmt(value(result, ["accuracy"]) * 100),
        ])
    }
    print(
        table(
            [
                "intents", "examples", "YAML MiB", "parse ms", "index ms", "load+index ms", "cached load ms", "gen p50 µs", "gen p99 µs",
                "dev p50 µs",
                "dev p99 µs", "peak RSS MiB", "top-1 %",
            ], rows))
    if rubdown != nil {
        print("\n   through the CLI, `rubdown classify --intents DIR` (wall, ms; peak RSS MiB):")
        var cliRows: [[String]] = []
        for result in results {
            cliRows.append([
                "\(result["size"]!)", ms(value(result, ["cli", "start_no_input_ns", "p50"])), ms(value(result, ["cli", "all_queries_ns"])),
                fmt(mib(Int(value(result, ["cli", "all_queries_max_rss_kib"])))),
            ])
        }
        print(table(["intents", "start, no input (p50; snapshot cached)", "\(queryCount) queries (first start)", "peak RSS"], cliRows))
    }
    var growth: [String: Any] = [:]
    let metrics: [(String, [String])] = [
        ("load+index", ["load_and_index_ns", "p50"]), ("cached load", ["cached_load_ns", "p50"]), ("index", ["index_ns", "p50"]),
        ("gen p50", ["latency_ns", "generated", "p50"]),
        ("gen p99", ["latency_ns", "generated", "p99"]), ("dev p50", ["latency_ns", "dev-set", "p50"]),
        ("dev p99", ["latency_ns", "dev-set", "p99"]), ("peak RSS", ["rss_kib", "peak"]),
        ("RSS growth", ["rss_kib", "growth"]),
    ]
    if results.count >= 2 {
        print("\n   growth: ratio between sizes, and the exponent k in time ∝ size^k (k < 1 is sublinear)")
        var growthRows: [[String]] = []
        for (name, path) in metrics {
            var row = [name]
            var entry: [String: Any] = [:]
            for index in 1..<results.count {
                let (a, b) = (results[index - 1], results[index])
                let ratio = value(b, path) / value(a, path)
                let exponent = log(ratio) / log(value(b, ["size"]) / value(a, ["size"]))
                row.append("×\(fmt(ratio, 2)) (k=\(fmt(exponent, 2)))")
                entry["\(a["size"]!)→\(b["size"]!)"] = ["ratio": ratio, "exponent": exponent]
            }
            let first = results.first!
            let last = results.last!
            let ratio = value(last, path) / value(first, path)
            row.append("×\(fmt(ratio, 2))")
            entry["overall"] = ["ratio": ratio, "from": value(first, ["size"]), "to": value(last, ["size"])]
            growth[name] = entry
            growthRows.append(row)
        }
        var header = ["figure"]
        for index in 1..<results.count { header.append("\(results[index - 1]["size"]!)→\(results[index]["size"]!)") }
        header.append("\(results.first!["size"]!)→\(results.last!["size"]!)")
        print(table(header, growthRows))
    }
    print("")
    writeJSON(["sizes": results, "growth": growth, "growth_order": metrics.map(\.0)], to: out + "/scale.json")
}

/// One size in a fresh process: load and index, then per-utterance latency and peak RSS.
func scaleOneCommand(_ arguments: Arguments) {
    let repo = repositoryRoot(arguments)
    guard let directory = arguments.options["dir"], let json = arguments.options["json"] else { fail("scale-one needs --dir and --json") }
    let snapshotPath = directory + "/coach.snapshot"
    if arguments.flag("cached") {
        // The table compiled in, as the bundled content is: the coach read back from its snapshot.
        let bytes = [UInt8](FileManager.default.contents(atPath: snapshotPath)!)
        let start = now()
        let coach = try! CoachSnapshot.coach(from: bytes, plugins: allPlugins())
        writeJSON(["cached_load_ns": Double(now() - start), "intents": coach.content.intents.intents.count], to: json)
        return
    }
    let hwmStart = procStatusKiB("VmHWM")
    let rssStart = procStatusKiB("VmRSS")
    let (coach, timing) = loadCoach(knowledgeDirectory: repo + "/Knowledge", intentsDirectory: directory + "/intents")
    let hwmLoaded = procStatusKiB("VmHWM")
    let rssLoaded = procStatusKiB("VmRSS")
    var result: [String: Any] = [
        "read_ns": Double(timing.readNs), "parse_ns": Double(timing.parseNs), "index_ns": Double(timing.indexNs),
        "load_and_index_ns": Double(timing.loadAndIndexNs), "intents": coach.content.intents.intents.count,
        "examples": coach.content.intents.intents.reduce(0) { $0 + $1.examples.count },
    ]
    if arguments.flag("load-only") {
        writeJSON(result, to: json)
        return
    }
    let queries = readJSONLines(directory + "/queries.jsonl").map { ($0["text"] as! String, $0["intent"] as! String) }
    let dev = readTestLines(repo + "/Tests/Data/dev-set.jsonl", source: "dev-set").map(\.text)
    var correct = 0
    for (text, intent) in queries where coach.classify(text).understanding.top?.intent == intent { correct += 1 }
    for text in dev { sink &+= coach.classify(text).intent.utf8.count }
    // At least about 5,000 timed calls for the generated queries, 1,000 for the development set.
    let rounds = arguments.int("rounds", max(3, 5000 / max(1, queries.count)))
    var generated: [Double] = []
    var devSamples: [Double] = []
    for _ in 0..<rounds {
        for (text, _) in queries {
            let start = now()
            let classification = coach.classify(text)
            generated.append(Double(now() - start))
            sink &+= classification.intent.utf8.count
        }
    }
    for _ in 0..<arguments.int("dev-rounds", max(3, 1000 / max(1, dev.count))) {
        for text in dev {
            let start = now()
            let classification = coach.classify(text)
            devSamples.append(Double(now() - start))
            sink &+= classification.intent.utf8.count
        }
    }
    let hwmEnd = procStatusKiB("VmHWM")
    // The coach as `rubdown`'s build would compile it in, for the --cached runs; after the peak
    // RSS is read, which is the coach's own.
    let storeStart = now()
    FileManager.default.createFile(atPath: snapshotPath, contents: Data(try! CoachSnapshot.bytes(of: coach.content, plugins: allPlugins())))
    result["snapshot_store_ns"] = Double(now() - storeStart)
    result["latency_ns"] = ["generated": Summary(generated).json, "dev-set": Summary(devSamples).json]
    result["accuracy"] = Double(correct) / Double(max(1, queries.count))
    result["rss_kib"] = [
        "start": rssStart, "peak_start": hwmStart, "after_load": rssLoaded, "peak_after_load": hwmLoaded, "peak": hwmEnd,
        "growth": rssLoaded - rssStart,
    ]
    result["sink"] = sink
    writeJSON(result, to: json)
}
