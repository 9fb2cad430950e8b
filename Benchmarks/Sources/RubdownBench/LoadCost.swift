import Foundation
import RubdownKit

/// `rubdown-bench loadcost`: what a cached form of the parsed content would save at start-up.
/// Times, in-process, with the shipped content: reading the YAML into `Content` (what `rubdown`
/// does at every start), hashing every content byte (what a cache keyed by content must do
/// first, to never use a stale one), decoding the same `Content` from JSON written by a
/// Codable mirror (a stand-in for a cache file or a build-time compiled form), and building
/// the coach (lexicon, red-flag detector, intent index), which a cache of the parsed content
/// alone would not save.
func loadCostCommand(_ arguments: Arguments) {
    let repo = repositoryRoot(arguments)
    let out = arguments.string("out", "results")
    let runs = arguments.int("runs", 40)
    let knowledgeFiles = contentFiles(repo + "/Knowledge")
    let intentFiles = contentFiles(repo + "/Intents")
    let files = knowledgeFiles + intentFiles
    let bytes = files.reduce(0) { $0 + $1.text.utf8.count }

    func median(_ body: () -> Void) -> Double {
        var samples: [Double] = []
        for _ in 0..<runs {
            let start = now()
            body()
            samples.append(Double(now() - start))
        }
        return Summary(samples).p50
    }

    var content: Content!
    let yaml = median {
        content = try! Content.load(knowledge: knowledgeFiles, intents: intentFiles)
    }
    var hash: UInt64 = 0
    let hashing = median {
        // FNV-1a over every file's path and bytes: enough to tell any edit (not an adversary).
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for file in files {
            for byte in file.path.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
            for byte in file.text.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        hash = h
    }
    sink &+= Int(truncatingIfNeeded: hash)
    let data = try! JSONEncoder().encode(ContentMirror(content))
    var decoded: Content!
    let json = median {
        decoded = try! JSONDecoder().decode(ContentMirror.self, from: data).content
    }
    let plistData = try! PropertyListEncoder().encode(ContentMirror(content))
    let plist = median {
        decoded = try! PropertyListDecoder().decode(ContentMirror.self, from: plistData).content
    }
    let index = median {
        sink &+= (try! Coach(content: decoded, plugins: allPlugins())).content.intents.intents.count
    }
    // What `rubdown` does now: a snapshot of the built coach, cached by content hash (CoachCache).
    let built = try! Coach(content: content, plugins: allPlugins())
    let key: UInt64 = 42
    var snapshot: [UInt8] = []
    let encode = median { snapshot = CoachSnapshot.bytes(of: built, key: key) }
    let decode = median { sink &+= CoachSnapshot.coach(from: snapshot, key: key, plugins: allPlugins())!.content.intents.intents.count }
    let folder = NSTemporaryDirectory() + "rubdown-bench-cache-\(getpid())"
    let cache = CoachCache(folder: folder, buildIdentity: "bench")
    let set = ContentSet(knowledge: knowledgeFiles, intents: intentFiles)
    _ = try! cache.coach(set, plugins: allPlugins())
    let hit = median { sink &+= (try! cache.coach(set, plugins: allPlugins())).content.intents.intents.count }
    try? FileManager.default.removeItem(atPath: folder)
    // The decoded content must understand lines exactly as the parsed one does.
    let fromJSON = try! Coach(content: decoded, plugins: allPlugins())
    let probe = ["my calves hurt after a 10k", "how do I do drumming?", "my calf is swollen and hot", "hi"]
    let agree = probe.allSatisfy { built.classify($0).intent == fromJSON.classify($0).intent }

    print("== Start-up: where the time goes, and what the coach snapshot saves (shipped content, \(files.count) files, \(bytes / 1024) KiB of YAML; p50 of \(runs))")
    print(
        table(
            ["step", "ms"],
            [
                ["Content.load from YAML (parse, decode, cross-check)", ms(yaml)],
                ["hash every content byte (FNV-1a; a cache key)", fmt(hashing / 1_000_000, 2)],
                ["Content from JSON (JSONDecoder, Codable mirror; \(data.count / 1024) KiB)", ms(json)],
                ["Content from binary plist (PropertyListDecoder; \(plistData.count / 1024) KiB)", ms(plist)],
                ["Coach.init (lexicon, red flags, intent index)", ms(index)],
                ["coach snapshot: encode (\(snapshot.count / 1024) KiB; once after each content change)", ms(encode)],
                ["coach snapshot: decode (content, lexicon, red flags, index)", ms(decode)],
                ["CoachCache hit: key over every content byte, read the file, decode", ms(hit)],
            ]))
    print("   decoded content classifies the probe lines like the parsed one: \(agree)\n")
    writeJSON(
        [
            "files": files.count, "yaml_bytes": bytes, "json_bytes": data.count, "plist_bytes": plistData.count,
            "yaml_load_ns": yaml, "hash_ns": hashing, "json_decode_ns": json, "plist_decode_ns": plist, "coach_init_ns": index,
            "snapshot_bytes": snapshot.count, "snapshot_encode_ns": encode, "snapshot_decode_ns": decode, "cache_hit_ns": hit,
            "decoded_agrees": agree,
        ], to: out + "/loadcost.json")
}

/// The parsed content in a Codable form: the knowledge base's own Codable entries, and the
/// intents field by field.
private struct ContentMirror: Codable {
    struct IntentRecord: Codable {
        var id, plugin, description: String
        var examples, keywords: [String]
        var needsKeyword: Bool
        var offer, reply: String?
        var knowledge: [String]
        var exampleLines: [Int]
        var file: String
        var line: Int
    }
    var sources: [Source]
    var areas: [BodyArea]
    var techniques: [Technique]
    var baths: [Bath]
    var redFlags: [RedFlag]
    var guidance: [Guidance]
    var lexicon: [LexiconEntry]
    var ordinaryWords: [String]
    var intents: [IntentRecord]
    var locationKeys: [String]
    var locationFiles: [String]
    var locationLines: [Int]

    init(_ content: Content) {
        let k = content.knowledge
        (sources, areas, techniques, baths, redFlags, guidance, lexicon, ordinaryWords) =
            (k.sources, k.areas, k.techniques, k.baths, k.redFlags, k.guidance, k.lexicon, k.ordinaryWords)
        intents = content.intents.intents.map {
            IntentRecord(
                id: $0.id, plugin: $0.plugin, description: $0.description, examples: $0.examples, keywords: $0.keywords,
                needsKeyword: $0.needsKeyword, offer: $0.offer, reply: $0.reply, knowledge: $0.knowledge,
                exampleLines: $0.exampleLines, file: $0.file, line: $0.line)
        }
        let locations = content.locations.sorted { $0.key < $1.key }
        locationKeys = locations.map(\.key)
        locationFiles = locations.map(\.value.file)
        locationLines = locations.map(\.value.line)
    }

    var content: Content {
        var knowledge = KnowledgeBase(
            sources: sources, areas: areas, techniques: techniques, baths: baths, redFlags: redFlags, guidance: guidance,
            lexicon: lexicon)
        knowledge.ordinaryWords = ordinaryWords
        let table = IntentTable(
            intents: intents.map { record in
                var intent = Intent(
                    id: record.id, plugin: record.plugin, description: record.description, examples: record.examples,
                    keywords: record.keywords, offer: record.offer, file: record.file, line: record.line)
                intent.needsKeyword = record.needsKeyword
                intent.reply = record.reply
                intent.knowledge = record.knowledge
                intent.exampleLines = record.exampleLines
                return intent
            })
        var content = Content(knowledge: knowledge, intents: table)
        for index in locationKeys.indices { content.locations[locationKeys[index]] = (locationFiles[index], locationLines[index]) }
        return content
    }
}

/// `rubdown-bench snapshot-loop [--runs N]`: decodes the shipped coach's snapshot N times and
/// nothing else, for a profiler to see what decoding costs.
func snapshotLoopCommand(_ arguments: Arguments) {
    let repo = repositoryRoot(arguments)
    let (coach, _) = loadCoach(knowledgeDirectory: repo + "/Knowledge", intentsDirectory: repo + "/Intents")
    let bytes = CoachSnapshot.bytes(of: coach, key: 1)
    let runs = arguments.int("runs", 2000)
    let start = now()
    for _ in 0..<runs { sink &+= CoachSnapshot.coach(from: bytes, key: 1, plugins: allPlugins())!.content.intents.intents.count }
    print("decode: \(fmt(Double(now() - start) / Double(runs) / 1000, 1)) µs per snapshot (mean of \(runs))")
}
