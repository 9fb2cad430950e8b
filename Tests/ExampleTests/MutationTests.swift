import BundledContent
import TestSupport
import Testing

@testable import RubdownKit

/// Damaged content files: each load either succeeds or fails with located diagnostics; it
/// never crashes or hangs. Mutations are deterministic, so a failure reproduces.
///
/// Each bundled file is replaced in turn by damaged copies of itself. The other files are read
/// once per file, into a loader that each damaged copy is then added to (what `Content.load` does
/// file by file), and the plugins check the intents as `Coach.init` does before it indexes them:
/// the same diagnostics as a whole load, without parsing the other files again for every copy.
/// Whether a coach built from damaged but loadable content answers without crashing is the
/// fuzzer's part (Fuzz/run.sh, its content modes).
@Suite struct MutationTests {
    static let files = BundledContent.knowledge.map { ($0, true) } + BundledContent.intents.map { ($0, false) }
    /// The seed of the flipped bytes, printed with any failure (change it to try other damage).
    static let seed: UInt64 = 2_718

    /// A loader holding every bundled file but `target`.
    static func loader(without target: ContentFile) -> ContentLoader {
        var loader = ContentLoader()
        for file in BundledContent.knowledge where file.path != target.path { loader.addKnowledge(file) }
        loader.addIntents(BundledContent.intents.filter { $0.path != target.path })
        return loader
    }

    /// Loads `damaged` in place of the file `base` lacks; the diagnostics (empty when it loads).
    func load(_ damaged: ContentFile, isKnowledge: Bool, into base: ContentLoader) -> [ContentDiagnostic] {
        var loader = base
        if isKnowledge { loader.addKnowledge(damaged) } else { loader.addIntents([damaged]) }
        do {
            try allPlugins.validate(loader.finish().intents)
            return []
        } catch {
            return error.contentDiagnostics
        }
    }

    func mutations(of text: String) -> [(String, String)] {
        let bytes = Array(text.utf8)
        var out: [(String, String)] = []
        for fraction in [0.1, 0.5, 0.95] {
            out.append(
                ("truncated at \(Int(fraction * 100))%", String(decoding: bytes.prefix(Int(Double(bytes.count) * fraction)), as: UTF8.self))
            )
        }
        var generator = SeededGenerator(seed: Self.seed)
        for round in 0..<5 {
            var flipped = bytes
            for _ in 0..<3 {
                let at = Int.random(in: 0..<max(1, flipped.count), using: &generator)
                flipped[at] ^= UInt8.random(in: 1...255, using: &generator)
            }
            out.append(("bytes flipped, round \(round) (seed \(Self.seed))", String(decoding: flipped, as: UTF8.self)))
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let key = lines.firstIndex(where: { $0.hasPrefix("    ") && $0.contains(":") && !$0.contains("- ") }) {
            out.append(("a key deleted", lines.enumerated().filter { $0.offset != key }.map(\.element).joined(separator: "\n")))
            let wrong = lines.enumerated().map { $0.offset == key ? String($0.element.prefix { $0 != ":" }) + ": [1, 2]" : $0.element }
            out.append(("a value of the wrong type", wrong.joined(separator: "\n")))
        }
        if let first = lines.firstIndex(where: { $0.hasPrefix("  - id:") }) {
            var duplicated = lines
            duplicated.insert(contentsOf: lines[first...].prefix { !$0.isEmpty }, at: first)
            out.append(("an entry duplicated", duplicated.joined(separator: "\n")))
        }
        return out
    }

    @Test(arguments: files.map(\.0.path))
    func damagedFilesFailWithLocatedMessages(path: String) {
        guard let (file, isKnowledge) = Self.files.first(where: { $0.0.path == path }) else { return }
        let base = Self.loader(without: file)
        for (mutation, text) in mutations(of: file.text) {
            for diagnostic in load(ContentFile(path: file.path, text: text), isKnowledge: isKnowledge, into: base) {
                #expect(!diagnostic.file.isEmpty && diagnostic.line >= 0, "\(path), \(mutation): \(diagnostic)")
                #expect(diagnostic.description.contains(": error: ") || diagnostic.description.contains(": warning: "))
            }
        }
    }

    @Test func aDuplicatedEntryIsNamed() {
        guard let (file, isKnowledge) = Self.files.first(where: { $0.0.path.hasSuffix("techniques.yaml") && $0.1 }) else { return }
        let text = file.text.replacingOccurrences(of: "  - id: pressing", with: "  - id: stroking")
        let found = load(ContentFile(path: file.path, text: text), isKnowledge: isKnowledge, into: Self.loader(without: file))
        #expect(found.contains { $0.message == "duplicate technique id 'stroking'" && $0.file == file.path && $0.line > 1 })
    }

    /// The undamaged files load, so every diagnostic above comes from the damage.
    @Test func theUndamagedFilesLoad() {
        let file = Self.files[0].0
        #expect(load(file, isKnowledge: Self.files[0].1, into: Self.loader(without: file)).isEmpty)
    }
}
