import Foundation
import RubdownKit
import TestSupport
import Testing

/// A snapshot must give back the very coach it saved, and anything else must read as no
/// snapshot: a coach from a stale or damaged file would answer wrongly without a word.
@Suite struct CoachSnapshotTests {
    static let key: UInt64 = 0x5eed_c0ac_4000_0001

    static func snapshot() throws -> Coach {
        try #require(CoachSnapshot.coach(from: CoachSnapshot.bytes(of: shippedCoach, key: key), key: key, plugins: allPlugins))
    }

    @Test func everyStoredFieldComesBack() throws {
        let restored = try Self.snapshot()
        // Field by field, private ones included: a field the archive forgets differs here.
        #expect(canonical(restored.content) == canonical(shippedCoach.content))
        #expect(canonical(restored.interpreter) == canonical(shippedCoach.interpreter))
        // And the same coach saves to the same bytes.
        #expect(CoachSnapshot.bytes(of: restored, key: Self.key) == CoachSnapshot.bytes(of: shippedCoach, key: Self.key))
    }

    @Test func theRestoredCoachUnderstandsEveryLineAlike() throws {
        let restored = try Self.snapshot()
        let lines = try devSetCases().map(\.text)
            + shippedCoach.content.intents.intents.flatMap(\.examples)
        #expect(lines.count > 900)
        for line in lines {
            let (a, b) = (shippedCoach.classify(line), restored.classify(line))
            #expect(a.intent == b.intent && a.plugin == b.plugin && a.confidence == b.confidence, "\(line)")
            #expect(a.understanding.ranking == b.understanding.ranking && a.entities == b.entities, "\(line)")
            #expect(a.understanding.corrections == b.understanding.corrections && a.understanding.inDomain == b.understanding.inDomain, "\(line)")
        }
    }

    @Test func theStoriesPassWithTheRestoredCoach() throws {
        let restored = try Self.snapshot()
        let stories = try shippedStories()
        #expect(stories.count >= 40)
        for story in stories {
            #expect(story.run(with: restored) == [], "\(story.file)")
        }
    }

    @Test func anotherKeyOrOtherPluginsReadAsNoSnapshot() {
        let bytes = CoachSnapshot.bytes(of: shippedCoach, key: Self.key)
        #expect(CoachSnapshot.coach(from: bytes, key: Self.key + 1, plugins: allPlugins) == nil)
        #expect(CoachSnapshot.coach(from: bytes, key: Self.key, plugins: PluginRegistry(Array(allPlugins.plugins.dropLast()))) == nil)
        #expect(CoachSnapshot.coach(from: [], key: Self.key, plugins: allPlugins) == nil)
    }

    @Test func aDamagedSnapshotReadsAsNoneAndNeverCrashes() {
        let bytes = CoachSnapshot.bytes(of: shippedCoach, key: Self.key)
        var generator = SystemRandomNumberGenerator()
        var tried = 0
        // Cut short anywhere.
        for _ in 0..<60 {
            let cut = Int.random(in: 0..<bytes.count, using: &generator)
            #expect(CoachSnapshot.coach(from: Array(bytes[..<cut]), key: Self.key, plugins: allPlugins) == nil, "cut at \(cut)")
            tried += 1
        }
        // One byte changed anywhere, header included.
        for position in Array(0..<CoachSnapshotTests.headerBytes) + (0..<200).map({ _ in Int.random(in: 0..<bytes.count, using: &generator) }) {
            var damaged = bytes
            damaged[position] ^= UInt8.random(in: 1...255, using: &generator)
            #expect(CoachSnapshot.coach(from: damaged, key: Self.key, plugins: allPlugins) == nil, "byte \(position)")
            tried += 1
        }
        // Bytes added at the end.
        #expect(CoachSnapshot.coach(from: bytes + [0], key: Self.key, plugins: allPlugins) == nil)
        #expect(tried > 250)
    }

    /// Behind the checksum, the reader checks lengths and every id it will index with: edits
    /// that keep a valid checksum must give no snapshot or a coach that answers without crashing.
    @Test func editsBehindAValidChecksumNeverCrash() {
        let bytes = CoachSnapshot.bytes(of: shippedCoach, key: Self.key)
        #expect(CoachSnapshot.coach(from: CoachSnapshot.resealed(bytes), key: Self.key, plugins: allPlugins) != nil)
        var generator = SystemRandomNumberGenerator()
        var refused = 0, restored = 0
        for round in 0..<300 {
            var damaged = bytes
            for _ in 0..<(1 + round % 4) {
                let position = Int.random(in: Self.headerBytes..<bytes.count, using: &generator)
                damaged[position] = round % 2 == 0 ? UInt8.random(in: 0...255, using: &generator) : 0xff
            }
            if round % 10 == 0 { damaged.removeLast(Int.random(in: 1..<1000, using: &generator)) }
            guard let coach = CoachSnapshot.coach(from: CoachSnapshot.resealed(damaged), key: Self.key, plugins: allPlugins) else {
                refused += 1
                continue
            }
            restored += 1
            for line in ["my calves hurt after a 10k", "how do I do drumming?", "my calf is swollen and hot", "hi", "x"] {
                _ = JSONContract.line(coach.classify(line))
                var conversation = coach.startConversation()
                _ = JSONContract.line(conversation.send(line))
            }
        }
        #expect(refused + restored == 300)
        #expect(refused > 0)
    }

    static let headerBytes = 36
}

/// The cache around snapshots: found again only for the same content, plugins and build.
@Suite final class CoachCacheTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rubdown-cache-\(UUID().uuidString)").path

    /// The repository's content files, read once per test.
    let content: ContentSet

    init() throws {
        func files(_ name: String) throws -> [ContentFile] {
            try Content.files(in: repositoryRoot.appendingPathComponent(name).path)
        }
        content = ContentSet(knowledge: try files("Knowledge"), intents: try files("Intents"))
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func snapshots() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".snapshot") }.sorted()
    }

    @Test func aSecondStartReadsTheSnapshotTheFirstWrote() throws {
        let cache = CoachCache(folder: folder, buildIdentity: "test build")
        let first = try cache.coach(content, plugins: allPlugins)
        #expect(snapshots().count == 1)
        #expect(first.classify("my calves hurt after a 10k").intent == "triage.soreness")
        // Prove the second start reads the file: put a snapshot of other content under this key.
        var other = content
        other.intents = other.intents.filter { $0.name != "bath.yaml" }
        let otherCoach = try Coach(content: Content.load(other), plugins: allPlugins)
        let path = folder + "/" + snapshots()[0]
        let key = try #require(UInt64(String(snapshots()[0].dropFirst("coach-".count).dropLast(".snapshot".count)), radix: 16))
        try Data(CoachSnapshot.bytes(of: otherCoach, key: key)).write(to: URL(fileURLWithPath: path))
        let second = try cache.coach(content, plugins: allPlugins)
        #expect(second.content.intents.intents.count == otherCoach.content.intents.intents.count)
        #expect(second.content.intents.intents.count < first.content.intents.intents.count)
    }

    @Test func editedContentOrAnotherBuildIsBuiltAfresh() throws {
        let cache = CoachCache(folder: folder, buildIdentity: "test build")
        _ = try cache.coach(content, plugins: allPlugins)
        var edited = content
        edited.intents[0].text += "\n# an edit\n"
        _ = try cache.coach(edited, plugins: allPlugins)
        #expect(snapshots().count == 2)
        _ = try CoachCache(folder: folder, buildIdentity: "another build").coach(content, plugins: allPlugins)
        #expect(snapshots().count == 3)
        // An overlay is content too.
        let overlay = ContentSet(knowledge: [], intents: [])
        _ = try cache.coach(content, overlays: [overlay], plugins: allPlugins)
        #expect(snapshots().count == 4)
        // Only the newest are kept.
        edited.intents[0].text += "\n# another edit\n"
        _ = try cache.coach(edited, plugins: allPlugins)
        #expect(snapshots().count == CoachCache.kept)
    }

    @Test func theLeastRecentlyUsedSnapshotGoesFirst() throws {
        let cache = CoachCache(folder: folder, buildIdentity: "test build")
        var names: [String] = []
        var sets: [ContentSet] = []
        for edit in 0..<CoachCache.kept {
            var set = content
            set.intents[0].text += "\n# edit \(edit)\n"
            _ = try cache.coach(set, plugins: allPlugins)
            names.append(try #require(Set(snapshots()).subtracting(names).first))
            sets.append(set)
        }
        // Oldest first, seconds apart, whatever the file system's clock resolution.
        for (age, name) in names.enumerated() {
            try FileManager.default.setAttributes(
                [.modificationDate: Date(timeIntervalSinceNow: Double(age - 10) * 10)], ofItemAtPath: folder + "/" + name)
        }
        _ = try cache.coach(sets[0], plugins: allPlugins)  // the oldest, used again
        var fifth = content
        fifth.intents[0].text += "\n# a fifth edit\n"
        _ = try cache.coach(fifth, plugins: allPlugins)
        #expect(snapshots().count == CoachCache.kept)
        #expect(snapshots().contains(names[0]))
        #expect(!snapshots().contains(names[1]))
    }

    @Test func badContentStillFailsWithFileAndLineAndLeavesNoSnapshot() throws {
        let cache = CoachCache(folder: folder, buildIdentity: "test build")
        var broken = content
        broken.intents[0].text = broken.intents[0].text.replacingOccurrences(of: "plugin:", with: "plugn:")
        #expect(throws: ContentError.self) { try cache.coach(broken, plugins: allPlugins) }
        do {
            _ = try cache.coach(broken, plugins: allPlugins)
        } catch {
            #expect(error.contentDiagnostics.contains { $0.file.hasSuffix(".yaml") && $0.line >= 1 })
        }
        #expect(snapshots().isEmpty)
    }

    /// Twenty thousand junk files in the cache folder once made a start prune for 11 s: a prune
    /// now looks at a bounded number of entries (later starts see the rest), and removes only
    /// snapshots and its own left-over temporary files, never anything else.
    @Test func pruningLooksAtABoundedNumberOfEntries() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let junk = 3_000
        for index in 0..<junk {
            let name = index % 2 == 0 ? String(format: "coach-%016x.snapshot", index) : "someone-else's-\(index).txt"
            #expect(FileManager.default.createFile(atPath: folder + "/" + name, contents: Data("junk".utf8)))
        }
        _ = try CoachCache(folder: folder, buildIdentity: "test build").coach(content, plugins: allPlugins)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        let removed = junk + 1 - names.count
        #expect(removed > 0, "nothing was pruned")
        #expect(removed <= CoachCache.entriesLookedAt, "the prune looked at every entry: \(removed) removed")
        #expect(names.filter { $0.hasPrefix("someone-else's-") }.count == junk / 2)
    }

    @Test func aCacheThatCannotBeWrittenOnlyCostsTime() throws {
        // A file where the folder should be: nothing can be saved, and the coach is built anyway.
        _ = FileManager.default.createFile(atPath: folder, contents: Data("not a folder".utf8))
        let coach = try CoachCache(folder: folder, buildIdentity: "test build").coach(content, plugins: allPlugins)
        #expect(coach.classify("how do I do drumming?").plugin == "techniques")
    }
}

/// Every stored property of a value, recursively, as text; dictionaries and sets sorted so
/// that equal contents print alike. The matcher's scratch buffers are working memory, not state.
func canonical(_ value: Any) -> String {
    let mirror = Mirror(reflecting: value)
    let type = String(describing: mirror.subjectType)
    if type == "ScratchPool" { return type }
    switch mirror.displayStyle {
    case .dictionary?, .set?:
        return type + "{" + mirror.children.map { canonical($0.value) }.sorted().joined(separator: ",") + "}"
    case nil:
        return String(describing: value)
    default:
        return type + "(" + mirror.children.map { ($0.label ?? "") + ":" + canonical($0.value) }.joined(separator: ",") + ")"
    }
}
