import Foundation
import RubdownKit

/// `rubdown-bench loadcost`: what a cached form of the parsed content would save at start-up.
/// Times, in-process, with the shipped content: reading the YAML into `Content` (what `rubdown`
/// does at every start), hashing every content byte (what a cache keyed by content must do
/// first, to never use a stale one), decoding the same `Content` from JSON written by a
/// Content's own Codable (a stand-in for a cache file or a build-time compiled form), and building
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
    let data = try! JSONEncoder().encode(content)
    var decoded: Content!
    let json = median {
        decoded = try! JSONDecoder().decode(Content.self, from: data)
    }
    let plistData = try! PropertyListEncoder().encode(content)
    let plist = median {
        decoded = try! PropertyListDecoder().decode(Content.self, from: plistData)
    }
    let index = median {
        sink &+= (try! Coach(content: decoded, plugins: allPlugins())).content.intents.intents.count
    }
    // What `rubdown` does now: the coach built when the binary is compiled (CoachSnapshot), read back at every start.
    let built = try! Coach(content: content, plugins: allPlugins())
    var snapshot: [UInt8] = []
    let encode = median { snapshot = try! CoachSnapshot.bytes(of: content, plugins: allPlugins()) }
    let decode = median { sink &+= (try! CoachSnapshot.coach(from: snapshot, plugins: allPlugins())).content.intents.intents.count }
    // The decoded content must understand lines exactly as the parsed one does.
    let fromJSON = try! Coach(content: decoded, plugins: allPlugins())
    let probe = ["my calves hurt after a 10k", "how do I do drumming?", "my calf is swollen and hot", "hi"]
    let agree = probe.allSatisfy { built.classify($0).intent == fromJSON.classify($0).intent }

    print(
        "== Start-up: where the time goes, and what the coach snapshot saves (shipped content, \(files.count) files, \(bytes / 1024) KiB of YAML; p50 of \(runs))"
    )
    print(
        table(
            ["step", "ms"],
            [
                ["Content.load from YAML (parse, decode, cross-check)", ms(yaml)],
                ["hash every content byte (FNV-1a; a cache key)", fmt(hashing / 1_000_000, 2)],
                ["Content from JSON (JSONDecoder, Content's own Codable; \(data.count / 1024) KiB)", ms(json)],
                ["Content from binary plist (PropertyListDecoder; \(plistData.count / 1024) KiB)", ms(plist)],
                ["Coach.init (lexicon, red flags, intent index)", ms(index)],
                ["coach snapshot: encode (\(snapshot.count / 1024) KiB; at build time)", ms(encode)],
                ["coach snapshot: decode (content, lexicon, red flags, index; every start)", ms(decode)],
            ]))
    print("   decoded content classifies the probe lines like the parsed one: \(agree)\n")
    writeJSON(
        [
            "files": files.count, "yaml_bytes": bytes, "json_bytes": data.count, "plist_bytes": plistData.count,
            "yaml_load_ns": yaml, "hash_ns": hashing, "json_decode_ns": json, "plist_decode_ns": plist, "coach_init_ns": index,
            "snapshot_bytes": snapshot.count, "snapshot_encode_ns": encode, "snapshot_decode_ns": decode,
            "decoded_agrees": agree,
        ], to: out + "/loadcost.json")
}

/// `rubdown-bench snapshot-loop [--runs N]`: decodes the shipped coach's snapshot N times and
/// nothing else, for a profiler to see what decoding costs.
func snapshotLoopCommand(_ arguments: Arguments) {
    let repo = repositoryRoot(arguments)
    let (coach, _) = loadCoach(knowledgeDirectory: repo + "/Knowledge", intentsDirectory: repo + "/Intents")
    let bytes = try! CoachSnapshot.bytes(of: coach.content, plugins: allPlugins())
    let runs = arguments.int("runs", 2000)
    let start = now()
    for _ in 0..<runs { sink &+= (try! CoachSnapshot.coach(from: bytes, plugins: allPlugins())).content.intents.intents.count }
    print("decode: \(fmt(Double(now() - start) / Double(runs) / 1000, 1)) µs per snapshot (mean of \(runs))")
}
