import Foundation
import RubdownKit

/// `rubdown-bench golden --file FILE [--full]`: everything the understanding pipeline says about a large,
/// fixed set of lines (development set, CLINC150, story lines, hostile and Unicode lines, random
/// strings, and generated queries against a generated table), one line of text per input and
/// context. Two builds that print the same file understand every one of those lines alike, so
/// a speed-up can be checked for behaviour changes with `cmp` (scores are printed to 6 places:
/// the matcher's float sums may differ in the last bit with the summation order).
func goldenCommand(_ arguments: Arguments) {
    let repo = repositoryRoot(arguments)
    guard let outPath = arguments.options["file"] else { fail("golden needs --file") }
    let (coach, _) = loadCoach(knowledgeDirectory: repo + "/Knowledge", intentsDirectory: repo + "/Intents")

    var lines = readTestLines(repo + "/Tests/Data/dev-set.jsonl", source: "dev-set").map(\.text)
    let clinc = clincDirectory(arguments, repo: repo)
    for file in ((try? FileManager.default.contentsOfDirectory(atPath: clinc)) ?? []).filter({ $0.hasSuffix(".jsonl") }).sorted() {
        lines += readTestLines(clinc + "/" + file, source: "clinc150").map(\.text)
    }
    let stories = repo + "/Tests/Stories"
    for file in ((try? FileManager.default.contentsOfDirectory(atPath: stories)) ?? []).sorted() where file.hasSuffix(".story") {
        let text = (try? String(contentsOfFile: stories + "/" + file, encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n") where line.hasPrefix("> ") { lines.append(String(line.dropFirst(2))) }
    }
    lines += goldenHandWritten
    // Random strings over a character set that exercises every branch of the normaliser.
    var rng = SplitMix64(seed: 42)
    let pieces: [String] = [
        "a", "b", "e", "i", "k", "m", "n", "o", "s", "t", "y", "A", "K", "Z", " ", " ", " ", "'", "\u{2019}", "\u{2018}", ".", ",",
        "/", "-", "_", "&", "+", ";", "!", "?", ":", "(", ")", "\n", "\t", "\r", "0", "1", "4", "7", "9", "é", "É", "ß", "ﬁ", "Ａ", "ｂ",
        "😀", "\u{301}", "\u{0}", "\u{7f}", "日", "Ω", "ı", "İ", "don't", "can't", "not", "no", "knee", "calf", "swollen", "yesterday",
        "days", "ago", "10k", "km", "mile", "miles", "half", "marathon", "ice", "bath", "foam", "roller", "sore", "hurts", "pain",
        "out", "of", "10", "/10", "couple", "few", "last", "week", "monday", "sundays", "inf", "nan", "1e3", "7ish", "n't", "'s",
        "y'all", "colour", "tendonitis", "unable", "able", "to", "could", "hamstrigs", "achillies", "swolen", "sharp", "dull",
        "very", "bad", "rather", "say", "skip", "sure", "think", "so", "it", "is", "other", "leg", "side",
    ]
    for _ in 0..<4000 {
        var line = ""
        for _ in 0..<Int.random(in: 1...14, using: &rng) {
            line += pieces.randomElement(using: &rng)!
            if Int.random(in: 0..<3, using: &rng) > 0 { line += " " }
        }
        lines.append(line)
    }

    // `--full`: also the entities' other fields and the JSON line (a longer file).
    let full = arguments.flag("full")
    var out = ""
    func dump(_ coach: Coach, _ line: String, context: [String]) {
        let u = coach.interpreter.understand(line, contextAreas: context)
        let e = u.entities
        var s = "IN \(debugString(line)) ctx=\(context)\n"
        s += "  norm \(debugString(u.normalized)) corr=\(u.corrections.map { "\($0.from)>\($0.to)" }) dom=\(u.inDomain)\n"
        s += "  ent parts=\(e.bodyParts) neg=\(e.negatedBodyParts) tech=\(e.techniques) baths=\(e.baths)"
        s +=
            " km=\(e.distanceKm.map { "\($0)" } ?? "-") days=\(e.daysAgo.map { "\($0)" } ?? "-") level=\(e.painLevel.map { "\($0)" } ?? "-")"
        s += " kind=\(e.painKind ?? "-") swell=\(e.swelling.map { "\($0)" } ?? "-") flags=\(e.redFlags) answer=\(e.answer?.rawValue ?? "-")"
        s += " general=\(e.generalSoreness) other=\(e.otherSide)\n"
        s += "  keywords \(u.keywordIntents.sorted())\n"
        s += "  rank " + u.ranking.map { "\($0.intent)/\($0.plugin)=\(String(format: "%.6f", $0.score))" }.joined(separator: " ") + "\n"
        let c = coach.classify(line)
        s += "  route \(c.plugin) \(c.intent)\n"
        if full {
            // Every field of the entities (through their description: some are not public), the
            // normalised line as routing sees it, and the JSON line `rubdown classify` prints.
            s += "  more \(String(describing: e)) normalized=\(debugString(c.understanding.normalized))\n"
            s += "  json \(JSONContract.line(c))\n"
        }
        out += s
    }
    for line in lines {
        dump(coach, line, context: [])
        dump(coach, line, context: ["calves"])
    }

    // A generated table, as the scale benchmark makes them, with its own queries.
    let size = arguments.int("size", 300)
    let directory = NSTemporaryDirectory() + "rubdown-golden-\(getpid())"
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    var generator = TableGenerator(seed: 6)
    let intents = generator.intents(count: size, examplesEach: 20)
    for (name, text) in TableGenerator.yamlFiles(intents) {
        try! text.write(toFile: "\(directory)/\(name)", atomically: true, encoding: .utf8)
    }
    let (scaled, _) = loadCoach(knowledgeDirectory: repo + "/Knowledge", intentsDirectory: directory)
    for _ in 0..<2000 {
        let intent = intents.randomElement(using: &generator.rng)!
        dump(scaled, generator.query(for: intent), context: [])
    }
    for line in lines.prefix(400) { dump(scaled, line, context: []) }
    do {
        try out.write(toFile: outPath, atomically: true, encoding: .utf8)
    } catch {
        fail("cannot write \(outPath): \(error)")
    }
    print("golden: \(lines.count) lines (+2,400 against a generated table of \(size) intents) -> \(outPath)")
}

private func debugString(_ s: String) -> String { String(reflecting: s) }

private let goldenHandWritten: [String] = [
    "", " ", ",,,", "n't", "'s", "it's", "I’m sore", "‘quoted’ calf", "Café au lait", "ÉLAN", "naïve runner's knee",
    "my CALVES hurt!!!", "i can't stand on tiptoe", "I cannot bear weight", "not able to walk", "could not sleep",
    "not my knees, my shins", "no swelling or redness", "no real sign of swelling", "it is swollen", "its swollen",
    "a couple of days ago", "couple days", "a few days ago", "the day before yesterday", "yesterday", "last night",
    "over a week", "more than a week", "last week", "a week ago", "for a week", "today", "this morning", "just now",
    "earlier", "on sunday", "mondays are bad", "3 days ago", "for 2 weeks", "past 4 hours", "two days", "10 days now",
    "7/10", "about a 5", "8 out of 10", "not bad", "not too bad", "not that bad", "very bad", "really bad", "severe",
    "agonising pain", "excruciating", "4", "four", "one of my calves", "10/0", "11/10", "0/10", "inf", "nan", "infinity km",
    "1e3 km", "7ish", "7ish km", "10k", "5km", "3mi", "6 miles", "a mile", "half marathon", "ran a half", "half an hour",
    "marathon", "ultra", "50k", "parkrun", "hm", "halfmarathon", "21.1 km", "21.1k", "do not know", "not sure", "no idea",
    "unsure", "I can't remember", "no clue", "hard to say", "skip", "pass", "rather not say", "next question",
    "not really", "not at all", "not that i know", "yes", "yeah", "i think so", "a bit", "a little", "kind of", "sort of",
    "it is", "it is very", "no", "nope", "the other leg", "other side", "my other calf", "hamstrigs", "achillies",
    "my calfs are swolen", "foam rolling", "tennis ball massage", "ice bath?", "warm bath", "drumming", "stroking",
    "how do i do drumming", "should I have an ice bath afterwards?", "my calf is swollen and hot", "cya", "thx", "ty",
    "im done", "wanna quit", "idk", "dunno", "gonna run", "colour of my calf", "tendonitis", "oedema", "y'all",
    "mustn't", "shan't", "he'd", "we're", "they've", "you'll", "o'clock", "rock'n'roll", "l'orange",
    "heel—toe", "knee…", "CALF", "Ｃａｌｆ", "ﬁne", "straße", "İstanbul", "ıı", "😀 calf", "calf😀", "日本 knee",
    "\u{0}calf", "calf\u{7f}", "tab\there", "line\nbreak", "cr\rlf", "a.b", "1.5", "1.", ".5", "4/10/2020", "a/b",
    "_under_score", "r&d", "c++", "(calf)", "[calf]", "{calf}", "\"calf\"", "calf's", "calves'", "calf''s",
    String(repeating: "my calves hurt after a 10k ", count: 200),
    String(repeating: "swollen ", count: 600),
]
