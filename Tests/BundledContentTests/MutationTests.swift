import BundledContent
import RubdownKit
import TestSupport
import Testing

/// Damaged content files: each load either succeeds or fails with located diagnostics; it
/// never crashes or hangs. Mutations are deterministic, so a failure reproduces.
@Suite struct MutationTests {
    static let files = BundledContent.knowledge.map { ($0, true) } + BundledContent.intents.map { ($0, false) }

    /// Loads the bundled content with one file replaced; returns the diagnostics (empty when it loads).
    func load(replacing target: ContentFile, isKnowledge: Bool, with text: String) -> [ContentDiagnostic] {
        var knowledge = BundledContent.knowledge
        var intents = BundledContent.intents
        let mutated = ContentFile(path: target.path, text: text)
        if isKnowledge {
            knowledge = knowledge.map { $0.path == target.path ? mutated : $0 }
        } else {
            intents = intents.map { $0.path == target.path ? mutated : $0 }
        }
        do {
            _ = try Coach(content: Content.load(knowledge: knowledge, intents: intents), plugins: allPlugins)
            return []
        } catch {
            return error.contentDiagnostics
        }
    }

    func mutations(of text: String) -> [(String, String)] {
        let bytes = Array(text.utf8)
        var out: [(String, String)] = []
        for fraction in [0.1, 0.33, 0.5, 0.77, 0.95] {
            out.append(
                ("truncated at \(Int(fraction * 100))%", String(decoding: bytes.prefix(Int(Double(bytes.count) * fraction)), as: UTF8.self))
            )
        }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for round in 0..<8 {
            var flipped = bytes
            for _ in 0..<3 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let at = Int(state >> 33) % max(1, flipped.count)
                flipped[at] ^= UInt8(truncatingIfNeeded: (state >> 11) | 1)
            }
            out.append(("bytes flipped, round \(round)", String(decoding: flipped, as: UTF8.self)))
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
        for (mutation, text) in mutations(of: file.text) {
            for diagnostic in load(replacing: file, isKnowledge: isKnowledge, with: text) {
                #expect(!diagnostic.file.isEmpty && diagnostic.line >= 0, "\(path), \(mutation): \(diagnostic)")
                #expect(diagnostic.description.contains(": error: ") || diagnostic.description.contains(": warning: "))
            }
        }
    }

    @Test func aDuplicatedEntryIsNamed() {
        guard let (file, isKnowledge) = Self.files.first(where: { $0.0.path.hasSuffix("techniques.yaml") && $0.1 }) else { return }
        let text = file.text.replacingOccurrences(of: "  - id: pressing", with: "  - id: stroking")
        let found = load(replacing: file, isKnowledge: isKnowledge, with: text)
        #expect(found.contains { $0.message == "duplicate technique id 'stroking'" && $0.file == file.path && $0.line > 1 })
    }
}
