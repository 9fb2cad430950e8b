import Foundation
import RubdownKit

/// `rubdown-bench probe [--dir DIR] [--reps N] [--top N] [--classify]`: the slowest lines of a table made by
/// `scale` (its generated queries and the development set), or of the shipped content (CLINC150
/// and the development set) without `--dir`, each timed as the fastest of N
/// calls of `Interpreter.understand`, so that one slow line stands out from machine noise.
/// For finding what to profile, not for the published figures.
func probeCommand(_ arguments: Arguments) {
    let repo = repositoryRoot(arguments)
    var lines: [String] = []
    let coach: Coach
    if let directory = arguments.options["dir"] {
        coach = loadCoach(knowledgeDirectory: repo + "/Knowledge", intentsDirectory: directory + "/intents").0
        lines = readJSONLines(directory + "/queries.jsonl").map { $0["text"] as! String }
    } else {
        // The shipped content, with CLINC150 where present.
        coach = loadCoach(knowledgeDirectory: repo + "/Knowledge", intentsDirectory: repo + "/Intents").0
        let clinc = clincDirectory(arguments, repo: repo)
        for file in ((try? FileManager.default.contentsOfDirectory(atPath: clinc)) ?? []).filter({ $0.hasSuffix(".jsonl") }).sorted() {
            lines += readTestLines(clinc + "/" + file, source: "clinc150").map(\.text)
        }
    }
    lines += readTestLines(repo + "/Tests/Data/dev-set.jsonl", source: "dev-set").map(\.text)
    for line in lines { sink &+= coach.classify(line).intent.utf8.count }
    // `--classify`: time the whole of Coach.classify (understanding and routing), not only the understanding.
    let whole = arguments.flag("classify")
    var times: [(Double, String)] = []
    for line in lines {
        var best = Double.infinity
        for _ in 0..<arguments.int("reps", 5) {
            let start = now()
            if whole { sink &+= coach.classify(line).intent.utf8.count } else { sink &+= coach.interpreter.understand(line).ranking.count }
            best = min(best, Double(now() - start))
        }
        times.append((best, line))
    }
    let summary = Summary(times.map(\.0))
    print(
        "\(lines.count) lines, \(whole ? "Coach.classify" : "Interpreter.understand"), fastest of \(arguments.int("reps", 5)) calls each (µs): p50 \(us(summary.p50)) p90 \(us(summary.p90)) p99 \(us(summary.p99)) max \(us(summary.max))"
    )
    times.sort { $0.0 > $1.0 }
    for (time, line) in times.prefix(arguments.int("top", 20)) { print(us(time), line) }
}
