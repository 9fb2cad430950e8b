import Foundation

/// Start-up: whole processes timed from spawn to exit, the cases interleaved round by round
/// so that each sees the same machine. Cases come from a tab-separated file, one per line:
/// `name<TAB>runs<TAB>stdin-file<TAB>program<TAB>argument...`; the case named by
/// `--baseline` is the yardstick for the ratios.
func startupCommand(_ arguments: Arguments) {
    let out = arguments.string("out", "results")
    guard let specPath = arguments.options["cases"] else { fail("startup needs --cases FILE") }
    let baseline = arguments.string("baseline", "hello-foundation")
    let warmups = arguments.int("warmups", 3)
    guard let specText = try? String(contentsOfFile: specPath, encoding: .utf8) else { fail("cannot read \(specPath)") }
    struct Case {
        var name: String
        var runs: Int
        var stdin: String
        var argv: [String]
    }
    let cases: [Case] = specText.split(separator: "\n").compactMap { line in
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard fields.count >= 4, let runs = Int(fields[1]) else { return nil }
        return Case(name: fields[0], runs: runs, stdin: fields[2], argv: Array(fields[3...]))
    }
    var wall: [String: [Double]] = [:]
    var rss: [String: [Double]] = [:]
    for item in cases {
        for _ in 0..<warmups {
            let run = spawnAndWait(item.argv, stdinPath: item.stdin)
            if run.status != 0 { fail("\(item.name) exited with \(run.status): \(item.argv.joined(separator: " "))") }
        }
    }
    let rounds = cases.map(\.runs).max() ?? 0
    for round in 0..<rounds {
        for item in cases where round < item.runs {
            let run = spawnAndWait(item.argv, stdinPath: item.stdin)
            if run.status != 0 { fail("\(item.name) exited with \(run.status)") }
            wall[item.name, default: []].append(Double(run.wallNs))
            rss[item.name, default: []].append(Double(run.maxRSSKiB))
        }
    }
    let base = Summary(wall[baseline] ?? []).p50
    var rows: [[String]] = []
    var json: [String: Any] = [:]
    for item in cases {
        let summary = Summary(wall[item.name]!)
        let memory = Summary(rss[item.name]!)
        let ratio = summary.p50 / base
        rows.append([
            item.name, "\(summary.count)", ms(summary.p50), ms(summary.p90), ms(summary.min), fmt(ratio, 2), fmt(memory.p50 / 1024),
        ])
        json[item.name] = [
            "wall_ns": summary.json, "ratio_to_baseline": ratio, "max_rss_kib": memory.json, "command": item.argv.joined(separator: " "),
        ]
    }
    print("== Start-up: wall time of whole processes, interleaved (ms; ratio of medians to \(baseline))")
    print(table(["command", "runs", "p50", "p90", "min", "× \(baseline)", "peak RSS MiB"], rows))
    print("")
    writeJSON(["baseline": baseline, "cases": json, "order": cases.map(\.name)], to: out + "/startup.json")
}
